"""Reading what a volunteer sends in bulk: a CSV file or a list of addresses typed into a form.

Every row is checked on its own and either becomes an `Item` or is refused with a `RowError`
naming the row (as a spreadsheet numbers it: the header is row 1), the column and the reason, so
the volunteer can correct exactly those rows and send them again. Whole-file problems (not a CSV
file, not UTF-8, too big, a header the hub does not know) refuse the file and import nothing.

Pure Python, no Django: it runs in the web request, the import command and the benchmark alike.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from hatehub.matching.canonical_urls import canonicalise
from hatehub.reports.choices import PLATFORM_LABELS, STRAND_LABELS

COLUMNS = ("url", "platform", "date", "strand", "notes", "quoted_text")
REQUIRED_COLUMNS = ("url",)
COLUMN_HELP = {
    "url": "The full web address of the post, starting https:// (required)",
    "platform": "Where it was posted, e.g. x, facebook, tiktok, or other; blank: read from the "
    "address",
    "date": "When it was posted, like 2026-01-31 or 31/01/2026 (optional)",
    "strand": "Why it targets people, e.g. race, religion, disability, sexual_orientation, "
    "transgender, other; several separated by ';' (optional)",
    "notes": "What you saw, in your own words (optional)",
    "quoted_text": "The words of the post, copied exactly (optional; helps find duplicates)",
}
MAX_URL_LENGTH = 2000
MAX_NOTES = 2000
MAX_QUOTED = 5000
EARLIEST_DATE = dt.date(2000, 1, 1)
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
# Signatures of files people upload by mistake instead of a CSV export.
_BINARY_SIGNATURES = {
    b"PK\x03\x04": "a spreadsheet or zip file (save it as CSV UTF-8 first)",
    b"\xd0\xcf\x11\xe0": "an old Excel or Word file (save it as CSV UTF-8 first)",
    b"%PDF": "a PDF",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
}


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1, the first data row is row 2
    column: str
    reason: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "reason": self.reason}


@dataclass(frozen=True)
class Item:
    """One address to report, checked."""

    row: int
    url: str
    platform: str
    occurred_on: dt.date | None = None
    strands: tuple[str, ...] = ()
    notes: str = ""
    quoted_text: str = ""


@dataclass
class Parsed:
    items: list[Item] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.file_errors


# --------------------------------------------------------------------------- single values


def _norm(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


_PLATFORMS = {_norm(code): code for code in PLATFORM_LABELS} | {
    _norm(label): code for code, label in PLATFORM_LABELS.items()
}
_PLATFORMS |= {"twitter": "x", "x_twitter": "x", "web": "website", "forum": "website"}
_STRANDS = {_norm(code): code for code in STRAND_LABELS} | {
    _norm(label): code for code, label in STRAND_LABELS.items()
}
_STRANDS |= {"ethnicity": "race", "faith": "religion", "trans": "transgender", "lgbt": "other"}


@cache
def _suffixes():
    """tldextract with its bundled public-suffix list only: offline and deterministic."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def check_url(value: str) -> tuple[str | None, str | None, str]:
    """(url, platform the address belongs to or None, reason if refused)."""
    url = value.strip()
    if not url:
        return None, None, "Enter the web address of the post"
    if len(url) > MAX_URL_LENGTH:
        return None, None, f"The web address must be {MAX_URL_LENGTH} characters or fewer"
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https") or not url[len(scheme) + 1 :].startswith("//"):
        return None, None, "The web address must start with https:// or http://"
    try:
        canonical = canonicalise(url)
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError as error:
        return None, None, f"This is not a web address the hub can read ({error})"
    try:
        ipaddress.ip_address(host.strip("[]"))
        return None, None, "The web address must name a website, not an IP address"
    except ValueError:
        pass
    if canonical.platform is None:
        extracted = _suffixes()(host)
        if not (extracted.suffix and extracted.domain):
            return None, None, f"'{host}' is not a website on the public internet"
    return url, canonical.platform, ""


def check_platform(value: str, from_url: str | None) -> tuple[str | None, str]:
    """(platform code, reason if refused). Blank: the platform the address belongs to."""
    text = value.strip()
    if not text:
        return from_url or "other", ""
    code = _PLATFORMS.get(_norm(text))
    if code is None:
        return None, (
            f"'{text[:60]}' is not a platform the hub knows: use one of "
            f"{', '.join(sorted(c for c in PLATFORM_LABELS if c != 'other'))}, or other"
        )
    if from_url and code not in ("other", "website") and code != from_url:
        return None, (
            f"The address is on {PLATFORM_LABELS[from_url]}, not {PLATFORM_LABELS[code]}: "
            "correct the platform or leave it blank"
        )
    if code in ("other", "website") and from_url:
        return from_url, ""
    return code, ""


def check_date(value: str, today: dt.date) -> tuple[dt.date | None, str]:
    text = value.strip()
    if not text:
        return None, ""
    for pattern in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if day > today:
            return None, "The date must be today or in the past"
        if day < EARLIEST_DATE:
            return None, "The date must be in or after the year 2000"
        return day, ""
    return None, f"'{text[:40]}' is not a date: write it like 2026-01-31 or 31/01/2026"


def check_strands(value: str) -> tuple[tuple[str, ...] | None, str]:
    parts = [part for part in re.split(r"[;|]", value) if part.strip()]
    if not parts:
        return ("not_sure",), ""
    codes: list[str] = []
    for part in parts:
        code = _STRANDS.get(_norm(part))
        if code is None:
            known = ", ".join(c for c in STRAND_LABELS if c != "not_sure")
            return None, f"'{part.strip()[:40]}' is not a strand: use {known} or not_sure"
        if code not in codes:
            codes.append(code)
    return tuple(codes), ""


def check_row(row: int, values: dict[str, str], today: dt.date) -> tuple[Item | None, list]:
    """Every problem in the row, not only the first, so one correction fixes it."""
    errors: list[RowError] = []
    url, from_url, reason = check_url(values.get("url", ""))
    if reason:
        errors.append(RowError(row, "url", reason))
    platform, reason = check_platform(values.get("platform", ""), from_url)
    if reason:
        errors.append(RowError(row, "platform", reason))
    occurred_on, reason = check_date(values.get("date", ""), today)
    if reason:
        errors.append(RowError(row, "date", reason))
    strands, reason = check_strands(values.get("strand", ""))
    if reason:
        errors.append(RowError(row, "strand", reason))
    notes = values.get("notes", "").strip()
    if len(notes) > MAX_NOTES:
        errors.append(RowError(row, "notes", f"Notes must be {MAX_NOTES} characters or fewer"))
    quoted = values.get("quoted_text", "").strip()
    if len(quoted) > MAX_QUOTED:
        errors.append(
            RowError(row, "quoted_text", f"Quoted text must be {MAX_QUOTED} characters or fewer")
        )
    if errors:
        return None, errors
    return Item(row, url, platform, occurred_on, strands, notes, quoted), []


# --------------------------------------------------------------------------- a CSV file


def _decode(data: bytes) -> tuple[str | None, str]:
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return None, f"The file is {what}, not a CSV file"
    if b"\x00" in data:
        return None, "The file is not a text CSV file (it contains binary data)"
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a byte order mark
    except UnicodeDecodeError as error:
        return None, (
            f"The file is not UTF-8 text (byte {error.start + 1}): save it as 'CSV UTF-8'"
        )
    return text, ""


def read_csv(data: bytes, *, today: dt.date, max_rows: int, max_bytes: int) -> Parsed:
    """Check the file, its header, then each row."""
    parsed = Parsed()
    if not data.strip():
        parsed.file_errors.append("The file is empty")
        return parsed
    if len(data) > max_bytes:
        parsed.file_errors.append(f"The file must be smaller than {max_bytes // 1024} KB")
        return parsed
    text, reason = _decode(data)
    if text is None:
        parsed.file_errors.append(reason)
        return parsed
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        rows = list(reader)
    except csv.Error as error:
        parsed.file_errors.append(f"The file is not a well-formed CSV file ({error})")
        return parsed
    problems = header_problems(header)
    if problems:
        parsed.file_errors.extend(problems)
        return parsed
    names = [_norm(name) for name in header]
    data_rows = [
        (number, row) for number, row in enumerate(rows, start=2) if any(map(str.strip, row))
    ]
    if len(data_rows) > max_rows:
        parsed.file_errors.append(
            f"The file has {len(data_rows)} rows: send {max_rows} rows or fewer at a time"
        )
        return parsed
    if not data_rows:
        parsed.file_errors.append("The file has a header but no rows")
        return parsed
    parsed.rows = len(data_rows)
    for number, row in data_rows:
        if len(row) > len(names):
            parsed.errors.append(
                RowError(number, "", f"The row has {len(row)} values but the header {len(names)}")
            )
            continue
        values = dict(zip(names, row, strict=False))
        item, errors = check_row(number, values, today)
        if item is None:
            parsed.errors.extend(errors)
        else:
            parsed.items.append(item)
    return parsed


def header_problems(header: Iterable[str]) -> list[str]:
    names = [_norm(name) for name in header]
    problems = []
    unknown = [name for name in names if name not in COLUMNS]
    if unknown:
        problems.append(
            f"The header has column(s) the hub does not know: {', '.join(unknown)[:200]}. "
            f"Use: {', '.join(COLUMNS)}"
        )
    repeated = sorted({name for name in names if names.count(name) > 1 and name})
    if repeated:
        problems.append(f"The header repeats column(s): {', '.join(repeated)}")
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if missing:
        problems.append(
            f"The header must have a '{missing[0]}' column (the first row names the columns)"
        )
    return problems


def template_csv() -> str:
    """An empty file with the header, and one example row, for volunteers to fill in."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow(
        [
            "https://x.com/example_account/status/1234567890",
            "x",
            "2026-01-31",
            "religion",
            "[SYNTHETIC EXAMPLE] Reply threatening a mosque",
            "",
        ]
    )
    return out.getvalue()


# --------------------------------------------------------------------------- the form


def read_lines(
    text: str, *, platform: str, strands: Iterable[str], occurred_on: dt.date | None,
    today: dt.date, max_rows: int,
) -> tuple[list[Item], list[RowError]]:  # fmt: skip
    """One address per line, optionally followed by notes after a space:
    ``https://x.com/a/status/1 reply under the vigil post``. Errors name the line."""
    items: list[Item] = []
    errors: list[RowError] = []
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1)]
    lines = [(n, line) for n, line in lines if line]
    if not lines:
        return [], [RowError(0, "urls", "Enter at least one web address")]
    if len(lines) > max_rows:
        return [], [RowError(0, "urls", f"Enter {max_rows} addresses or fewer at a time")]
    strand_text = ";".join(strands)
    for number, line in lines:
        url, _, notes = line.partition(" ")
        values = {"url": url, "platform": platform, "strand": strand_text, "notes": notes}
        item, row_errors = check_row(number, values, today)
        if item is None:
            errors.extend(row_errors)
        else:
            items.append(
                Item(item.row, item.url, item.platform, occurred_on, item.strands, item.notes)
            )
    return items, errors
