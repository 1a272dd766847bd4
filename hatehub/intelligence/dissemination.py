"""When an intelligence report may be disseminated (pure: no Django).

A report leaves the hub only with a valid 3x5x2 grading (a legacy 5x5x5 grading alone is not
enough: it must be re-graded), a handling code (with its conditions written out when it is C), a
sanitised text that a second person reviewed, unchanged since that review, and at least one
recipient. `blockers` says everything that stops it, in words an officer can act on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from . import grading as grading_rules


def content_digest(title: str, sanitised_text: str, places: Sequence[str]) -> str:
    """SHA-256 of what leaves the hub and what the reviewer checked: the title, the sanitised
    text and the places. A review holds only while this is unchanged."""
    body = json.dumps(
        {"title": title, "sanitised_text": sanitised_text, "places": list(places)},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ReportState:
    grading: grading_rules.Grading | None  # the 3x5x2 grading, if one is recorded
    sanitised_text: str
    reviewed_digest: str  # "" until a reviewer approves the sanitised text
    current_digest: str
    author_id: int | None
    reviewer_id: int | None
    recipient_count: int


def blockers(state: ReportState) -> list[str]:
    """Why the report cannot be disseminated yet (empty: it can)."""
    problems: list[str] = []
    if state.grading is None or state.grading.scheme != grading_rules.CURRENT:
        problems.append("Grade the report under 3x5x2 (a legacy 5x5x5 grading is not enough)")
    else:
        errors = grading_rules.validate(state.grading)
        if "handling_code" in errors or not state.grading.handling_code:
            problems.append("Give the report a handling code (P or C)")
        if "conditions" in errors:
            problems.append(errors["conditions"])
        if {"source_evaluation", "intelligence_assessment"} & set(errors):
            problems.append("Complete the 3x5x2 grading: source evaluation and assessment")
    if not state.sanitised_text.strip():
        problems.append("Write the sanitised text")
    if not state.reviewed_digest:
        problems.append("A reviewer must check the sanitised text")
    elif state.reviewed_digest != state.current_digest:
        problems.append("The sanitised text changed after its review: it must be reviewed again")
    elif state.reviewer_id is not None and state.reviewer_id == state.author_id:
        problems.append("The sanitised text must be reviewed by someone other than its author")
    if state.recipient_count < 1:
        problems.append("Choose at least one recipient")
    return problems
