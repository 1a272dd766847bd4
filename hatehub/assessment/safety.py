"""Fail safe: what the words of a report show is never silently closed (issue 15 s1-s2).

Why: the engine recommends from the answers it has; an answer it does not have cannot count
against "not a hate matter". Two things must still reach an officer:

- danger: a threat, a threat to property, a published address (doxxing) or a future event.
  True Vision sends "immediate danger OR risk of harm" to the local force (DOMAIN.md s2); such a
  report is never closed as ``not_hate`` or at grade 5 without an officer's decision;
- a characteristic the words name (or the content signals see targeted) without hostility
  shown: hate crime is what the victim or any other person PERCEIVES (College of Policing), so
  whether hostility on it motivated the conduct is a question the officer answers.

Either way the recommendation becomes ``needs_officer_decision``, at grade 3 or more urgent, with
the rule that says why and the question to answer. The officer's decision (with a rationale
when it differs) closes it. PURE: no Django import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from hatehub.assessment.engine import Answers, FiredRule, Recommendation, strand_names
from hatehub.assessment.rules import Rules

NEEDS_OFFICER_DECISION = "needs_officer_decision"
# The least urgent grade such a report may have until an officer decides: "scheduled" (the
# grade of a crime), never an appointment or a telephone resolution.
LEAST_URGENT_GRADE = 3
_DANGER = {
    "threat_of_violence": "a threat of violence",
    "threat_to_property": "a threat to property",
    "doxxing": "a published address or locating details",
    "future_event": "a future event",
}
_CLOSING = ("not_hate",)
# A "not a police matter" the engine reached only because the NCHI Code's tests were not shown
# closes the report as surely as "not_hate"; one the officer answered (lawful expression, no UK
# link) does not.
_CLOSED_BY_NCHI_TESTS = "not_police.nchi_test_failed"
_NCHI_ANSWERS = {"report_trivial", "report_irrational", "report_malicious",
                 "intentional_hostility_basis", "lawful_expression"}  # fmt: skip


def _fire(rules: Rules, rule_id: str, detail: str) -> FiredRule:
    ref = rules.ref(rule_id)
    return FiredRule(ref.id, ref.text, ref.source, ref.last_checked, detail)


def danger_found(answers: Answers) -> list[str]:
    """What the answers hold of danger, in words for the officer."""
    return [label for name, label in _DANGER.items() if getattr(answers, name) is True]


def fail_safe(
    rec: Recommendation,
    answers: Answers,
    inferred: Mapping[str, Any],
    rules: Rules,
    *,
    given: Mapping[str, Any] = (),
) -> Recommendation:
    """``rec``, or a ``needs_officer_decision`` recommendation when it would close a report that
    holds danger or names a characteristic (see module docstring). ``given``: the officer's
    answers; a characteristic the officer has answered about is their decision already."""
    closing = rec.classification in _CLOSING or (
        rec.classification == "not_police_matter"
        and any(fired.id == _CLOSED_BY_NCHI_TESTS for fired in rec.rules_fired)
        and not _NCHI_ANSWERS & set(given)
    )
    if not closing and rec.priority.grade <= LEAST_URGENT_GRADE:
        return rec
    danger = danger_found(answers)
    mentioned = inferred.get("strands_mentioned") or inferred.get("strands")
    answered = {"strands", "hostility_based_on_characteristic"} & set(given)
    question = None
    if mentioned is not None and not answered and closing:
        value = getattr(mentioned, "value", None) or mentioned.get("value", ())
        words = getattr(mentioned, "words", None) or mentioned.get("words", ())
        question = (strand_names(value, rules), "; ".join(f"'{w}'" for w in words))
    if not danger and question is None:
        return rec
    fired = list(rec.rules_fired)
    lines = list(rec.explanation)
    if danger:
        fired.append(_fire(rules, "safety.danger_needs_officer", ", ".join(danger)))
        lines.append(
            f"The reports hold {', '.join(danger)}: an officer decides; not closed without one."
        )
    if question is not None:
        strands, words = question
        fired.append(_fire(rules, "safety.characteristic_question", f"{strands}: {words}"))
        lines.append(
            f"Question for the officer: the reports mention {strands} ({words}). Was the "
            "conduct motivated by hostility on it, as the victim or anyone else perceives it?"
        )
    classification = NEEDS_OFFICER_DECISION if closing else rec.classification
    priority = rec.priority
    if priority.grade > LEAST_URGENT_GRADE:
        priority = rules.priorities[LEAST_URGENT_GRADE]
        fired.append(_fire(rules, priority.id, priority.response_time))
        lines.append(f"Priority raised to grade {priority.grade} until an officer decides.")
    return replace(
        rec,
        classification=classification,
        priority=priority,
        rules_fired=tuple(fired),
        explanation=tuple(lines),
    )
