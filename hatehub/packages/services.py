"""Generating evidence packages and handing them out, with continuity entries and audit.

`generate(case, by=...)` compares the case now with its last package: if nothing that a package
shows has changed, it rebuilds that version (byte for byte, from the records as they stood when
it was generated) instead of making a new one; otherwise it gives new exhibits their references
and makes the next version, listing what changed.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.evidence import store
from hatehub.evidence.continuity import Action as Continuity
from hatehub.evidence.continuity import log_many
from hatehub.evidence.models import EvidenceFile

from . import selectors
from .bundle import PackageContent, build_zip, changes, sha256, snapshot
from .models import Exhibit, PackageVersion
from .pdf import render_pdf


class PackageError(RuntimeError):
    """Written for the officer (an original no longer matches its hash, for instance)."""


@dataclass(frozen=True)
class Built:
    version: PackageVersion
    zip_bytes: bytes
    pdf_bytes: bytes
    new: bool  # False: nothing had changed, the last version was rebuilt and handed back


def _recipient(case: Case) -> str:
    force = case.allocated_force
    return force.name if force is not None else "Not allocated to a force"


def _actor_name(by) -> str:
    if by is not None and getattr(by, "pk", None):
        return by.get_full_name() or by.username
    return current_actor().label


def _previous(version: PackageVersion | None) -> dict | None:
    if version is None:
        return None
    return {
        "number": version.number,
        "zip_sha256": version.zip_sha256,
        "generated_at_utc": version.generated_at.isoformat(),
    }


def _content(case: Case, version: PackageVersion, previous: PackageVersion | None):
    facts = version.snapshot.get("case", {})
    content = selectors.content(
        case,
        cutoff=version.generated_at,
        version_number=version.number,
        generated_by=version.generated_by_label,
        recipient_force=version.snapshot.get("recipient_force", ""),
        changes=list(version.changes),
        previous_version=_previous(previous),
    )
    # What the case was at the time, not now: the package is rebuilt as it was.
    content.status = facts.get("status", content.status)
    content.urgency = facts.get("urgency", content.urgency)
    content.allocated_force = facts.get("allocated_force", content.allocated_force)
    return content


def _exhibit_bytes(content: PackageContent) -> dict[str, bytes]:
    """Each original, read back from the store and checked against its hash."""
    found: dict[str, bytes] = {}
    for item in content.exhibits:
        if item.sha256 in found:
            continue
        try:
            with store.open_blob(item.sha256) as blob:
                data = blob.read()
        except FileNotFoundError as missing:
            raise PackageError(
                f"Exhibit {item.reference} ({item.filename}) is missing from the evidence store"
            ) from missing
        if sha256(data) != item.sha256:
            raise PackageError(
                f"Exhibit {item.reference} ({item.filename}) no longer matches the SHA-256 "
                "taken when it was received: run verify_evidence"
            )
        found[item.sha256] = data
    return found


def build(version: PackageVersion) -> tuple[bytes, bytes]:
    """(zip, pdf) of a version, from the records as they stood at its generated_at."""
    case = version.case
    previous = (
        PackageVersion.objects.filter(case=case, number__lt=version.number)
        .order_by("-number")
        .first()
    )
    content = _content(case, version, previous)
    pdf = render_pdf(content)
    return build_zip(content, pdf, _exhibit_bytes(content)), pdf


def _current_snapshot(case: Case, at) -> dict:
    content = selectors.content(
        case,
        cutoff=at,
        version_number=0,
        generated_by="",
        recipient_force=_recipient(case),
        changes=[],
    )
    return {
        **snapshot(content),
        "case": {
            "status": content.status,
            "urgency": content.urgency,
            "allocated_force": content.allocated_force,
        },
    }


def _assign_exhibits(case: Case, *, by, at) -> list[Exhibit]:
    fresh = selectors.unassigned_evidence(case, at)
    if not fresh:
        return []
    initials = selectors.initials(by if getattr(by, "pk", None) else None)
    last = Exhibit.objects.filter(case=case, initials=initials).aggregate(n=Max("number"))["n"]
    return Exhibit.objects.bulk_create(
        Exhibit(
            case=case,
            evidence=item,
            initials=initials,
            number=(last or 0) + index,
            assigned_at=at,
            assigned_by=by if getattr(by, "pk", None) else None,
        )
        for index, item in enumerate(fresh, start=1)
    )


def _recipient_details(version: PackageVersion) -> dict:
    force = version.recipient_force
    return {
        "recipient_force": force.police_uk_id if force else None,
        "recipient_force_name": force.name if force else None,
    }


@transaction.atomic
def generate(case: Case, *, by=None) -> Built:
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("allocated_force")
        .get(pk=case.pk)
    )
    now = timezone.now()
    last = selectors.latest(case)
    current = _current_snapshot(case, now)
    if last is not None and last.snapshot == current:
        zip_bytes, pdf_bytes = build(last)
        if sha256(zip_bytes) == last.zip_sha256:
            record(
                Action.EXPORT,
                "evidence_package",
                f"{case.reference}/v{last.number}",
                summary=f"Evidence package v{last.number} of case {case.reference} generated "
                "again: nothing had changed, same bytes",
                details={"zip_sha256": last.zip_sha256, **_recipient_details(last)},
            )
            return Built(last, zip_bytes, pdf_bytes, new=False)
    number = (last.number if last else 0) + 1
    found = changes(last.snapshot if last else None, current)
    if last is not None and last.snapshot == current:
        found = [
            f"Version {last.number} can no longer be rebuilt byte for byte: records it was made "
            "from have changed since. This version is made from the records as they are now."
        ]
    exhibits = _assign_exhibits(case, by=by, at=now)
    version = PackageVersion.objects.create(
        case=case,
        number=number,
        generated_at=now,
        generated_by=by if getattr(by, "pk", None) else None,
        generated_by_label=_actor_name(by),
        recipient_force=case.allocated_force,
        snapshot=current,
        changes=found,
    )
    version.refresh_from_db(fields=["generated_at"])  # exactly what a rebuild will read
    zip_bytes, pdf_bytes = build(version)
    version.zip_sha256, version.zip_size = store.put_bytes(zip_bytes)
    version.pdf_sha256, version.pdf_size = store.put_bytes(pdf_bytes)
    version.save(update_fields=["zip_sha256", "zip_size", "pdf_sha256", "pdf_size"])
    references = {
        exhibit.evidence_id: exhibit.reference
        for exhibit in Exhibit.objects.filter(case=case, assigned_at__lte=version.generated_at)
    }
    files = EvidenceFile.objects.filter(pk__in=list(references)).order_by("pk")
    recipient = _recipient(case)
    given_now = {exhibit.evidence_id for exhibit in exhibits}
    log_many(
        [
            (
                item,
                Continuity.PACKAGED,
                f"Included as exhibit {references[item.pk]} in evidence package v{number} "
                f"(ZIP SHA-256 {version.zip_sha256})",
                f"Evidence package for {recipient}"
                + (" (exhibit reference given now)" if item.pk in given_now else ""),
                {"package": version.pk, "version": number, "exhibit": references[item.pk]},
            )
            for item in files
        ],
        at=version.generated_at,
        by=by,
    )
    record(
        Action.EXPORT,
        "evidence_package",
        f"{case.reference}/v{number}",
        summary=f"Evidence package v{number} of case {case.reference} generated for {recipient}",
        details={
            "zip_sha256": version.zip_sha256,
            "pdf_sha256": version.pdf_sha256,
            "exhibits": sorted(references.values()),
            "changes": found,
            **_recipient_details(version),
        },
    )
    return Built(version, zip_bytes, pdf_bytes, new=True)


def open_for_download(version: PackageVersion, *, user, what: str = "zip"):
    """The stored ZIP (or PDF), re-hashed first; audited as a disclosure to the downloader's
    force (a force user) or an export by the hub for the case's recipient force, and noted in
    the continuity log of every exhibit in it."""
    sha, name = (
        (version.zip_sha256, f"{version.name}.zip")
        if what == "zip"
        else (version.pdf_sha256, f"{version.name}.pdf")
    )
    if not sha:
        raise PackageError(f"{name} is no longer held: its files were erased")
    try:
        intact = store.sha256_of_stored(sha) == sha
    except OSError:  # missing from the store
        intact = False
    if not intact:
        record(
            Action.VIEW,
            "evidence_package",
            f"{version.case.reference}/v{version.number}",
            summary=f"INTEGRITY FAILURE: {name} does not match its SHA-256",
            details={"sha256": sha},
        )
        raise PackageError(f"{name} no longer matches its SHA-256: run verify_evidence")
    force = getattr(user, "force", None)
    if force is not None:
        action, recipient = Action.DISCLOSE, {"recipient_force": force.police_uk_id,
                                               "recipient_force_name": force.name}  # fmt: skip
        to = force.name
    else:
        action, recipient = Action.EXPORT, _recipient_details(version)
        to = recipient["recipient_force_name"] or "no force yet"
    with transaction.atomic():
        record(
            action,
            "evidence_package",
            f"{version.case.reference}/v{version.number}",
            summary=f"Evidence package {name} downloaded (for {to})",
            details={"sha256": sha, "file": what, **recipient},
        )
        exhibits = Exhibit.objects.filter(
            case=version.case, assigned_at__lte=version.generated_at
        ).select_related("evidence")
        log_many(
            [
                (
                    exhibit.evidence,
                    Continuity.PACKAGE_DOWNLOADED,
                    f"Downloaded as exhibit {exhibit.reference} in {name}",
                    f"Evidence package for {to}",
                    {"package": version.pk, "version": version.number},
                )
                for exhibit in exhibits
            ],
            by=user,
        )
    return store.open_blob(sha), name
