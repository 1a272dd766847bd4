"""Who may do what with Right to Review requests (built on `user.role`)."""

from hatehub.accounts import roles
from hatehub.accounts.models import Role


def _role(user):
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def works_reviews(user) -> bool:
    """Hub staff see every request; a force user those on their own force's cases."""
    return roles.works_cases(user)


def records_requests(user) -> bool:
    """Requests come to the hub: hub officers, supervisors and administrators record them."""
    return roles.sees_every_case(user)


def assigns_reviewers(user) -> bool:
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}
