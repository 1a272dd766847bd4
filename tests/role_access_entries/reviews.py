"""Role table rows for the Victims' Right to Review (hatehub/reviews)."""

from tests.role_access_table import HUB_PAGE, SIGN_IN, TARGETS, answers

REVIEW_WORKERS = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=200,
    other_force_user=200,
    partner=403,
    volunteer=403,
)
# Request 1 does not exist: the roles that may open requests get 404.
MISSING = {
    **REVIEW_WORKERS,
    **dict.fromkeys(
        [
            "hub_officer",
            "spoc",
            "hub_supervisor",
            "administrator",
            "force_user",
            "other_force_user",
        ],
        404,
    ),
}
ASSIGN_MISSING = {
    **MISSING,
    "hub_officer": 403,
    "spoc": 403,
    "force_user": 403,
    "other_force_user": 403,
}

EXPECTED = {
    "reviews:list": REVIEW_WORKERS,
    # Requests are recorded by hub staff (force users are refused on every case).
    "reviews:record": dict.fromkeys(TARGETS, HUB_PAGE),
    "reviews:detail": MISSING,
    "reviews:acknowledge": MISSING,
    "reviews:decide": MISSING,
    "reviews:assign": ASSIGN_MISSING,
}
METHODS = {
    "reviews:acknowledge": "post",
    "reviews:decide": "post",
    "reviews:assign": "post",
}
