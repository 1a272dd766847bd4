"""Reading training: modules, who completed which version, and what a volunteer still owes."""

from django.db.models import Exists, F, OuterRef, QuerySet

from hatehub.accounts.models import Role, User

from .models import Attempt, Module, ModuleVersion


def modules() -> QuerySet[Module]:
    return Module.objects.filter(current_version__gt=0).order_by(
        "-required_for_volunteers", "title"
    )


def current_version(module: Module) -> ModuleVersion:
    return module.versions.get(number=module.current_version)


def _counting_pass(user_ref):
    """A passed attempt of a version the requirement counts."""
    return Attempt.objects.filter(
        module=OuterRef("pk"),
        user=user_ref,
        passed=True,
        version__number__gte=OuterRef("required_from_version"),
    )


def outstanding_for(user) -> list[Module]:
    """Required modules this volunteer has not passed (at a version that counts)."""
    if getattr(user, "pk", None) is None:
        return []
    return list(
        Module.objects.filter(required_for_volunteers=True, current_version__gt=0)
        .annotate(done=Exists(_counting_pass(user.pk)))
        .filter(done=False)
        .order_by("title")
    )


def with_progress(user) -> list[Module]:
    """Every module, each with `passed_version` (the newest version the user passed, or None)
    and `counts` (whether that pass meets the requirement)."""
    items = list(modules())
    passes: dict[int, int] = {}
    for module_id, number in (
        Attempt.objects.filter(user=user, passed=True)
        .values_list("module_id", "version__number")
        .order_by("version__number")
    ):
        passes[module_id] = number
    for module in items:
        module.passed_version = passes.get(module.pk)
        module.counts = (
            module.passed_version is not None
            and module.passed_version >= module.required_from_version
        )
    return items


def completions() -> tuple[list[dict], list[Module]]:
    """For supervisors: each volunteer and, for each required module, whether they passed a
    version that counts."""
    required = list(Module.objects.filter(required_for_volunteers=True, current_version__gt=0))
    volunteers = list(
        User.objects.filter(role=Role.VOLUNTEER)
        .select_related("organisation")
        .order_by("organisation__name", "last_name", "username")
    )
    passed = set(
        Attempt.objects.filter(
            passed=True,
            user__role=Role.VOLUNTEER,
            version__number__gte=F("module__required_from_version"),
        ).values_list("user_id", "module_id")
    )
    latest: dict[tuple[int, int], int] = {}
    for user_id, module_id, number in Attempt.objects.filter(
        passed=True, user__role=Role.VOLUNTEER
    ).values_list("user_id", "module_id", "version__number"):
        latest[(user_id, module_id)] = max(number, latest.get((user_id, module_id), 0))
    return [
        {
            "volunteer": volunteer,
            "modules": [
                {
                    "module": module,
                    "done": (volunteer.pk, module.pk) in passed,
                    "version": latest.get((volunteer.pk, module.pk)),
                }
                for module in required
            ],
        }
        for volunteer in volunteers
    ], required
