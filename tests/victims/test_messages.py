"""Every Victims' Code message renders in English and Welsh with no placeholder left, and the
"no further action" messages explain why and say what the victim can still do."""

import datetime as dt
import re

import pytest

from hatehub.cases.models import OutcomeCode
from hatehub.victims import messages, texts
from hatehub.victims.clocks import RULES
from hatehub.victims.messages import MessageContext, MessageError, render

LEFTOVER = re.compile(r"[{}]")


def _context(**overrides) -> MessageContext:
    values = {
        "language": "en",
        "event": "report_received",
        "reference": "7K2M-9XD4-TRF8",
        "received_on": dt.date(2026, 8, 28),
        "report_url": "https://hub.example/report/",
        "name": "Sam Example [SYNTHETIC]",
        "force": "Merseyside Police",
        "support_service": "Victim Support",
        "review_closes": dt.date(2026, 11, 28),
    }
    values.update(overrides)
    return MessageContext(**values)


def _cases():
    for language in texts.LANGUAGES:
        for event in RULES:
            if event == "outcome":
                for code in range(1, 23):
                    reasons = texts.NFA_REASONS if code in messages.NFA_OUTCOMES else ("",)
                    for reason in reasons:
                        review = messages.review_kind(code, suspect_identified=True)
                        yield language, event, code, reason, review
            elif event in messages.NFA_EVENTS:
                for reason in texts.NFA_REASONS:
                    yield language, event, None, reason, ""
            else:
                yield language, event, None, "", ""


@pytest.mark.parametrize(("language", "event", "code", "reason", "review"), list(_cases()))
def test_every_event_outcome_and_explanation_renders_with_no_placeholder_left(
    language, event, code, reason, review
):
    rendered = render(
        _context(
            language=language,
            event=event,
            outcome_code=code,
            nfa_reason=reason,
            explanation="[SYNTHETIC] The account was deleted before we could trace it.",
            review=review,
        )
    )
    for text in (rendered.subject, rendered.body, rendered.sms):
        assert text.strip()
        assert not LEFTOVER.search(text), text
    assert "7K2M-9XD4-TRF8" in rendered.body and "7K2M-9XD4-TRF8" in rendered.sms
    assert (
        messages.TRACK_LINK_MARKER in rendered.body and messages.TRACK_LINK_MARKER in rendered.sms
    )
    assert "999" in rendered.body


def test_texts_cover_every_event_and_outcome_code_in_both_languages():
    for language in texts.LANGUAGES:
        assert set(texts.TEXTS[language]["events"]) == set(RULES)
        assert set(texts.TEXTS[language]["outcomes"]) == set(OutcomeCode.values) - {0}
        assert set(texts.TEXTS[language]["nfa"]) == set(texts.NFA_REASONS)
    assert texts.TEXTS["en"].keys() == texts.TEXTS["cy"].keys()


def test_every_placeholder_used_is_known():
    used: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            used.update(re.findall(r"{(\w+)}", value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)

    walk(texts.TEXTS)
    assert used <= set(texts.PLACEHOLDERS)


def test_no_further_action_message_explains_why_and_what_the_victim_can_still_do():
    body = render(
        _context(event="outcome", outcome_code=18, nfa_reason="suspect_not_identified")
    ).body
    assert "could not identify the person responsible" in body
    assert "Why the police cannot take further action" in body
    assert "false names" in body
    assert "What you can still do" in body
    assert "report it again at https://hub.example/report/" in body
    assert "Victim Support" in body


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("suspect_abroad", "lives outside the UK"),
        ("not_criminal", "does not meet the legal test for a crime"),
        ("platform_removed", "has removed the content"),
    ],
)
def test_each_explanation_says_why_in_plain_words(reason, words):
    body = render(_context(event="decision_not_to_investigate", nfa_reason=reason)).body
    assert words in body


def test_welsh_message_is_in_welsh():
    rendered = render(
        _context(language="cy", event="outcome", outcome_code=18, nfa_reason="suspect_abroad")
    )
    assert rendered.body.startswith("Annwyl Sam Example")
    assert "Pam na all yr heddlu weithredu ymhellach" in rendered.body
    assert "28 Awst 2026" not in rendered.body  # the received date is only in confirmations
    received = render(_context(language="cy"))
    assert "28 Awst 2026" in received.body
    assert received.subject == "Rydym wedi cael eich adroddiad 7K2M-9XD4-TRF8"


def test_police_right_to_review_is_offered_with_the_last_day_to_ask():
    body = render(
        _context(
            event="outcome", outcome_code=15, nfa_reason="other", explanation="x", review="police"
        )
    ).body
    assert "right to ask for a review" in body and "28 November 2026" in body


def test_a_gap_is_refused_not_sent():
    with pytest.raises(MessageError, match="explanation"):
        render(_context(event="decision_not_to_record", nfa_reason="other", explanation=" "))
    with pytest.raises(MessageError, match="Choose why"):
        render(_context(event="decision_not_to_record"))
    with pytest.raises(MessageError, match="outcome code"):
        render(_context(event="outcome"))
    with pytest.raises(MessageError, match="support service"):
        render(_context(event="support_referral", support_service=""))
    with pytest.raises(MessageError, match="Unknown event"):
        render(_context(event="made_up"))


def test_not_safe_to_leave_a_message_gives_a_discreet_subject():
    assert render(_context(event="outcome", outcome_code=1, discreet=True)).subject == (
        "Update about reference 7K2M-9XD4-TRF8"
    )


def test_a_reporter_with_no_name_is_greeted_without_one():
    assert render(_context(name="")).body.startswith("Hello,")


def test_default_explanations():
    assert messages.default_nfa_reason("outcome", 14) == "suspect_not_identified"
    assert messages.default_nfa_reason("decision_not_to_record", None) == "not_criminal"
    assert messages.default_nfa_reason("outcome", 15) == ""
    assert messages.review_kind(15, suspect_identified=True) == "police"
    assert messages.review_kind(15, suspect_identified=False) == ""
    assert messages.review_kind(9, suspect_identified=True) == "cps"
    assert messages.review_kind(1, suspect_identified=True) == ""


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_support_is_offered_only_to_someone_who_did_not_already_ask_for_it(language):
    offer = texts.TEXTS[language]["support"]
    offered = render(_context(language=language, support="offered")).body
    consented = render(_context(language=language, support="consented")).body
    referred = render(_context(language=language, support="referred")).body
    assert offer in offered
    for body in (consented, referred):
        assert offer not in body
        assert "08 08 16 89 111" in body  # the helpline is still there for help sooner
    assert texts.TEXTS[language]["support_consented"] in consented
    assert texts.TEXTS[language]["support_referred"] in referred
    if language == "en":
        assert "Ask us if you would like us to refer you" in offered
        assert "refer you" not in consented and "refer you" not in referred
        assert "As you asked, we will pass your details" in consented


def test_the_referral_message_does_not_promise_or_offer_the_referral_it_announces():
    body = render(_context(event="support_referral", support="consented")).body
    assert "As you asked, we have passed your details to Victim Support" in body
    assert "we will pass your details" not in body
    assert "refer you" not in body


@pytest.mark.parametrize("language", texts.LANGUAGES)
def test_no_secret_code_is_mentioned_to_someone_who_was_never_given_one(language):
    with_code = render(_context(language=language)).body
    without = render(_context(language=language, has_tracking_code=False)).body
    code_words = {"en": "secret code", "cy": "cod cyfrinachol"}[language]
    assert code_words in with_code
    assert code_words not in without
    assert messages.TRACK_LINK_MARKER in without


def test_an_unknown_support_state_is_refused():
    with pytest.raises(MessageError, match="support"):
        render(_context(support="maybe"))
