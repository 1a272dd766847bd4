"""Victims' rights per nation, from the case's latest assessment (issue 15 s3-s4): a Victims' Code
clock says which scheme applies; Scotland (the 2014 Act's Standards of Service) and Northern
Ireland (the Victim Charter) publish no update period the hub holds, so the hub's standard
period is used and the clock says so; persistently targeted, vulnerable or intimidated victims
and every under-18 get enhanced rights even when the hate crime default is switched off.
Synthetic reports."""

import pytest

from hatehub.assessment.services import assess_case, record_decision
from hatehub.victims import services
from hatehub.victims.models import VictimUpdateDue

pytestmark = pytest.mark.django_db

CRIME = {"sent_by_communication": True, "grossly_offensive": True}
# A crime the officer finds not hate-motivated: no hate crime enhanced rights.
NOT_HATE_CRIME = {**CRIME, "hostility_based_on_characteristic": False}


def decided_clock(report, officer, confirmed):
    assessment = assess_case(report.case, reason="Officer's answers", confirmed=confirmed)
    rec = assessment.recommendation
    record_decision(assessment, classification=rec["classification"], strands=rec["strands"],
                    offences=[o["id"] for o in rec["offences"]],
                    priority=rec["priority"]["grade"], rationale="", by=officer)  # fmt: skip
    return VictimUpdateDue.objects.get(report=report, event="decision_to_record")


def test_an_english_clock_names_the_victims_code(make_report, users):
    report = make_report(victim_postcode="L1 8JQ")
    update = decided_clock(report, users["hub_officer"], CRIME)
    assert update.working_days == 1  # hate crime victims: enhanced by default
    assert "Victims' Code (England and Wales)" in update.rule


def test_a_scottish_clock_says_the_hubs_standard_period_is_used(make_report, users):
    report = make_report(victim_postcode="EH1 1YZ")
    update = decided_clock(report, users["hub_officer"], CRIME)
    assert "Standards of Service publish no update period" in update.rule
    assert "no police Victims' Right to Review" in update.rule
    assert "the hub's standard period is used" in update.rule
    assert "Victims' Code (England and Wales)" not in update.rule


def test_a_northern_irish_clock_names_the_victim_charter(make_report, users):
    report = make_report(victim_postcode="BT1 5GS")
    update = decided_clock(report, users["hub_officer"], CRIME)
    assert "Victim Charter" in update.rule and "the hub's standard period is used" in update.rule


@pytest.mark.parametrize(
    "who", ["victim_under_18", "victim_vulnerable", "victim_intimidated", "persistently_targeted"]
)
def test_enhanced_rights_from_the_assessment_without_the_default(make_report, users, settings, who):
    settings.HUB_VICTIMS_ENHANCED_BY_DEFAULT = False
    plain = make_report(victim_postcode="L1 8JQ")
    assert decided_clock(plain, users["hub_officer"], NOT_HATE_CRIME).working_days == 5
    report = make_report(victim_postcode="L1 8JQ")
    update = decided_clock(report, users["hub_officer"], {**NOT_HATE_CRIME, who: True})
    assert update.enhanced and update.working_days == 1
    assert "enhanced rights:" in update.rule


def test_a_witness_never_gets_a_victims_enhanced_rights(make_report, users, settings):
    settings.HUB_VICTIMS_ENHANCED_BY_DEFAULT = False
    report = make_report(victim_postcode="L1 8JQ", reporter_role="witness")
    assessment = assess_case(report.case, reason="x", confirmed={**CRIME, "victim_under_18": True})
    assert not services.has_enhanced_rights(report, assessment)


def test_an_assumed_nation_names_no_scheme(make_report):
    report = make_report(victim_postcode="", poster_location="")
    assessment = assess_case(report.case, reason="First assessment")
    assert services.rights_scheme(assessment) == ""
