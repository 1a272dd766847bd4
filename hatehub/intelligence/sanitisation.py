"""Find what may identify a source in an intelligence report's text (pure: no Django).

Sanitising means removing what identifies a source before dissemination (DOMAIN.md section 7).
Whether a detail identifies a source is a judgement, so this module never changes the text: it
returns a check list of likely identifying details -- the names, emails, phone numbers, postcodes
and towns of the complainants and reporters of the linked cases, their report references, and any
email address, UK phone number or full postcode at all -- for the reviewer to tick off one by
one. A suspect's own name or account is not a source detail and may rightly stay; the reviewer
decides.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A run of digits with the spaces, dashes and brackets people type in phone numbers.
PHONE_CANDIDATE = re.compile(r"(?<![\w+])(\+?\(?\d[\d\s()-]{7,}\d)(?!\w)")
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
REPORT_REFERENCE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b", re.IGNORECASE)
NAME_PART_MIN = 3


@dataclass(frozen=True)
class SourceDetails:
    """What the hub holds about the sources of the linked cases: their complainants and
    reporters (names, contact details, where the victim lives) and their report references."""

    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()
    report_references: tuple[str, ...] = ()


@dataclass(frozen=True, order=True)
class Flag:
    """One likely identifying detail: where it is and why it was flagged."""

    field: str
    start: int
    end: int
    kind: str = dataclasses.field(compare=False)
    text: str = dataclasses.field(compare=False)
    reason: str = dataclasses.field(compare=False)

    @property
    def key(self) -> str:
        """Stable for the same text: the reviewer's tick is recorded against it."""
        return f"{self.field}:{self.start}:{self.end}:{self.kind}"


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _national(digits: str) -> str:
    """UK phone digits in national form (0 + 9-10 digits), or "" if it cannot be one."""
    if digits.startswith("440"):  # +44 (0)151 ...: the bracketed 0 is often written
        digits = digits[2:]
    elif digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits if digits.startswith("0") and 10 <= len(digits) <= 11 else ""


def _word_pattern(text: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in text.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
WHY_NAME = "the name of a complainant or reporter on a linked case"


def _name_patterns(names: Iterable[str]) -> list[tuple[re.Pattern[str], bool]]:
    """(pattern, is the whole name): every full name first, then each word of a name long
    enough not to match everything (a surname alone identifies as well)."""
    wholes: dict[str, None] = {}
    parts: dict[str, None] = {}
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        wholes[name.lower()] = None
        for part in name.split():
            if len(part) >= NAME_PART_MIN and NAME_WORD.fullmatch(part):
                parts[part.lower()] = None
    return [(_word_pattern(text), True) for text in wholes] + [
        (_word_pattern(text), False) for text in parts if text not in wholes
    ]


def _flags_in(name: str, text: str, source: SourceDetails) -> list[Flag]:
    flags: list[Flag] = []

    def add(match: re.Match[str], kind: str, reason: str, group: int = 0) -> None:
        flags.append(Flag(name, match.start(group), match.end(group), kind, match[group], reason))

    whole_spans: list[tuple[int, int]] = []
    for pattern, whole in _name_patterns(source.names):
        for match in pattern.finditer(text):
            if whole:
                whole_spans.append(match.span())
                add(match, "source_name", WHY_NAME)
            elif not any(start <= match.start() < end for start, end in whole_spans):
                add(match, "source_name", f"part of {WHY_NAME}")
    known_emails = {email.strip().lower() for email in source.emails if email.strip()}
    for match in EMAIL.finditer(text):
        if match[0].lower() in known_emails:
            add(match, "email", "the email address of a complainant or reporter on a linked case")
        else:
            add(match, "email", "an email address: may identify a source")
    known_phones = {_national(_digits(phone)) for phone in source.phones} - {""}
    for match in PHONE_CANDIDATE.finditer(text):
        national = _national(_digits(match[1]))
        if not national:
            continue
        if national in known_phones:
            add(match, "phone", "the phone number of a complainant or reporter", group=1)
        else:
            add(match, "phone", "a UK phone number: may identify a source", group=1)
    known_postcodes = {"".join(code.upper().split()) for code in source.postcodes if code.strip()}
    known_districts = {code[:-3] for code in known_postcodes if len(code) > 3}
    for match in POSTCODE.finditer(text):
        joined = (match[1] + match[2]).upper()
        if joined in known_postcodes:
            add(match, "postcode", "the postcode of a victim on a linked case")
        else:
            add(match, "postcode", "a full postcode: may identify where a source lives")
    full_spans = [(flag.start, flag.end) for flag in flags if flag.kind == "postcode"]
    for district in sorted(known_districts):
        for match in _word_pattern(district).finditer(text):
            inside = any(start <= match.start() < end for start, end in full_spans)
            if not inside:
                add(match, "postcode", "the postcode district of a victim on a linked case")
    for town in {" ".join(town.split()) for town in source.towns if town.strip()}:
        for match in _word_pattern(town).finditer(text):
            add(match, "town", "the town where a victim on a linked case lives")
    known_references = {ref.upper() for ref in source.report_references}
    for match in REPORT_REFERENCE.finditer(text):
        if match[0].upper() in known_references:
            add(match, "report_reference", "the reference of a report: it leads to its reporter")
        else:
            add(match, "report_reference", "looks like a report reference: may lead to a reporter")
    return flags


def flag_identifying_details(texts: Mapping[str, str], source: SourceDetails) -> list[Flag]:
    """Every likely identifying detail in `texts` (field name -> text), in field order then
    position. The texts are not changed."""
    flags: list[Flag] = []
    for name, text in texts.items():
        found = {(flag.start, flag.end, flag.kind): flag for flag in _flags_in(name, text, source)}
        flags.extend(sorted(found.values()))
    return flags
