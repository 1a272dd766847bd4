"""Who may do what with platforms and referrals, built on the roles in `accounts.roles`."""

from hatehub.accounts import roles


def reads_referrals(user) -> bool:
    """Hub staff see every referral; force users those holding their force's cases."""
    return roles.works_cases(user)


def works_referrals(user) -> bool:
    """Hub officers and supervisors (and administrators) draft, send and update referrals."""
    return roles.sees_every_case(user)


def reads_directory(user) -> bool:
    return roles.sees_every_case(user)


def edits_directory(user) -> bool:
    """Supervisors (and administrators) edit the directory and issue callback keys."""
    return roles.allocates_cases(user)


def exports_hashes(user) -> bool:
    """Sharing hashes with platforms is a disclosure decision: supervisors."""
    return roles.allocates_cases(user)
