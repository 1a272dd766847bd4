"""Intelligence pages (hatehub/intelligence): hub staff write and read everything; analysts and
local force users read disseminated reports (list, and a report they may see); partners and
volunteers never. Report URLs are opened for a reference that does not exist, so the roles
allowed in get 404 and the rest 403. The export API is under the "api" namespace rule (401
without a recipient key)."""

from tests.role_access_table import HUB_PAGE, SIGN_IN, SUPERVISORS_PAGE, answers

MISSING = "/hub/intelligence/IR-NONE000/"

READERS_PAGE = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
    analyst=200,
)
READERS_MISSING = {
    **READERS_PAGE,
    **dict.fromkeys(
        (
            "hub_officer",
            "hub_supervisor",
            "administrator",
            "force_user",
            "other_force_user",
            "analyst",
            "spoc",
        ),
        404,
    ),
}
WRITERS_MISSING = {
    **HUB_PAGE,
    **dict.fromkeys(("hub_officer", "hub_supervisor", "administrator", "spoc"), 404),
}
REVIEWERS_MISSING = {**SUPERVISORS_PAGE, "hub_supervisor": 404, "administrator": 404}

EXPECTED = {
    "intelligence:list": READERS_PAGE,
    "intelligence:create": HUB_PAGE,
    "intelligence:detail": READERS_MISSING,
    "intelligence:edit": WRITERS_MISSING,
    "intelligence:submit": WRITERS_MISSING,
    "intelligence:review": REVIEWERS_MISSING,
    "intelligence:disseminate": WRITERS_MISSING,
}
METHODS = {"intelligence:submit": "post"}
SAMPLE_PATHS = {
    "intelligence:detail": MISSING,
    "intelligence:edit": f"{MISSING}edit/",
    "intelligence:submit": f"{MISSING}submit/",
    "intelligence:review": f"{MISSING}review/",
    "intelligence:disseminate": f"{MISSING}disseminate/",
}
