"""Fail safe: a strand the signals or words found never closes a report without an officer,
even when the engine reaches "not a police matter" only because the NCHI Code's tests were
not shown; once the officer answers those tests, their answer stands."""

import pytest

from hatehub.assessment import services

NEUTRAL_MENTION = "There is a post about Muslims on the local page that keeps coming up."
SIGNALS = {"hate": 0.9, "derogatory": 0.8, "targets": {"religion": 0.9},
           "evidence": {"targets": ["Muslims"]}}  # fmt: skip


@pytest.fixture(autouse=True)
def _signals_see_a_targeted_religion(monkeypatch):
    monkeypatch.setattr(services, "content_signals", lambda text: (SIGNALS, SIGNALS))


def test_nchi_tests_not_shown_is_a_question_for_the_officer():
    result = services.evaluate(NEUTRAL_MENTION, "witness", {})
    assert result["classification"] == "needs_officer_decision"
    assert result["priority"]["grade"] <= 3
    assert "safety.characteristic_question" in {r["id"] for r in result["rules_fired"]}


def test_the_officers_answer_to_the_nchi_tests_closes_it():
    result = services.evaluate(NEUTRAL_MENTION, "witness", {"report_trivial": True})
    assert result["classification"] == "not_police_matter"
