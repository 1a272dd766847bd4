"""The answers read from the reports, as an officer reads them on the case page: each as its
question (the officer's own form's words where it asks it), its answer in words and the words
of the reports it was read from; never an answer's internal name or a Python value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .decisions import strand_label
from .forms import QUESTIONS, AnswersForm

# The officer's form's own questions: its fields, and its yes / no / not known questions.
FORM_QUESTIONS = {
    **{name: str(field.label) for name, field in AnswersForm.base_fields.items()},
    **dict(QUESTIONS),
}

# The answers the officer's form does not ask, as questions in the same voice.
OTHER_QUESTIONS = {
    "reporter": "Who reported it?",
    "immediate_danger": "Is someone in immediate danger?",
    "stalking_behaviour": "Is it stalking behaviour?",
    "intentional_hostility_basis": "Does the content itself show hostility on a characteristic?",
    "perceiver_has_real_knowledge": "Does the person who perceives hostility know the facts?",
    "sent_by_communication": "Was it sent as a message, post or reply?",
    "publication": "Was it published for others to see?",
    "grossly_offensive": "Is it grossly offensive?",
    "abusive_or_insulting": "Is it abusive or insulting?",
    "intended_harm": "Was it meant to cause harm or distress?",
    "caused_distress": "Did it cause alarm or distress?",
    "false_information": "Does it send information the sender knows is false?",
    "flashing_images": "Does it send flashing images (to cause a seizure)?",
    "encourages_self_harm": "Does it encourage serious self-harm?",
    "offline_conduct": "Is there conduct offline too?",
    "doxxing": "Does it publish where someone lives or how to find them?",
    "conduct_date": "When did it happen?",
    "report_trivial": "Is the report trivial?",
    "report_irrational": "Is the report irrational?",
    "report_malicious": "Is the report malicious?",
    "risk_significant_harm": "Is there a real risk of significant harm?",
    "risk_future_offence": "Is there a real risk of a future offence?",
    "strands_mentioned": "Which characteristics are named (hostility not shown)?",
    "elements_confirmed": "Which offence elements has the officer confirmed?",
}
REPORTERS = {
    "victim": "The victim",
    "witness": "A witness",
    "third_party": "Someone on the victim's behalf",
    "organisation": "An organisation",
}


@dataclass(frozen=True)
class InferredAnswer:
    question: str
    answer: str
    words: tuple[str, ...]


def _answer(name: str, value: Any) -> str:
    if value is True:
        return "Yes"
    if value is False:
        return "No"
    if value is None:
        return "Not known"
    if name in ("strands", "strands_mentioned"):
        return ", ".join(strand_label(strand) for strand in value) or "None"
    if name == "reporter":
        return REPORTERS.get(value, str(value))
    field = AnswersForm.base_fields.get(name)
    choices = dict(getattr(field, "choices", ()) or ())
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(item, item)) for item in value)
    return str(choices.get(value, value))


def inferred_answers(inferred: Mapping[str, Mapping[str, Any]] | None) -> list[InferredAnswer]:
    """`Assessment.inferred` ({answer: {"value", "words", ...}}) in the order read."""
    rows = []
    for name, item in (inferred or {}).items():
        question = FORM_QUESTIONS.get(name) or OTHER_QUESTIONS.get(name, name)
        rows.append(
            InferredAnswer(
                question=question,
                answer=_answer(name, item.get("value")),
                words=tuple(item.get("words") or ()),
            )
        )
    return rows


def element_text(element: str) -> str:
    """An offence element as the engine lists it ("mens_rea: Intends, or is aware ...") by
    its text alone: the id before the colon is for the rules and the tests."""
    head, separator, text = element.partition(": ")
    return text if separator and head.replace("_", "").isalnum() and head.islower() else element
