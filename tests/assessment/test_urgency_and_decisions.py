"""The case's urgency on the queue follows its latest assessment and the officer's decision, and
a new report joining an assessed case never drops that decision: it carries forward, flagged
"New report: confirm your decision" on the case page and the queue until the officer confirms
(an audited action). Issue 15 s2. Synthetic text only."""

import pytest

from hatehub.assessment.models import Assessment
from hatehub.assessment.services import (
    DecisionRefused,
    assess_case,
    confirm_decision,
    record_decision,
)
from hatehub.audit.models import AuditEvent
from hatehub.cases.models import CaseEvent, Urgency

pytestmark = pytest.mark.django_db

URL = "https://x.com/poster/status/777"
ABUSE = "He called me a [SLUR] and said people like me are vermin."


@pytest.fixture
def officer(client, users):
    client.force_login(users["hub_officer"])
    return client


@pytest.fixture
def case(make_report):
    return make_report(
        quoted_text=ABUSE, description="Abuse about my faith.", strands=["religion"], urls=[URL]
    ).case


def test_a_grade_2_assessment_does_not_sit_as_routine(case, users):
    assert case.urgency == Urgency.ROUTINE  # nothing urgent in the words at receipt
    first = assess_case(case, reason="First assessment")
    assert first.recommendation["priority"]["grade"] == 3
    case.refresh_from_db()
    assert case.urgency == Urgency.ROUTINE
    # The officer learns the victim is vulnerable and harassed: THRIVE grade 2.
    second = assess_case(
        case,
        by=users["hub_officer"],
        reason="Officer's answers",
        confirmed={"victim_vulnerable": True, "course_of_conduct": True},
    )
    assert second.recommendation["priority"]["grade"] == 2
    case.refresh_from_db()
    assert case.urgency == Urgency.PRIORITY
    assert case.urgency_reason.startswith("Assessment 2: grade 2 (Priority")
    event = case.events.filter(kind=CaseEvent.Kind.STATUS_CHANGED).last()
    assert "Routine -> Priority" in event.summary
    assert AuditEvent.objects.filter(
        object_type="case", object_id=case.reference, summary__contains="urgency set to Priority"
    ).exists()


def test_the_officers_decided_priority_sets_the_urgency(case, users):
    assessment = assess_case(case, reason="First assessment")
    rec = assessment.recommendation
    record_decision(
        assessment,
        classification=rec["classification"],
        strands=rec["strands"],
        offences=[o["id"] for o in rec["offences"]],
        priority=1,
        rationale="The victim told us he is outside her home",
        by=users["hub_officer"],
    )
    case.refresh_from_db()
    assert case.urgency == Urgency.URGENT
    assert case.urgency_reason.startswith("Officer's decision: grade 1")


def _decide_as_recommended(assessment, officer_user):
    rec = assessment.recommendation
    return record_decision(
        assessment,
        classification=rec["classification"],
        strands=rec["strands"],
        offences=[o["id"] for o in rec["offences"]],
        priority=rec["priority"]["grade"],
        rationale="",
        by=officer_user,
    )


def test_a_new_report_carries_the_decision_forward_to_confirm(
    case, users, officer, make_report, django_capture_on_commit_callbacks
):
    first = _decide_as_recommended(
        assess_case(case, reason="First assessment"), users["hub_officer"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_report(
            quoted_text=ABUSE,
            description="I saw this too.",
            urls=[URL],
            strands=["religion"],
            reporter_role="witness",
        )
    latest = case.assessments.order_by("-number").first()
    assert latest.number == 2
    assert latest.decided and latest.decided_classification == first.decided_classification
    assert latest.decided_by == users["hub_officer"]
    assert latest.decision_carried_from == first
    assert latest.decision_to_confirm

    flag = "New report: confirm your decision"
    page = officer.get(f"/hub/cases/{case.reference}/").content.decode()
    assert flag in page and 'id="decision-to-confirm"' in page
    assert flag in officer.get("/hub/").content.decode()

    response = officer.post(f"/hub/cases/{case.reference}/assessment/confirm/")
    assert response.status_code == 302
    latest.refresh_from_db()
    assert not latest.decision_to_confirm
    assert latest.decision_confirmed_by == users["hub_officer"]
    assert AuditEvent.objects.filter(
        object_type="assessment", object_id=str(latest.pk), summary__contains="Decision confirmed"
    ).exists()
    assert flag not in officer.get("/hub/").content.decode()
    # (the timeline keeps the history; the warning itself is gone)
    assert (
        'id="decision-to-confirm"'
        not in officer.get(f"/hub/cases/{case.reference}/").content.decode()
    )


def test_a_carried_decision_never_lowers_the_urgency_of_new_danger(case, users, make_report):
    _decide_as_recommended(assess_case(case, reason="First assessment"), users["hub_officer"])
    case.refresh_from_db()
    assert case.urgency == Urgency.ROUTINE
    # A second report of the same post adds a threat to burn the victim's home.
    make_report(
        quoted_text=ABUSE + " Somebody should burn it down, her house.",
        urls=[URL],
        strands=["religion"],
        description="The post now threatens her home.",
    )
    latest = assess_case(case, reason="Re-assessment: 1 new report(s) joined", new_reports=1)
    assert latest.decision_to_confirm and latest.recommendation["urgent"]
    case.refresh_from_db()
    assert case.urgency == Urgency.URGENT
    assert "confirm your decision" in case.urgency_reason


def test_confirming_a_decision_that_now_differs_needs_a_rationale(case, users):
    _decide_as_recommended(assess_case(case, reason="First assessment"), users["hub_officer"])
    latest = assess_case(
        case,
        reason="Officer's answers",
        confirmed={"threat_seriousness": "death", "aimed_at": "person"},
    )
    assert latest.decision_to_confirm  # the recommendation changed under the decision
    assert latest.confirm_label == "Recommendation changed: confirm your decision"
    with pytest.raises(DecisionRefused, match="record your decision again"):
        confirm_decision(latest, by=users["hub_officer"])
    latest.refresh_from_db()
    assert latest.decision_to_confirm  # nothing changed
    rec = latest.recommendation
    record_decision(
        latest,
        classification=rec["classification"],
        strands=rec["strands"],
        offences=[o["id"] for o in rec["offences"]],
        priority=rec["priority"]["grade"],
        rationale="",
        by=users["hub_officer"],
    )
    latest.refresh_from_db()
    assert not latest.decision_to_confirm


def test_needs_officer_decision_is_not_a_decision_an_officer_can_record(case, users):
    assessment = assess_case(case, reason="First assessment")
    with pytest.raises(DecisionRefused):
        record_decision(
            assessment,
            classification="needs_officer_decision",
            strands=[],
            offences=[],
            priority=3,
            rationale="x",
            by=users["hub_officer"],
        )
    assert not Assessment.objects.get(pk=assessment.pk).decided
