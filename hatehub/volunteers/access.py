"""Who may manage volunteers (built on `user.role`; see accounts.roles)."""

from hatehub.accounts.models import Role


def manages_volunteers(user) -> bool:
    """Supervisors invite volunteers and read the quality figures; administrators too."""
    role = getattr(user, "role", None) if user is not None and user.is_authenticated else None
    return role in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}
