"""What an officer reads of an assessment is in words: the explanation names the
classification and strands, the answers read from the reports are questions with answers, and
an offence's elements are their text. The internal names stay in the data, for the rules."""

import datetime as dt

import pytest

from hatehub.assessment.engine import recommend
from hatehub.assessment.inference import infer, to_answers
from hatehub.assessment.inferred import element_text, inferred_answers
from hatehub.assessment.rules import load_rules

TODAY = dt.date(2026, 11, 26)
TEXT = (
    "For three weeks someone has been sending me messages every day calling me a [SLUR] "
    "because I am gay. I am really upset."
)


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def test_the_explanation_names_the_classification_and_strands(rules):
    inferred = infer(TEXT, "victim", rules=rules, perceived_strands=("sexual_orientation",))
    rec = recommend(to_answers(inferred, "victim"), rules, today=TODAY)
    assert rec.classification == "crime" and rec.strands == ("sexual_orientation",)
    assert "Classification: Crime (Sexual orientation)" in rec.explanation
    assert not any("sexual_orientation" in line for line in rec.explanation)
    details = [fired.detail for fired in rec.rules_fired]
    assert "strands: Sexual orientation" in details
    assert "ticked by the reporter: Sexual orientation" in inferred["strands"].words


def test_the_answers_read_from_the_reports_are_questions_and_answers():
    stored = {
        "sent_by_communication": {"value": True, "words": ["messages"]},
        "course_of_conduct": {"value": True, "words": ["every day"]},
        "strands": {"value": ["sexual_orientation", "race"], "words": ["[SLUR]"]},
        "threat_seriousness": {"value": "serious_harm", "words": []},
        "future_event": {"value": False, "words": []},
    }
    rows = [(row.question, row.answer, row.words) for row in inferred_answers(stored)]
    assert rows == [
        ("Was it sent as a message, post or reply?", "Yes", ("messages",)),
        (
            "Has it happened on two or more occasions (a course of conduct)?",
            "Yes",
            ("every day",),
        ),
        ("Which characteristics are targeted?", "Sexual orientation, Race", ("[SLUR]",)),
        ("How serious is the threat?", "Threat of serious harm", ()),
        ("Does it relate to a future event (a march, a match)?", "No", ()),
    ]
    assert inferred_answers(None) == []


def test_an_offence_element_is_shown_by_its_text(rules):
    element = rules.offences[0].elements[0]
    assert element_text(f"{element.id}: {element.text}") == element.text
    # Text that only looks like "words: more words" is left whole.
    assert element_text("Met: the message is grossly offensive") == (
        "Met: the message is grossly offensive"
    )
