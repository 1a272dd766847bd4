"""Who may do what with suspects and identification requests (built on `accounts.roles`).

- Hub staff (officers, supervisors, administrators) see every person, create them, link and
  unlink accounts, and draft identification requests.
- A local force user sees a person only while one of the person's current accounts appears in a
  case their force holds (`selectors.visible_people`); they never change anything here and never
  open identification requests (the person page shows them each request's status only).
- Only an accredited SPoC reviews, records the authorisation, marks a request sent and records
  the platform's response (`roles.reviews_identification_requests`).
- Analysts, partners and volunteers: never.
"""

from hatehub.accounts import roles


def reads_people(user) -> bool:
    return roles.works_cases(user)


def manages_people(user) -> bool:
    return roles.sees_every_case(user)


def drafts_identification_requests(user) -> bool:
    return roles.sees_every_case(user)


def reads_identification_requests(user) -> bool:
    return roles.sees_every_case(user)


def acts_as_spoc(user) -> bool:
    return roles.reviews_identification_requests(user)
