"""Role table rows for the support directory and referrals (hatehub/support)."""

from tests.role_access_table import (
    CASE_SCOPED,
    HUB_PAGE,
    SIGN_IN,
    SUPERVISORS_PAGE,
    answers,
    everyone,
)

# Hub staff and force users; a referral that does not exist is a 404 for them.
REFERRAL_WORKERS = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)
MISSING_REFERRAL = {
    **REFERRAL_WORKERS,
    **dict.fromkeys(["hub_officer", "spoc", "hub_supervisor", "administrator", "force_user"], 404),
    "other_force_user": 404,
}

EXPECTED = {
    "support:directory": HUB_PAGE,
    "support:service_new": SUPERVISORS_PAGE,
    # No service 1 in the table's database: supervisors get 404, everyone else as before.
    "support:service_edit": {**SUPERVISORS_PAGE, "hub_supervisor": 404, "administrator": 404},
    "support:referrals": REFERRAL_WORKERS,
    "support:referral": MISSING_REFERRAL,
    "support:refer": CASE_SCOPED,
    # The service's acknowledgement link: public, and an unknown token finds nothing.
    "support:acknowledge": everyone(404),
}
