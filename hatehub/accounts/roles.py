"""What each role may do. Views ask these questions; they never compare role names themselves."""

from .models import Role

HUB_ROLES = frozenset({Role.HUB_OFFICER, Role.HUB_SUPERVISOR, Role.ADMINISTRATOR})
CASEWORK_ROLES = HUB_ROLES | {Role.FORCE_USER}


def _role(user) -> str | None:
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def works_cases(user) -> bool:
    """Hub staff and local force users open the queue and case pages (force users: their own)."""
    return _role(user) in CASEWORK_ROLES


def sees_every_case(user) -> bool:
    return _role(user) in HUB_ROLES


def allocates_cases(user) -> bool:
    """Allocation changes who is responsible for a case: supervisors and administrators only."""
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def responds_to_allocations(user) -> bool:
    """Local force users accept a case offered to their force, return it to the hub or ask for
    a transfer; once their force owns it they record its outcomes. Which case: see
    `works_for_force`."""
    return _role(user) == Role.FORCE_USER and getattr(user, "force_id", None) is not None


def works_for_force(user, force) -> bool:
    """A local force user of this force (the force's own staff act for it; the hub does not)."""
    return (
        responds_to_allocations(user)
        and force is not None
        and getattr(user, "force_id", None) == getattr(force, "pk", force)
    )


def reads_audit_log(user) -> bool:
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def reports_as_volunteer(user) -> bool:
    return _role(user) == Role.VOLUNTEER


def reviews_identification_requests(user) -> bool:
    """Only an accredited SPoC on the hub's staff reviews communications data requests."""
    return _role(user) in HUB_ROLES and bool(getattr(user, "spoc_accredited", False))


def reads_analytics(user) -> bool:
    """Supervisors and analysts see the hub-wide figures; force users see their own force's
    (see `analytics_force`)."""
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR, Role.ANALYST, Role.FORCE_USER}


def analytics_force(user):
    """The force whose figures a user is limited to, or None for the whole hub."""
    return getattr(user, "force", None) if _role(user) == Role.FORCE_USER else None
