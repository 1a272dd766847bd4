"""Writing training modules and recording knowledge-check attempts. Each change is one
transaction with its audit entry."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from . import content
from .models import Attempt, Module, ModuleVersion

RESERVED_SLUGS = {"new", "completions"}


class TrainingRefused(ValueError):
    """The change cannot be made; the message says why."""


@dataclass(frozen=True)
class ModuleDraft:
    title: str
    summary: str
    body: str
    questions: list[content.Question]
    pass_mark: int
    required_for_volunteers: bool
    change_note: str = ""
    retake: bool = False  # volunteers must pass this version again


def _add_version(module: Module, draft: ModuleDraft, by) -> ModuleVersion:
    module.current_version += 1
    version = ModuleVersion.objects.create(
        module=module,
        number=module.current_version,
        title=draft.title,
        summary=draft.summary,
        body=draft.body,
        questions=[question.as_dict() for question in draft.questions],
        pass_mark=draft.pass_mark,
        change_note=draft.change_note,
        created_by=by,
        created_at=timezone.now(),
    )
    module.title = draft.title
    module.required_for_volunteers = draft.required_for_volunteers
    if draft.retake or module.current_version == 1:
        module.required_from_version = module.current_version
    module.updated_at = version.created_at
    module.save()
    return version


@transaction.atomic
def create_module(*, slug: str, draft: ModuleDraft, by) -> Module:
    if slug in RESERVED_SLUGS or Module.objects.filter(slug=slug).exists():
        raise TrainingRefused(f"The address '{slug}' is already taken: choose another")
    now = timezone.now()
    module = Module.objects.create(slug=slug, title=draft.title, created_at=now, updated_at=now)
    version = _add_version(module, draft, by)
    record(
        Action.CREATE,
        "training_module",
        module.slug,
        summary=f"Training module '{module.title}' written (version {version.number})",
        details={"required": module.required_for_volunteers},
    )
    return module


@transaction.atomic
def revise_module(module: Module, *, draft: ModuleDraft, by) -> ModuleVersion:
    """Editing never overwrites: the module gets a new version; old attempts keep theirs."""
    module = Module.objects.select_for_update().get(pk=module.pk)
    was_required = module.required_for_volunteers
    version = _add_version(module, draft, by)
    record(
        Action.CHANGE,
        "training_module",
        module.slug,
        summary=f"Training module '{module.title}' revised to version {version.number}",
        details={
            "required": module.required_for_volunteers,
            "was_required": was_required,
            "required_from_version": module.required_from_version,
            "change_note": draft.change_note,
        },
    )
    return version


@transaction.atomic
def record_attempt(module: Module, version: ModuleVersion, *, user, answers: list[int | None]):
    """Mark the answers against the version the person was shown (it may no longer be the
    current one if the module was revised meanwhile)."""
    if version.module_id != module.pk:
        raise TrainingRefused("That version belongs to another module")
    correct = content.mark(version.questions, answers)
    total = len(version.questions)
    attempt = Attempt.objects.create(
        module=module,
        version=version,
        user=user,
        answered_at=timezone.now(),
        correct=correct,
        total=total,
        passed=content.passes(correct, total, version.pass_mark),
        answers=answers,
    )
    record(
        Action.CREATE,
        "training_attempt",
        attempt.pk,
        summary=(
            f"Knowledge check of '{module.title}' v{version.number}: {correct}/{total}, "
            f"{'passed' if attempt.passed else 'not passed'}"
        ),
        details={"module": module.slug, "version": version.number, "passed": attempt.passed},
    )
    return attempt
