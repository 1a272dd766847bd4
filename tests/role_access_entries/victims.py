"""Victims' Code pages. Track my report (namespace "track") is public, like the report journey,
and covered by the namespace rule in tests/test_role_access.py."""

from tests.role_access_table import SIGN_IN, answers

# Staff who work cases (hub staff, force users) write to complainants; nobody else.
WORKS_CASES_PAGE = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)
# An update that does not exist (ids differ between databases): not found for those allowed.
MISSING_UPDATE = {
    **WORKS_CASES_PAGE,
    **{
        role: 404
        for role in (
            "hub_officer",
            "hub_supervisor",
            "administrator",
            "force_user",
            "other_force_user",
            "spoc",
        )
    },
}

EXPECTED = {
    "victims:dashboard": WORKS_CASES_PAGE,
    "victims:update": MISSING_UPDATE,
    "victims:given": MISSING_UPDATE,
}
METHODS = {"victims:given": "post"}
SAMPLE_PATHS = {
    "victims:update": "/hub/victims/updates/999999999/",
    "victims:given": "/hub/victims/updates/999999999/given/",
}
