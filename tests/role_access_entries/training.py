"""Training: volunteers study the modules, hub staff read them, supervisors (and
administrators) write them; a made-up module is missing."""

from tests.role_access_table import SIGN_IN, SUPERVISORS_PAGE, answers

LEARNERS = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=403,
    other_force_user=403,
    partner=403,
    volunteer=200,
)
LEARNERS_MISSING = {role: (404 if answer == 200 else answer) for role, answer in LEARNERS.items()}
WRITERS_MISSING = {
    role: (404 if answer == 200 else answer) for role, answer in SUPERVISORS_PAGE.items()
}
EXPECTED = {
    "training:modules": LEARNERS,
    "training:module": LEARNERS_MISSING,
    "training:check": LEARNERS_MISSING,
    "training:new": SUPERVISORS_PAGE,
    "training:completions": SUPERVISORS_PAGE,
    "training:edit": WRITERS_MISSING,
    "training:version": WRITERS_MISSING,
}
