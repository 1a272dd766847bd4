"""Evidence pages: capture a reported page, a capture's files, a file's continuity log. Hub
staff, and the force the case is allocated to; another force's user gets 404 (logged)."""

from tests.role_access_table import CASE_SCOPED, SIGN_IN, TARGETS, answers

# The sample evidence id is the case's original screenshot, not a capture file: everyone
# allowed to open the case gets 404, the rest are refused as usual.
NOT_A_CAPTURE = answers(
    anonymous=SIGN_IN,
    hub_officer=404,
    hub_supervisor=404,
    administrator=404,
    force_user=404,
    other_force_user=404,
    partner=403,
    volunteer=403,
)

EXPECTED = {
    "evidence:capture": CASE_SCOPED,
    "evidence:capture_file": dict.fromkeys(TARGETS, NOT_A_CAPTURE),
    "evidence:continuity": CASE_SCOPED,
}
