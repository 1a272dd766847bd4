"""A hub officer assesses a case on its page: the recommendation with its rules, their answers,
their decision beside it, re-assessment as reports join, and a supervisor's review."""

import pytest

from hatehub.assessment.models import Assessment
from hatehub.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

THREAT = "He replied: I'm going to kill you, you Muslim. He said it again this morning."


@pytest.fixture
def officer(client, users):
    client.force_login(users["hub_officer"])
    return client


@pytest.fixture
def threat_case(make_report):
    return make_report(quoted_text=THREAT, description="A threat to kill me because I am Muslim",
                       urls=["https://x.com/threatener/status/42"]).case  # fmt: skip


def test_officer_assesses_and_the_page_shows_the_recommendation_and_rules(officer, threat_case):
    assert (
        "Not assessed yet" in officer.get(f"/hub/cases/{threat_case.reference}/").content.decode()
    )
    officer.post(f"/hub/cases/{threat_case.reference}/assess/")
    assessment = Assessment.objects.get(case=threat_case)
    rec = assessment.recommendation
    assert rec["classification"] == "crime"
    assert "religion" in rec["strands"]
    assert rec["urgent"] is True
    page = officer.get(f"/hub/cases/{threat_case.reference}/").content.decode()
    assert "Recommended" in page and "Urgent" in page
    assert "Online Safety Act 2023" in page
    assert "Rules that fired" in page and "Source:" in page
    assert AuditEvent.objects.filter(object_type="assessment", action="create").exists()


def test_a_decision_that_differs_needs_a_rationale_and_goes_to_review(officer, client, users,
                                                                      threat_case):  # fmt: skip
    officer.post(f"/hub/cases/{threat_case.reference}/assess/")
    url = f"/hub/cases/{threat_case.reference}/assessment/decision/"
    response = officer.post(url, {"classification": "nchi", "priority": "3"})
    assert response.status_code == 200
    assert "Explain why your decision differs" in response.content.decode()
    assert not Assessment.objects.get().decided

    officer.post(url, {"classification": "nchi", "priority": "3", "rationale": "Not a threat"})
    decided = Assessment.objects.get()
    assert decided.decided and decided.disagrees
    page = officer.get(f"/hub/cases/{threat_case.reference}/").content.decode()
    assert "Differs" in page and "Not a threat" in page

    client.force_login(users["hub_supervisor"])
    review = client.get("/hub/assessments/disagreements/").content.decode()
    assert threat_case.reference in review
    client.post(f"/hub/assessments/{decided.pk}/review/", {"note": "Agree: bravado"})
    assert Assessment.objects.get().reviewed_at is not None


def test_officers_answers_make_a_new_assessment_and_keep_the_history(officer, make_report):
    case = make_report(quoted_text="You lot are all the same", urls=[]).case
    officer.post(f"/hub/cases/{case.reference}/assess/")
    officer.post(
        f"/hub/cases/{case.reference}/assessment/answers/",
        {"course_of_conduct": "yes", "hostility_based_on_characteristic": "yes",
         "strands": ["disability"], "aimed_at": "person"},
    )  # fmt: skip
    assert list(case.assessments.values_list("number", flat=True)) == [2, 1]
    latest = case.assessments.get(number=2)
    assert latest.confirmed["course_of_conduct"] is True
    assert "disability" in latest.recommendation["strands"]


def test_a_report_joining_an_assessed_case_reassesses_it(
    officer, threat_case, make_report, django_capture_on_commit_callbacks
):
    officer.post(f"/hub/cases/{threat_case.reference}/assess/")
    with django_capture_on_commit_callbacks(execute=True):
        make_report(quoted_text=THREAT, urls=["https://twitter.com/threatener/status/42"])
    latest = threat_case.assessments.order_by("-number").first()
    assert latest.number == 2
    assert "1 new report" in latest.reason


@pytest.mark.parametrize("role", ["force_user", "volunteer", "partner"])
def test_only_hub_staff_assess(client, users, threat_case, role):
    client.force_login(users[role])
    assert client.post(f"/hub/cases/{threat_case.reference}/assess/").status_code == 403
    assert not Assessment.objects.exists()


def test_in_a_surge_a_likely_threat_is_first_among_cases_of_the_same_urgency(officer, make_report):
    mild = make_report(quoted_text="I do not like the new bus timetable at all", urls=[]).case
    threat = make_report(quoted_text=THREAT, urls=[]).case
    mild.refresh_from_db()
    threat.refresh_from_db()
    assert threat.content_signal > mild.content_signal
    queue = officer.get("/hub/").content.decode()
    assert queue.index(threat.reference) < queue.index(mild.reference)
