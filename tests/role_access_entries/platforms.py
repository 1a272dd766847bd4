"""Platforms and takedown referrals. Sample URLs name a platform ("x") and a referral ("x")
that do not exist in the role test's database, so roles allowed in get 404."""

from tests.role_access_table import (
    HUB_PAGE,
    SIGN_IN,
    SUPERVISORS_MISSING,
    SUPERVISORS_PAGE,
    TARGETS,
    answers,
)

# Hub staff open it but it names nothing that exists; everyone else is refused first.
HUB_MISSING = {
    **HUB_PAGE,
    "hub_officer": 404,
    "spoc": 404,
    "hub_supervisor": 404,
    "administrator": 404,
}
# Force users read referrals of their force's cases: a missing one is a 404 for them too.
READERS_MISSING = {**HUB_MISSING, "force_user": 404, "other_force_user": 404}

EXPECTED = {
    "platforms:directory": HUB_PAGE,
    "platforms:platform_new": SUPERVISORS_PAGE,
    "platforms:platform_edit": SUPERVISORS_MISSING,
    "platforms:platform_secret": SUPERVISORS_MISSING,
    "platforms:referrals": answers(
        anonymous=SIGN_IN,
        hub_officer=200,
        hub_supervisor=200,
        administrator=200,
        force_user=200,
        other_force_user=200,
        partner=403,
        volunteer=403,
    ),
    "platforms:hash_export": SUPERVISORS_PAGE,
    "platforms:referral_new": dict.fromkeys(TARGETS, HUB_PAGE),
    "platforms:referral": READERS_MISSING,
    "platforms:referral_send": HUB_MISSING,
    "platforms:referral_submitted": HUB_MISSING,
    "platforms:referral_retry": HUB_MISSING,
    "platforms:item_status": HUB_MISSING,
    "platforms:item_check": HUB_MISSING,
}
METHODS = {
    "platforms:platform_secret": "post",
    "platforms:referral_send": "post",
    "platforms:referral_submitted": "post",
    "platforms:referral_retry": "post",
    "platforms:item_check": "post",
}
