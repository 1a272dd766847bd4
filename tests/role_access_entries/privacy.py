"""Retention, erasure and subject access: supervisors and administrators decide and export;
hub officers see what is due but do not decide; analysts, forces, partners, volunteers never."""

from tests.role_access_table import HUB_PAGE, SUPERVISORS_MISSING, SUPERVISORS_PAGE, TARGETS

EXPECTED = {
    "privacy:reviews": HUB_PAGE,
    "privacy:review": SUPERVISORS_MISSING,
    "privacy:erase_case": dict.fromkeys(TARGETS, SUPERVISORS_PAGE),
    "privacy:erasures": SUPERVISORS_PAGE,
    "privacy:subject_access": SUPERVISORS_PAGE,
    # POSTed empty: the page comes back with the form's errors, nothing is exported.
    "privacy:subject_access_export": SUPERVISORS_PAGE,
}
METHODS = {"privacy:subject_access_export": "post"}
SAMPLE_PATHS = {"privacy:review": "/hub/privacy/reviews/999999999/"}
