"""The summary at the top of the case page: what was reported, the quote, the links and
accounts, the victims and the risk, the recommendation and decision, who is responsible and what
is due next. It reads each part through that part's own selectors and writes nothing; the case
page's audit entry lists what it showed."""

from dataclasses import dataclass, field

from django.db.models import Count, Min
from django.utils import timezone

from hatehub.cases import outcomes
from hatehub.cases.models import Case
from hatehub.cases.selectors import days_since, platform_label
from hatehub.reports.models import AccountMention, ContentItem, Report
from hatehub.victims import selectors as victims_selectors

SHOWN = 5  # links and accounts listed in the summary; the rest are counted
THRIVE_ORDER = {"low": 0, "medium": 1, "high": 2}


@dataclass(frozen=True)
class DueItem:
    what: str
    when: object = None  # a date, or None when it is waiting on someone, not a clock
    overdue: bool = False
    url: str = ""


@dataclass
class CaseSummary:
    description: str = ""
    quote: str = ""
    first_report: str = ""
    platforms: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    link_count: int = 0
    accounts: list[str] = field(default_factory=list)
    account_count: int = 0
    victim_count: int = 0
    other_reporters: int = 0
    risk: str = ""  # the highest THRIVE level of the latest assessment
    due: list[DueItem] = field(default_factory=list)
    victim_update_ids: list[int] = field(default_factory=list)

    def as_details(self) -> dict:
        """What the summary showed, for the case page's audit entry."""
        return {
            "first_report": self.first_report,
            "links_shown": len(self.links),
            "accounts_shown": self.accounts,
            "victim_updates_shown": self.victim_update_ids,
        }


def _links(case: Case) -> tuple[list[str], int]:
    """The case's distinct reported addresses (one per canonical key), the first few in the
    order they were reported, and how many there are."""
    firsts = (
        ContentItem.objects.filter(report__case=case)
        .values("canonical_url")
        .annotate(first=Min("pk"))
        .order_by("first")
    )
    total = firsts.count()
    ids = [row["first"] for row in firsts[:SHOWN]]
    urls = dict(ContentItem.objects.filter(pk__in=ids).values_list("pk", "url"))
    return [urls[pk] for pk in ids], total


def _accounts(case: Case) -> tuple[list[str], int]:
    named = (
        AccountMention.objects.filter(report__case=case)
        .values("platform", "handle")
        .annotate(times=Count("pk"), first=Min("pk"))
        .order_by("-times", "first")
    )
    total = named.count()
    shown = [f"{row['handle']} on {platform_label(row['platform'])}" for row in named[:SHOWN]]
    return shown, total


def _highest_thrive(assessment) -> str:
    if assessment is None:
        return ""
    levels = (assessment.recommendation.get("priority") or {}).get("thrive") or {}
    ranked = [level for level in levels.values() if level in THRIVE_ORDER]
    return max(ranked, key=THRIVE_ORDER.__getitem__, default="")


def case_summary(case: Case, user, *, assessment, offer, crimes, outcomes_due: bool) -> CaseSummary:
    reports = Report.objects.filter(case=case).order_by("submitted_at", "pk")
    first = reports.only("reference", "description", "quoted_text").first()
    summary = CaseSummary()
    if first is not None:
        summary.first_report = first.reference
        summary.description = first.description
        quoted = first.quoted_text or (
            reports.exclude(quoted_text="").values_list("quoted_text", flat=True).first() or ""
        )
        summary.quote = quoted
    summary.platforms = [
        platform_label(code, other)
        for code, other in reports.order_by()
        .values_list("platform", "platform_other")
        .distinct()[:SHOWN]
    ]
    summary.links, summary.link_count = _links(case)
    summary.accounts, summary.account_count = _accounts(case)
    roles_count = dict(
        reports.order_by()
        .values_list("reporter_role")
        .annotate(n=Count("pk"))
        .values_list("reporter_role", "n")
    )
    summary.victim_count = sum(roles_count.get(role, 0) for role in outcomes.VICTIM_ROLES)
    summary.other_reporters = sum(roles_count.values()) - summary.victim_count
    summary.risk = _highest_thrive(assessment)
    summary.due = _due(
        case,
        user,
        assessment=assessment,
        offer=offer,
        crimes=crimes,
        outcomes_due=outcomes_due,
        summary=summary,
    )
    return summary


def _due(case, user, *, assessment, offer, crimes, outcomes_due, summary) -> list[DueItem]:
    """What the case waits for, soonest first: the next Victims' Code update, a force's answer,
    the assessment, outcomes."""
    due: list[DueItem] = []
    if case.status in (Case.Status.MERGED, Case.Status.CLOSED):
        return due
    today = timezone.localdate()
    update = victims_selectors.next_open_update(user, case)
    if update is not None:
        summary.victim_update_ids.append(update.pk)
        due.append(
            DueItem(
                f"Tell the victim: {victims_selectors.event_label(update.event).lower()}",
                update.due,
                overdue=update.due < today,
            )
        )
    if assessment is None:
        due.append(DueItem("Assess the case"))
    elif not assessment.decided:
        due.append(DueItem("Record the officer's decision on the assessment"))
    if offer is not None:
        days = days_since(offer.offered_at)
        waited = "today" if not days else f"{days} day{'s' if days != 1 else ''} ago"
        due.append(DueItem(f"{offer.force.name} to accept or return the case (offered {waited})"))
    elif case.allocated_force_id is None:
        due.append(DueItem("Allocate the case to a force"))
    if case.force_accepted_at and outcomes_due:
        pending = sum(1 for crime in crimes if crime.recorded_outcome is None)
        due.append(DueItem(f"Record the outcome of {pending} crime{'s' if pending != 1 else ''}"))
    return due
