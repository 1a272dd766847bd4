"""Evidence packages: hub staff and the force the case is allocated to generate and download;
another force's user gets 404 (logged).

Generating (POST) sends an allowed user back to the case page. The role test opens URLs in
the order they are declared, so by the time it asks for version 1's ZIP and PDF, the same
user's POST has just generated it: an allowed user downloads it (200)."""

from tests.role_access_table import CASE_SCOPED, SIGN_IN, Redirect, answers


def _generate(*, merseyside, kent):
    return answers(
        anonymous=SIGN_IN,
        hub_officer=Redirect("/hub/cases/"),
        hub_supervisor=Redirect("/hub/cases/"),
        administrator=Redirect("/hub/cases/"),
        force_user=Redirect("/hub/cases/") if merseyside else 404,
        other_force_user=Redirect("/hub/cases/") if kent else 404,
        partner=403,
        volunteer=403,
    )


EXPECTED = {
    "packages:generate": {
        "merseyside": _generate(merseyside=True, kent=False),
        "kent": _generate(merseyside=False, kent=True),
        "unallocated": _generate(merseyside=False, kent=False),
    },
    "packages:download_zip": CASE_SCOPED,
    "packages:download_pdf": CASE_SCOPED,
}
METHODS = {"packages:generate": "post"}
