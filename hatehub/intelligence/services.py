"""Writing intelligence reports: draft, review of the sanitised text, dissemination, export.

Every function audits what it does inside its transaction. The rules that decide whether a
report may leave the hub are pure (`grading`, `dissemination`); this module applies them and
refuses with `IntelligenceRefused`, changing nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, acting_as
from hatehub.audit.services import record as audit_record
from hatehub.cases.models import Case, CaseEvent
from hatehub.cases.services import add_event
from hatehub.core.reference_numbers import ALPHABET, check_character

from . import access, pole, recipient_keys, selectors
from . import grading as grading_rules
from .models import (
    Dissemination,
    IntelligenceExport,
    IntelligenceRecipient,
    IntelligenceReport,
    RecipientKey,
)

Status = IntelligenceReport.Status


def record(action: str, object_type: str, object_id: object = "", *, by=None, **kwargs):
    """An audit entry attributed to `by` when no signed-in user is acting already (a service
    called from a command or a test), else to the request's user."""
    if by is not None and getattr(current_actor().user, "pk", None) is None:
        with acting_as(f"user:{by.username}", user=by):
            return audit_record(action, object_type, object_id, **kwargs)
    return audit_record(action, object_type, object_id, **kwargs)


class IntelligenceRefused(ValueError):
    """The change is not allowed: `problems` says why, in words an officer can act on."""

    def __init__(self, problems: Sequence[str] | str, *, fields: dict[str, str] | None = None):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        self.fields = fields or {}
        super().__init__("; ".join(self.problems))


def new_reference() -> str:
    """IR- and nine Crockford base32 characters, the last a check character."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"IR-{body}{check_character(body)}"


@dataclass
class ReportDraft:
    """Everything an officer writes on a report (the form's cleaned data)."""

    title: str
    draft_text: str
    nim_level: int
    cases: list[Case]
    sanitised_text: str = ""
    places: list[str] = field(default_factory=list)
    source_evaluation: str = ""
    intelligence_assessment: str = ""
    handling_code: str = ""
    handling_conditions: str = ""
    legacy_source_evaluation: str = ""
    legacy_intelligence_evaluation: str = ""
    legacy_handling_code: str = ""
    persons: list = field(default_factory=list)
    accounts: list = field(default_factory=list)
    forces: list = field(default_factory=list)

    def grading(self) -> grading_rules.Grading:
        return grading_rules.Grading(
            grading_rules.CURRENT,
            self.source_evaluation,
            self.intelligence_assessment,
            self.handling_code,
            self.handling_conditions,
        )

    def legacy(self) -> grading_rules.Grading:
        return grading_rules.Grading(
            grading_rules.LEGACY,
            self.legacy_source_evaluation,
            self.legacy_intelligence_evaluation,
            self.legacy_handling_code,
        )


LEGACY_FIELDS = {
    "source_evaluation": "legacy_source_evaluation",
    "intelligence_assessment": "legacy_intelligence_evaluation",
    "handling_code": "legacy_handling_code",
}


def draft_errors(draft: ReportDraft) -> dict[str, str]:
    """Field errors of a draft: a grading, if begun, must be whole and valid; likewise a
    legacy one; the NIM level must be 1-3; at least one case."""
    errors: dict[str, str] = {}
    if not draft.cases:
        errors["cases"] = "Name at least one case the intelligence comes from"
    if draft.nim_level not in grading_rules.rules().nim_levels:
        errors["nim_level"] = "Choose the National Intelligence Model level: 1, 2 or 3"
    current = draft.grading()
    if any((current.source_evaluation, current.intelligence_assessment, current.handling_code)):
        for name, message in grading_rules.validate(current).items():
            errors["handling_conditions" if name == "conditions" else name] = message
    elif draft.handling_conditions.strip():
        errors["handling_conditions"] = "Choose handling code C to write conditions"
    legacy = draft.legacy()
    if any((legacy.source_evaluation, legacy.intelligence_assessment, legacy.handling_code)):
        for name, message in grading_rules.validate(legacy).items():
            if name in LEGACY_FIELDS:
                errors[LEGACY_FIELDS[name]] = f"Legacy 5x5x5: {message}"
    return errors


def _apply(report: IntelligenceReport, draft: ReportDraft) -> None:
    for name in (
        "title",
        "draft_text",
        "sanitised_text",
        "nim_level",
        "source_evaluation",
        "intelligence_assessment",
        "handling_code",
        "handling_conditions",
        "legacy_source_evaluation",
        "legacy_intelligence_evaluation",
        "legacy_handling_code",
    ):
        value = getattr(draft, name)
        setattr(report, name, value.strip() if isinstance(value, str) else value)
    report.places = [place.strip() for place in draft.places if place.strip()]


def _set_links(report: IntelligenceReport, draft: ReportDraft) -> None:
    report.cases.set(draft.cases)
    report.persons.set(draft.persons)
    report.accounts.set(draft.accounts)
    report.forces.set(draft.forces)


def _links_summary(draft: ReportDraft) -> dict:
    return {
        "cases": [case.reference for case in draft.cases],
        "persons": [person.reference for person in draft.persons],
        "accounts": [account.pk for account in draft.accounts],
        "forces": [force.police_uk_id for force in draft.forces],
        "places": len(draft.places),
    }


@transaction.atomic
def create_report(draft: ReportDraft, *, by) -> IntelligenceReport:
    if errors := draft_errors(draft):
        raise IntelligenceRefused(list(errors.values()), fields=errors)
    now = timezone.now()
    report = IntelligenceReport(
        reference=new_reference(), created_by=by, last_edited_by=by, created_at=now, updated_at=now
    )
    _apply(report, draft)
    report.save()
    _set_links(report, draft)
    record(
        Action.CREATE,
        "intelligence_report",
        report.reference,
        by=by,
        summary=f"Intelligence report {report.reference} drafted from "
        f"{', '.join(case.reference for case in draft.cases)}",
        details={"grading": _grading_text(report), **_links_summary(draft)},
    )
    for case in draft.cases:
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            f"Intelligence report {report.reference} drafted from this case",
            details={"intelligence_report": report.reference},
        )
    return report


def _locked(report: IntelligenceReport) -> IntelligenceReport:
    return IntelligenceReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def update_report(report: IntelligenceReport, draft: ReportDraft, *, by) -> IntelligenceReport:
    report = _locked(report)
    if report.status not in IntelligenceReport.EDITABLE:
        raise IntelligenceRefused(
            f"Report {report.reference} is {report.get_status_display().lower()}: "
            "only a draft or a returned report can be changed"
        )
    if errors := draft_errors(draft):
        raise IntelligenceRefused(list(errors.values()), fields=errors)
    before = selectors.content_digest(report)
    _apply(report, draft)
    if selectors.content_digest(report) != before:
        report.last_edited_by = by
        report.reviewed_digest = ""
    report.updated_at = timezone.now()
    report.save()
    _set_links(report, draft)
    record(
        Action.CHANGE,
        "intelligence_report",
        report.reference,
        by=by,
        summary=f"Intelligence report {report.reference} changed",
        details={"grading": _grading_text(report), **_links_summary(draft)},
    )
    return report


def _grading_text(report: IntelligenceReport) -> str:
    grading = selectors.current_grading(report)
    return grading.code if grading else ""


@transaction.atomic
def submit_for_review(report: IntelligenceReport, *, by) -> IntelligenceReport:
    report = _locked(report)
    if report.status not in IntelligenceReport.EDITABLE:
        raise IntelligenceRefused(f"Report {report.reference} is not a draft")
    problems = []
    grading = selectors.current_grading(report)
    if grading is None or grading_rules.validate(grading):
        problems.append("Grade the report under 3x5x2, with a handling code, before review")
    if not report.sanitised_text.strip():
        problems.append("Write the sanitised text before review")
    if problems:
        raise IntelligenceRefused(problems)
    report.status = Status.AWAITING_REVIEW
    report.updated_at = timezone.now()
    report.save(update_fields=["status", "updated_at"])
    record(
        Action.CHANGE,
        "intelligence_report",
        report.reference,
        by=by,
        summary=f"Intelligence report {report.reference} sent for review of its sanitised text",
    )
    return report


@transaction.atomic
def review(
    report: IntelligenceReport, *, by, approve: bool, checked: Iterable[str], note: str = ""
) -> IntelligenceReport:
    """The reviewer's decision on the sanitised text. Approval needs every flagged detail ticked
    as checked; returning needs a note saying what to change."""
    report = _locked(report)
    if not access.reviews_sanitisation(by):
        raise IntelligenceRefused("Only a supervisor reviews sanitised text")
    if report.status != Status.AWAITING_REVIEW:
        raise IntelligenceRefused(f"Report {report.reference} is not awaiting review")
    if by.pk in (report.created_by_id, report.last_edited_by_id):
        raise IntelligenceRefused(
            "You wrote this report or its sanitised text: someone else must review it"
        )
    flags = selectors.sanitisation_flags(report)
    now = timezone.now()
    if approve:
        unchecked = [flag for flag in flags if flag.key not in set(checked)]
        if unchecked:
            raise IntelligenceRefused(
                f"Check every flagged detail ({len(unchecked)} not ticked) and remove any "
                "that identifies a source, or return the report",
                fields={"checked": "Tick each detail once you have checked it"},
            )
        report.status = Status.REVIEWED
        report.reviewed_digest = selectors.content_digest(report)
    else:
        if not note.strip():
            raise IntelligenceRefused(
                "Say what must change", fields={"note": "Say what must change"}
            )
        report.status = Status.RETURNED
        report.reviewed_digest = ""
    report.reviewed_by, report.reviewed_at, report.review_note = by, now, note.strip()
    report.reviewed_flags = [{"key": flag.key, "kind": flag.kind} for flag in flags]
    report.updated_at = now
    report.save()
    record(
        Action.CHANGE,
        "intelligence_report",
        report.reference,
        by=by,
        summary=f"Sanitised text of {report.reference} "
        + ("approved" if approve else "returned for changes"),
        details={"flags_checked": len(flags), "approved": approve},
    )
    return report


@transaction.atomic
def disseminate(
    report: IntelligenceReport,
    *,
    by,
    recipients: Sequence[IntelligenceRecipient],
    note: str = "",
) -> Dissemination:
    """Send the report to recipients: refused without a 3x5x2 grading, a handling code (with
    conditions for C) and a reviewed, unchanged sanitised text."""
    report = _locked(report)
    if not access.writes_intelligence(by):
        raise IntelligenceRefused("Only hub staff disseminate intelligence")
    problems = selectors.blockers(report, len(recipients))
    if report.status not in (Status.REVIEWED, Status.DISSEMINATED):
        problems.insert(0, "The sanitised text must be reviewed and approved first")
    inactive = [r.name for r in recipients if not r.is_active]
    if inactive:
        problems.append(f"Not an active recipient: {', '.join(inactive)}")
    if problems:
        raise IntelligenceRefused(list(dict.fromkeys(problems)))
    now = timezone.now()
    grading = selectors.current_grading(report)
    if grading is None:  # `blockers` refuses an ungraded report first
        raise IntelligenceRefused(["Grade the report before it is disseminated"])
    sent = Dissemination.objects.create(
        report=report,
        disseminated_by=by,
        disseminated_at=now,
        grading_code=grading.code,
        handling_conditions=report.handling_conditions,
        content_digest=report.reviewed_digest,
        note=note.strip(),
    )
    sent.recipients.set(recipients)
    if report.disseminated_at is None:
        report.disseminated_at = now
    report.status = Status.DISSEMINATED
    report.updated_at = now
    report.save(update_fields=["status", "disseminated_at", "updated_at"])
    names = ", ".join(sorted(r.name for r in recipients))
    record(
        Action.DISCLOSE,
        "intelligence_report",
        report.reference,
        by=by,
        summary=f"Intelligence report {report.reference} ({grading.code}) disseminated to {names}",
        details={
            "recipients": sorted(r.name for r in recipients),
            "recipient_ids": sorted(r.pk for r in recipients),
            "grading": grading.code,
            "handling_conditions": report.handling_conditions,
            "content_digest": report.reviewed_digest,
        },
    )
    for case in report.cases.all():
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            f"Intelligence report {report.reference} disseminated",
            details={"intelligence_report": report.reference},
        )
    return sent


# --------------------------------------------------------------------------- exports


@dataclass(frozen=True)
class ExportResult:
    body: bytes
    content_type: str
    filename: str
    export: IntelligenceExport


@transaction.atomic
def export(
    recipient: IntelligenceRecipient,
    *,
    fmt: str,
    channel: str,
    date_from: dt.datetime | None = None,
    date_to: dt.datetime | None = None,
    references: list[str] | None = None,
    key_prefix: str = "",
) -> ExportResult:
    """Build an export for a recipient and record it as a disclosure to that recipient.
    Raises `selectors.UnknownReports` for a report set it may not receive."""
    reports = selectors.reports_for_export(
        recipient, date_from=date_from, date_to=date_to, references=references
    )
    criteria: dict = (
        {"reports": sorted(r.reference for r in reports)}
        if references is not None
        else {
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
        }
    )
    now = timezone.now()
    document = pole.export_document(
        selectors.pole_graph(reports),
        generated_at=now,
        recipient=recipient.name,
        criteria=criteria,
    )
    if fmt == IntelligenceExport.Format.CSV:
        body, content_type = pole.to_csv(document).encode("utf-8"), "text/csv; charset=utf-8"
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2)
        body, content_type = text.encode("utf-8"), "application/json"
    digest = hashlib.sha256(body).hexdigest()
    row = IntelligenceExport.objects.create(
        recipient=recipient,
        format=fmt,
        channel=channel,
        criteria=criteria,
        report_references=[r.reference for r in reports],
        entity_count=len(document["entities"]),
        sha256=digest,
        generated_at=now,
        key_prefix=key_prefix,
    )
    record(
        Action.DISCLOSE,
        "intelligence_export",
        row.pk,
        summary=f"{row.get_format_display()} export of {len(reports)} intelligence report"
        f"{'s' if len(reports) != 1 else ''} disclosed to {recipient.name} ({channel})",
        details={
            "recipient": recipient.name,
            "recipient_id": recipient.pk,
            "format": fmt,
            "channel": channel,
            "criteria": criteria,
            "reports": row.report_references,
            "entities": row.entity_count,
            "sha256": digest,
            "key_prefix": key_prefix,
        },
    )
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    return ExportResult(body, content_type, f"intelligence-{stamp}.{fmt}", row)


# --------------------------------------------------------------------------- recipients


@transaction.atomic
def add_recipient(*, name: str, force=None, contact_email: str = "") -> IntelligenceRecipient:
    recipient = IntelligenceRecipient.objects.create(
        name=name.strip(), force=force, contact_email=contact_email
    )
    record(
        Action.CREATE,
        "intelligence_recipient",
        recipient.pk,
        summary=f"Intelligence recipient {recipient.name} added",
        details={"force": force.police_uk_id if force else None},
    )
    return recipient


@transaction.atomic
def issue_key(recipient: IntelligenceRecipient, *, reason: str) -> str:
    """A new key for the recipient, returned in full once; only its hash is kept."""
    full_key, prefix, secret_hash = recipient_keys.new_key()
    key = RecipientKey.objects.create(recipient=recipient, prefix=prefix, secret_hash=secret_hash)
    record(
        Action.CREATE,
        "intelligence_recipient_key",
        key.pk,
        summary=f"Export key {prefix} issued to {recipient.name}: {reason}",
        details={"recipient_id": recipient.pk},
    )
    return full_key


@transaction.atomic
def revoke_key(prefix: str, *, reason: str) -> RecipientKey:
    key = RecipientKey.objects.select_related("recipient").get(prefix=prefix)
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
    record(
        Action.CHANGE,
        "intelligence_recipient_key",
        key.pk,
        summary=f"Export key {prefix} of {key.recipient.name} revoked: {reason}",
    )
    return key


def authenticate_key(raw_key: str) -> RecipientKey | None:
    parts = recipient_keys.split_key(raw_key or "")
    if parts is None:
        return None
    prefix, secret = parts
    key = (
        RecipientKey.objects.select_related("recipient")
        .filter(prefix=prefix, revoked_at__isnull=True, recipient__is_active=True)
        .first()
    )
    if key is None or not recipient_keys.secret_matches(secret, key.secret_hash):
        return None
    RecipientKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key
