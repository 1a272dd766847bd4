"""Who may do what with intelligence reports (built on `user.role`; see `accounts.roles`).

- Hub staff (officers, supervisors, administrators) write reports and read everything in them.
- The sanitised text is reviewed by a supervisor or administrator who did not write it.
- Analysts read disseminated reports' sanitised text and grading: no source details, no linked
  persons or accounts (they see aggregate figures, never personal data).
- Local force users read the reports disseminated to their force: the sanitised text and the
  linked POLE entities, never the draft or its sources.
- Partners and volunteers: never.
"""

from hatehub.accounts import roles
from hatehub.accounts.models import Role


def _role(user) -> str | None:
    return getattr(user, "role", None) if user is not None and user.is_authenticated else None


def writes_intelligence(user) -> bool:
    return _role(user) in roles.HUB_ROLES


def reviews_sanitisation(user) -> bool:
    return _role(user) in {Role.HUB_SUPERVISOR, Role.ADMINISTRATOR}


def reads_intelligence(user) -> bool:
    return (
        writes_intelligence(user)
        or _role(user) == Role.ANALYST
        or (roles.responds_to_allocations(user))
    )


def reads_disseminated_text_only(user) -> bool:
    return _role(user) == Role.ANALYST


def sees_source_details(user) -> bool:
    """The draft text, the sanitisation check list, the review: hub staff only."""
    return writes_intelligence(user)


def sees_pole_entities(user) -> bool:
    """Linked persons, accounts and cases: hub staff and the force it was disseminated to."""
    return writes_intelligence(user) or roles.responds_to_allocations(user)
