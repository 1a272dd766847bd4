"""Writing a Victims' Code message from its event, outcome and explanation (pure: no Django).

``render`` builds the subject, the full text (email and letter) and a short text message in
the complainant's language. Every placeholder must be filled: a missing one raises
``MessageError`` instead of sending "Dear {name}" to a victim. The Track my report link is the
marker ``TRACK_LINK_MARKER`` until the message is sent, when the service puts a fresh
single-use link in its place (so the preview the officer edits never holds a live link).
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from hatehub.victims.clocks import RULES
from hatehub.victims.texts import LANGUAGES, NFA_REASONS, PLACEHOLDERS, TEXTS, format_date

__all__ = [
    "NFA_OUTCOMES",
    "TRACK_LINK_MARKER",
    "MessageContext",
    "MessageError",
    "Rendered",
    "default_nfa_reason",
    "needs_explanation",
    "render",
    "review_kind",
]

TRACK_LINK_MARKER = "[TRACK-LINK]"

#: Outcomes that mean no (further) enforcement action: the message explains why and says what
#: the victim can still do.
NFA_OUTCOMES = frozenset({5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 21})
#: Decisions that end police action without an outcome code.
NFA_EVENTS = frozenset({"decision_not_to_record", "decision_not_to_investigate"})
#: Police Victims' Right to Review (DOMAIN.md s8): a police decision not to proceed against an
#: identified suspect. Outcome 9 is the CPS's decision, reviewed under the CPS's own scheme.
POLICE_REVIEW_OUTCOMES = frozenset({10, 15, 16, 21})
CPS_REVIEW_OUTCOMES = frozenset({9})
NO_SUSPECT_OUTCOMES = frozenset({14, 18})


class MessageError(ValueError):
    """The message cannot be written as asked (an unknown event, or a gap in its details)."""


@dataclass(frozen=True)
class MessageContext:
    language: str
    event: str
    reference: str
    received_on: dt.date
    report_url: str
    name: str = ""
    force: str = ""  # the force dealing with it; "" reads as "the police"
    sender: str = ""  # "" is the hub
    outcome_code: int | None = None
    nfa_reason: str = ""
    explanation: str = ""
    review: str = ""  # "police", "cps" or ""
    review_closes: dt.date | None = None
    support_service: str = ""
    release_terms: str = ""
    review_result: str = ""
    discreet: bool = False  # not safe to leave a message: a subject that does not say "report"
    # What the complainant already told us or has had, so no message contradicts it:
    # "offered" (they did not ask for a referral), "consented" (they asked; not passed on yet)
    # or "referred" (their details have gone to a service).
    support: str = "offered"
    has_tracking_code: bool = True  # shown a Track my report code when they reported


SUPPORT_TEXTS = {
    "offered": "support",
    "consented": "support_consented",
    "referred": "support_referred",
}


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    sms: str


def needs_explanation(event: str, outcome_code: int | None) -> bool:
    """True when the message must explain why no further action is possible."""
    return event in NFA_EVENTS or (event == "outcome" and outcome_code in NFA_OUTCOMES)


def default_nfa_reason(event: str, outcome_code: int | None, classification: str = "") -> str:
    """The explanation to start from: outcomes 14 and 18 say no suspect was identified; a
    decision that the content is not a crime says so. The officer can choose another."""
    if event == "outcome" and outcome_code in NO_SUSPECT_OUTCOMES:
        return "suspect_not_identified"
    if event == "decision_not_to_record" or classification in ("nchi", "hate_incident", "not_hate"):
        return "not_criminal"
    return ""


def review_kind(outcome_code: int | None, *, suspect_identified: bool) -> str:
    """Which Victims' Right to Review applies to an outcome, if any."""
    if outcome_code in POLICE_REVIEW_OUTCOMES and suspect_identified:
        return "police"
    if outcome_code in CPS_REVIEW_OUTCOMES:
        return "cps"
    return ""


def _fill(template: str, values: dict[str, str]) -> str:
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise MessageError(f"Unknown placeholder {{{name}}}")
        if not values.get(name):
            raise MessageError(f"The message needs {PLACEHOLDERS[name]} ({{{name}}})")
    return template.format_map(values)


def render(ctx: MessageContext) -> Rendered:
    if ctx.language not in LANGUAGES:
        raise MessageError(f"Unknown language {ctx.language!r}")
    if ctx.event not in RULES:
        raise MessageError(f"Unknown event {ctx.event!r}")
    text = TEXTS[ctx.language]
    if ctx.event == "outcome" and ctx.outcome_code not in text["outcomes"]:
        raise MessageError("An outcome message needs the Home Office outcome code (1 to 22)")
    nfa = needs_explanation(ctx.event, ctx.outcome_code)
    if nfa and ctx.nfa_reason not in NFA_REASONS:
        raise MessageError("Choose why no further action is possible")
    values = {
        "name": ctx.name.strip(),
        "reference": ctx.reference,
        "date": format_date(ctx.received_on, ctx.language),
        "force": ctx.force or text["the_police"],
        "sender": ctx.sender or text["hub"],
        "track_link": TRACK_LINK_MARKER,
        "report_url": ctx.report_url,
        "review_closes": format_date(ctx.review_closes, ctx.language) if ctx.review_closes else "",
        "support_service": ctx.support_service,
        "release_terms": ctx.release_terms or text["release_terms"],
        "review_result": ctx.review_result or text["review_result"],
        "explanation": ctx.explanation.strip(),
    }
    paragraphs = [_fill(text["greeting_named"] if values["name"] else text["greeting"], values)]
    paragraphs.append(_fill(text["events"][ctx.event], values))
    if ctx.event == "outcome":
        paragraphs.append(_fill(text["outcomes"][ctx.outcome_code], values))
    if nfa:
        paragraphs.append(text["nfa_heading"])
        paragraphs.append(_fill(text["nfa"][ctx.nfa_reason], values))
        paragraphs.append(text["still_do_heading"])
        paragraphs.extend(f"- {_fill(line, values)}" for line in text["still_do"])
    if ctx.review == "police":
        if not ctx.review_closes:
            raise MessageError("A Right to Review message needs the last day to ask")
        paragraphs.append(_fill(text["review_police"], values))
    elif ctx.review == "cps":
        paragraphs.append(_fill(text["review_cps"], values))
    if ctx.support not in SUPPORT_TEXTS:
        raise MessageError(f"Unknown support state {ctx.support!r}")
    # The referral message itself says the details went: it does not offer or promise them.
    support = "referred" if ctx.event == "support_referral" else ctx.support
    paragraphs.append(_fill(text[SUPPORT_TEXTS[support]], values))
    paragraphs.append(_fill(text["reference_line"], values))
    paragraphs.append(_fill(text["track" if ctx.has_tracking_code else "track_no_code"], values))
    paragraphs.append(_fill(text["emergency"], values))
    paragraphs.append(_fill(text["sign_off"], values))
    if ctx.event == "report_received":
        subject = text["subject_discreet" if ctx.discreet else "subject_received"]
        sms = text["sms_received"]
    else:
        subject = text["subject_discreet" if ctx.discreet else "subject"]
        sms = text["sms"]
    return Rendered(
        subject=_fill(subject, values),
        body="\n\n".join(paragraphs),
        sms=_fill(sms, values),
    )
