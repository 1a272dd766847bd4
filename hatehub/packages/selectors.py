"""Reads for evidence packages: who may use them, and the case as it stood at a moment (the
content of one package version)."""

from datetime import datetime

from django.db.models import Prefetch, QuerySet

from hatehub.assessment.decisions import (
    classification_label,
    decision_of,
    nation_of,
    public_source,
    strand_label,
)
from hatehub.assessment.models import Assessment
from hatehub.cases.models import Case, CaseEvent
from hatehub.cases.selectors import platform_label, visible_cases
from hatehub.evidence.models import ContinuityEntry, EvidenceFile
from hatehub.reports.choices import ReporterRole
from hatehub.reports.models import Report, Strand

from .bundle import (
    ContinuityItem,
    ExhibitItem,
    PackageContent,
    ReportSummary,
    StatementDraft,
    TimelineItem,
)
from .models import Exhibit, PackageVersion


def may_use_packages(user, case: Case) -> bool:
    """Hub staff, and users of the force the case is allocated to (offered or accepted)."""
    return visible_cases(user).filter(pk=case.pk).exists()


def versions(case: Case) -> QuerySet[PackageVersion]:
    return PackageVersion.objects.filter(case=case).select_related(
        "recipient_force", "generated_by"
    )


def version(case: Case, number: int) -> PackageVersion | None:
    return versions(case).filter(number=number).first()


def latest(case: Case) -> PackageVersion | None:
    return versions(case).order_by("-number").first()


def _who(user, label: str) -> str:
    if user is None:
        return label
    name = user.get_full_name() or user.username
    return f"{name} ({user.get_role_display()})" if hasattr(user, "get_role_display") else name


def initials(user) -> str:
    """An officer's exhibit initials: first and last name's initials, else the username's."""
    if user is None:
        return "HUB"
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    if first and last:
        return (first[0] + last[0]).upper()
    letters = "".join(ch for ch in user.username if ch.isalpha())
    return (letters[:2] or "HO").upper()


def _description(item: EvidenceFile) -> str:
    if item.kind == EvidenceFile.Kind.CAPTURE:
        name = item.original_filename.split("-", 2)[-1]
        what = {
            "screenshot.png": "Full-page screenshot",
            "page.html": "HTML of the page",
            "exchanges.warc.gz": "WARC archive of the HTTP exchanges",
            "collection-log.json": "Collection log (who, when, how; hashes)",
        }.get(name, name)
        return f"{what} of {item.capture.url} captured by the hub"
    kind = "Screenshot" if item.is_image else "Document"
    return f"{kind} sent by the reporter: {item.original_filename}"


def _source(item: EvidenceFile, report: Report) -> str:
    if item.kind == EvidenceFile.Kind.CAPTURE:
        who = item.capture.requested_by
        by = who.get_full_name() or who.username if who else "the hub"
        return f"Online capture {item.capture_id} by {by} (report {report.reference})"
    return f"Report {report.reference}: {report.get_reporter_role_display()} via " + (
        report.get_source_display()
        + (f" ({report.organisation.name})" if report.organisation_id else "")
    )


def _assessment(case: Case, cutoff: datetime) -> dict | None:
    latest_assessment = (
        Assessment.objects.filter(case=case, created_at__lte=cutoff)
        .select_related("decided_by")
        .order_by("-number")
        .first()
    )
    if latest_assessment is None:
        return None
    rec = latest_assessment.recommendation
    decided = latest_assessment.decided_at is not None and latest_assessment.decided_at <= cutoff
    recorded = decision_of(latest_assessment) if decided else None
    decision = None
    if recorded:
        decision = {
            "classification": recorded.classification,
            "strands": recorded.strands,
            "offences": recorded.offences,
            "priority": recorded.priority,
            "rationale": recorded.rationale,
            "disagrees": recorded.disagrees,
            "differences": recorded.differences,
            "by": recorded.by,
            "at": recorded.at,
        }
    classification = rec.get("classification", "")
    return {
        "number": latest_assessment.number,
        "reason": latest_assessment.reason,
        "created_at": latest_assessment.created_at,
        "rules_version": latest_assessment.rules_version,
        "classification_label": classification_label(classification, nation_of(rec)),
        "strands": [strand_label(strand) for strand in rec.get("strands", [])],
        "offences": [
            {
                "name": offence.get("name", ""),
                "section": offence.get("section", ""),
                "elements_met": list(offence.get("elements_met", [])),
                "elements_missing": list(offence.get("elements_missing", [])),
                "ag_consent": bool(offence.get("ag_consent")),
                "source": public_source(offence.get("source", "")),
            }
            for offence in rec.get("offences", [])
        ],
        "priority": rec.get("priority") or {},
        "urgent": bool(rec.get("urgent")),
        "enhanced_rights": bool(rec.get("enhanced_rights")),
        "rules_fired": [
            {
                "text": f.get("text", ""),
                "detail": f.get("detail", ""),
                "source": public_source(f.get("source") or ""),
            }
            for f in rec.get("rules_fired", [])
        ],
        "decision": decision,
        "decision_summary": recorded.summary if recorded else None,
    }


def _report_summary(report: Report) -> ReportSummary:
    return ReportSummary(
        reference=report.reference,
        submitted_at=report.submitted_at,
        reporter=report.get_reporter_role_display() + (" (anonymous)" if report.anonymous else ""),
        source=report.get_source_display()
        + (f": {report.organisation.name}" if report.organisation_id else ""),
        platform=platform_label(report.platform, report.platform_other),
        strands=", ".join(strand.label for strand in report.strands.all())
        + (f"; {report.strand_other}" if report.strand_other else ""),
        description=report.description,
        quoted_text=report.quoted_text,
        urls=[item.url for item in report.content_items.all()],
        accounts=[f"{a.handle} ({platform_label(a.platform)})" for a in report.accounts.all()],
        is_victim=report.reporter_role == ReporterRole.VICTIM,
    )


def _statement(report: Report, summary: ReportSummary, exhibits: list[str]) -> StatementDraft:
    person = getattr(report, "complainant", None)
    if report.anonymous or person is None or not person.name:
        witness = "Not known: the reporter did not give a name"
    else:
        witness = person.name
    contact = ""
    if person is not None and not report.anonymous:
        contact = ", ".join(
            part
            for part in (
                person.email,
                person.phone,
                f"contact by {person.get_contact_method_display()}"
                if person.contact_method
                else "",
                person.contact_notes,
            )
            if part
        )
    body = [
        f"On {summary.submitted_at.strftime('%d %B %Y')} I reported online hate to the police "
        f"online hate crime hub (report {report.reference}).",
    ]
    when = report.occurred_on.strftime("%d %B %Y") if report.occurred_on else "a date not given"
    body.append(f"It happened on {when} on {summary.platform}.")
    body.append(f"In my words: {report.description}")
    if report.quoted_text:
        body.append(f'The post said: "{report.quoted_text}"')
    if summary.strands:
        body.append(f"I believe I was targeted because of: {summary.strands}.")
    return StatementDraft(
        report=report.reference,
        witness=witness,
        contact=contact or "Not given",
        submitted_at=report.submitted_at,
        occurred_on=when,
        platform=summary.platform,
        strands=summary.strands,
        body=body,
        urls=summary.urls,
        accounts=summary.accounts,
        exhibits=exhibits,
    )


def content(
    case: Case,
    *,
    cutoff: datetime,
    version_number: int,
    generated_by: str,
    recipient_force: str,
    changes: list[str],
    previous_version: dict | None = None,
) -> PackageContent:
    """Everything a package shows, as the case stood at `cutoff`: reports submitted, evidence
    received, exhibit references given, assessments made, timeline events and continuity
    entries written up to then. The same cutoff gives the same content."""
    reports = list(
        Report.objects.filter(case=case, submitted_at__lte=cutoff)
        .select_related("complainant", "organisation")
        .prefetch_related(
            Prefetch("strands", queryset=Strand.objects.order_by("pk")),
            "content_items",
            "accounts",
        )
        .order_by("submitted_at", "pk")
    )
    by_report = {report.pk: report for report in reports}
    files = list(
        EvidenceFile.objects.filter(
            report__in=reports, kind__in=EvidenceFile.PRIMARY_KINDS, received_at__lte=cutoff
        )
        .select_related("capture__requested_by")
        .order_by("received_at", "pk")
    )
    references = {
        exhibit.evidence_id: exhibit.reference
        for exhibit in Exhibit.objects.filter(case=case, assigned_at__lte=cutoff)
    }
    exhibits = [
        ExhibitItem(
            reference=references.get(item.pk, ""),
            evidence_id=item.pk,
            kind=item.kind,
            description=_description(item),
            filename=item.original_filename,
            media_type=item.media_type,
            size_bytes=item.size_bytes,
            sha256=item.sha256,
            source=_source(item, by_report[item.report_id]),
            received_at=item.received_at,
            report=by_report[item.report_id].reference,
        )
        for item in files
    ]
    summaries = [_report_summary(report) for report in reports]
    statements = [
        _statement(
            report,
            summary,
            [e.reference for e in exhibits if e.report == report.reference and e.reference],
        )
        for report, summary in zip(reports, summaries, strict=True)
        if report.reporter_role == ReporterRole.VICTIM
    ]
    exhibit_of = {item.evidence_id: item.reference for item in exhibits}
    continuity = [
        ContinuityItem(
            exhibit=exhibit_of.get(entry.evidence_id) or f"file {entry.evidence_id}",
            at=entry.at,
            action=entry.get_action_display(),
            who=_who(entry.actor, entry.actor_label),
            what=entry.what,
            why=entry.why,
        )
        for entry in ContinuityEntry.objects.filter(evidence_id__in=list(exhibit_of), at__lt=cutoff)
        .select_related("actor")
        .order_by("at", "pk")
    ]
    timeline = [
        TimelineItem(
            at=event.at,
            kind=event.get_kind_display(),
            who=_who(event.actor, event.actor_label),
            summary=event.summary,
        )
        for event in CaseEvent.objects.filter(case=case, at__lte=cutoff)
        .select_related("actor")
        .order_by("at", "pk")
    ]

    def distinct(values) -> list[str]:
        return list(dict.fromkeys(value for value in values if value))

    return PackageContent(
        case_reference=case.reference,
        version=version_number,
        generated_at=cutoff,
        generated_by=generated_by,
        recipient_force=recipient_force,
        status=case.get_status_display(),
        urgency=case.get_urgency_display(),
        opened_at=case.opened_at,
        allocated_force=case.allocated_force.name if case.allocated_force_id else "Not allocated",
        reports=summaries,
        exhibits=exhibits,
        statements=statements,
        assessment=_assessment(case, cutoff),
        timeline=timeline,
        continuity=continuity,
        changes=changes,
        previous_version=previous_version,
        platforms=distinct(summary.platform for summary in summaries),
        strands=distinct(strand.label for report in reports for strand in report.strands.all()),
        accounts=distinct(account for summary in summaries for account in summary.accounts),
        urls=distinct(url for summary in summaries for url in summary.urls),
    )


def panel_versions(case: Case) -> list[PackageVersion]:
    return list(versions(case).order_by("-number")[:20])


def unassigned_evidence(case: Case, cutoff: datetime) -> list[EvidenceFile]:
    """Primary evidence of the case with no exhibit reference yet, oldest first."""
    return list(
        EvidenceFile.objects.filter(
            report__case=case,
            report__submitted_at__lte=cutoff,
            kind__in=EvidenceFile.PRIMARY_KINDS,
            received_at__lte=cutoff,
        )
        .exclude(exhibits__case=case)
        .order_by("received_at", "pk")
    )
