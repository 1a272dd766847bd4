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


def reads_audit_log(user) -> bool:
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def reports_as_volunteer(user) -> bool:
    return _role(user) == Role.VOLUNTEER
