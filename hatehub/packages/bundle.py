"""The evidence package's ZIP, manifest, checksums and change list (no Django).

Reproducible by design: the same content gives the same bytes. Entries are sorted by name, every
entry carries the package's own recorded time (never the clock), fixed permissions and system,
and is stored uncompressed (deflate output differs between zlib builds; the PDF and images are
compressed already). JSON is written with sorted keys.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP entry can carry


@dataclass(frozen=True)
class ExhibitItem:
    reference: str  # e.g. "JS/1"
    evidence_id: int
    kind: str  # original | capture
    description: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    source: str
    received_at: datetime
    report: str

    @property
    def archive_name(self) -> str:
        return f"exhibits/{safe_name(self.reference)}_{safe_name(self.filename)}"


@dataclass(frozen=True)
class ContinuityItem:
    exhibit: str
    at: datetime
    action: str
    who: str
    what: str
    why: str


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str
    who: str
    summary: str


@dataclass(frozen=True)
class StatementDraft:
    """An MG11-style draft pre-filled from a victim's report, for an officer to take."""

    report: str
    witness: str
    contact: str
    submitted_at: datetime
    occurred_on: str
    platform: str
    strands: str
    body: list[str]
    urls: list[str]
    accounts: list[str]
    exhibits: list[str]


@dataclass(frozen=True)
class ReportSummary:
    reference: str
    submitted_at: datetime
    reporter: str
    source: str
    platform: str
    strands: str
    description: str
    quoted_text: str
    urls: list[str]
    accounts: list[str]
    is_victim: bool = False


@dataclass
class PackageContent:
    case_reference: str
    version: int
    generated_at: datetime
    generated_by: str
    recipient_force: str
    status: str
    urgency: str
    opened_at: datetime
    allocated_force: str
    reports: list[ReportSummary]
    exhibits: list[ExhibitItem]
    statements: list[StatementDraft]
    assessment: dict | None
    timeline: list[TimelineItem]
    continuity: list[ContinuityItem]
    changes: list[str]
    previous_version: dict | None = None
    platforms: list[str] = field(default_factory=list)
    strands: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.case_reference}-evidence-package-v{self.version}"


def safe_name(text: str, limit: int = 80) -> str:
    """A file name that is the same on every system and cannot climb out of its folder."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip(".-") or "file"
    return text[:limit]


def utc_text(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(document) -> bytes:
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def manifest(content: PackageContent, files: dict[str, bytes]) -> bytes:
    """What the package holds: the case, the version and what changed, each exhibit with its
    hash and source, and every file in the ZIP with its hash (except this file and SHA256SUMS,
    which lists this one)."""
    exhibits = []
    for item in content.exhibits:
        row = asdict(item)
        row["received_at"] = item.received_at.astimezone(UTC).isoformat()
        row["file"] = f"{content.name}/{item.archive_name}"
        exhibits.append(row)
    document = {
        "format": "online-hate-crime-hub/evidence-package/1",
        "case": content.case_reference,
        "version": content.version,
        "generated_at_utc": content.generated_at.astimezone(UTC).isoformat(),
        "generated_by": content.generated_by,
        "recipient_force": content.recipient_force,
        "changes_since_previous_version": content.changes,
        "previous_version": content.previous_version,
        "exhibits": exhibits,
        "files": [
            {"path": f"{content.name}/{path}", "sha256": sha256(data), "size": len(data)}
            for path, data in sorted(files.items())
        ],
        "verify": "cd into the folder and run: sha256sum -c SHA256SUMS",
    }
    return _json(document)


def sha256sums(files: dict[str, bytes]) -> bytes:
    """`sha256sum -c` format: every other file in the folder, sorted by path."""
    return "".join(f"{sha256(data)}  {path}\n" for path, data in sorted(files.items())).encode()


def zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    moment = moment.astimezone(UTC)
    stamp = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return max(stamp, ZIP_EPOCH)


def build_zip(content: PackageContent, pdf: bytes, exhibit_bytes: dict[str, bytes]) -> bytes:
    """The package: `<name>/package.pdf`, `<name>/exhibits/...` (every original, by exhibit
    reference), `<name>/manifest.json` and `<name>/SHA256SUMS` listing every other file."""
    files: dict[str, bytes] = {"package.pdf": pdf}
    for item in content.exhibits:
        files[item.archive_name] = exhibit_bytes[item.sha256]
    files["manifest.json"] = manifest(content, files)
    files["SHA256SUMS"] = sha256sums(files)
    when = zip_time(content.generated_at)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_STORED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{content.name}/{path}", date_time=when)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, files[path])
    return output.getvalue()


# Versions -------------------------------------------------------------------------------------


def snapshot(content: PackageContent) -> dict:
    """What a later version is compared with: the facts that make a package different."""
    assessment = content.assessment or {}
    return {
        "reports": sorted(report.reference for report in content.reports),
        "evidence": sorted(
            [item.evidence_id, item.sha256, item.filename] for item in content.exhibits
        ),
        "assessment": {
            "number": assessment.get("number"),
            "classification": assessment.get("classification_label"),
            "offences": [offence["section"] for offence in assessment.get("offences", [])],
            "decision": assessment.get("decision_summary"),
        }
        if assessment
        else None,
        "recipient_force": content.recipient_force,
        "status": content.status,
        "timeline": len(content.timeline),
    }


def _listed(items) -> str:
    return ", ".join(str(item) for item in items)


def changes(previous: dict | None, current: dict) -> list[str]:
    """What changed since the previous version, in words for the receiving force."""
    if previous is None:
        return ["First version of the evidence package for this case."]
    found: list[str] = []
    before, after = set(previous.get("reports", [])), set(current["reports"])
    if after - before:
        found.append(f"New reports: {_listed(sorted(after - before))}.")
    if before - after:
        found.append(f"Reports no longer in this case: {_listed(sorted(before - after))}.")
    old_files = {tuple(item[:2]): item[2] for item in previous.get("evidence", [])}
    new_files = {tuple(item[:2]): item[2] for item in current["evidence"]}
    added = [f"{new_files[k]} (SHA-256 {k[1]})" for k in sorted(new_files.keys() - old_files)]
    removed = [f"{old_files[k]} (SHA-256 {k[1]})" for k in sorted(old_files.keys() - new_files)]
    if added:
        found.append(f"New exhibits: {_listed(added)}.")
    if removed:
        found.append(f"Exhibits no longer in this case: {_listed(removed)}.")
    old_a, new_a = previous.get("assessment") or {}, current["assessment"] or {}
    if old_a.get("number") != new_a.get("number"):
        found.append(
            f"Assessment {new_a.get('number')} replaces assessment {old_a.get('number')}."
            if old_a
            else f"Assessed (assessment {new_a.get('number')})."
        )
    for key, label in (
        ("classification", "Recommended classification"),
        ("decision", "Officer's decision"),
    ):
        if old_a.get(key) != new_a.get(key):
            found.append(f"{label}: {new_a.get(key) or 'none'} (was {old_a.get(key) or 'none'}).")
    if old_a.get("offences") != new_a.get("offences"):
        found.append(
            f"Offences considered: {_listed(new_a.get('offences') or ['none'])} "
            f"(were {_listed(old_a.get('offences') or ['none'])})."
        )
    if previous.get("recipient_force") != current["recipient_force"]:
        found.append(
            f"Prepared for {current['recipient_force']} "
            f"(previous version: {previous.get('recipient_force')})."
        )
    if previous.get("status") != current["status"]:
        found.append(f"Case status: {current['status']} (was {previous.get('status')}).")
    new_events = current["timeline"] - previous.get("timeline", 0)
    if new_events > 0:
        found.append(f"{new_events} new timeline event(s).")
    return found or ["Records behind the previous version changed; see the timeline."]
