"""The vocabulary of the role table (tests/test_role_access.py): the roles, the answers they
get, and the common rows. Each part of the service keeps its own rows in
tests/role_access_entries/<app>.py (EXPECTED, METHODS, SAMPLE_PATHS), merged into the table."""

from dataclasses import dataclass

ROLES = (
    "anonymous",
    "hub_officer",
    "hub_supervisor",
    "administrator",
    "force_user",  # Merseyside
    "other_force_user",  # Kent
    "partner",
    "volunteer",
    "analyst",
    "spoc",  # a hub officer accredited as a communications data single point of contact
)
TARGETS = ("merseyside", "kent", "unallocated")


@dataclass(frozen=True)
class Redirect:
    to: str  # the start of the Location header

    def matches(self, response) -> bool:
        return response.status_code == 302 and response["Location"].startswith(self.to)

    def __str__(self) -> str:
        return f"302 to {self.to}..."


SIGN_IN = Redirect("/accounts/sign-in/?next=")
ADMIN_SIGN_IN = Redirect("/admin/login/?next=")


def answers(
    *,
    anonymous,
    hub_officer,
    hub_supervisor,
    administrator,
    force_user,
    other_force_user,
    partner,
    volunteer,
    analyst=403,
    spoc=None,
) -> dict:
    """Analysts see aggregate figures only, so they are refused unless a row says otherwise; a
    SPoC is a hub officer and answers as one unless a row says otherwise."""
    return {
        "anonymous": anonymous,
        "hub_officer": hub_officer,
        "hub_supervisor": hub_supervisor,
        "administrator": administrator,
        "force_user": force_user,
        "other_force_user": other_force_user,
        "partner": partner,
        "volunteer": volunteer,
        "analyst": analyst,
        "spoc": hub_officer if spoc is None else spoc,
    }


def everyone(expected) -> dict:
    return dict.fromkeys(ROLES, expected)


def case_page(*, merseyside: int, kent: int) -> dict:
    """A page about one case: hub staff always; a force user only for their own force's case
    (otherwise 404, as if it did not exist); partners and volunteers never."""
    return answers(
        anonymous=SIGN_IN,
        hub_officer=200,
        hub_supervisor=200,
        administrator=200,
        force_user=merseyside,
        other_force_user=kent,
        partner=403,
        volunteer=403,
    )


CASE_SCOPED = {
    "merseyside": case_page(merseyside=200, kent=404),
    "kent": case_page(merseyside=404, kent=200),
    "unallocated": case_page(merseyside=404, kent=404),
}
ALLOCATE = answers(  # POSTed empty: allowed roles get the case page back with the form's errors
    anonymous=SIGN_IN,
    hub_officer=403,
    hub_supervisor=200,
    administrator=200,
    force_user=403,
    other_force_user=403,
    partner=403,
    volunteer=403,
)


def force_answer(answer, *, merseyside: bool, kent: bool) -> dict:
    """A local force's own action on a case: the force user of the force it is offered to or
    owned by gets `answer`; another force's user gets 404 (logged); everyone else 403."""
    return answers(
        anonymous=SIGN_IN,
        hub_officer=403,
        hub_supervisor=403,
        administrator=403,
        force_user=answer if merseyside else 404,
        other_force_user=answer if kent else 404,
        partner=403,
        volunteer=403,
    )


def force_scoped(answer) -> dict:
    return {
        "merseyside": force_answer(answer, merseyside=True, kent=False),
        "kent": force_answer(answer, merseyside=False, kent=True),
        "unallocated": force_answer(answer, merseyside=False, kent=False),
    }


# Accept, return, ask for a transfer: POSTed empty (no offer id), the force it is offered to gets
# the case page back with the refusal, and nothing changes.
ANSWER_OFFER = force_scoped(200)
# Recording an outcome: the cases are offered, not accepted, so the force is sent back to the
# case page with that message.
RECORD_OUTCOME = force_scoped(Redirect("/hub/cases/"))

# Matching decisions: hub staff only. POSTed empty, a hub officer is sent back to the case
# page with the form's errors; an undo or dismissal of something that does not exist is a 404.
HUB_POST_BACK_TO_CASE = answers(
    anonymous=SIGN_IN,
    hub_officer=Redirect("/hub/cases/"),
    hub_supervisor=Redirect("/hub/cases/"),
    administrator=Redirect("/hub/cases/"),
    force_user=403,
    other_force_user=403,
    partner=403,
    volunteer=403,
)
HUB_POST_MISSING = {
    **HUB_POST_BACK_TO_CASE,
    "hub_officer": 404,
    "spoc": 404,
    "hub_supervisor": 404,
    "administrator": 404,
}

HUB_PAGE = answers(
    anonymous=SIGN_IN,
    hub_officer=200,
    hub_supervisor=200,
    administrator=200,
    force_user=403,
    other_force_user=403,
    partner=403,
    volunteer=403,
)
SUPERVISORS_PAGE = {**HUB_PAGE, "hub_officer": 403, "spoc": 403}
# A review of an assessment that does not exist (ids differ between databases, so the sample
# URL names one that never does).
SUPERVISORS_MISSING = {**SUPERVISORS_PAGE, "hub_supervisor": 404, "administrator": 404}


def _assign(*, merseyside: bool, kent: bool) -> dict:
    back = Redirect("/hub/cases/")
    return answers(
        anonymous=SIGN_IN,
        hub_officer=back,
        hub_supervisor=back,
        administrator=back,
        force_user=back if merseyside else 404,
        other_force_user=back if kent else 404,
        partner=403,
        volunteer=403,
    )


# "Assign to me": anyone who works the case takes it and is sent back to the case page; another
# force's user gets 404 (logged), as for the case page.
ASSIGN = {
    "merseyside": _assign(merseyside=True, kent=False),
    "kent": _assign(merseyside=False, kent=True),
    "unallocated": _assign(merseyside=False, kent=False),
}
