"""Load and validate the assessment rule tables (``hatehub/assessment/rules/*.yaml``).

Why data, not code: DOMAIN.md (preamble and sections 3-6, 8) asks that legal rules a force's
lawyers or registrar may need to change -- the offence catalogue and its repeal dates, the True
Vision routing rule, the NCHI Code tests, THRIVE and the force's priority grades -- live in
versioned data files, each entry with its source and a "last checked" date, never as hard-coded
truth. This module is the single gate those files pass through: it refuses a table with a missing
source, a bad date, an unknown strand, a duplicate id or a condition naming an unknown answer, and
says which file, entry and field is wrong, so a broken file fails ``manage.py check`` at start-up
(see ``checks.py``) instead of producing a wrong recommendation later.

No Django import: the engine and inference modules, which are pure, use these dataclasses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent / "rules"
RULE_FILES = (
    "strands.yaml",
    "offences.yaml",
    "routing.yaml",
    "nchi.yaml",
    "thrive.yaml",
    "priorities.yaml",
    "classification.yaml",
    "victims_code.yaml",
    "inference.yaml",
)
THRIVE_FACTORS = ("threat", "harm", "risk", "investigation", "vulnerability", "engagement")
THRIVE_LEVELS = ("low", "medium", "high")
# hate_incident: a hate incident as Police Scotland (Scottish Crime Recording Standard) or PSNI
# record it, where the NCHI Code (England and Wales only) does not apply.
CLASSIFICATIONS = ("crime", "nchi", "hate_incident", "not_hate", "not_police_matter")
OFFENCE_KINDS = ("offence", "interpretation", "definition", "aggravation")
# The UK's three legal jurisdictions (DOMAIN.md s5a): every offence, strand, victims' rights
# entry and NCHI regime says in which of them it applies.
NATIONS = ("england_wales", "scotland", "northern_ireland")
NATION_NAMES = {
    "england_wales": "England and Wales",
    "scotland": "Scotland",
    "northern_ireland": "Northern Ireland",
}


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True)
class RuleProblem:
    """One thing wrong with a rule file, precise enough to fix without reading the loader."""

    file: str
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f": entry '{self.entry}'"
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class RuleValidationError(ValueError):
    """Raised with every problem found, not just the first, so one run fixes a file."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("Invalid assessment rules:\n" + "\n".join(f"- {p}" for p in problems))


# --------------------------------------------------------------------------- dataclasses


@dataclass(frozen=True)
class Condition:
    """A three-valued test over the answers (DOMAIN.md s2-s6 rules are written with these).

    ``evaluate`` returns True, False or None (unknown: an answer it needs is None), so an
    unknown answer never silently counts as "yes" or "no".
    """

    op: str  # answer | thrive | classification | all | any
    name: str | None = None
    values: tuple[Any, ...] = ()
    children: tuple[Condition, ...] = ()

    def evaluate(self, lookup: Callable[[str, str], Any]) -> bool | None:
        if self.op in ("answer", "thrive", "classification"):
            value = lookup(self.op, self.name or "")
            if value is None and None not in self.values:
                return None
            return value in self.values
        results = [c.evaluate(lookup) for c in self.children]
        if self.op == "all":
            if any(r is False for r in results):
                return False
            return None if any(r is None for r in results) else True
        if any(r is True for r in results):
            return True
        return None if any(r is None for r in results) else False

    def answers(self) -> set[str]:
        """The answer names this condition reads (for validation and explanations)."""
        names = {self.name} if self.op == "answer" and self.name else set()
        for child in self.children:
            names |= child.answers()
        return names


@dataclass(frozen=True)
class RuleRef:
    """What ``rules_fired`` cites: every rule carries its source (DOMAIN.md preamble)."""

    id: str
    text: str
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class Strand:
    id: str
    name: str
    centrally_monitored: bool
    source: str
    last_checked: dt.date
    nations: tuple[str, ...] = NATIONS


@dataclass(frozen=True)
class Element:
    id: str
    text: str
    when: Condition | None  # None: needs the officer's judgement
    gate: bool = False


@dataclass(frozen=True)
class TimeLimit:
    """When proceedings for a summary-only offence must start (DOMAIN.md s5; Magistrates' Courts
    Act 1980 s127: 6 months from the offence unless the offence's own Act says otherwise)."""

    months_from_offence: int | None
    years_from_offence: int | None
    months_from_knowledge: int | None
    text: str
    source: str

    def expires_on(self, offence_day: dt.date, knowledge_day: dt.date | None = None) -> dt.date:
        """The last day proceedings may start. With a "from knowledge" limb (CA 2003 s127(5):
        periods "beginning with" the day, so that day counts), the earlier of the long stop and
        6 months from when the prosecutor knew enough; without the knowledge date, the long
        stop."""
        if self.years_from_offence:
            end = add_months(offence_day, 12 * self.years_from_offence) - dt.timedelta(days=1)
            if self.months_from_knowledge and knowledge_day:
                from_knowledge = add_months(knowledge_day, self.months_from_knowledge)
                end = min(end, from_knowledge - dt.timedelta(days=1))
            return end
        # MCA 1980 s127(1) "within six months FROM the time when the offence was committed":
        # the day of the offence is excluded, so the corresponding date is the last day
        # (the month's last day when it has none).
        return add_months(offence_day, self.months_from_offence or 6)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day."""
    import calendar

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Offence:
    """One offence limb from DOMAIN.md s5 with its repeal status."""

    id: str
    kind: str
    name: str
    act: str
    section: str
    elements: tuple[Element, ...]
    strands: tuple[str, ...]
    needs_course_of_conduct: bool
    needs_threat: bool
    needs_publication: bool
    needs_intent: bool
    ag_consent: bool
    in_force_from: dt.date | None
    repealed_on: dt.date | None
    notes: str
    source: str
    last_checked: dt.date
    nations: tuple[str, ...] = NATIONS
    time_limit: TimeLimit | None = None
    primary: bool = False  # listed first when it is a candidate (DOMAIN.md s5a: OAPA s16)

    def applies_in(self, nation: str) -> bool:
        return nation in self.nations

    def in_force_on(self, day: dt.date) -> bool:
        """True if this limb applied to conduct on ``day`` (repealed_on = first day it no
        longer applies)."""
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.repealed_on and day >= self.repealed_on)

    def fits_strands(self, strands: Iterable[str]) -> bool:
        return "any" in self.strands or bool(set(self.strands) & set(strands))

    @property
    def ref(self) -> RuleRef:
        return RuleRef(self.id, f"{self.act} {self.section}: {self.name}", self.source,
                       self.last_checked)  # fmt: skip


@dataclass(frozen=True)
class RoutingRule:
    id: str
    text: str
    route_to_local_force: bool
    urgent: bool
    when: Condition
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class NchiTest:
    id: str
    text: str
    when: Condition
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class NchiVersion:
    """One NCHI regime (a Code of Practice) with the dates it governs recording."""

    id: str
    name: str
    status: str
    in_force_from: dt.date
    until: dt.date | None  # last day it applies; None = still in force
    record_tests: tuple[NchiTest, ...]
    personal_data_tests: tuple[NchiTest, ...]
    source: str
    last_checked: dt.date

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class HateIncidentRule:
    """Where the NCHI Code does not apply, the nation's own hate incident (issue 15 s3):
    "Police Scotland hate incident", "PSNI hate incident"."""

    id: str
    nation: str
    name: str
    text: str
    source: str
    last_checked: dt.date

    @property
    def ref(self) -> RuleRef:
        return RuleRef(self.id, f"{self.name}: {self.text}", self.source, self.last_checked)


@dataclass(frozen=True)
class NchiRules:
    enabled: bool
    versions: tuple[NchiVersion, ...]
    outcomes: dict[str, RuleRef]
    nations: tuple[str, ...] = ("england_wales",)
    selected: str | None = None  # a version id the force fixes; None = the one in force by date
    # nation -> its own hate incident, for the nations outside the NCHI regime
    hate_incidents: dict[str, HateIncidentRule] = field(default_factory=dict)

    def version_for(self, day: dt.date) -> NchiVersion | None:
        """The Code the force follows on ``day``: its configured one, else the one in force."""
        if self.selected:
            return next(v for v in self.versions if v.id == self.selected)
        return next((v for v in self.versions if v.in_force_on(day)), None)


@dataclass(frozen=True)
class ThriveFactor:
    id: str
    factor: str
    text: str
    default: str
    levels: tuple[tuple[str, Condition], ...]
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class GradingRule:
    id: str
    grade: int
    text: str
    when: Condition | None  # None: always (the default grade)
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class Priority:
    id: str
    grade: int
    name: str
    response_time: str
    response_minutes: int | None
    source: str
    last_checked: dt.date


@dataclass(frozen=True)
class VictimsCodeRule:
    id: str
    text: str
    enabled: bool
    applies_to: str  # hate_crime | crime | victim (when the condition holds)
    update_working_days: int | None  # None: the scheme sets no period
    source: str
    last_checked: dt.date
    nations: tuple[str, ...] = ("england_wales",)
    enhanced: bool = False
    when: Condition | None = None


@dataclass(frozen=True)
class PatternRule:
    """An inference rule: patterns that, when found, suggest ``answer = value``."""

    id: str
    answer: str
    value: Any
    patterns: tuple[re.Pattern, ...]
    source: str
    last_checked: dt.date
    kind: str = ""


# Compared and hashed as the object it is (a cache key of `inference.danger_words`): its
# tables hold patterns and dicts.
@dataclass(frozen=True, eq=False)
class InferenceRules:
    negation_before: tuple[re.Pattern, ...]
    counter_speech: tuple[re.Pattern, ...]
    entries: tuple[PatternRule, ...]
    hostility: tuple[PatternRule, ...]
    perception: tuple[re.Pattern, ...]
    strand_terms: dict[str, tuple[str, ...]]
    strand_patterns: dict[str, re.Pattern]
    signal_thresholds: dict[str, float]
    refs: dict[str, RuleRef]
    # Optional cues that cancel one answer in a sentence (issue 15 s4): past_event and
    # future_marker (future_event), others_conduct (course_of_conduct).
    cues: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Rules:
    """Every table, validated. ``refs`` maps every rule id to what rules_fired cites."""

    directory: str
    strands: dict[str, Strand]
    offences: tuple[Offence, ...]
    routing: tuple[RoutingRule, ...]
    nchi: NchiRules
    thrive_factors: tuple[ThriveFactor, ...]
    grading: tuple[GradingRule, ...]
    priorities: dict[int, Priority]
    priorities_force: str
    classification: dict[str, RuleRef]
    victims_code: tuple[VictimsCodeRule, ...]
    inference: InferenceRules
    refs: dict[str, RuleRef] = field(default_factory=dict)

    def ref(self, rule_id: str) -> RuleRef:
        return self.refs[rule_id]


# --------------------------------------------------------------------------- validation


class _Checker:
    """Collects problems while building dataclasses, so every problem is reported at once."""

    def __init__(self) -> None:
        self.problems: list[RuleProblem] = []
        self.seen_ids: dict[str, str] = {}
        self.file = ""

    def error(self, entry: str | None, fld: str | None, message: str) -> None:
        self.problems.append(RuleProblem(self.file, entry, fld, message))

    def mapping(self, raw: Any, entry: str | None, fld: str | None) -> dict:
        if not isinstance(raw, dict):
            self.error(entry, fld, f"expected a mapping, got {type(raw).__name__}")
            return {}
        return raw

    def entries(self, doc: dict, key: str = "entries") -> list[dict]:
        raw = doc.get(key)
        if not isinstance(raw, list):
            self.error(None, key, "missing or not a list")
            return []
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict):
                self.error(f"#{i + 1}", None, "entry is not a mapping")
                continue
            out.append(item)
        return out

    def rule_id(self, raw: dict, index: int) -> str:
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid.strip():
            self.error(f"#{index + 1}", "id", "missing or empty")
            return f"#{index + 1}"
        if rid in self.seen_ids:
            self.error(rid, "id", f"duplicate id (also in {self.seen_ids[rid]})")
        else:
            self.seen_ids[rid] = self.file
        return rid

    def keys(
        self,
        raw: dict,
        entry: str,
        required: set[str],
        optional: set[str] | frozenset[str] = frozenset(),
    ):
        for k in sorted(required - raw.keys()):
            self.error(entry, k, "missing")
        for k in sorted(raw.keys() - required - optional):
            self.error(entry, k, "unknown field")

    def text(self, raw: dict, entry: str, fld: str, allow_empty: bool = False) -> str:
        value = raw.get(fld)
        if value is None and fld not in raw:
            return ""  # already reported as missing by keys()
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.error(entry, fld, "must be a non-empty string")
            return ""
        return value

    def boolean(self, raw: dict, entry: str, fld: str) -> bool:
        value = raw.get(fld)
        if fld in raw and not isinstance(value, bool):
            self.error(entry, fld, f"must be true or false, got {value!r}")
        return bool(value)

    def date(self, raw: dict, entry: str, fld: str, nullable: bool = False) -> dt.date | None:
        value = raw.get(fld)
        if value is None:
            if not nullable and fld in raw:
                self.error(entry, fld, "bad date: must be YYYY-MM-DD, got null")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(entry, fld, f"bad date: must be YYYY-MM-DD, got {value!r}")
        return None

    def sourced(self, raw: dict, entry: str) -> tuple[str, dt.date]:
        """source + last_checked: the two fields every entry must carry (DOMAIN.md preamble)."""
        source = raw.get("source")
        if not isinstance(source, str) or not source.strip():
            self.error(entry, "source", "missing source (every rule must cite its legal source)")
            source = ""
        if "last_checked" not in raw:
            self.error(entry, "last_checked", "missing")
        checked = self.date(raw, entry, "last_checked") or dt.date.min
        return source, checked

    def nations(self, raw: dict, entry: str) -> tuple[str, ...]:
        """``nations``: where the entry applies (issue 15 s3: never assume one nation)."""
        value = raw.get("nations")
        if "nations" not in raw:
            return NATIONS  # reported as missing by keys() where it is required
        if (
            not isinstance(value, list)
            or not value
            or any(n not in NATIONS for n in value)
            or len(set(value)) != len(value)
        ):
            self.error(entry, "nations", f"must be a non-empty list from {NATIONS}, got {value!r}")
            return NATIONS
        return tuple(value)

    def regexes(self, raw: Any, entry: str, fld: str, expand: Callable[[str], str]):
        if not isinstance(raw, list) or not raw:
            self.error(entry, fld, "must be a non-empty list of regular expressions")
            return ()
        out = []
        for pattern in raw:
            if not isinstance(pattern, str):
                self.error(entry, fld, f"pattern {pattern!r} is not a string")
                continue
            try:
                out.append(re.compile(expand(pattern), re.IGNORECASE))
            except re.error as exc:
                self.error(entry, fld, f"bad regular expression {pattern!r}: {exc}")
        return tuple(out)

    def condition(self, raw: Any, entry: str, fld: str, answers: set[str]) -> Condition | None:
        """Parse {answer|thrive|classification|all|any}; unknown names are errors."""
        if not isinstance(raw, dict):
            self.error(entry, fld, f"condition must be a mapping, got {raw!r}")
            return None
        if "all" in raw or "any" in raw:
            op = "all" if "all" in raw else "any"
            if set(raw) != {op} or not isinstance(raw[op], list) or not raw[op]:
                self.error(entry, fld, f"'{op}' must be the only key and a non-empty list")
                return None
            kids = [self.condition(c, entry, fld, answers) for c in raw[op]]
            return Condition(op, children=tuple(k for k in kids if k))
        for op, known in (
            ("answer", answers),
            ("thrive", set(THRIVE_FACTORS)),
            ("classification", set(CLASSIFICATIONS)),
        ):
            if op not in raw:
                continue
            name = raw[op]
            if name not in known:
                what = "answer" if op == "answer" else op
                self.error(entry, fld, f"unknown {what} {name!r}")
                return None
            if op == "classification":
                extra = set(raw) - {"classification"}
                if extra:
                    self.error(entry, fld, f"unexpected keys {sorted(extra)}")
                return Condition("classification", "", (name,))
            extra = set(raw) - {op, "equals", "in"}
            if extra or ("equals" in raw) == ("in" in raw):
                self.error(entry, fld, f"'{op}' needs exactly one of 'equals' or 'in'")
                return None
            values = (raw["equals"],) if "equals" in raw else raw["in"]
            if not isinstance(values, list | tuple):
                self.error(entry, fld, "'in' must be a list")
                return None
            if op == "thrive" and any(v not in THRIVE_LEVELS for v in values):
                self.error(entry, fld, f"THRIVE levels must be among {THRIVE_LEVELS}")
            return Condition(op, name, tuple(values))
        self.error(entry, fld, f"condition needs answer, thrive, classification, all or any: {raw}")
        return None


def _answer_names() -> set[str]:
    # Imported here: engine imports this module, and the answer names belong to engine.Answers.
    from hatehub.assessment.engine import ANSWER_FIELDS

    return set(ANSWER_FIELDS)


def _read(path: Path, checker: _Checker) -> dict:
    checker.file = path.name
    if not path.exists():
        checker.error(None, None, f"file missing ({path})")
        return {}
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        checker.error(None, None, f"not valid YAML: {exc}")
        return {}
    if not isinstance(doc, dict):
        checker.error(None, None, "top level must be a mapping")
        return {}
    if doc.get("version") != 1:
        checker.error(None, "version", f"unsupported version {doc.get('version')!r} (expected 1)")
    return doc


_SOURCED = {"id", "source", "last_checked"}


def _strands(doc: dict, c: _Checker) -> dict[str, Strand]:
    out = {}
    for i, raw in enumerate(c.entries(doc)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"name", "centrally_monitored", "nations"})
        source, checked = c.sourced(raw, rid)
        out[rid] = Strand(rid, c.text(raw, rid, "name"),
                          c.boolean(raw, rid, "centrally_monitored"), source, checked,
                          c.nations(raw, rid))  # fmt: skip
    return out


_OFFENCE_FLAGS = (
    "needs_course_of_conduct",
    "needs_threat",
    "needs_publication",
    "needs_intent",
    "ag_consent",
)
# needs_X flag -> the answer a gate element must read (a cross-check between flags and elements).
_FLAG_ANSWER = {
    "needs_course_of_conduct": "course_of_conduct",
    "needs_publication": "publication",
}


def _offences(doc: dict, c: _Checker, strands: dict[str, Strand], answers: set[str]):
    out = []
    required = _SOURCED | {"kind", "name", "act", "section", "elements", "strands", "in_force_from",
                           "repealed_on", "notes", "nations", *_OFFENCE_FLAGS}  # fmt: skip
    for i, raw in enumerate(c.entries(doc)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, required, {"time_limit", "primary"})
        nations = c.nations(raw, rid)
        time_limit = _time_limit(raw.get("time_limit"), rid, c)
        source, checked = c.sourced(raw, rid)
        kind = raw.get("kind")
        if kind not in OFFENCE_KINDS:
            c.error(rid, "kind", f"must be one of {OFFENCE_KINDS}, got {kind!r}")
        raw_strands = raw.get("strands")
        if not isinstance(raw_strands, list) or not raw_strands:
            c.error(rid, "strands", "must be a non-empty list (use [any] for any strand)")
            raw_strands = []
        for s in raw_strands:
            if s != "any" and s not in strands:
                c.error(rid, "strands", f"unknown strand {s!r} (known: {sorted(strands)} or any)")
        if "any" in raw_strands and len(raw_strands) > 1:
            c.error(rid, "strands", "'any' must stand alone")
        elements = []
        seen_el: set[str] = set()
        raw_elements = raw.get("elements")
        if not isinstance(raw_elements, list):
            c.error(rid, "elements", "must be a list")
            raw_elements = []
        for el in raw_elements:
            el = c.mapping(el, rid, "elements")
            eid = el.get("id")
            if not isinstance(eid, str) or not eid:
                c.error(rid, "elements", f"element without id: {el}")
                continue
            if eid in seen_el:
                c.error(rid, f"elements.{eid}", "duplicate element id")
            seen_el.add(eid)
            unknown = set(el) - {"id", "text", "when", "gate"}
            if unknown:
                c.error(rid, f"elements.{eid}", f"unknown field(s) {sorted(unknown)}")
            if not isinstance(el.get("text"), str) or not el["text"].strip():
                c.error(rid, f"elements.{eid}.text", "missing")
            when = el.get("when")
            cond = c.condition(when, rid, f"elements.{eid}.when", answers) if when else None
            gate = el.get("gate", False)
            if gate and cond is None:
                c.error(rid, f"elements.{eid}", "a gate element needs a 'when' condition")
            elements.append(Element(eid, el.get("text", ""), cond, bool(gate)))
        if kind == "offence" and not elements:
            c.error(rid, "elements", "an offence needs at least one element")
        flags = {f: c.boolean(raw, rid, f) for f in _OFFENCE_FLAGS}
        for flag, answer in _FLAG_ANSWER.items():
            if (
                flags[flag]
                and kind == "offence"
                and not any(e.gate and e.when and answer in e.when.answers() for e in elements)
            ):
                c.error(rid, flag, f"is true but no gate element reads the answer '{answer}'")
        if (
            flags["needs_threat"]
            and kind == "offence"
            and not any(
                e.gate
                and e.when
                and e.when.answers()
                & {"threat_of_violence", "threat_seriousness", "threat_to_property"}
                for e in elements
            )
        ):
            c.error(rid, "needs_threat", "is true but no gate element reads a threat answer")
        in_force = c.date(raw, rid, "in_force_from", nullable=True)
        repealed = c.date(raw, rid, "repealed_on", nullable=True)
        if in_force and repealed and repealed <= in_force:
            c.error(rid, "repealed_on", "is on or before in_force_from")
        notes = raw.get("notes")
        if notes is not None and not isinstance(notes, str):
            c.error(rid, "notes", "must be a string")
        out.append(Offence(
            id=rid, kind=kind or "", name=c.text(raw, rid, "name"), act=c.text(raw, rid, "act"),
            section=c.text(raw, rid, "section"), elements=tuple(elements),
            strands=tuple(raw_strands), in_force_from=in_force, repealed_on=repealed,
            notes=notes or "", source=source, last_checked=checked, nations=nations,
            time_limit=time_limit, primary=c.boolean(raw, rid, "primary"), **flags,
        ))  # fmt: skip
    return tuple(out)


def _time_limit(raw: Any, rid: str, c: _Checker) -> TimeLimit | None:
    """``time_limit`` (summary-only offences): months_from_offence, or years_from_offence with
    months_from_knowledge; with the text to show and its source."""
    if raw is None:
        return None
    raw = c.mapping(raw, rid, "time_limit")
    allowed = {"months_from_offence", "years_from_offence", "months_from_knowledge", "text",
               "source"}  # fmt: skip
    if set(raw) - allowed:
        c.error(rid, "time_limit", f"unknown field(s) {sorted(set(raw) - allowed)}")
    numbers = {}
    for key in ("months_from_offence", "years_from_offence", "months_from_knowledge"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, int) or value < 1):
            c.error(rid, f"time_limit.{key}", "must be a positive integer")
            value = None
        numbers[key] = value
    if not numbers["months_from_offence"] and not numbers["years_from_offence"]:
        c.error(rid, "time_limit", "needs months_from_offence or years_from_offence")
    for key in ("text", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            c.error(rid, f"time_limit.{key}", "must be a non-empty string")
    return TimeLimit(**numbers, text=str(raw.get("text", "")), source=str(raw.get("source", "")))


def _routing(doc: dict, c: _Checker, answers: set[str]) -> tuple[RoutingRule, ...]:
    out = []
    for i, raw in enumerate(c.entries(doc)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"text", "route_to_local_force", "urgent", "when"})
        source, checked = c.sourced(raw, rid)
        cond = c.condition(raw.get("when"), rid, "when", answers)
        out.append(RoutingRule(rid, c.text(raw, rid, "text"),
                               c.boolean(raw, rid, "route_to_local_force"),
                               c.boolean(raw, rid, "urgent"), cond or Condition("any"),
                               source, checked))  # fmt: skip
    return tuple(out)


def _tests(doc: dict, key: str, c: _Checker, answers: set[str]) -> tuple[NchiTest, ...]:
    out = []
    for i, raw in enumerate(c.entries(doc, key)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"text", "when"})
        source, checked = c.sourced(raw, rid)
        cond = c.condition(raw.get("when"), rid, "when", answers) or Condition("any")
        out.append(NchiTest(rid, c.text(raw, rid, "text"), cond, source, checked))
    return tuple(out)


def _refs(doc: dict, key: str, c: _Checker) -> dict[str, RuleRef]:
    out = {}
    for i, raw in enumerate(c.entries(doc, key)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"text"})
        source, checked = c.sourced(raw, rid)
        out[rid] = RuleRef(rid, c.text(raw, rid, "text"), source, checked)
    return out


def _nchi(doc: dict, c: _Checker, answers: set[str]) -> NchiRules:
    """The NCHI regime: a switch, where it applies, and dated versions of the Code (issue 15
    s3: a force follows the Code in force; the 2023 Code is under review in 2026)."""
    enabled = doc.get("enabled")
    if not isinstance(enabled, bool):
        c.error(None, "enabled", "must be true or false (the NCHI category switch)")
    nations = c.nations(doc, "nations") if "nations" in doc else ()
    if not nations:
        c.error(None, "nations", "missing: say where the NCHI regime applies")
    outcomes = _refs(doc, "outcomes", c)
    for needed in ("nchi.record_with_personal_data", "nchi.record_without_personal_data",
                   "nchi.not_recordable", "nchi.disabled", "nchi.not_in_nation",
                   "nchi.no_code_in_force"):  # fmt: skip
        if needed not in outcomes:
            c.error(needed, None, "required outcome missing")
    versions = []
    for i, raw in enumerate(c.entries(doc, "versions")):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"name", "status", "in_force_from", "until", "record_tests",
                                     "personal_data_tests"})  # fmt: skip
        source, checked = c.sourced(raw, rid)
        start = c.date(raw, rid, "in_force_from") or dt.date.min
        until = c.date(raw, rid, "until", nullable=True)
        if until and until < start:
            c.error(rid, "until", "is before in_force_from")
        versions.append(NchiVersion(
            rid, c.text(raw, rid, "name"), c.text(raw, rid, "status"), start, until,
            _tests(raw, "record_tests", c, answers), _tests(raw, "personal_data_tests", c, answers),
            source, checked,
        ))  # fmt: skip
    ordered = sorted(versions, key=lambda v: v.in_force_from)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.until is None or before.until >= after.in_force_from:
            c.error(after.id, "in_force_from", f"overlaps {before.id} (give {before.id} an until)")
    selected = doc.get("force_selects")
    if selected is not None and selected not in {v.id for v in versions}:
        c.error(None, "force_selects", f"unknown version {selected!r}")
        selected = None
    incidents: dict[str, HateIncidentRule] = {}
    for i, raw in enumerate(c.entries(doc, "hate_incidents") if "hate_incidents" in doc else []):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"nation", "name", "text"})
        source, checked = c.sourced(raw, rid)
        nation = raw.get("nation")
        if nation not in NATIONS:
            c.error(rid, "nation", f"must be one of {', '.join(NATIONS)}")
            continue
        if nation in (nations or ()):
            c.error(rid, "nation", "the NCHI regime applies there: no other hate incident")
        if nation in incidents:
            c.error(rid, "nation", f"a second hate incident for {nation}")
        incidents[nation] = HateIncidentRule(rid, nation, c.text(raw, rid, "name"),
                                             c.text(raw, rid, "text"), source,
                                             checked)  # fmt: skip
    return NchiRules(bool(enabled), tuple(ordered), outcomes, nations or ("england_wales",),
                     selected, incidents)  # fmt: skip


def _thrive(doc: dict, c: _Checker, answers: set[str]):
    factors = []
    for i, raw in enumerate(c.entries(doc, "factors")):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"factor", "text", "default", "levels"})
        source, checked = c.sourced(raw, rid)
        if raw.get("factor") not in THRIVE_FACTORS:
            c.error(rid, "factor", f"must be one of {THRIVE_FACTORS}")
        if raw.get("default") not in THRIVE_LEVELS:
            c.error(rid, "default", f"must be one of {THRIVE_LEVELS}")
        levels = []
        for lv in raw.get("levels") or []:
            lv = c.mapping(lv, rid, "levels")
            if lv.get("level") not in THRIVE_LEVELS:
                c.error(rid, "levels", f"level must be one of {THRIVE_LEVELS}, got {lv}")
                continue
            cond = c.condition(lv.get("when"), rid, f"levels.{lv['level']}.when", answers)
            if cond:
                levels.append((lv["level"], cond))
        factors.append(ThriveFactor(rid, raw.get("factor", ""), c.text(raw, rid, "text"),
                                    raw.get("default", "low"), tuple(levels), source,
                                    checked))  # fmt: skip
    missing = set(THRIVE_FACTORS) - {f.factor for f in factors}
    if missing:
        c.error(None, "factors", f"THRIVE factors missing: {sorted(missing)}")
    grading = []
    for i, raw in enumerate(c.entries(doc, "grading")):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"grade", "text", "when"})
        source, checked = c.sourced(raw, rid)
        if not isinstance(raw.get("grade"), int):
            c.error(rid, "grade", "must be an integer")
        when = raw.get("when")
        cond = c.condition(when, rid, "when", answers) if when is not None else None
        grading.append(GradingRule(rid, raw.get("grade", 0), c.text(raw, rid, "text"), cond,
                                   source, checked))  # fmt: skip
    if grading and grading[-1].when is not None:
        c.error(grading[-1].id, "when", "the last grading rule must be the default (when: null)")
    return tuple(factors), tuple(grading)


def _priorities(doc: dict, c: _Checker) -> dict[int, Priority]:
    out: dict[int, Priority] = {}
    for i, raw in enumerate(c.entries(doc)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"grade", "name", "response_time", "response_minutes"})
        source, checked = c.sourced(raw, rid)
        grade = raw.get("grade")
        if not isinstance(grade, int) or isinstance(grade, bool):
            c.error(rid, "grade", "must be an integer")
            continue
        if grade in out:
            c.error(rid, "grade", f"duplicate grade {grade}")
        minutes = raw.get("response_minutes")
        if minutes is not None and (not isinstance(minutes, int) or minutes < 0):
            c.error(rid, "response_minutes", "must be a non-negative integer or null")
        out[grade] = Priority(rid, grade, c.text(raw, rid, "name"),
                              c.text(raw, rid, "response_time"), minutes, source,
                              checked)  # fmt: skip
    return out


def _victims_code(doc: dict, c: _Checker, answers: set[str]) -> tuple[VictimsCodeRule, ...]:
    """Victims' rights per nation: the Victims' Code (E&W), the Standards of Service (Scotland),
    the Victim Charter (NI). applies_to: hate_crime | crime | victim (with a ``when``)."""
    out = []
    for i, raw in enumerate(c.entries(doc)):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"text", "enabled", "applies_to", "update_working_days",
                                     "nations"}, {"enhanced", "when"})  # fmt: skip
        source, checked = c.sourced(raw, rid)
        applies_to = raw.get("applies_to")
        if applies_to not in ("hate_crime", "crime", "victim"):
            c.error(rid, "applies_to", "must be hate_crime, crime or victim")
        when = None
        if applies_to == "victim":
            when = c.condition(raw.get("when"), rid, "when", answers)
        elif "when" in raw:
            c.error(rid, "when", "only an entry that applies_to: victim has a condition")
        days = raw.get("update_working_days")
        if days is not None and (not isinstance(days, int) or days < 1):
            c.error(rid, "update_working_days", "must be a positive integer or null")
            days = None
        out.append(VictimsCodeRule(rid, c.text(raw, rid, "text"), c.boolean(raw, rid, "enabled"),
                                   applies_to or "", days, source, checked,
                                   c.nations(raw, rid), c.boolean(raw, rid, "enhanced"),
                                   when))  # fmt: skip
    return tuple(out)


OPTIONAL_CUES = ("past_event", "future_marker", "others_conduct")


def _inference(doc: dict, c: _Checker, strands: dict[str, Strand], answers: set[str]):
    refs: dict[str, RuleRef] = {}
    terms: dict[str, tuple[str, ...]] = {}
    for i, raw in enumerate(c.entries(doc, "strand_terms")):
        rid = c.rule_id(raw, i)
        c.keys(raw, rid, _SOURCED | {"strand", "terms"})
        source, checked = c.sourced(raw, rid)
        strand = raw.get("strand")
        if strand not in strands:
            c.error(rid, "strand", f"unknown strand {strand!r} (known: {sorted(strands)})")
            continue
        words = raw.get("terms")
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            c.error(rid, "terms", "must be a non-empty list of strings")
            continue
        terms[strand] = tuple(w.lower() for w in words)
        refs[rid] = RuleRef(rid, f"Identity terms for the {strand} strand", source, checked)
    all_terms = sorted({t for ts in terms.values() for t in ts}, key=len, reverse=True)
    term_alt = "(?:" + "|".join(re.escape(t) for t in all_terms) + ")" if all_terms else "(?!)"

    def expand(pattern: str) -> str:
        return pattern.replace("\\{term\\}", term_alt).replace("{term}", term_alt)

    strand_patterns = {
        s: re.compile(
            r"\b(?:" + "|".join(re.escape(t) for t in sorted(ts, key=len, reverse=True)) + r")\b",
            re.IGNORECASE,
        )  # fmt: skip
        for s, ts in terms.items()
    }
    cues = c.mapping(doc.get("cues"), None, "cues")
    cue_pats = {}
    for name in ("negation_before", "counter_speech", *OPTIONAL_CUES):
        if name in OPTIONAL_CUES and name not in cues:
            cue_pats[name] = ()
            continue
        raw = c.mapping(cues.get(name), name, "cues")
        c.sourced(raw, f"cues.{name}")
        cue_pats[name] = c.regexes(raw.get("patterns"), f"cues.{name}", "patterns", expand)
    for name in set(cues) - {"negation_before", "counter_speech", *OPTIONAL_CUES}:
        c.error(f"cues.{name}", None, f"unknown cue (known: {', '.join(OPTIONAL_CUES)})")

    def pattern_rules(key: str, with_answer: bool) -> tuple[PatternRule, ...]:
        out = []
        for i, raw in enumerate(c.entries(doc, key)):
            rid = c.rule_id(raw, i)
            req = _SOURCED | {"patterns"} | ({"answer", "value"} if with_answer else set())
            c.keys(raw, rid, req, {"kind"})
            source, checked = c.sourced(raw, rid)
            answer = raw.get("answer", "")
            if with_answer and answer not in answers:
                c.error(rid, "answer", f"unknown answer {answer!r}")
            pats = c.regexes(raw.get("patterns"), rid, "patterns", expand)
            out.append(PatternRule(rid, answer, raw.get("value"), pats, source, checked,
                                   raw.get("kind", "")))  # fmt: skip
            refs[rid] = RuleRef(rid, f"Inferred {answer or raw.get('kind') or rid} from the text",
                                source, checked)  # fmt: skip
        return tuple(out)

    entries = pattern_rules("entries", True)
    hostility = pattern_rules("hostility", False)
    perception = pattern_rules("perception", False)
    thresholds = doc.get("signal_thresholds") or {}
    if not isinstance(thresholds, dict) or not all(
        isinstance(v, int | float) and 0 <= v <= 1 for v in thresholds.values()
    ):
        c.error(None, "signal_thresholds", "must map names to numbers between 0 and 1")
        thresholds = {}
    return InferenceRules(
        negation_before=cue_pats["negation_before"],
        counter_speech=cue_pats["counter_speech"],
        entries=entries,
        hostility=hostility,
        perception=tuple(p for rule in perception for p in rule.patterns),
        strand_terms=terms,
        strand_patterns=strand_patterns,
        signal_thresholds={k: float(v) for k, v in thresholds.items()},
        refs=refs,
        cues={name: cue_pats[name] for name in OPTIONAL_CUES},
    )


def validate_rules(directory: str | Path | None = None) -> Rules:
    """Load every rule file and validate it; raise RuleValidationError listing all problems."""
    base = Path(directory) if directory else RULES_DIR
    c = _Checker()
    answers = _answer_names()
    docs = {name: _read(base / name, c) for name in RULE_FILES}

    def use(name: str) -> dict:
        c.file = name
        return docs[name]

    strands = _strands(use("strands.yaml"), c)
    offences = _offences(use("offences.yaml"), c, strands, answers)
    routing = _routing(use("routing.yaml"), c, answers)
    nchi = _nchi(use("nchi.yaml"), c, answers)
    factors, grading = _thrive(use("thrive.yaml"), c, answers)
    pdoc = use("priorities.yaml")
    priorities = _priorities(pdoc, c)
    for g in grading:
        if g.grade and g.grade not in priorities:
            c.file = "thrive.yaml"
            c.error(g.id, "grade", f"grade {g.grade} is not in priorities.yaml")
    classification = _refs(use("classification.yaml"), "entries", c)
    victims = _victims_code(use("victims_code.yaml"), c, answers)
    inference = _inference(use("inference.yaml"), c, strands, answers)
    if c.problems:
        raise RuleValidationError(c.problems)

    refs: dict[str, RuleRef] = {}
    refs.update(classification)
    refs.update(nchi.outcomes)
    refs.update(inference.refs)
    for o in offences:
        refs[o.id] = o.ref
    nchi_tests = [t for v in nchi.versions for t in (*v.record_tests, *v.personal_data_tests)]
    for v in nchi.versions:
        refs[v.id] = RuleRef(v.id, f"{v.name} ({v.status})", v.source, v.last_checked)
    for incident in nchi.hate_incidents.values():
        refs[incident.id] = incident.ref
    for r in (*routing, *nchi_tests, *factors, *grading, *priorities.values(), *victims):
        refs[r.id] = RuleRef(r.id, getattr(r, "text", "") or getattr(r, "name", ""), r.source,
                             r.last_checked)  # fmt: skip
    return Rules(
        directory=str(base),
        strands=strands,
        offences=offences,
        routing=routing,
        nchi=nchi,
        thrive_factors=factors,
        grading=grading,
        priorities=priorities,
        priorities_force=str(pdoc.get("force", "default")),
        classification=classification,
        victims_code=victims,
        inference=inference,
        refs=refs,
    )


@lru_cache(maxsize=8)
def _load_cached(directory: str) -> Rules:
    return validate_rules(directory)


def load_rules(directory: str | Path | None = None) -> Rules:
    """The validated rules, cached per directory (clear with ``load_rules.cache_clear()``)."""
    return _load_cached(str(Path(directory) if directory else RULES_DIR))


load_rules.cache_clear = _load_cached.cache_clear  # type: ignore[attr-defined]
