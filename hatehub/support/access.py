"""Who may open the support pages (built on `user.role`; see hatehub.accounts.roles)."""

from hatehub.accounts import roles
from hatehub.accounts.models import Role


def _role(user):
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def reads_directory(user) -> bool:
    """The directory is the hub's: hub officers, supervisors and administrators."""
    return roles.sees_every_case(user)


def edits_directory(user) -> bool:
    """Supervisors and administrators keep the directory up to date."""
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def works_referrals(user) -> bool:
    """Hub staff and local force users (for their own force's cases) refer victims."""
    return roles.works_cases(user)
