"""Infer answers from the free text of a report, each with the words that support it.

Why: most reports arrive with only free text (True Vision and Single Online Home forms, DOMAIN.md
s2), yet the decisions in s2-s6 turn on a few facts: a threat and how serious (s5 OSA 2023 s181,
s6 threat to life), a person or a group (s5), repetition over time (s5 PHA 1997 course of
conduct), which characteristic (s3 strands), whether the reporter knows the poster or the
material is about a future event (s2 routing), and vulnerability (s6). This module finds those
with the rules in ``rules/inference.yaml`` so that a plain case is already right from the text
alone, and returns each as an ``Inferred`` value with its words so the officer can confirm or
correct it. A mention, denial or denunciation ("calling someone [SLUR] is wrong") is not a use:
sentences with counter-speech cues, and matches preceded by a negation, are skipped for the
hostility and threat answers (s3: no basis to conclude intentional hostility).

PURE: no Django import. An optional ``signals`` object (``hatehub.assessment.classifier.score``'s
ContentSignals, or a mapping with the same keys) may add answers the rules did not find.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hatehub.assessment.engine import ANSWER_FIELDS, FIVE_STRANDS, Answers
from hatehub.assessment.rules import InferenceRules, Rules, load_rules

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+|;\s*")
_SERIOUSNESS_ORDER = ("death", "serious_harm", "violence")
# Answers a denunciation or denial in the same sentence cancels (s3 intentional hostility).
_COUNTERABLE = {"threat_seriousness", "stirs_up_hatred", "encourages_self_harm",
                "encourages_offence", "encourages_suicide", "abusive"}  # fmt: skip
_SELF_ID = re.compile(r"\b(?:i(?:'m| am)|we(?:'re| are)|as an?|as)\s+(?:an?\s+)?$", re.IGNORECASE)
# Answers that are danger in the text (issue 15 s2): they make a sentence's characteristic the
# basis of hostility, and are what intake's first urgency looks for.
DANGER_ANSWERS = ("threat_seriousness", "threat_to_property", "doxxing", "future_event")
# Which optional cue cancels which answer in a sentence (rules.OPTIONAL_CUES).
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WHEN = re.compile(
    r"\b(tomorrow|tonight|this weekend|next weekend|next week|next month|"
    r"(?:this|next|on|coming) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)
# Keys of infer()'s result that are not answers: shown to the officer, never decide.
NOT_ANSWERS = ("strands_mentioned",)


@dataclass(frozen=True)
class Inferred:
    """An answer inferred from the text, for the officer to confirm or correct."""

    value: Any
    words: tuple[str, ...]
    rules: tuple[str, ...] = ()
    origin: str = "rules"  # rules | signals

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        return {"value": value, "words": list(self.words), "rules": list(self.rules),
                "origin": self.origin}  # fmt: skip


def _latest_day(phrase: str, said_on: dt.date) -> dt.date:
    """The latest day a relative time phrase ("this Friday", "tomorrow") can mean, said on
    ``said_on``: an event no later than that and before today is past."""
    phrase = phrase.lower()
    if phrase == "tonight":
        return said_on
    if phrase == "tomorrow":
        return said_on + dt.timedelta(days=1)
    if phrase in ("this weekend", "next weekend"):
        days = (6 - said_on.weekday()) % 7 + (7 if phrase.startswith("next") else 0)
        return said_on + dt.timedelta(days=days)
    if phrase == "next week":
        return said_on + dt.timedelta(days=13)
    if phrase == "next month":
        return said_on + dt.timedelta(days=62)
    word, day = phrase.split()
    ahead = (_WEEKDAYS.index(day) - said_on.weekday()) % 7
    return said_on + dt.timedelta(days=ahead + (7 if word == "next" else 0))


def _event_past(words: Iterable[str], said_on: dt.date | None, today: dt.date | None) -> str:
    """The phrase that puts the event in the past, or "": relative dates are read from the day
    the words were posted (the report's date), not the day the hub reads them."""
    if said_on is None or today is None:
        return ""
    phrases = [m.group(1) for w in words for m in _WHEN.finditer(w)]
    if not phrases:
        return ""
    latest = max(_latest_day(p, said_on) for p in phrases)
    return phrases[0] if latest < today else ""


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s and s.strip()]


def _negated(sentence: str, start: int, inf: InferenceRules) -> bool:
    prefix = sentence[max(0, start - 40) : start]
    return any(p.search(prefix) for p in inf.negation_before)


def _hits(patterns, sentence: str, inf: InferenceRules, allow_negated: bool = False) -> list[str]:
    found = []
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            if allow_negated or not _negated(sentence, m.start(), inf):
                found.append(m.group(0))
    return found


def _add(out: dict[str, dict], answer: str, value: Any, words: list[str], rule_id: str) -> None:
    slot = out.setdefault(answer, {"values": {}, "rules": []})
    slot["values"].setdefault(value, [])
    slot["values"][value].extend(w for w in words if w not in slot["values"][value])
    if rule_id not in slot["rules"]:
        slot["rules"].append(rule_id)


def _cancelled(answer: str, sentence: str, inf: InferenceRules) -> bool:
    """A sentence's own words cancel this answer: an event already past is not a future event;
    others resharing a post is not the sender's course of conduct (issue 15 s4)."""
    cues = getattr(inf, "cues", {}) or {}
    if answer == "future_event":
        past = any(p.search(sentence) for p in cues.get("past_event", ()))
        return past and not any(p.search(sentence) for p in cues.get("future_marker", ()))
    if answer == "course_of_conduct":
        return any(p.search(sentence) for p in cues.get("others_conduct", ()))
    return False


def infer(
    text: str,
    reporter: str | None = None,
    *,
    rules: Rules | None = None,
    signals: Any = None,
    perceived_strands: Iterable[str] = (),
    said_on: dt.date | None = None,
    today: dt.date | None = None,
) -> dict[str, Inferred]:
    """Answers inferred from ``text`` (see module docstring), keyed by ``Answers`` field, plus
    ``strands_mentioned`` (not an answer: characteristics named without hostility shown, a
    question for the officer).

    ``perceived_strands``: the characteristics the reporter ticked (College of Policing: a hate
    crime or incident is one PERCEIVED by the victim or any other person to be motivated by
    hostility); they join the strands, and hostility in the words becomes their basis.
    ``said_on``: the date the reporter gives for the conduct; "this Friday" is read from it, and
    an event already past by ``today`` is not a future event."""
    rules = rules or load_rules()
    inf = rules.inference
    raw: dict[str, dict] = {}
    hostility_words: list[tuple[str, str]] = []  # (kind, words)
    strand_words: dict[str, list[str]] = {}
    strand_basis: set[str] = set()  # strands with content hostility, not only perception
    threat_anywhere = False
    any_marker = False
    self_ids: dict[str, list[str]] = {}
    mentioned: dict[str, list[str]] = {}
    countered_any = False

    for sentence in _sentences(text):
        countered = any(p.search(sentence) for p in inf.counter_speech)
        sentence_threat = False
        for rule in inf.entries:
            if countered and rule.answer in _COUNTERABLE:
                continue
            if _cancelled(rule.answer, sentence, inf):
                continue
            words = _hits(rule.patterns, sentence, inf)
            if words:
                _add(raw, rule.answer, rule.value, words, rule.id)
                if rule.answer == "threat_seriousness":
                    threat_anywhere = True
                if rule.answer in ("threat_seriousness", "threat_to_property", "stirs_up_hatred"):
                    sentence_threat = True  # hostility to what the sentence names
        if countered:
            countered_any = True
            continue
        markers = []
        for rule in inf.hostility:
            words = _hits(rule.patterns, sentence, inf)
            if words:
                markers.extend(words)
                hostility_words.append((rule.kind, ", ".join(words)))
        any_marker = any_marker or bool(markers)
        for strand, pattern in inf.strand_patterns.items():
            for m in pattern.finditer(sentence):
                before = sentence[max(0, m.start() - 40) : m.start()]
                if _negated(sentence, m.start(), inf) and not markers:
                    continue
                said_perceived = any(p.search(before) for p in inf.perception)
                if markers or sentence_threat:
                    strand_words.setdefault(strand, []).extend([*markers, m.group(0)])
                    strand_basis.add(strand)
                elif said_perceived:
                    strand_words.setdefault(strand, []).append(f"{before.strip()} {m.group(0)}")
                elif _SELF_ID.search(before):
                    self_ids.setdefault(strand, []).append(f"{before.strip()} {m.group(0)}")
                else:
                    mentioned.setdefault(strand, []).append(m.group(0))

    # A victim who says what they are, in a report that holds hostility or a threat elsewhere.
    if threat_anywhere or any_marker:
        for strand, words in self_ids.items():
            strand_words.setdefault(strand, []).extend(words)
    else:
        for strand, words in self_ids.items():
            mentioned.setdefault(strand, []).extend(words)

    # What the reporter perceives (ticked in the form or the API): the hostility in the words,
    # if any, is the basis for these strands too.
    known = tuple(rules.strands)  # the five, "other", and the nations' own (age, sectarian)
    perceived = [s for s in dict.fromkeys(perceived_strands) if s in known]
    marker_words = [w for _k, w in hostility_words]
    for strand in perceived:
        ticked = strand_words.setdefault(strand, [])
        ticked.append(f"ticked by the reporter: {rules.strands[strand].name}")
        if any_marker:
            ticked.extend(marker_words)
            strand_basis.add(strand)

    out: dict[str, Inferred] = {}
    for answer, slot in raw.items():
        values = slot["values"]
        if answer == "threat_seriousness":
            value = next(v for v in _SERIOUSNESS_ORDER if v in values)
        elif answer == "aimed_at":
            value = "person" if "person" in values else "group"
        else:
            value = next(iter(values))
        out[answer] = Inferred(value, tuple(values[value]), tuple(slot["rules"]))

    if "threat_seriousness" in out:
        t = out["threat_seriousness"]
        out["threat_of_violence"] = Inferred(True, t.words, t.rules)

    if "future_event" in out:
        phrase = _event_past(out["future_event"].words, said_on, today)
        if phrase and said_on is not None:  # "this Friday", said on the day, is already past
            out["future_event"] = Inferred(
                False,
                (*out["future_event"].words, f"'{phrase}' from {said_on.isoformat()} is past"),
                ("infer.future_event_past",),
            )

    if strand_words:
        strands = tuple(s for s in known if s in strand_words)
        basis_of = tuple(dict.fromkeys(w for s in strands for w in strand_words[s]))
        term_rules = tuple(
            "perception.reported" if s in perceived and s not in strand_basis else f"terms.{s}"
            for s in strands
        )
        out["strands"] = Inferred(strands, basis_of, term_rules)
        out["hostility_based_on_characteristic"] = Inferred(True, basis_of, term_rules)
        if strand_basis:
            basis_words = tuple(dict.fromkeys(w for s in strand_basis for w in strand_words[s]))
            out["intentional_hostility_basis"] = Inferred(True, basis_words, term_rules)
    else:
        out.pop("stirs_up_hatred", None)  # stirring up hatred needs a group characteristic

    if "threat_seriousness" in out and "abusive" not in out:
        # a threat is threatening behaviour: more than merely insulting (HCPO(S)A 2021 s4(2))
        t = out["threat_seriousness"]
        out["abusive"] = Inferred(True, t.words, t.rules)
    if hostility_words:
        kinds = {k for k, _w in hostility_words}
        hostile = tuple(dict.fromkeys(w for _k, w in hostility_words))
        ids = tuple(f"hostility.{k}" for k in sorted(kinds))
        out["abusive_or_insulting"] = Inferred(True, hostile, ids)
        if strand_words and kinds & {"slur", "dehumanising"}:
            out["grossly_offensive"] = Inferred(True, hostile, ids)

    if signals is not None and not (countered_any and not hostility_words):
        # Counter-speech the rules recognised (a quote condemned, a word mentioned) is not made
        # hostile again by a model that reads the quoted words alone (issue 15 s4).
        _from_signals(out, signals, inf, mentioned)
    leftover = {s: w for s, w in mentioned.items() if s not in strand_words}
    if leftover and "strands" not in out:
        named = tuple(s for s in (*FIVE_STRANDS, "other") if s in leftover)
        named_words = tuple(dict.fromkeys(w for s in named for w in leftover[s]))
        out["strands_mentioned"] = Inferred(named, named_words, tuple(f"terms.{s}" for s in named))
    return out


def danger_words(text: str, *, rules: Rules | None = None) -> dict[str, tuple[str, ...]]:
    """The danger the text holds, answer by answer, with its words: a threat, a threat to
    property, a published address, a future event. The same rules and cues as ``infer``, only
    the danger answers, so intake can put these reports first before any assessment."""
    inf = (rules or load_rules()).inference
    found: dict[str, list[str]] = {}
    for sentence in _sentences(text):
        for answer, words in _danger_in(inf, sentence):
            found.setdefault(answer, []).extend(words)
    return {answer: tuple(dict.fromkeys(words)) for answer, words in found.items()}


# A surge's reports quote one post's sentences thousands of times (each reporter's own words
# around them differ): a sentence's danger depends on the sentence and the rules alone.
@functools.lru_cache(maxsize=20_000)
def _danger_in(rules: InferenceRules, sentence: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found: list[tuple[str, tuple[str, ...]]] = []
    countered = None
    for rule in rules.entries:
        if rule.answer not in DANGER_ANSWERS:
            continue
        words = _hits(rule.patterns, sentence, rules)
        if not words or _cancelled(rule.answer, sentence, rules):
            continue
        if rule.answer in _COUNTERABLE:
            if countered is None:
                countered = any(p.search(sentence) for p in rules.counter_speech)
            if countered:
                continue
        found.append((rule.answer, tuple(words)))
    return tuple(found)


def _get(signals: Any, name: str, default: Any) -> Any:
    if isinstance(signals, Mapping):
        return signals.get(name, default)
    return getattr(signals, name, default)


def _from_signals(
    out: dict[str, Inferred], signals: Any, inf: InferenceRules, mentioned: dict[str, list[str]]
) -> None:
    """Add what the content signals found and the rules did not; the rules' answers win because
    they come with exact words (DOMAIN.md s3: the officer must see why)."""
    thr = inf.signal_thresholds
    evidence = _get(signals, "evidence", {}) or {}

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in evidence.get(key, []) or [])

    if "threat_of_violence" not in out and _get(signals, "threat", 0) >= thr.get("threat", 0.7):
        out["threat_of_violence"] = Inferred(True, words("threat"), ("signals.threat",), "signals")
    hostile = [k for k in ("slur", "dehumanising", "derogatory")
               if _get(signals, k, 0) >= thr.get(k, 0.7)]  # fmt: skip
    if hostile and "abusive_or_insulting" not in out:
        w = tuple(x for k in hostile for x in words(k))
        out["abusive_or_insulting"] = Inferred(True, w, tuple(f"signals.{k}" for k in hostile),
                                               "signals")  # fmt: skip
    targets = _get(signals, "targets", {}) or {}
    found = tuple(s for s in FIVE_STRANDS if targets.get(s, 0) >= thr.get("target", 0.6))
    if found and hostile and "strands" not in out:
        w = tuple(x for s in found for x in words(s)) or tuple(found)
        out["strands"] = Inferred(found, w, ("signals.targets",), "signals")
        out.setdefault(
            "hostility_based_on_characteristic",
            Inferred(True, w, ("signals.targets",), "signals"),
        )
    elif found:  # a characteristic the model sees targeted, without hostility: a question
        for strand in found:
            mentioned.setdefault(strand, []).extend(words(strand) or (f"signals: {strand}",))


def to_answers(inferred: Mapping[str, Inferred], reporter: str | None = None) -> Answers:
    """The inferred values as ``Answers`` (reporter comes from the report, not the text)."""
    data: dict[str, Any] = {k: v.value for k, v in inferred.items() if k in ANSWER_FIELDS}
    if reporter is not None:
        data["reporter"] = reporter
    # every strand of the tables: the nations' own (age, sectarian) come from the reporter
    return Answers.from_mapping(data, tuple(load_rules().strands))
