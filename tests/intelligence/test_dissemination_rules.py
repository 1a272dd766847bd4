"""The pure rule: no dissemination without a grading, a handling code and a reviewed text."""

from dataclasses import replace

from hatehub.intelligence.dissemination import ReportState, blockers, content_digest
from hatehub.intelligence.grading import Grading

DIGEST = content_digest("Threats to a group", "An account posted threats.", ["Liverpool"])
READY = ReportState(
    grading=Grading("3x5x2", "2", "B", "P"),
    sanitised_text="An account posted threats.",
    reviewed_digest=DIGEST,
    current_digest=DIGEST,
    author_id=1,
    reviewer_id=2,
    recipient_count=1,
)


def test_a_graded_reviewed_report_with_a_recipient_may_go():
    assert blockers(READY) == []


def test_no_grading_blocks():
    assert blockers(replace(READY, grading=None)) == [
        "Grade the report under 3x5x2 (a legacy 5x5x5 grading is not enough)"
    ]


def test_a_legacy_grading_alone_blocks():
    legacy = replace(READY, grading=Grading("5x5x5", "B", "2", "1"))
    assert "legacy 5x5x5 grading is not enough" in blockers(legacy)[0]


def test_no_handling_code_blocks():
    assert blockers(replace(READY, grading=Grading("3x5x2", "2", "B", ""))) == [
        "Give the report a handling code (P or C)"
    ]


def test_handling_code_c_without_conditions_blocks():
    problems = blockers(replace(READY, grading=Grading("3x5x2", "2", "B", "C")))
    assert len(problems) == 1 and "write the conditions out" in problems[0]
    with_conditions = Grading("3x5x2", "2", "B", "C", "UK police forces only, no onward sharing")
    assert blockers(replace(READY, grading=with_conditions)) == []


def test_an_incomplete_grading_blocks():
    assert blockers(replace(READY, grading=Grading("3x5x2", "", "B", "P"))) == [
        "Complete the 3x5x2 grading: source evaluation and assessment"
    ]


def test_an_unreviewed_or_changed_text_blocks():
    assert blockers(replace(READY, reviewed_digest="")) == [
        "A reviewer must check the sanitised text"
    ]
    changed = content_digest("Threats to a group", "Amended text.", ["Liverpool"])
    assert blockers(replace(READY, current_digest=changed)) == [
        "The sanitised text changed after its review: it must be reviewed again"
    ]


def test_an_empty_text_the_author_as_reviewer_and_no_recipient_block():
    assert "Write the sanitised text" in blockers(replace(READY, sanitised_text="  "))
    assert blockers(replace(READY, reviewer_id=1)) == [
        "The sanitised text must be reviewed by someone other than its author"
    ]
    assert blockers(replace(READY, recipient_count=0)) == ["Choose at least one recipient"]


def test_the_digest_covers_title_text_and_places():
    base = content_digest("T", "S", ["P"])
    assert base == content_digest("T", "S", ["P"])
    assert base != content_digest("T2", "S", ["P"])
    assert base != content_digest("T", "S2", ["P"])
    assert base != content_digest("T", "S", ["P", "Q"])
