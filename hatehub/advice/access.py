"""Who may do what with advice (built on `user.role`; see accounts.roles)."""

from hatehub.accounts import roles


def reads_advice(user) -> bool:
    """The library and requests: hub staff, and local force users (their own force's
    requests only; see `selectors.visible_requests`)."""
    return roles.works_cases(user)


def gives_advice(user) -> bool:
    """Hub staff write articles and answer requests."""
    return roles.sees_every_case(user)


def asks_for_advice(user) -> bool:
    """A local force user asks the hub, for their force."""
    return roles.responds_to_allocations(user)
