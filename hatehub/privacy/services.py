"""Retention reviews, erasure and subject access: the writes, each audited.

Erasure is anonymisation in place. Every app that holds personal data tied to a case says how
to remove it in its own `personal_data.py` (`erase_for_case(case) -> dict[str, int]`, run in
the order of its optional `ERASE_ORDER`, default 100); this module runs them all in ONE
transaction per case, writes the erasure log (metadata and counts only) and the audit entry
(DELETE). Files are deleted from the evidence store only after the transaction commits, so a
rollback never loses a file the database still points at. The case and report rows stay as
content-free skeletons (reference, dates, platform, strands, classification, status).

Subject access: every app's `export_for_complainant(complainant) -> dict` and
`export_for_person(person) -> dict` are gathered into a ZIP (summary.html, data.json and the
evidence files the complainant supplied), audited as a DISCLOSE with the requester noted.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case, CaseEvent
from hatehub.cases.services import add_event
from hatehub.core.extensions import app_modules
from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile

from . import bundle, conf, selectors
from .models import ErasureLog, RetentionReview

log = logging.getLogger(__name__)


class PrivacyRefused(Exception):
    """The request cannot be done as asked; the message says why (shown to the user)."""


def _modules(function: str) -> list:
    found = [m for m in app_modules("personal_data") if hasattr(m, function)]
    return sorted(found, key=lambda m: getattr(m, "ERASE_ORDER", 100))


def _app(module) -> str:
    return module.__name__.split(".")[1]


def _user(by):
    return by if getattr(by, "pk", None) else None


def _actor_label(by) -> str:
    return by.get_username() if _user(by) else current_actor().label


# --- Erasure -----------------------------------------------------------------------------


def erase_case(case: Case, *, by=None, why: str, rule_id: str = "", basis: str = "") -> ErasureLog:
    """Remove the personal data and content of the case and everything tied to it; keep the
    skeleton and an erasure log entry. One transaction: all of it, or (on any error) none."""
    if why not in ErasureLog.Why.values or why == ErasureLog.Why.NCHI:
        raise PrivacyRefused("Say why the case is erased")
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.status == Case.Status.MERGED:
            raise PrivacyRefused(
                f"Case {case.reference} was merged into another case: erase that case instead"
            )
        if selectors.case_is_erased(case):
            raise PrivacyRefused(f"Case {case.reference} has already been erased")
        counts: dict[str, int] = {}
        for module in _modules("erase_for_case"):
            for key, value in module.erase_for_case(case).items():
                counts[f"{_app(module)}.{key}"] = int(value)
        now = timezone.now()
        entry = ErasureLog.objects.create(
            record_type="case",
            record_id=case.pk,
            reference=case.reference,
            erased_at=now,
            erased_by=_user(by),
            erased_by_label=_actor_label(by)[:200],
            why=why,
            rule_id=rule_id,
            basis=basis[:100],
            counts=counts,
        )
        RetentionReview.objects.filter(
            record_type="case", record_id=case.pk, status=RetentionReview.Status.DUE
        ).update(status=RetentionReview.Status.ERASED, decided_by=_user(by), decided_at=now)
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            f"Personal data erased ({ErasureLog.Why(why).label.lower()})",
            details={"erasure": entry.pk},
        )
        record(
            Action.DELETE,
            "case",
            case.reference,
            summary=f"Personal data of case {case.reference} erased ({why})",
            details={
                "erasure": entry.pk,
                "why": why,
                "rule": rule_id,
                "basis": basis,
                "counts": counts,
            },
        )
    return entry


def remove_nchi_subject_data(case: Case, *, by=None) -> ErasureLog | None:
    """NCHI Code (DOMAIN.md s3): when the NCHI is recorded without the subject's personal data,
    remove any already held for the case (suspects linked only through its accounts, the
    poster's identity in its reports, a suspect's name on an outcome). None if the case's
    latest decision is not such an NCHI, or it has been done since that decision."""
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        decision = selectors.nchi_without_personal_data(case)
        if decision is None:
            return None
        basis = selectors.nchi_basis(decision)
        if ErasureLog.objects.filter(
            record_type="case", record_id=case.pk, why=ErasureLog.Why.NCHI, basis=basis
        ).exists():
            return None
        counts: dict[str, int] = {}
        for module in _modules("erase_subject_for_case"):
            for key, value in module.erase_subject_for_case(case).items():
                counts[f"{_app(module)}.{key}"] = int(value)
        entry = ErasureLog.objects.create(
            record_type="case",
            record_id=case.pk,
            reference=case.reference,
            erased_at=timezone.now(),
            erased_by=_user(by),
            erased_by_label=_actor_label(by)[:200],
            why=ErasureLog.Why.NCHI,
            basis=basis,
            counts=counts,
        )
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            "Subject's personal data removed: NCHI recorded without personal data",
            details={"erasure": entry.pk},
        )
        record(
            Action.DELETE,
            "case_subject",
            case.reference,
            summary=f"Subject's personal data removed from NCHI case {case.reference}",
            details={"erasure": entry.pk, "assessment": decision.number, "counts": counts},
        )
    return entry


# --- Reviews -----------------------------------------------------------------------------


def keep(review: RetentionReview, *, by, until: date, reason: str) -> RetentionReview:
    """A supervisor keeps the record until `until` because `reason`; it is due again then."""
    reason = reason.strip()
    if not reason:
        raise PrivacyRefused("Enter why the record is kept")
    if until <= timezone.localdate():
        raise PrivacyRefused("The date to keep it until must be in the future")
    with transaction.atomic():
        review = RetentionReview.objects.select_for_update().get(pk=review.pk)
        if review.status != RetentionReview.Status.DUE:
            raise PrivacyRefused("This review has already been decided")
        review.status = RetentionReview.Status.KEPT
        review.keep_until, review.keep_reason = until, reason[:500]
        review.decided_by, review.decided_at = _user(by), timezone.now()
        review.save()
        record(
            Action.CHANGE,
            "retention_review",
            review.pk,
            summary=f"Retention review of {review.record_type} {review.reference}: kept until "
            f"{until.isoformat()}",
            details={"rule": review.rule_id, "keep_until": until.isoformat()},
        )
    return review


def erase_reviewed(review: RetentionReview, *, by) -> ErasureLog:
    if review.status != RetentionReview.Status.DUE:
        raise PrivacyRefused("This review has already been decided")
    if review.record_type != "case":
        raise PrivacyRefused(f"Cannot erase a {review.record_type}")
    case = Case.objects.get(pk=review.record_id)
    return erase_case(case, by=by, why=ErasureLog.Why.REVIEW, rule_id=review.rule_id)


@dataclass
class SweepResult:
    reviews_opened: int = 0
    erased: int = 0
    nchi_cleared: int = 0
    errors: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def sweep(today: date | None = None) -> SweepResult:
    """The periodic retention sweep: opens a review for every record the schedule says is due
    (never erasing without a person's decision, except under a rule whose action is `erase`),
    and removes NCHI subjects' personal data where the Code's test is not met."""
    today = today or timezone.localdate()
    schedule = conf.load_schedule()
    result = SweepResult()
    for facts, when in list(selectors.due_cases(today, schedule)):
        case = Case.objects.get(pk=facts.record_id)
        if when.rule.action == "erase":
            try:
                erase_case(case, why=ErasureLog.Why.SCHEDULE, rule_id=when.rule.id)
                result.erased += 1
            except PrivacyRefused:
                result.errors += 1
            continue
        with transaction.atomic():
            review, created = RetentionReview.objects.get_or_create(
                record_type="case",
                record_id=case.pk,
                status=RetentionReview.Status.DUE,
                defaults={
                    "reference": case.reference,
                    "rule_id": when.rule.id,
                    "due_on": when.due_on,
                    "found_at": timezone.now(),
                },
            )
            if created:
                result.reviews_opened += 1
            elif (review.rule_id, review.due_on) != (when.rule.id, when.due_on):
                review.rule_id, review.due_on = when.rule.id, when.due_on
                review.save(update_fields=["rule_id", "due_on"])
    for case, _decision in list(selectors.nchi_cases_to_clear()):
        if remove_nchi_subject_data(case) is not None:
            result.nchi_cleared += 1
    record(
        Action.VIEW,
        "retention_schedule",
        schedule.version,
        summary=f"Retention sweep: {result.reviews_opened} review(s) opened, {result.erased} "
        f"erased, {result.nchi_cleared} NCHI subject(s) cleared",
        details=result.as_dict(),
    )
    return result


# --- Subject access ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bundle:
    filename: str
    data: bytes
    sha256: str


def _evidence_files(complainant) -> list[bundle.BundleFile]:
    files = []
    originals = EvidenceFile.objects.filter(
        report_id=complainant.report_id, kind=EvidenceFile.Kind.ORIGINAL
    )
    for index, evidence in enumerate(originals, start=1):
        with store.open_blob(evidence.sha256) as blob:
            data = blob.read()
        if hashlib.sha256(data).hexdigest() != evidence.sha256:
            raise PrivacyRefused(
                f"Evidence file {evidence.pk} no longer matches its SHA-256: run verify_evidence"
            )
        filename = bundle.safe_name(evidence.original_filename)
        name = f"evidence/{complainant.report.reference}/{index:02d}-{filename}"
        files.append(bundle.BundleFile(name, data, evidence.sha256, evidence.media_type))
    return files


def _make_bundle(*, title, subject, sections, files, stem) -> Bundle:
    generated_at = timezone.now().isoformat(timespec="seconds")
    summary = bundle.render_html(
        title=title, generated_at=generated_at, subject=subject, sections=sections, files=files
    )
    data = {
        "title": title,
        "generated_at": generated_at,
        "subject": subject,
        "sections": sections,
        "files": [{"path": f.name, "sha256": f.sha256, "bytes": len(f.data)} for f in files],
    }
    payload = bundle.build_zip(summary_html=summary, data=data, files=files)
    return Bundle(f"{stem}.zip", payload, hashlib.sha256(payload).hexdigest())


def export_complainants(complainants: list, *, by, requester: str) -> Bundle:
    """Everything held about one person who reported, across the reports they made."""
    requester = requester.strip()
    if not requester:
        raise PrivacyRefused("Say who asked for the information (the requester)")
    if not complainants:
        raise PrivacyRefused("Choose at least one report")
    sections: dict[str, dict] = {}
    files: list[bundle.BundleFile] = []
    for complainant in complainants:
        part: dict[str, dict] = {}
        for module in _modules("export_for_complainant"):
            data = module.export_for_complainant(complainant)
            if data:
                part.update(data)
        sections[f"report_{complainant.report.reference}"] = part
        files += _evidence_files(complainant)
    references = [c.report.reference for c in complainants]
    subject = {"kind": "person who reported", "reports": references}
    result = _make_bundle(
        title="Information the hate crime hub holds about you",
        subject=subject,
        sections=sections,
        files=files,
        stem=f"subject-access-{references[0]}",
    )
    record(
        Action.DISCLOSE,
        "complainant",
        ",".join(str(c.pk) for c in complainants)[:64],
        summary=f"Subject access bundle for the reporter of {', '.join(references)}"[:300],
        details={
            "requester": requester[:200],
            "reports": references,
            "files": len(files),
            "bundle_sha256": result.sha256,
            "by": _actor_label(by),
        },
    )
    return result


def export_person(person, *, by, requester: str) -> Bundle:
    """Everything held about a suspect (`suspects.Person`)."""
    requester = requester.strip()
    if not requester:
        raise PrivacyRefused("Say who asked for the information (the requester)")
    sections: dict[str, dict] = {}
    for module in _modules("export_for_person"):
        data = module.export_for_person(person)
        if data:
            sections[_app(module)] = data
    result = _make_bundle(
        title="Information the hate crime hub holds about you",
        subject={"kind": "person recorded as a suspect", "reference": person.reference},
        sections=sections,
        files=[],
        stem=f"subject-access-{person.reference}",
    )
    record(
        Action.DISCLOSE,
        "person",
        person.reference,
        summary=f"Subject access bundle for person {person.reference}",
        details={
            "requester": requester[:200],
            "bundle_sha256": result.sha256,
            "by": _actor_label(by),
        },
    )
    return result
