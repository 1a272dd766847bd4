"""Who may do what with training modules (built on `user.role`; see accounts.roles)."""

from hatehub.accounts.models import Role
from hatehub.accounts.roles import HUB_ROLES


def _role(user):
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def takes_training(user) -> bool:
    """Volunteers study the modules; hub staff read them (and may take the checks too)."""
    return _role(user) in HUB_ROLES | {Role.VOLUNTEER}


def writes_training(user) -> bool:
    """Supervisors and administrators write modules and decide which are required."""
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}
