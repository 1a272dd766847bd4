"""Advice: hub staff and local force users read the library and requests (a force user only
their force's requests); hub staff write articles and answer; force users ask. Made-up ids are
missing."""

from tests.role_access_table import HUB_PAGE, SIGN_IN, answers

READERS = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)


def missing(row: dict) -> dict:
    return {role: (404 if answer == 200 else answer) for role, answer in row.items()}


ASKERS = answers(
    anonymous=SIGN_IN,
    hub_officer=403,
    hub_supervisor=403,
    administrator=403,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)
EXPECTED = {
    "advice:library": READERS,
    "advice:article": missing(READERS),
    "advice:article_version": missing(READERS),
    "advice:article_new": HUB_PAGE,
    "advice:article_edit": missing(HUB_PAGE),
    "advice:requests": READERS,
    "advice:request_new": ASKERS,
    "advice:request": missing(READERS),
    "advice:answer": missing(HUB_PAGE),
    "advice:publish": missing(HUB_PAGE),
}
METHODS = {"advice:answer": "post"}
