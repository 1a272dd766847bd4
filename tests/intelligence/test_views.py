"""The intelligence pages: who sees what, the forms' errors, the case panel, the audit."""

from html import unescape

import pytest
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.intelligence import selectors
from hatehub.intelligence.models import Dissemination, IntelligenceReport

from .conftest import CONDITIONS, SANITISED, approve

Action = AuditEvent.Action
pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(case, account, person, forces, **overrides):
    data = {
        "case_references": case.reference,
        "title": "Threats against a faith group [SYNTHETIC]",
        "draft_text": "The complainant told us where the poster lives [SYNTHETIC].",
        "sanitised_text": SANITISED,
        "places": "Liverpool city centre",
        "nim_level": "2",
        "source_evaluation": "2",
        "intelligence_assessment": "B",
        "handling_code": "C",
        "handling_conditions": CONDITIONS,
        "accounts": [str(account.pk)],
        "persons": [str(person.pk)],
        "forces": [str(forces["merseyside"].pk)],
    }
    data.update(overrides)
    return data


def test_the_case_page_lists_reports_and_links_to_create_one(users, case, make_draft):
    report = make_draft()
    page = client_for(users["hub_officer"]).get(f"/hub/cases/{case.reference}/")
    html = page.content.decode()
    assert "Intelligence reports" in html and report.reference in html
    assert f"/hub/intelligence/new/?case={case.reference}" in html
    assert AuditEvent.objects.filter(
        action=Action.VIEW, object_type="intelligence_report_list", object_id=case.reference
    ).exists()


def test_the_create_page_offers_the_cases_accounts_and_persons(users, case, account, person):
    page = client_for(users["hub_officer"]).get(f"/hub/intelligence/new/?case={case.reference}")
    html = page.content.decode()
    assert page.status_code == 200
    assert f'value="{case.reference}"' in html
    assert account.handle in html and person.full_name in html


def test_an_officer_creates_a_report_from_a_case(users, case, account, person, forces):
    response = client_for(users["hub_officer"]).post(
        "/hub/intelligence/new/", form_data(case, account, person, forces)
    )
    report = IntelligenceReport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{report.reference}/")
    assert report.handling_code == "C" and report.handling_conditions == CONDITIONS
    assert report.nim_level == 2 and report.places == ["Liverpool city centre"]
    assert list(report.persons.all()) == [person] and list(report.accounts.all()) == [account]
    assert report.created_by == users["hub_officer"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"handling_conditions": ""}, "write the conditions out"),
        ({"case_references": "NOPE-NOPE-NOPE"}, "No case with reference NOPE-NOPE-NOPE"),
        ({"source_evaluation": "7"}, "Select a valid choice"),
        ({"legacy_source_evaluation": "B"}, "Legacy 5x5x5"),
        ({"title": ""}, "This field is required"),
    ],
)
def test_bad_input_is_shown_per_field_and_changes_nothing(
    users, case, account, person, forces, overrides, message
):
    response = client_for(users["hub_officer"]).post(
        "/hub/intelligence/new/", form_data(case, account, person, forces, **overrides)
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and message in html
    assert not IntelligenceReport.objects.exists()


def test_force_users_and_analysts_cannot_create_reports(users):
    assert client_for(users["analyst"]).get("/hub/intelligence/new/").status_code == 403
    assert client_for(users["force_user"]).get("/hub/intelligence/new/").status_code == 403


def test_hub_staff_see_the_draft_and_the_sanitisation_check(users, make_draft, case_report):
    name = case_report.complainant.name
    report = make_draft(sanitised_text=f"Seen by {name} [SYNTHETIC].")
    html = client_for(users["hub_officer"]).get(f"/hub/intelligence/{report.reference}/")
    html = html.content.decode()
    assert report.draft_text in html
    assert "Sanitisation check" in html and name in html
    assert "A reviewer must check the sanitised text" in html
    entry = AuditEvent.objects.filter(action=Action.VIEW, object_id=report.reference).first()
    assert entry.details == {"source_details_shown": True}


def test_an_analyst_reads_only_the_sanitised_text_of_disseminated_reports(
    users, make_draft, make_disseminated
):
    draft = make_draft()
    sent = make_disseminated(to=("national",))
    analyst = client_for(users["analyst"])
    listing = analyst.get("/hub/intelligence/").content.decode()
    assert sent.reference in listing and draft.reference not in listing
    html = analyst.get(f"/hub/intelligence/{sent.reference}/").content.decode()
    assert SANITISED in html and "2B P" in html
    assert sent.draft_text not in html
    assert "Sam Example" not in html  # no linked persons
    assert "Sanitisation check" not in html
    assert analyst.get(f"/hub/intelligence/{draft.reference}/").status_code == 404
    denied = AuditEvent.objects.get(action=Action.DENIED, object_id=draft.reference)
    assert denied.actor == users["analyst"]


def test_force_users_read_only_what_was_disseminated_to_their_force(users, make_disseminated):
    to_merseyside = make_disseminated(to=("merseyside",))
    to_kent = make_disseminated(to=("kent",))
    merseyside = client_for(users["force_user"])
    html = merseyside.get(f"/hub/intelligence/{to_merseyside.reference}/").content.decode()
    assert SANITISED in html and "Sam Example [SYNTHETIC]" in html  # POLE links
    assert to_merseyside.draft_text not in html
    assert merseyside.get(f"/hub/intelligence/{to_kent.reference}/").status_code == 404
    listing = merseyside.get("/hub/intelligence/").content.decode()
    assert to_merseyside.reference in listing and to_kent.reference not in listing


def test_partners_and_volunteers_never(users, make_disseminated):
    report = make_disseminated(to=("national",))
    for role in ("partner", "volunteer"):
        client = client_for(users[role])
        assert client.get("/hub/intelligence/").status_code == 403
        assert client.get(f"/hub/intelligence/{report.reference}/").status_code == 403


def test_the_whole_journey_through_the_pages(users, case, account, person, forces, recipients):
    officer, supervisor = client_for(users["hub_officer"]), client_for(users["hub_supervisor"])
    officer.post("/hub/intelligence/new/", form_data(case, account, person, forces))
    report = IntelligenceReport.objects.get()
    url = f"/hub/intelligence/{report.reference}/"

    # Not reviewable or disseminable yet.
    page = officer.post(
        f"{url}disseminate/",
        {"recipients": [recipients["kent"].pk], "conditions_confirmed": "on"},
    )
    assert "The sanitised text must be reviewed and approved first" in page.content.decode()
    assert "A reviewer must check the sanitised text" in page.content.decode()
    assert not Dissemination.objects.exists()

    officer.post(f"{url}submit/")
    report.refresh_from_db()
    assert report.status == IntelligenceReport.Status.AWAITING_REVIEW
    assert client_for(users["hub_officer"]).get(f"{url}review/").status_code == 403

    flags = selectors.sanitisation_flags(report)
    review_page = supervisor.get(f"{url}review/").content.decode()
    for flag in flags:
        assert flag.key in review_page
    page = supervisor.post(f"{url}review/", {"decision": "approve"})
    if flags:
        assert "Tick every flagged detail" in page.content.decode()
    page = supervisor.post(
        f"{url}review/", {"decision": "approve", "checked": [flag.key for flag in flags]}
    )
    assert page.status_code == 302
    report.refresh_from_db()
    assert report.status == IntelligenceReport.Status.REVIEWED

    # Handling code C: the conditions must be confirmed.
    page = officer.post(f"{url}disseminate/", {"recipients": [recipients["merseyside"].pk]})
    assert "Confirm the recipients have the handling conditions" in page.content.decode()
    page = officer.post(
        f"{url}disseminate/",
        {"recipients": [recipients["merseyside"].pk], "conditions_confirmed": "on"},
    )
    assert page.status_code == 302
    report.refresh_from_db()
    assert report.status == IntelligenceReport.Status.DISSEMINATED
    html = unescape(officer.get(url).content.decode())
    assert "Merseyside Force Intelligence Bureau" in html and CONDITIONS in html


def test_return_with_a_note_then_edit(users, make_draft):
    report = make_draft()
    client_for(users["hub_officer"]).post(f"/hub/intelligence/{report.reference}/submit/")
    supervisor = client_for(users["hub_supervisor"])
    page = supervisor.post(f"/hub/intelligence/{report.reference}/review/", {"decision": "return"})
    assert "Say what must change" in page.content.decode()
    supervisor.post(
        f"/hub/intelligence/{report.reference}/review/",
        {"decision": "return", "note": "Remove the place name"},
    )
    report.refresh_from_db()
    assert report.status == IntelligenceReport.Status.RETURNED
    edit = client_for(users["hub_officer"]).get(f"/hub/intelligence/{report.reference}/edit/")
    assert edit.status_code == 200 and report.title in edit.content.decode()


def test_a_reviewed_report_cannot_be_opened_for_changes(users, make_draft):
    report = approve(make_draft(), users["hub_supervisor"])
    page = client_for(users["hub_officer"]).get(f"/hub/intelligence/{report.reference}/edit/")
    assert page.status_code == 302


def test_the_legacy_grading_is_shown_with_notes(users, make_draft):
    report = make_draft(
        legacy_source_evaluation="E", legacy_intelligence_evaluation="4", legacy_handling_code="1"
    )
    html = client_for(users["hub_officer"]).get(f"/hub/intelligence/{report.reference}/")
    html = html.content.decode()
    assert "Legacy 5x5x5 grading" in html and "E4 1" in html
    assert "E: Untested source" in html and "Notes for re-grading under 3x5x2" in html


def test_an_ungraded_draft_shows_what_is_missing(users, make_draft):
    report = make_draft(source_evaluation="", intelligence_assessment="", handling_code="")
    html = client_for(users["hub_officer"]).get(f"/hub/intelligence/{report.reference}/")
    html = unescape(html.content.decode())
    assert "Not graded yet" in html
    assert "Grade the report under 3x5x2 (a legacy 5x5x5 grading is not enough)" in html
