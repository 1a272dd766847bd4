"""Outcomes by nation and the time limit before outcome 17 (issue 15 s3-s4): no Home Office
outcome codes for a case Police Scotland owns; outcome 17 only once a summary-only offence's
time limit has passed, and the limit is shown first. Synthetic cases."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from hatehub.accounts.models import Role, User
from hatehub.assessment.rules import load_rules
from hatehub.assessment.services import assess_case, record_decision
from hatehub.audit.services import acting_as
from hatehub.cases import services
from hatehub.cases.models import Allocation
from hatehub.cases.outcomes import ProposedOutcome, TimeLimitDue, check
from hatehub.jurisdiction.models import Force

REPORTED = date(2025, 3, 1)


def _check(code, nation="england_wales", limits=(), on=date(2025, 11, 1), **values):
    outcome = ProposedOutcome(code=code, outcome_date=on, **values)
    return check(outcome, reported_on=REPORTED, today=date(2025, 12, 1), nation=nation,
                 time_limits=limits)  # fmt: skip


LIMIT = TimeLimitDue("Protection from Harassment Act 1997 s2", "Summary only: 6 months",
                     date(2025, 8, 31), "Magistrates' Courts Act 1980 s127(1)")  # fmt: skip


def test_no_home_office_outcome_in_scotland():
    result = _check(18, nation="scotland")
    assert [p.field for p in result.errors] == ["code"]
    assert "Procurator Fiscal" in result.errors[0].message
    assert _check(18, nation="northern_ireland").errors == ()


def test_outcome_17_needs_a_summary_only_offence():
    result = _check(17, suspect_identified=True)
    assert any("no offence on this case has one" in p.message for p in result.errors)


def test_outcome_17_not_before_the_time_limit_has_passed():
    result = _check(17, limits=(LIMIT,), on=date(2025, 8, 31), suspect_identified=True)
    assert any("runs until 31 August 2025" in p.message for p in result.errors)


def test_outcome_17_shows_the_limit_for_confirmation_once_passed():
    result = _check(17, limits=(LIMIT,), on=date(2025, 9, 1), suspect_identified=True)
    assert result.errors == ()
    assert "passed on 31 August 2025" in result.warnings[0].message
    assert not result.acceptable(warnings_confirmed=False)
    assert result.acceptable(warnings_confirmed=True)


@pytest.mark.parametrize(
    ("offence", "offence_day", "knowledge_day", "last_day"),
    [
        # Magistrates' Courts Act 1980 s127(1): "within six months from the time when the
        # offence was committed" (the corresponding date; the month's end when there is none)
        ("pha1997_s2", date(2025, 1, 15), None, date(2025, 7, 15)),
        ("osa2023_s179", date(2025, 8, 31), None, date(2026, 2, 28)),
        # Communications Act 2003 s127(5): 3 years beginning with the offence ...
        ("ca2003_s127_1", date(2025, 1, 15), None, date(2028, 1, 14)),
        # ... and 6 months from the day the prosecutor had enough evidence, whichever is first
        ("ca2003_s127_1", date(2025, 1, 15), date(2025, 3, 1), date(2025, 8, 31)),
    ],
)
def test_time_limits_from_the_legislation(offence, offence_day, knowledge_day, last_day):
    limit = {o.id: o for o in load_rules().offences}[offence].time_limit
    assert limit.expires_on(offence_day, knowledge_day) == last_day


def test_only_summary_only_offences_have_a_time_limit():
    by_id = {o.id: o for o in load_rules().offences}
    assert by_id["osa2023_s181"].time_limit is None  # either way
    assert by_id["oapa1861_s16"].time_limit is None
    assert by_id["cjlsa2010_s38"].time_limit is None


# ---------------------------------------------------------------- through the service


def _accept(case, users, force, user):
    with acting_as("supervisor", user=users["hub_supervisor"]):
        services.allocate(case, force=force, reason="Victim lives here", by=users["hub_supervisor"])
    offer = Allocation.objects.get(case=case, state=Allocation.State.OFFERED)
    with acting_as(user.username, user=user):
        return services.accept(case, by=user, offer_id=offer.pk)


def test_a_case_police_scotland_owns_gets_no_home_office_outcome(make_report, users, forces):
    scotland = Force.objects.get(name="Police Scotland")
    user = User.objects.create_user(username="scot", password="x-Pass-1234567",
                                     role=Role.FORCE_USER, force=scotland)  # fmt: skip
    report = make_report(victim_postcode="EH1 1YZ")
    case = _accept(report.case, users, scotland, user)
    outcome = ProposedOutcome(code=18, outcome_date=timezone.localdate())
    with acting_as(user.username, user=user), pytest.raises(services.OutcomeRefused) as caught:
        services.record_outcome(case, report, by=user, outcome=outcome)
    assert "Procurator Fiscal" in caught.value.problems[0].message


def test_outcome_17_after_a_decided_summary_only_offence(make_report, users, forces):
    report = make_report(occurred_on=date(2024, 1, 10))
    officer = users["hub_officer"]
    with acting_as(officer.username, user=officer):
        assessment = assess_case(report.case, by=officer, reason="First",
                                 confirmed={"nation": "england_wales"})  # fmt: skip
        record_decision(assessment, classification="crime", strands=[],
                        offences=["pha1997_s2"], priority=None,
                        rationale="Harassment over two weeks", by=officer)  # fmt: skip
    case = _accept(report.case, users, forces["merseyside"], users["force_user"])
    due = services.time_limits(case, report)
    assert [(d.offence, d.last_day) for d in due] == [
        ("Protection from Harassment Act 1997 s2", date(2024, 7, 10))
    ]
    outcome = ProposedOutcome(code=17, outcome_date=timezone.localdate(), suspect_identified=True)
    user = users["force_user"]
    with acting_as(user.username, user=user), pytest.raises(services.OutcomeRefused) as caught:
        services.record_outcome(case, report, by=user, outcome=outcome)
    assert [p.field for p in caught.value.problems] == ["confirm"]
    with acting_as(user.username, user=user):
        recorded = services.record_outcome(case, report, by=user, outcome=outcome,
                                           warnings_confirmed=True)  # fmt: skip
    assert recorded.code == 17


# ---------------------------------------------------------------- the outcome page


def test_the_outcome_page_is_not_offered_for_a_scottish_case(client, make_report, users, forces):
    scotland = Force.objects.get(name="Police Scotland")
    user = User.objects.create_user(username="scot2", password="x-Pass-1234567",
                                     role=Role.FORCE_USER, force=scotland)  # fmt: skip
    report = make_report(victim_postcode="EH1 1YZ")
    case = _accept(report.case, users, scotland, user)
    client.force_login(user)
    response = client.get(reverse("cases:outcome", args=[case.reference]), follow=True)
    assert "Home Office outcome codes do not apply in Scotland" in response.content.decode()
    assert b'name="code"' not in response.content


def test_the_outcome_page_shows_the_time_limit(client, make_report, users, forces):
    report = make_report(occurred_on=date(2024, 1, 10))
    officer = users["hub_officer"]
    with acting_as(officer.username, user=officer):
        assessment = assess_case(report.case, by=officer, reason="First",
                                 confirmed={"nation": "england_wales"})  # fmt: skip
        record_decision(assessment, classification="crime", strands=[],
                        offences=["pha1997_s2"], priority=None,
                        rationale="Harassment over two weeks", by=officer)  # fmt: skip
    case = _accept(report.case, users, forces["merseyside"], users["force_user"])
    client.force_login(users["force_user"])
    page = client.get(reverse("cases:outcome", args=[case.reference])).content.decode()
    assert "Protection from Harassment Act 1997 s2: proceedings by 10 July 2024" in page


def test_the_outcome_scheme_states_where_it_applies():
    from hatehub.assessment.rules import NATIONS
    from hatehub.cases.outcomes import OUTCOME_SCHEME

    assert set(OUTCOME_SCHEME["nations"]) <= set(NATIONS)
    assert "scotland" not in OUTCOME_SCHEME["nations"]
    assert OUTCOME_SCHEME["source"] and OUTCOME_SCHEME["last_checked"]
