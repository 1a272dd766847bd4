"""Intelligence gradings: the 3x5x2 scheme and the legacy 5x5x5 (pure: no Django).

The codes and their meanings are data (``rules/grading.yaml``, with source and last-checked date)
so they can be corrected without a code change; this module loads and validates that file and
answers three questions:

- is this grading valid (`validate`), and what is wrong with it, field by field;
- what does it mean in words (`describe`);
- how does a legacy 5x5x5 value relate to 3x5x2 (`legacy_notes`): notes for the officer who
  re-grades it, never an automatic conversion (there is no official one-to-one mapping).

A handling code that carries conditions (3x5x2 "C") is valid only with its conditions written out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).resolve().parent / "rules" / "grading.yaml"
CURRENT = "3x5x2"
LEGACY = "5x5x5"
PARTS = ("source_evaluation", "intelligence_assessment", "handling_code")
CONDITIONS_MIN_LENGTH = 10


class GradingRulesError(ValueError):
    """The grading file is not usable: every problem found, one per line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("Invalid intelligence grading rules:\n" + "\n".join(problems))


@dataclass(frozen=True)
class Part:
    label: str
    codes: dict[str, str]  # code -> meaning, in the scheme's order


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    source: str
    last_checked: dt.date
    parts: dict[str, Part]
    needs_conditions: frozenset[str]


@dataclass(frozen=True)
class LegacyNote:
    suggests: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Rules:
    schemes: dict[str, Scheme]
    legacy: dict[str, dict[str, LegacyNote]]  # part -> 5x5x5 code -> note
    legacy_source: str
    nim_levels: dict[int, str]
    nim_source: str


@dataclass(frozen=True)
class Grading:
    """A grading as recorded: the scheme, a code for each part, and any handling conditions."""

    scheme: str
    source_evaluation: str
    intelligence_assessment: str
    handling_code: str
    conditions: str = ""

    @property
    def code(self) -> str:
        """The grading as officers write it, e.g. "2B C" or (legacy) "B2 4"."""
        return f"{self.source_evaluation}{self.intelligence_assessment} {self.handling_code}"


# --------------------------------------------------------------------------- loading


def _load_part(data: Any, where: str, problems: list[str]) -> Part | None:
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict) or not data["codes"]:
        problems.append(f"{where}: needs a label and a non-empty 'codes' mapping")
        return None
    codes = {}
    for code, meaning in data["codes"].items():
        if not isinstance(meaning, str) or not meaning.strip():
            problems.append(f"{where}.codes.{code}: needs its meaning in words")
        codes[str(code)] = str(meaning)
    return Part(label=str(data.get("label") or where), codes=codes)


def _load_scheme(name: str, data: Any, problems: list[str]) -> Scheme | None:
    where = f"schemes.{name}"
    if not isinstance(data, dict):
        problems.append(f"{where}: must be a mapping")
        return None
    for key in ("title", "source"):
        if not str(data.get(key) or "").strip():
            problems.append(f"{where}.{key}: missing")
    checked = data.get("last_checked")
    if not isinstance(checked, dt.date):
        problems.append(f"{where}.last_checked: must be a date (YYYY-MM-DD)")
    parts = {}
    for part in PARTS:
        loaded = _load_part(data.get(part), f"{where}.{part}", problems)
        if loaded:
            parts[part] = loaded
    needs = data.get("handling_code", {}).get("needs_conditions", []) if parts else []
    handling = parts.get("handling_code")
    for code in needs or []:
        if handling and str(code) not in handling.codes:
            problems.append(f"{where}.handling_code.needs_conditions: unknown code {code}")
    complete = all(str(data.get(key) or "").strip() for key in ("title", "source"))
    if len(parts) != len(PARTS) or not isinstance(checked, dt.date) or not complete:
        return None
    return Scheme(
        name=name,
        title=str(data["title"]),
        source=" ".join(str(data["source"]).split()),
        last_checked=checked,
        parts=parts,
        needs_conditions=frozenset(str(code) for code in needs or []),
    )


def parse_rules(data: Any) -> Rules:
    """Validate the loaded YAML; raise `GradingRulesError` listing everything wrong."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise GradingRulesError(["the file must be a mapping"])
    schemes = {}
    for name, scheme_data in (data.get("schemes") or {}).items():
        scheme = _load_scheme(str(name), scheme_data, problems)
        if scheme:
            schemes[scheme.name] = scheme
    for required in (CURRENT, LEGACY):
        if required not in (data.get("schemes") or {}):
            problems.append(f"schemes: {required} is missing")
    legacy: dict[str, dict[str, LegacyNote]] = {}
    notes = data.get("legacy_notes") or {}
    if not str(notes.get("source") or "").strip():
        problems.append("legacy_notes.source: missing")
    if CURRENT in schemes and LEGACY in schemes:
        for part in PARTS:
            legacy[part] = {}
            legacy_codes = schemes[LEGACY].parts[part].codes
            current_codes = schemes[CURRENT].parts[part].codes
            for code, note in (notes.get(part) or {}).items():
                where = f"legacy_notes.{part}.{code}"
                if str(code) not in legacy_codes:
                    problems.append(f"{where}: not a 5x5x5 {part} code")
                    continue
                suggests = tuple(str(s) for s in (note or {}).get("suggests") or [])
                unknown = [s for s in suggests if s not in current_codes]
                if not suggests or unknown:
                    problems.append(f"{where}.suggests: give 3x5x2 codes (unknown: {unknown})")
                legacy[part][str(code)] = LegacyNote(suggests, str((note or {}).get("note", "")))
            missing = [code for code in legacy_codes if code not in legacy[part]]
            if missing:
                problems.append(f"legacy_notes.{part}: no note for 5x5x5 codes {missing}")
    nim = data.get("nim_levels") or {}
    levels = {int(level): str(text) for level, text in (nim.get("levels") or {}).items()}
    if sorted(levels) != [1, 2, 3]:
        problems.append("nim_levels.levels: must define levels 1, 2 and 3")
    if not str(nim.get("source") or "").strip():
        problems.append("nim_levels.source: missing")
    if problems:
        raise GradingRulesError(problems)
    return Rules(
        schemes=schemes,
        legacy=legacy,
        legacy_source=" ".join(str(notes["source"]).split()),
        nim_levels=levels,
        nim_source=str(nim["source"]),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    with RULES_FILE.open(encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))


def scheme(name: str = CURRENT) -> Scheme:
    return rules().schemes[name]


def choices(part: str, scheme_name: str = CURRENT) -> list[tuple[str, str]]:
    """(code, "code: meaning") for a form's radios, in the scheme's order."""
    codes = scheme(scheme_name).parts[part].codes
    return [(code, f"{code}: {text}") for code, text in codes.items()]


def nim_choices() -> list[tuple[int, str]]:
    return [(level, f"Level {level}: {text}") for level, text in rules().nim_levels.items()]


# --------------------------------------------------------------------------- questions


def validate(grading: Grading) -> dict[str, str]:
    """What is wrong with a grading, by field (empty when it is valid)."""
    errors: dict[str, str] = {}
    if grading.scheme not in rules().schemes:
        return {"scheme": f"Unknown grading scheme {grading.scheme!r}: use 3x5x2 or 5x5x5"}
    known = scheme(grading.scheme)
    for part in PARTS:
        value = getattr(grading, part)
        codes = known.parts[part].codes
        if not value:
            errors[part] = f"Choose the {known.parts[part].label.lower()}"
        elif value not in codes:
            allowed = ", ".join(codes)
            errors[part] = (
                f"{value!r} is not a {grading.scheme} {known.parts[part].label.lower()}: "
                f"use one of {allowed}"
            )
    if grading.handling_code in known.needs_conditions:
        if len(grading.conditions.strip()) < CONDITIONS_MIN_LENGTH:
            errors["conditions"] = (
                f"Handling code {grading.handling_code} permits sharing only with conditions: "
                "write the conditions out"
            )
    elif grading.conditions.strip() and grading.scheme == CURRENT:
        errors["conditions"] = (
            f"Handling code {grading.handling_code} has no conditions: leave them out, or "
            "choose handling code C"
        )
    return errors


def parse_code(text: str, scheme_name: str = CURRENT) -> Grading | None:
    """Read a grading as written ("2B P", "2/B/P", "b2 4" for 5x5x5); None if it is not one."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(raw) != 3:
        return None
    grading = Grading(scheme_name, raw[0], raw[1], raw[2])
    return None if validate(grading) else grading


def describe(grading: Grading) -> dict[str, str]:
    """Each part in words, e.g. {"source_evaluation": "2: Untested", ...}."""
    known = scheme(grading.scheme)
    words = {}
    for part in PARTS:
        value = getattr(grading, part)
        words[part] = f"{value}: {known.parts[part].codes.get(value, 'not recognised')}"
    if grading.conditions.strip():
        words["conditions"] = grading.conditions.strip()
    return words


def sentence(grading: Grading) -> str:
    """The grading as one plain sentence, for pages and exports."""
    known = scheme(grading.scheme)
    parts = [
        f"{known.parts[part].label} {getattr(grading, part)} "
        f"({known.parts[part].codes.get(getattr(grading, part), 'not recognised').lower()})"
        for part in PARTS
    ]
    text = f"{grading.scheme} {grading.code}: " + "; ".join(parts)
    if grading.conditions.strip():
        text += f". Conditions: {grading.conditions.strip()}"
    return text


def legacy_notes(grading: Grading) -> dict[str, LegacyNote]:
    """For a legacy 5x5x5 grading: per part, the 3x5x2 codes it most often corresponds to and
    why. Notes for the officer, who decides the 3x5x2 grading."""
    if grading.scheme != LEGACY:
        return {}
    notes = rules().legacy
    return {
        part: notes[part][getattr(grading, part)]
        for part in PARTS
        if getattr(grading, part) in notes.get(part, {})
    }


def nim_level_words(level: int | None) -> str:
    if level is None:
        return ""
    return rules().nim_levels.get(level, "not recognised")
