"""The workflow through the services: draft, review of the sanitised text by someone else,
dissemination. No dissemination without a grading, a handling code and a reviewed text."""

import pytest
from django.db import IntegrityError, transaction

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import CaseEvent
from hatehub.intelligence import selectors, services
from hatehub.intelligence.models import Dissemination, IntelligenceReport

from .conftest import CONDITIONS, approve

Action = AuditEvent.Action
Status = IntelligenceReport.Status
pytestmark = pytest.mark.django_db


def audit(action, object_type="intelligence_report"):
    return AuditEvent.objects.filter(action=action, object_type=object_type)


def test_a_draft_is_created_from_a_case_with_its_pole_links_and_audited(make_draft, case):
    report = make_draft()
    assert report.reference.startswith("IR-") and report.status == Status.DRAFT
    assert list(report.cases.all()) == [case]
    assert report.persons.count() == report.accounts.count() == report.forces.count() == 1
    entry = audit(Action.CREATE).get(object_id=report.reference)
    assert case.reference in entry.summary and entry.details["grading"] == "2B P"
    assert CaseEvent.objects.filter(case=case, summary__contains=report.reference).exists()


def test_a_draft_may_come_from_several_cases(make_draft, case, make_report):
    other = make_report().case
    report = make_draft(cases=[case, other])
    assert set(report.cases.all()) == {case, other}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"handling_code": "C"}, "handling_conditions"),
        ({"handling_code": "P", "handling_conditions": "only Kent"}, "handling_conditions"),
        ({"source_evaluation": "4"}, "source_evaluation"),
        ({"intelligence_assessment": "", "handling_code": "P"}, "intelligence_assessment"),
        ({"nim_level": 4}, "nim_level"),
        ({"cases": []}, "cases"),
        ({"legacy_source_evaluation": "1"}, "legacy_source_evaluation"),
        ({"legacy_source_evaluation": "B"}, "legacy_intelligence_evaluation"),
    ],
)
def test_bad_drafts_are_refused_and_change_nothing(make_draft, overrides, field):
    before = AuditEvent.objects.count()
    with pytest.raises(services.IntelligenceRefused) as refused:
        make_draft(**overrides)
    assert field in refused.value.fields
    assert IntelligenceReport.objects.count() == 0
    assert AuditEvent.objects.count() == before


def test_an_ungraded_draft_is_allowed_but_cannot_go_for_review(make_draft, users):
    report = make_draft(source_evaluation="", intelligence_assessment="", handling_code="")
    with pytest.raises(services.IntelligenceRefused, match="Grade the report"):
        services.submit_for_review(report, by=users["hub_officer"])
    blank = make_draft(sanitised_text="")
    with pytest.raises(services.IntelligenceRefused, match="sanitised text"):
        services.submit_for_review(blank, by=users["hub_officer"])


def test_a_legacy_grading_is_recorded_and_read(make_draft):
    report = make_draft(
        legacy_source_evaluation="B",
        legacy_intelligence_evaluation="2",
        legacy_handling_code="4",
    )
    legacy = selectors.legacy_grading(report)
    assert legacy.code == "B2 4" and legacy.scheme == "5x5x5"


def test_the_author_and_officers_cannot_review(make_draft, users):
    report = make_draft(by=users["hub_supervisor"])
    services.submit_for_review(report, by=users["hub_supervisor"])
    with pytest.raises(services.IntelligenceRefused, match="someone else"):
        services.review(report, by=users["hub_supervisor"], approve=True, checked=[])
    with pytest.raises(services.IntelligenceRefused, match="supervisor"):
        services.review(report, by=users["hub_officer"], approve=True, checked=[])
    services.review(report, by=users["administrator"], approve=True, checked=[])
    report.refresh_from_db()
    assert report.status == Status.REVIEWED and report.reviewed_by == users["administrator"]


def test_approval_needs_every_flagged_detail_ticked(make_draft, users, case_report):
    name = case_report.complainant.name
    report = make_draft(sanitised_text=f"{name} saw the account post threats.")
    services.submit_for_review(report, by=users["hub_officer"])
    flags = selectors.sanitisation_flags(report)
    assert any(flag.kind == "source_name" and flag.text == name for flag in flags)
    with pytest.raises(services.IntelligenceRefused, match="Check every flagged detail"):
        services.review(report, by=users["hub_supervisor"], approve=True, checked=[])
    report.refresh_from_db()
    assert report.status == Status.AWAITING_REVIEW and report.reviewed_digest == ""


def test_returning_needs_a_note_and_reopens_the_draft(make_draft, users):
    report = make_draft()
    services.submit_for_review(report, by=users["hub_officer"])
    with pytest.raises(services.IntelligenceRefused, match="Say what must change"):
        services.review(report, by=users["hub_supervisor"], approve=False, checked=[])
    services.review(
        report, by=users["hub_supervisor"], approve=False, checked=[], note="Remove the street"
    )
    report.refresh_from_db()
    assert report.status == Status.RETURNED and report.review_note == "Remove the street"


def test_dissemination_is_recorded_with_its_recipients_and_audited(
    make_draft, users, recipients, case
):
    report = approve(
        make_draft(handling_code="C", handling_conditions=CONDITIONS), users["hub_supervisor"]
    )
    sent = services.disseminate(
        report,
        by=users["hub_officer"],
        recipients=[recipients["merseyside"], recipients["national"]],
    )
    report.refresh_from_db()
    assert report.status == Status.DISSEMINATED and report.disseminated_at is not None
    assert set(sent.recipients.all()) == {recipients["merseyside"], recipients["national"]}
    assert sent.grading_code == "2B C" and sent.handling_conditions == CONDITIONS
    entry = audit(Action.DISCLOSE).get(object_id=report.reference)
    assert entry.details["recipients"] == [
        "Merseyside Force Intelligence Bureau",
        "National Intelligence System (test)",
    ]
    assert "Merseyside Force Intelligence Bureau" in entry.summary
    assert entry.actor == users["hub_officer"]
    assert CaseEvent.objects.filter(case=case, summary__contains="disseminated").exists()


def test_no_dissemination_before_review(make_draft, users, recipients):
    report = make_draft()
    with pytest.raises(services.IntelligenceRefused) as refused:
        services.disseminate(report, by=users["hub_officer"], recipients=[recipients["kent"]])
    assert "A reviewer must check the sanitised text" in refused.value.problems
    assert not Dissemination.objects.exists()
    assert not audit(Action.DISCLOSE).exists()


def test_no_dissemination_without_a_grading_or_handling_code(make_draft, users, recipients):
    """Even if the data were changed behind the service's back after review."""
    report = approve(make_draft(), users["hub_supervisor"])
    IntelligenceReport.objects.filter(pk=report.pk).update(handling_code="")
    with pytest.raises(services.IntelligenceRefused) as refused:
        services.disseminate(report, by=users["hub_officer"], recipients=[recipients["kent"]])
    assert "Give the report a handling code (P or C)" in refused.value.problems
    IntelligenceReport.objects.filter(pk=report.pk).update(
        source_evaluation="", intelligence_assessment="", handling_code=""
    )
    with pytest.raises(services.IntelligenceRefused, match="Grade the report under 3x5x2"):
        services.disseminate(report, by=users["hub_officer"], recipients=[recipients["kent"]])
    assert not Dissemination.objects.exists()


def test_a_text_changed_after_review_must_be_reviewed_again(make_draft, users, recipients):
    report = approve(make_draft(), users["hub_supervisor"])
    IntelligenceReport.objects.filter(pk=report.pk).update(sanitised_text="Now names Tom.")
    with pytest.raises(services.IntelligenceRefused, match="changed after its review"):
        services.disseminate(report, by=users["hub_officer"], recipients=[recipients["kent"]])


def test_no_dissemination_without_recipients_or_by_non_staff(make_draft, users, recipients):
    report = approve(make_draft(), users["hub_supervisor"])
    with pytest.raises(services.IntelligenceRefused, match="at least one recipient"):
        services.disseminate(report, by=users["hub_officer"], recipients=[])
    with pytest.raises(services.IntelligenceRefused, match="hub staff"):
        services.disseminate(report, by=users["analyst"], recipients=[recipients["kent"]])


def test_a_reviewed_report_cannot_be_edited(make_draft, users):
    report = approve(make_draft(), users["hub_supervisor"])
    draft = services.ReportDraft(
        title="x", draft_text="x", nim_level=1, cases=list(report.cases.all())
    )
    with pytest.raises(services.IntelligenceRefused, match="only a draft or a returned"):
        services.update_report(report, draft, by=users["hub_officer"])


def test_an_edit_of_the_reviewed_content_needs_a_new_reviewer(make_draft, users):
    report = make_draft(by=users["hub_officer"])
    draft = services.ReportDraft(
        title=report.title,
        draft_text=report.draft_text,
        nim_level=1,
        cases=list(report.cases.all()),
        sanitised_text="A rewritten sanitised text [SYNTHETIC].",
        source_evaluation="2",
        intelligence_assessment="B",
        handling_code="P",
    )
    services.update_report(report, draft, by=users["hub_supervisor"])
    report.refresh_from_db()
    assert report.last_edited_by == users["hub_supervisor"]
    services.submit_for_review(report, by=users["hub_officer"])
    with pytest.raises(services.IntelligenceRefused, match="someone else"):
        services.review(report, by=users["hub_supervisor"], approve=True, checked=[])
    assert audit(Action.CHANGE).filter(object_id=report.reference).exists()


def test_the_database_refuses_a_disseminated_report_without_grading(make_draft):
    report = make_draft(source_evaluation="", intelligence_assessment="", handling_code="")
    with pytest.raises(IntegrityError), transaction.atomic():
        IntelligenceReport.objects.filter(pk=report.pk).update(
            status=Status.DISSEMINATED, reviewed_digest="x" * 64
        )


def test_the_database_refuses_handling_code_c_without_conditions(make_draft):
    report = make_draft()
    with pytest.raises(IntegrityError), transaction.atomic():
        IntelligenceReport.objects.filter(pk=report.pk).update(handling_code="C")
