"""Reads for the support directory and referrals, and who may do what with them."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from hatehub.cases.selectors import sees_complainant_details, visible_cases
from hatehub.jurisdiction.services import force_for, place_from_text
from hatehub.reports.models import Report
from hatehub.victims.clocks import HATE_CRIME_ENHANCED_BY_DEFAULT, deadline, event_local_date

from .areas import covers, parse_areas
from .models import Referral, SupportService
from .nations import extra_closures, nation_for_case


def directory(*, strand: str = "", force=None, include_inactive: bool = False):
    """The services, national first then by name, filtered by strand code and force area.
    A service with no strands serves every strand; a national service covers every force."""
    services = SupportService.objects.prefetch_related("strands", "forces")
    if not include_inactive:
        services = services.filter(active=True)
    if strand:
        services = services.filter(Q(strands__code=strand) | Q(strands__isnull=True))
    if force is not None:
        services = services.filter(Q(scope=SupportService.Scope.NATIONAL) | Q(forces=force))
    return services.distinct().order_by("scope", "name", "pk")


def serves_strands(service: SupportService, strand_codes: set[str]) -> bool:
    codes = {strand.code for strand in service.strands.all()}
    return not codes or not strand_codes or bool(codes & strand_codes)


def covers_victim(service: SupportService, force, postcode: str) -> bool:
    if service.scope == SupportService.Scope.NATIONAL:
        return True
    if force is not None and any(f.pk == force.pk for f in service.forces.all()):
        return True
    try:
        areas = parse_areas(service.postcode_areas)
    except ValueError:
        return False
    return bool(postcode) and covers(areas, postcode)


def victim_force(complainant):
    """The force area the victim lives in, from their postcode or town (None if unknown)."""
    text = complainant.victim_postcode or complainant.victim_town
    if not text:
        return None
    place = place_from_text(text)
    return force_for(place.force) if place is not None and place.force else None


def active_services() -> list[SupportService]:
    return list(SupportService.objects.filter(active=True).prefetch_related("strands", "forces"))


def suggested_services(
    complainant, strand_codes: set[str], force=None, services: list | None = None
) -> list[SupportService]:
    """Active services for the victim's strands and area, local ones first (they know the
    area), then national. `services`: the active services, when the caller has them already."""
    services = active_services() if services is None else services
    postcode = complainant.victim_postcode if complainant is not None else ""
    found = [
        service
        for service in services
        if serves_strands(service, strand_codes) and covers_victim(service, force, postcode)
    ]
    return sorted(found, key=lambda s: (s.scope != SupportService.Scope.LOCAL, s.name))


def referral_refusal(report: Report) -> str | None:
    """Why this reporter's details may not be passed to a support service, or None."""
    complainant = getattr(report, "complainant", None)
    if report.anonymous or complainant is None:
        return "The report was made anonymously: the hub never passes on or uses contact details"
    if not complainant.support_referral_consent:
        return "The reporter did not agree to be referred to support services"
    if not (complainant.email or complainant.phone):
        return "The reporter gave no email address or phone number a service could use"
    return None


def referral_due(report: Report, case) -> tuple[dt.date, str]:
    """The Victims' Code deadline for passing the victim's details on (2 working days after the
    day of the report, in the nation of the force that has the case), and that nation."""
    nation = nation_for_case(case)
    due = deadline(
        "support_referral",
        report.submitted_at,
        nation,
        enhanced=HATE_CRIME_ENHANCED_BY_DEFAULT,
        extra_closures=extra_closures(),
    )
    return due.due, nation.value


def today() -> dt.date:
    return event_local_date(timezone.now())


def is_overdue(referral: Referral, on: dt.date | None = None) -> bool:
    """Not sent by the end of its due day (or sent after it)."""
    on = on or today()
    if referral.sent_at is not None:
        return event_local_date(referral.sent_at) > referral.due_on
    if referral.status in (Referral.Status.CLOSED, Referral.Status.DECLINED):
        return False
    return on > referral.due_on


@dataclass
class VictimEntry:
    """One reporter on a case, as the referral panel and page show them."""

    report: Report
    strand_codes: set[str]
    refusal: str | None
    due_on: dt.date | None = None
    nation: str = ""
    referrals: list[Referral] = field(default_factory=list)
    suggestions: list[SupportService] = field(default_factory=list)
    force: object = None

    @property
    def has_sent_referral(self) -> bool:
        return any(r.sent_at is not None for r in self.referrals)

    @property
    def awaiting_referral(self) -> bool:
        """Consented, and no referral has reached a service yet."""
        return self.refusal is None and not self.has_sent_referral

    @property
    def overdue(self) -> bool:
        return self.awaiting_referral and self.due_on is not None and today() > self.due_on


#: At most this many reporters are listed on the case panel and the referral page: a viral
#: post's case holds thousands of reports, and each listed one is looked up.
VICTIMS_SHOWN = 25


def consenting_reports(case):
    """The case's reports whose reporter agreed to a referral and is not anonymous."""
    return Report.objects.filter(
        case=case, anonymous=False, complainant__support_referral_consent=True
    )


def victims(case, *, with_suggestions: bool = True, limit: int = VICTIMS_SHOWN):
    """The case's consenting reporters (not yet referred first, then oldest; at most `limit`)
    with their deadline, referrals and suggested services, and how many other reports cannot
    be referred (no consent, or anonymous). A consenting reporter without contact details is
    listed with the reason (`refusal`)."""
    referred = Referral.objects.filter(report=OuterRef("pk"), sent_at__isnull=False)
    reports = list(  # those still waiting for a referral first, so each gets its turn
        consenting_reports(case)
        .alias(referred=Exists(referred))
        .select_related("complainant")
        .prefetch_related("strands")
        .order_by("referred", "submitted_at", "pk")[:limit]
    )
    others = Report.objects.filter(case=case).count() - consenting_reports(case).count()
    referrals: dict[int, list[Referral]] = {}
    for referral in Referral.objects.filter(report__in=[r.pk for r in reports]).select_related(
        "service"
    ):
        referrals.setdefault(referral.report_id, []).append(referral)
    services = active_services() if with_suggestions and reports else []
    forces_by_place: dict[str, object] = {}
    entries = []
    for report in reports:
        codes = {strand.code for strand in report.strands.all()}
        entry = VictimEntry(report, codes, referral_refusal(report))
        entry.referrals = referrals.get(report.pk, [])
        if entry.refusal is None:
            entry.due_on, entry.nation = referral_due(report, case)
            if with_suggestions:
                person = report.complainant
                place = person.victim_postcode or person.victim_town
                if place not in forces_by_place:
                    forces_by_place[place] = victim_force(person)
                entry.force = forces_by_place[place]
                entry.suggestions = suggested_services(person, codes, entry.force, services)
        entries.append(entry)
    return entries, others


def makes_referrals(user, case) -> bool:
    """Hub staff, and the force the case is offered to or owned by (it has the victim's
    details already), refer victims of the cases they see."""
    return sees_complainant_details(user, case)


def visible_referrals(user) -> QuerySet[Referral]:
    return Referral.objects.filter(case__in=visible_cases(user))


def tracked_referrals(user) -> QuerySet[Referral]:
    """Live referrals of the cases the user sees, oldest deadline first."""
    return (
        visible_referrals(user)
        .filter(status__in=Referral.LIVE)
        .select_related("case", "report", "service")
        .order_by("due_on", "created_at", "pk")
    )
