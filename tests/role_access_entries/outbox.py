from tests.role_access_table import HUB_PAGE

# A message that does not exist (ids differ between databases): hub staff get 404.
HUB_MISSING = {
    **HUB_PAGE,
    "hub_officer": 404,
    "hub_supervisor": 404,
    "administrator": 404,
    "spoc": 404,
}

EXPECTED = {
    "outbox:outbox": HUB_PAGE,
    "outbox:message": HUB_MISSING,
    "outbox:retry": HUB_MISSING,
}
METHODS = {"outbox:retry": "post"}
SAMPLE_PATHS = {
    "outbox:message": "/hub/outbox/999999999/",
    "outbox:retry": "/hub/outbox/999999999/retry/",
}
