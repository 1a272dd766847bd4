"""Analytics: supervisors, administrators, analysts, hub officers (they work a surge) and force
users (their own force's figures) read it; hub staff acknowledge alerts. No alert exists in the
role table's world, so an alert's pages answer 404 to those allowed to open them."""

from tests.role_access_table import SIGN_IN, answers

READERS = answers(
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
MISSING_ALERT = {**READERS, **{role: 404 for role, answer in READERS.items() if answer == 200}}
ACKNOWLEDGE_MISSING = {
    **MISSING_ALERT,
    "force_user": 403,
    "other_force_user": 403,
    "analyst": 403,
}

EXPECTED = {
    "analytics:dashboard": READERS,
    "analytics:chart_csv": READERS,
    "analytics:campaigns": READERS,
    "analytics:alert": MISSING_ALERT,
    "analytics:acknowledge": ACKNOWLEDGE_MISSING,
}
METHODS = {"analytics:acknowledge": "post"}
SAMPLE_PATHS = {
    "analytics:chart_csv": "/hub/analytics/charts/volume-platform.csv",
    "analytics:alert": "/hub/analytics/alerts/999999999/",
    "analytics:acknowledge": "/hub/analytics/alerts/999999999/acknowledge/",
}
