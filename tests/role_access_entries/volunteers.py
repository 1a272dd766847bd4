"""Volunteers' pages are theirs alone; supervisors (and administrators) manage volunteers. A
made-up batch id is missing for a volunteer; a made-up set-password link is not valid (404) for
everyone, signed in or not."""

from tests.role_access_table import SIGN_IN, SUPERVISORS_PAGE, answers, everyone

VOLUNTEER_PAGE = answers(
    anonymous=SIGN_IN,
    hub_officer=403,
    hub_supervisor=403,
    administrator=403,
    force_user=403,
    other_force_user=403,
    partner=403,
    volunteer=200,
)
EXPECTED = {
    "volunteers:home": VOLUNTEER_PAGE,
    "volunteers:submit": VOLUNTEER_PAGE,
    "volunteers:upload": VOLUNTEER_PAGE,
    "volunteers:csv_template": VOLUNTEER_PAGE,
    "volunteers:batch": {**VOLUNTEER_PAGE, "volunteer": 404},
    "volunteers:manage": SUPERVISORS_PAGE,
    "volunteers:invite": SUPERVISORS_PAGE,
    "volunteers:quality": SUPERVISORS_PAGE,
    # POSTed for user 1, who is not a volunteer: missing for supervisors.
    "volunteers:reissue": {**SUPERVISORS_PAGE, "hub_supervisor": 404, "administrator": 404},
    "volunteers:set_password": everyone(404),
}
METHODS = {"volunteers:reissue": "post"}
