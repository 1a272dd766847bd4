"""Who may do what with retention, erasure and subject access (built on `user.role`).

Supervisors and administrators decide reviews, erase and answer subject access requests; hub
officers may see what is due (so they can flag a case that must be kept) but not decide or
erase; analysts, forces, partners and volunteers never."""

from hatehub.accounts.models import Role


def _role(user):
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def sees_retention(user) -> bool:
    return _role(user) in {Role.HUB_OFFICER, Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def manages_retention(user) -> bool:
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def handles_subject_access(user) -> bool:
    return manages_retention(user)
