"""Notifiable events start Victims' Code clocks for each complainant who can be contacted."""

import datetime as dt

import pytest
from django.utils import timezone

from hatehub.assessment.services import assess_case, record_decision
from hatehub.audit.models import AuditEvent
from hatehub.intake.services import Contact
from hatehub.jurisdiction.models import Force
from hatehub.victims import services
from hatehub.victims.clocks import deadline
from hatehub.victims.models import VictimUpdateDue
from tests.victims.helpers import accepted, clock, outcome

pytestmark = pytest.mark.django_db

AUG_BANK_HOLIDAY_FRIDAY = dt.datetime(2026, 8, 28, 14, 0, tzinfo=dt.UTC)


def test_a_report_starts_its_confirmation_clock_and_anonymous_reporters_get_none(make_report):
    report = make_report()
    anonymous = make_report(anonymous=True)

    update = clock(report, "report_received")
    assert update.enhanced and update.working_days == 1
    assert update.status == VictimUpdateDue.Status.OPEN
    assert not VictimUpdateDue.objects.filter(report=anonymous).exists()
    assert AuditEvent.objects.filter(
        object_type="victim_update_due", object_id=str(update.pk), action="create"
    ).exists()


def test_record_event_is_idempotent_per_event_and_moment_and_skips_anonymous(make_report):
    report = make_report()
    case = report.case
    make_report(anonymous=True, urls=[report.content_items.first().url])  # joins the case
    assert case.reports.count() == 2

    first = services.record_event(case, "suspect_arrested", at=AUG_BANK_HOLIDAY_FRIDAY)
    again = services.record_event(case, "suspect_arrested", at=AUG_BANK_HOLIDAY_FRIDAY)

    assert [u.pk for u in first] == [u.pk for u in again] and len(first) == 1
    assert first[0].report == report
    # Friday before the August bank holiday (England and Wales): due on the Tuesday.
    assert first[0].due == dt.date(2026, 9, 1)


def test_a_witness_has_standard_timings_and_enhanced_rights_are_configurable(make_report, settings):
    witness = make_report(reporter_role="witness")
    assert clock(witness, "report_received").working_days == 5

    settings.HUB_VICTIMS_ENHANCED_BY_DEFAULT = False
    victim = make_report()
    assert clock(victim, "report_received").working_days == 5


def test_support_referral_clock_only_when_the_victim_did_not_object(make_report):
    agreed = make_report(support_referral_consent=True)
    objected = make_report(support_referral_consent=False)
    assert len(services.record_event(agreed.case, "support_referral")) == 1
    assert services.record_event(objected.case, "support_referral") == []
    assert clock(agreed, "support_referral").working_days == 2


def test_a_reporter_with_only_a_phone_number_still_gets_a_clock(make_report):
    report = make_report(contact=Contact(phone="07700 900982", contact_method="phone"))
    assert services.can_be_contacted(report)
    assert services.channels_for(report) == []  # no message may be left: an officer phones
    assert clock(report, "report_received")


def test_unknown_event_is_refused(make_report):
    with pytest.raises(ValueError, match="Unknown event"):
        services.record_event(make_report().case, "made_up")


def test_officer_decisions_start_clocks_owned_by_the_officer(make_report, users):
    report = make_report()
    officer = users["hub_officer"]
    assessment = assess_case(report.case, by=officer, reason="[SYNTHETIC] first look")
    record_decision(
        assessment,
        classification="not_police_matter",
        strands=[],
        offences=[],
        priority=None,
        rationale="[SYNTHETIC] not for the police",
        by=officer,
    )
    update = clock(report, "decision_not_to_investigate")
    assert update.officer == officer
    assert update.details["classification"] == "not_police_matter"


def test_acceptance_and_outcome_start_clocks_in_the_forces_nation(make_report, users, forces):
    report = make_report()
    accepted(report, users, forces["merseyside"])
    update = clock(report, "allocated_to_force")
    assert update.nation == "england-and-wales" and update.officer == users["force_user"]

    outcome(report, users, code=18)
    done = clock(report, "outcome")
    assert done.details == {"code": 18, "report": report.reference}
    expected = deadline("outcome", done.event_at, "england-and-wales", enhanced=True)
    assert (done.due, done.working_days) == (expected.due, 1)


def test_a_scottish_force_counts_scottish_bank_holidays(make_report, forces):
    report = make_report()
    case = report.case
    case.allocated_force = Force.objects.get(country="Scotland")
    case.force_accepted_at = timezone.now()
    case.save()
    [update] = services.record_event(case, "outcome", at=AUG_BANK_HOLIDAY_FRIDAY)
    # Scotland's summer bank holiday is the first Monday of August: due on the Monday.
    assert (update.nation, update.due) == ("scotland", dt.date(2026, 8, 31))


def test_mark_update_sent_meets_the_duty_once(make_report, users):
    update = clock(make_report(), "report_received")
    services.mark_update_sent(update, by=users["hub_officer"], how="Phoned, 10:20")
    services.mark_update_sent(update, by=users["hub_officer"], how="again")
    update.refresh_from_db()
    assert update.status == "done" and update.completed_how == "Phoned, 10:20"
    assert (
        AuditEvent.objects.filter(
            object_type="victim_update_due", object_id=str(update.pk), action="change"
        ).count()
        == 1
    )
