"""Reads for intelligence reports. Which reports a user may read is decided here, once
(`readable_reports`), and which a recipient may receive (`exportable_reports`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from hatehub.cases.models import Case
from hatehub.cases.selectors import platform_label, visible_cases
from hatehub.jurisdiction.models import Force
from hatehub.matching.models import OnlineAccount
from hatehub.reports.models import AccountMention, Complainant, ContentItem, Report
from hatehub.suspects.models import Person, PersonAccountLink

from . import access, dissemination, pole, sanitisation
from . import grading as grading_rules
from .models import Dissemination, IntelligenceRecipient, IntelligenceReport

# --------------------------------------------------------------------------- who reads what


def readable_reports(user) -> QuerySet[IntelligenceReport]:
    """Hub staff: every report. Analysts: disseminated ones. A local force user: those
    disseminated to a recipient of their force. Anyone else: none."""
    reports = IntelligenceReport.objects.all()
    if access.writes_intelligence(user):
        return reports
    disseminated = reports.filter(status=IntelligenceReport.Status.DISSEMINATED)
    if access.reads_disseminated_text_only(user):
        return disseminated
    force_id = getattr(user, "force_id", None)
    if access.reads_intelligence(user) and force_id:
        to_force = Dissemination.objects.filter(
            report=OuterRef("pk"), recipients__force_id=force_id
        )
        return disseminated.filter(Exists(to_force))
    return reports.none()


def report_for(user, reference: str) -> IntelligenceReport | None:
    return readable_reports(user).filter(reference=reference.strip().upper()).first()


def report_exists(reference: str) -> bool:
    return IntelligenceReport.objects.filter(reference=reference.strip().upper()).exists()


def report_list(user) -> QuerySet[IntelligenceReport]:
    return readable_reports(user).select_related("created_by").prefetch_related("cases")


def reports_of_case(case: Case) -> list[IntelligenceReport]:
    return list(
        case.intelligence_reports.order_by("-created_at").only(
            "reference",
            "title",
            "status",
            "created_at",
            "disseminated_at",
            "source_evaluation",
            "intelligence_assessment",
            "handling_code",
            "nim_level",
        )
    )


def with_links(report: IntelligenceReport) -> IntelligenceReport:
    """The report with its linked cases, persons, accounts, forces and disseminations loaded."""
    return (
        IntelligenceReport.objects.filter(pk=report.pk)
        .select_related("created_by", "reviewed_by", "last_edited_by")
        .prefetch_related(
            "cases",
            "persons",
            "accounts",
            "forces",
            "disseminations__recipients",
            "disseminations__disseminated_by",
        )
        .get()
    )


# --------------------------------------------------------------------------- gradings


def current_grading(report: IntelligenceReport) -> grading_rules.Grading | None:
    """The 3x5x2 grading, if any part of it is recorded."""
    parts = (report.source_evaluation, report.intelligence_assessment, report.handling_code)
    if not any(parts):
        return None
    return grading_rules.Grading(
        grading_rules.CURRENT, *parts, conditions=report.handling_conditions
    )


def legacy_grading(report: IntelligenceReport) -> grading_rules.Grading | None:
    parts = (
        report.legacy_source_evaluation,
        report.legacy_intelligence_evaluation,
        report.legacy_handling_code,
    )
    if not any(parts):
        return None
    return grading_rules.Grading(grading_rules.LEGACY, *parts)


def content_digest(report: IntelligenceReport) -> str:
    return dissemination.content_digest(report.title, report.sanitised_text, report.places)


def blockers(report: IntelligenceReport, recipient_count: int) -> list[str]:
    return dissemination.blockers(
        dissemination.ReportState(
            grading=current_grading(report),
            sanitised_text=report.sanitised_text,
            reviewed_digest=report.reviewed_digest,
            current_digest=content_digest(report),
            author_id=report.last_edited_by_id,
            reviewer_id=report.reviewed_by_id,
            recipient_count=recipient_count,
        )
    )


# --------------------------------------------------------------------------- sanitisation


def source_details(cases: Iterable[Case]) -> sanitisation.SourceDetails:
    """What the hub holds about the people who reported the cases: the check list's input."""
    case_ids = [case.pk for case in cases]
    complainants = Complainant.objects.filter(report__case_id__in=case_ids).values_list(
        "name", "email", "phone", "victim_postcode", "victim_town"
    )
    names, emails, phones, postcodes, towns = (set() for _ in range(5))
    for name, email, phone, postcode, town in complainants:
        for bucket, value in (
            (names, name),
            (emails, email),
            (phones, phone),
            (postcodes, postcode),
            (towns, town),
        ):
            if value:
                bucket.add(value)
    references = Report.objects.filter(case_id__in=case_ids).values_list("reference", flat=True)
    return sanitisation.SourceDetails(
        names=tuple(sorted(names)),
        emails=tuple(sorted(emails)),
        phones=tuple(sorted(phones)),
        postcodes=tuple(sorted(postcodes)),
        towns=tuple(sorted(towns)),
        report_references=tuple(sorted(references)),
    )


def reviewed_texts(report: IntelligenceReport) -> dict[str, str]:
    """What leaves the hub, field by field: what the check list runs over."""
    return {
        "title": report.title,
        "sanitised_text": report.sanitised_text,
        "places": "\n".join(report.places),
    }


def sanitisation_flags(report: IntelligenceReport) -> list[sanitisation.Flag]:
    return sanitisation.flag_identifying_details(
        reviewed_texts(report), source_details(report.cases.all())
    )


# --------------------------------------------------------------------------- POLE choices


def cases_by_references(user, references: Iterable[str]) -> tuple[list[Case], list[str]]:
    """The cases the user may see among `references`, and the references not found."""
    wanted = list(dict.fromkeys(ref.strip().upper() for ref in references if ref.strip()))
    found = {case.reference: case for case in visible_cases(user).filter(reference__in=wanted)}
    return [found[ref] for ref in wanted if ref in found], [r for r in wanted if r not in found]


def _in_cases(case_ids: list[int]) -> Q:
    return Q(
        Exists(AccountMention.objects.filter(account=OuterRef("pk"), report__case_id__in=case_ids))
    ) | Q(Exists(ContentItem.objects.filter(account=OuterRef("pk"), report__case_id__in=case_ids)))


def accounts_of_cases(cases: Iterable[Case]) -> QuerySet[OnlineAccount]:
    case_ids = [case.pk for case in cases]
    return OnlineAccount.objects.filter(_in_cases(case_ids)).order_by("platform", "handle")


def persons_behind(accounts: QuerySet[OnlineAccount]) -> QuerySet[Person]:
    links = PersonAccountLink.objects.filter(
        person=OuterRef("pk"), unlinked_at__isnull=True, account__in=accounts
    )
    return Person.objects.filter(Exists(links)).order_by("full_name", "reference")


def active_recipients() -> QuerySet[IntelligenceRecipient]:
    return IntelligenceRecipient.objects.filter(is_active=True).select_related("force")


# --------------------------------------------------------------------------- exports


class UnknownReports(ValueError):
    def __init__(self, references: list[str]):
        self.references = references
        super().__init__(f"Unknown or not available: {', '.join(references)}")


def exportable_reports(recipient: IntelligenceRecipient) -> QuerySet[IntelligenceReport]:
    """Disseminated reports this recipient may receive: every P-coded one (lawful sharing
    permitted), and a C-coded one only if it was disseminated to this recipient (its conditions
    were set for the recipients named then)."""
    to_recipient = Dissemination.objects.filter(report=OuterRef("pk"), recipients=recipient)
    return IntelligenceReport.objects.filter(
        Q(handling_code="P") | Q(Exists(to_recipient)),
        status=IntelligenceReport.Status.DISSEMINATED,
    )


def reports_for_export(
    recipient: IntelligenceRecipient,
    *,
    date_from: dt.datetime | None = None,
    date_to: dt.datetime | None = None,
    references: list[str] | None = None,
) -> list[IntelligenceReport]:
    """By date range (disseminated in [from, to)) or by report set (every reference must be
    one this recipient may receive, else `UnknownReports`)."""
    reports = exportable_reports(recipient)
    if references is not None:
        wanted = list(dict.fromkeys(ref.strip().upper() for ref in references if ref.strip()))
        found = {report.reference: report for report in reports.filter(reference__in=wanted)}
        missing = [ref for ref in wanted if ref not in found]
        if missing:
            raise UnknownReports(missing)
        return [found[ref] for ref in sorted(wanted)]
    if date_from is not None:
        reports = reports.filter(disseminated_at__gte=date_from)
    if date_to is not None:
        reports = reports.filter(disseminated_at__lt=date_to)
    return list(reports.order_by("reference"))


def pole_graph(reports: list[IntelligenceReport]) -> pole.Graph:
    """The POLE graph of these reports, in a fixed number of queries."""
    ids = [report.pk for report in reports]
    through = IntelligenceReport
    persons_of = _links(through.persons.through, "person_id", ids)
    accounts_of = _links(through.accounts.through, "onlineaccount_id", ids)
    forces_of = _links(through.forces.through, "force_id", ids)
    cases_of = _links(through.cases.through, "case_id", ids)
    person_ids = {pk for values in persons_of.values() for pk in values}
    account_ids = {pk for values in accounts_of.values() for pk in values}
    case_ids = {pk for values in cases_of.values() for pk in values}
    persons = {p.pk: p for p in Person.objects.filter(pk__in=person_ids).select_related("force")}
    accounts = {
        a.pk: a
        for a in OnlineAccount.objects.filter(pk__in=account_ids).prefetch_related("handles")
    }
    cases = {
        c.pk: c for c in Case.objects.filter(pk__in=case_ids).select_related("allocated_force")
    }
    platforms: dict[int, set[str]] = {}
    for case_pk, platform, other in (
        Report.objects.filter(case_id__in=case_ids)
        .values_list("case_id", "platform", "platform_other")
        .distinct()
    ):
        platforms.setdefault(case_pk, set()).add(platform_label(platform, other))
    strands: dict[int, set[str]] = {}
    for case_pk, label in (
        Report.strands.through.objects.filter(report__case_id__in=case_ids)
        .values_list("report__case_id", "strand__label")
        .distinct()
    ):
        strands.setdefault(case_pk, set()).add(label)
    force_ids = {pk for values in forces_of.values() for pk in values}
    force_ids |= {p.force_id for p in persons.values() if p.force_id}
    force_ids |= {c.allocated_force_id for c in cases.values() if c.allocated_force_id}
    forces = {f.pk: f for f in Force.objects.filter(pk__in=force_ids)}
    case_accounts: dict[int, set[int]] = {}
    for model in (AccountMention, ContentItem):
        rows = model.objects.filter(
            report__case_id__in=case_ids, account_id__in=account_ids
        ).values_list("report__case_id", "account_id")
        for case_pk, account_pk in rows:
            case_accounts.setdefault(case_pk, set()).add(account_pk)
    links = PersonAccountLink.objects.filter(
        person_id__in=person_ids, account_id__in=account_ids, unlinked_at__isnull=True
    ).select_related("person")
    return pole.build_graph(
        [
            pole.ReportNode(
                reference=report.reference,
                title=report.title,
                sanitised_text=report.sanitised_text,
                grading=current_grading(report),
                nim_level=report.nim_level,
                disseminated_at=report.disseminated_at,
                legacy_grading=legacy_grading(report),
                persons=tuple(persons[pk].reference for pk in persons_of.get(report.pk, ())),
                accounts=tuple(accounts_of.get(report.pk, ())),
                forces=tuple(forces[pk].police_uk_id for pk in forces_of.get(report.pk, ())),
                places=tuple(report.places),
                cases=tuple(cases[pk].reference for pk in cases_of.get(report.pk, ())),
            )
            for report in reports
        ],
        persons=[
            pole.PersonNode(
                reference=p.reference,
                full_name=p.full_name,
                other_names=tuple(p.other_names or ()),
                date_of_birth=p.date_of_birth,
                force=p.force.police_uk_id if p.force else None,
            )
            for p in persons.values()
        ],
        accounts=[
            pole.AccountNode(
                key=a.pk,
                platform=a.platform,
                handle=a.handle,
                platform_user_id=a.platform_user_id,
                handles=tuple(h.handle for h in a.handles.all()),
            )
            for a in accounts.values()
        ],
        forces=[pole.ForceNode(code=f.police_uk_id, name=f.name) for f in forces.values()],
        cases=[
            pole.CaseNode(
                reference=c.reference,
                opened_on=c.opened_at.date(),
                platforms=tuple(sorted(platforms.get(c.pk, ()))),
                strands=tuple(sorted(strands.get(c.pk, ()))),
                force=c.allocated_force.police_uk_id if c.allocated_force else None,
                accounts=tuple(sorted(case_accounts.get(c.pk, ()))),
            )
            for c in cases.values()
        ],
        person_accounts=[
            pole.PersonAccount(
                person=link.person.reference,
                account=link.account_id,
                confidence=link.confidence,
                source=link.source,
            )
            for link in links
        ],
    )


def _links(through, column: str, report_ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    rows = through.objects.filter(intelligencereport_id__in=report_ids).values_list(
        "intelligencereport_id", column
    )
    for report_id, other_id in rows.order_by(column):
        found.setdefault(report_id, []).append(other_id)
    return found
