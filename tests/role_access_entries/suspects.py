"""Suspect profiles and identification requests (hatehub/suspects).

People: hub staff see and change everyone; a force user opens the list and a person linked to
their force's cases (read only; a made-up reference is a 404 as for hub staff); analysts,
partners and volunteers never. Identification requests: hub staff only; the SPoC's steps
(review, authorisation, sending, the response) only an accredited SPoC. Parameters are made
up here (no such person or request), so allowed roles get 404; account ids that never exist
are given in SAMPLE_PATHS.
"""

from tests.role_access_table import HUB_PAGE, SIGN_IN, answers

MISSING = 999999999

PEOPLE_LIST = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)
# A person who does not exist: not found for everyone who may open people at all.
NO_SUCH_PERSON = {
    **PEOPLE_LIST,
    **dict.fromkeys(
        ("hub_officer", "hub_supervisor", "administrator", "force_user", "other_force_user"), 404
    ),
    "spoc": 404,
}
# Hub staff only, for something that does not exist.
HUB_MISSING = {
    **HUB_PAGE,
    **dict.fromkeys(("hub_officer", "hub_supervisor", "administrator", "spoc"), 404),
}
# A SPoC's step on a request that does not exist: only the SPoC gets as far as looking.
SPOC_MISSING = {
    **HUB_PAGE,
    **dict.fromkeys(("hub_officer", "hub_supervisor", "administrator"), 403),
    "spoc": 404,
}

EXPECTED = {
    "suspects:people": PEOPLE_LIST,
    "suspects:person_new": HUB_PAGE,
    "suspects:person": NO_SUCH_PERSON,
    "suspects:link": HUB_MISSING,
    "suspects:unlink": HUB_MISSING,
    "suspects:account": HUB_MISSING,
    "suspects:request_new": HUB_MISSING,
    "suspects:requests": HUB_PAGE,
    "suspects:request": HUB_MISSING,
    "suspects:request_edit": HUB_MISSING,
    "suspects:request_submit": HUB_MISSING,
    "suspects:request_review": SPOC_MISSING,
    "suspects:request_authorise": SPOC_MISSING,
    "suspects:request_send": SPOC_MISSING,
    "suspects:request_response": SPOC_MISSING,
    "suspects:attachment": HUB_MISSING,
}
METHODS = {"suspects:request_submit": "post"}
SAMPLE_PATHS = {
    "suspects:account": f"/hub/suspects/accounts/{MISSING}/",
    "suspects:request_new": f"/hub/suspects/accounts/{MISSING}/requests/new/",
}
