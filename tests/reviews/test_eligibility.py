"""When the Police Victims' Right to Review applies and whether a request is in time (pure)."""

import datetime as dt

import pytest

from hatehub.reviews.eligibility import Eligibility, applies, check, suggested_kind

D = dt.date


def test_a_police_decision_not_to_proceed_after_an_interview_under_caution_applies():
    assert applies("no_further_action", True) == (True, "")
    assert applies("not_to_investigate", True) == (True, "")


@pytest.mark.parametrize(
    ("kind", "interviewed", "words"),
    [
        ("no_further_action", False, "interviewed under caution"),
        ("not_to_investigate", False, "interviewed under caution"),
        ("not_to_record", True, "Force Crime Registrar"),
        ("cps_decision", True, "CPS under its own"),
    ],
)
def test_where_it_does_not_apply_the_reason_says_why(kind, interviewed, words):
    ok, reason = applies(kind, interviewed)
    assert not ok and words in reason


def test_in_time_up_to_the_end_of_the_third_calendar_month():
    assert check("no_further_action", True, D(2025, 1, 15), D(2025, 4, 15)).result == (
        Eligibility.ELIGIBLE
    )
    late = check("no_further_action", True, D(2025, 1, 15), D(2025, 4, 16))
    assert late.result == Eligibility.OUT_OF_TIME
    assert "closed on 15 April 2025" in late.reason
    # 30 November + 3 months is the last day of February.
    assert check("no_further_action", True, D(2024, 11, 30), D(2025, 2, 28)).result == (
        Eligibility.ELIGIBLE
    )
    assert check("no_further_action", True, D(2024, 11, 30), D(2025, 3, 1)).result == (
        Eligibility.OUT_OF_TIME
    )


def test_not_applicable_wins_over_out_of_time_and_a_request_before_the_decision_is_an_error():
    assert check("not_to_record", False, D(2020, 1, 1), D(2025, 1, 1)).result == (
        Eligibility.NOT_APPLICABLE
    )
    with pytest.raises(ValueError):
        check("no_further_action", True, D(2025, 1, 15), D(2025, 1, 14))


def test_outcome_codes_suggest_the_decision_kind():
    assert suggested_kind(15) == "no_further_action"
    assert suggested_kind(16) == "victim_withdrew"  # the victim's withdrawal, not police's
    assert suggested_kind(9) == "cps_decision"
    assert suggested_kind(18) is None  # no suspect identified


def test_no_right_to_review_after_the_victims_withdrawal():
    """Outcome 16: the victim does not support further action; not a police decision."""
    ok, why = applies("victim_withdrew", True)
    assert not ok and "withdrawal" in why
    assert check("victim_withdrew", True, D(2025, 1, 1), D(2025, 1, 5)).result == (
        Eligibility.NOT_APPLICABLE
    )


@pytest.mark.parametrize("nation", ["scotland"])
def test_no_police_right_to_review_in_scotland(nation):
    """DOMAIN.md s5a: Scotland has no police Victims' Right to Review."""
    result = check("no_further_action", True, D(2025, 1, 1), D(2025, 1, 5), nation)
    assert result.result == Eligibility.NOT_APPLICABLE
    assert "Procurator Fiscal" in result.reason
    assert check("no_further_action", True, D(2025, 1, 1), D(2025, 1, 5),
                 "england-and-wales").result == Eligibility.ELIGIBLE  # fmt: skip


def test_the_right_to_review_still_needs_an_interview_under_caution():
    assert check("no_further_action", False, D(2025, 1, 1), D(2025, 1, 5)).result == (
        Eligibility.NOT_APPLICABLE
    )
