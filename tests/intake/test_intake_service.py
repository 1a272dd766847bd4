"""The intake service: one transaction, a case per report, urgency from the routing rule."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case, Urgency
from hatehub.intake.routing import initial_urgency
from hatehub.intake.services import IdempotencyConflict, submit_partner_report
from hatehub.reports.models import Complainant, Report


def test_future_events_are_urgent_and_known_posters_are_priority():
    assert initial_urgency(future_event="yes", poster_identity_known=False).level == Urgency.URGENT
    assert initial_urgency(future_event="no", poster_identity_known=True).level == Urgency.PRIORITY
    routine = initial_urgency(future_event="no", poster_identity_known=False)
    assert routine.level == Urgency.ROUTINE and routine.reason


@pytest.mark.django_db
def test_every_report_opens_its_own_case_with_a_timeline(make_report):
    first, second = make_report(), make_report(future_event="yes")
    assert first.case != second.case
    assert second.case.urgency == Urgency.URGENT and "future event" in second.case.urgency_reason
    assert [e.kind for e in first.case.events.all()] == ["opened", "report_added"]


@pytest.mark.django_db
def test_anonymous_reports_keep_no_contact_details(make_report):
    report = make_report(anonymous=True, support_referral_consent=True)
    complainant = Complainant.objects.get(report=report)
    assert complainant.name == complainant.email == complainant.phone == ""
    assert not complainant.support_referral_consent
    assert complainant.victim_postcode == "L1 8JQ"  # still needed to find the responsible force


@pytest.mark.django_db
def test_creation_is_audited(make_report):
    report = make_report()
    assert AuditEvent.objects.filter(
        action="create", object_type="report", object_id=report.reference
    ).exists()
    assert AuditEvent.objects.filter(
        action="create", object_type="case", object_id=report.case.reference
    ).exists()


@pytest.mark.django_db
def test_a_failure_part_way_stores_nothing(make_submission, monkeypatch):
    import hatehub.intake.services as intake

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(intake, "attach", broken)
    with pytest.raises(RuntimeError):
        intake.submit_public_report(make_submission())
    assert not Report.objects.exists() and not Case.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_a_repeated_idempotency_key_returns_the_first_report(make_submission, organisation):
    submission = make_submission()
    first, created = submit_partner_report(
        submission, organisation=organisation, idempotency_key="abc"
    )
    again, created_again = submit_partner_report(
        submission, organisation=organisation, idempotency_key="abc"
    )
    assert created and not created_again and again == first
    assert Report.objects.count() == 1
    with pytest.raises(IdempotencyConflict):
        submit_partner_report(make_submission(), organisation=organisation, idempotency_key="abc")
