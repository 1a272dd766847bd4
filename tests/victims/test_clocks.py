"""Victims' Code clocks (DOMAIN.md s8): 5 working days, 1 with enhanced rights; support referral 2;
Right to Review acknowledge 10 / decide 30 working days, request within 3 months."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from hatehub.victims.calendar import Nation
from hatehub.victims.clocks import (
    HATE_CRIME_ENHANCED_BY_DEFAULT,
    RULES,
    Deadline,
    deadline,
    event_local_date,
    known_events,
    right_to_review_request_closes,
)

D = dt.date
UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
FRIDAY_BEFORE_AUGUST_BH = dt.datetime(2026, 8, 28, 14, 0, tzinfo=LONDON)

KEY_DECISIONS = [
    "report_received",
    "decision_to_record",
    "decision_not_to_record",
    "decision_not_to_investigate",
    "allocated_to_force",
    "transferred_to_force",
    "suspect_identified",
    "suspect_arrested",
    "suspect_interviewed",
    "suspect_charged",
    "suspect_released",
    "outcome",
]


def test_rule_table_covers_every_event():
    assert known_events() == [
        *KEY_DECISIONS,
        "support_referral",
        "right_to_review_acknowledge",
        "right_to_review_decision",
    ]
    for name, rule in RULES.items():
        assert rule.event == name
        assert "DOMAIN.md s8" in rule.source


@pytest.mark.parametrize("event", KEY_DECISIONS)
def test_key_decisions_are_1_working_day_enhanced_and_5_standard(event):
    assert (RULES[event].enhanced_days, RULES[event].standard_days) == (1, 5)


def test_hate_crime_victims_have_enhanced_rights_by_default():
    assert HATE_CRIME_ENHANCED_BY_DEFAULT is True


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        (Nation.ENGLAND_AND_WALES, D(2026, 9, 1)),  # Mon 31 Aug is the bank holiday -> Tuesday
        (Nation.SCOTLAND, D(2026, 8, 31)),  # Mon 31 Aug is a working day in Scotland
        (Nation.NORTHERN_IRELAND, D(2026, 9, 1)),
    ],
)
def test_issue_example_decision_on_the_friday_before_the_august_bank_holiday(nation, due):
    result = deadline("decision_not_to_investigate", FRIDAY_BEFORE_AUGUST_BH, nation, enhanced=True)
    assert result == Deadline(
        due=due, working_days=1, rule=result.rule, event="decision_not_to_investigate"
    )
    assert "DOMAIN.md s8" in result.rule
    assert "enhanced rights" in result.rule
    assert f"working days in {nation.label})" in result.rule  # "England and Wales", not a slug


@pytest.mark.parametrize(
    ("nation", "due"),
    [("england-and-wales", D(2026, 9, 7)), ("scotland", D(2026, 9, 4))],
)
def test_standard_rights_are_5_working_days(nation, due):
    result = deadline("suspect_arrested", FRIDAY_BEFORE_AUGUST_BH, nation, enhanced=False)
    assert (result.due, result.working_days) == (due, 5)
    assert "standard rights" in result.rule


def test_weekend_event_counts_from_the_next_working_day():
    saturday = dt.datetime(2026, 8, 8, 11, 0, tzinfo=LONDON)
    assert deadline("outcome", saturday, "scotland", enhanced=True).due == D(2026, 8, 10)


def test_late_evening_in_bst_falls_on_the_next_local_day():
    # 23:30 UTC on Thu 27 Aug 2026 is 00:30 BST on Fri 28 Aug: the event day is the Friday.
    at = dt.datetime(2026, 8, 27, 23, 30, tzinfo=UTC)
    assert event_local_date(at) == D(2026, 8, 28)
    result = deadline("suspect_released", at, Nation.ENGLAND_AND_WALES, enhanced=True)
    assert result.due == D(2026, 9, 1)  # not Fri 28 Aug, as a UTC date would give


def test_late_evening_in_gmt_stays_on_the_same_day():
    at = dt.datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # Thursday, GMT == UTC
    assert event_local_date(at) == D(2026, 11, 26)
    assert deadline("suspect_charged", at, "scotland", enhanced=True).due == D(2026, 11, 27)


def test_naive_datetimes_are_europe_london_wall_time():
    assert event_local_date(dt.datetime(2026, 8, 28, 0, 30)) == D(2026, 8, 28)
    assert event_local_date(D(2026, 8, 28)) == D(2026, 8, 28)


@pytest.mark.parametrize("enhanced", [True, False])
def test_support_referral_is_2_working_days_regardless(enhanced):
    result = deadline(
        "support_referral", FRIDAY_BEFORE_AUGUST_BH, "england-and-wales", enhanced=enhanced
    )
    assert (result.due, result.working_days) == (D(2026, 9, 2), 2)
    assert "unless the victim objects" in result.rule


@pytest.mark.parametrize(
    ("event", "nation", "days", "due"),
    [
        ("right_to_review_acknowledge", "england-and-wales", 10, D(2026, 9, 14)),
        ("right_to_review_acknowledge", "scotland", 10, D(2026, 9, 11)),
        ("right_to_review_decision", "england-and-wales", 30, D(2026, 10, 12)),
        ("right_to_review_decision", "scotland", 30, D(2026, 10, 9)),
    ],
)
def test_right_to_review_acknowledge_10_and_decide_30_working_days(event, nation, days, due):
    for enhanced in (True, False):
        result = deadline(event, FRIDAY_BEFORE_AUGUST_BH, nation, enhanced=enhanced)
        assert (result.due, result.working_days) == (due, days)


def test_extra_closures_push_the_deadline():
    result = deadline(
        "outcome",
        FRIDAY_BEFORE_AUGUST_BH,
        "scotland",
        enhanced=True,
        extra_closures=[D(2026, 8, 31), D(2026, 9, 1)],
    )
    assert result.due == D(2026, 9, 2)


def test_unknown_event_lists_the_known_ones():
    with pytest.raises(ValueError, match="known events: report_received, .*support_referral"):
        deadline("suspect_sentenced", FRIDAY_BEFORE_AUGUST_BH, "scotland", enhanced=True)


def test_unknown_nation():
    with pytest.raises(ValueError, match="Unknown nation"):
        deadline("outcome", FRIDAY_BEFORE_AUGUST_BH, "wales", enhanced=True)


def test_as_dict_is_the_operator_form():
    result = deadline("outcome", FRIDAY_BEFORE_AUGUST_BH, "scotland", enhanced=True)
    assert result.as_dict() == {"due": "2026-08-31", "working_days": 1, "rule": result.rule}


@pytest.mark.parametrize(
    ("decision", "closes"),
    [
        (D(2026, 1, 15), D(2026, 4, 15)),
        (D(2026, 11, 30), D(2027, 2, 28)),
        (D(2027, 11, 30), D(2028, 2, 29)),
        (D(2026, 10, 31), D(2027, 1, 31)),
        (dt.datetime(2026, 8, 27, 23, 30, tzinfo=UTC), D(2026, 11, 28)),  # local 28 Aug
    ],
)
def test_right_to_review_request_window_is_3_calendar_months(decision, closes):
    assert right_to_review_request_closes(decision) == closes
