"""Reading referrals: who may see which, what a case can refer, and the time-to-removal
figures (also read by the analytics helper through `removal_figures`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.assessment.models import Assessment, Classification
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.cases.selectors import visible_cases
from hatehub.reports.models import ContentItem

from . import directory, figures
from .models import ItemStatus, Platform, Referral, ReferralItem

# An item in one of these is still being dealt with, so it is not referred again; after a
# refusal or no response, a new referral (perhaps with more evidence) may be made.
OPEN_STATUSES = (
    ItemStatus.DRAFTED,
    ItemStatus.SENT,
    ItemStatus.ACKNOWLEDGED,
    ItemStatus.REMOVED,
    ItemStatus.GEO_BLOCKED,
)


def platform_domains() -> dict[str, list[str]]:
    """The directory's own domains, for platforms the URL rules do not cover."""
    return {
        slug: list(domains)
        for slug, domains in Platform.objects.exclude(extra_domains=[]).values_list(
            "slug", "extra_domains"
        )
    }


def crime_decision(case: Case) -> Assessment | None:
    """The latest officer's decision on the case, if it says the content is a crime."""
    decided = case.assessments.filter(decided_at__isnull=False).order_by("-number").first()
    if decided is None or decided.decided_classification != Classification.CRIME:
        return None
    return decided


def open_item_for(content: ContentItem) -> ReferralItem | None:
    return (
        ReferralItem.objects.filter(content_item=content, status__in=OPEN_STATUSES)
        .select_related("referral")
        .first()
    )


@dataclass(frozen=True)
class Referable:
    content: ContentItem
    case: Case
    platform: Platform | None
    open_item: ReferralItem | None

    @property
    def can_refer(self) -> bool:
        return self.platform is not None and self.open_item is None


@dataclass(frozen=True)
class CaseReferables:
    case: Case
    decision: Assessment | None
    items: list[Referable]


def referables(cases: list[Case]) -> list[CaseReferables]:
    """Each case's reported items with the directory platform they are on and whether they
    are already in an open referral: a few queries whatever the number of items."""
    platforms = {p.slug: p for p in Platform.objects.filter(active=True)}
    domains = platform_domains()
    contents = list(
        ContentItem.objects.filter(report__case__in=cases).select_related("report").order_by("pk")
    )
    open_items = {
        item.content_item_id: item
        for item in ReferralItem.objects.filter(
            content_item__in=contents, status__in=OPEN_STATUSES
        ).select_related("referral")
    }
    seen: set[str] = set()
    result = []
    for case in cases:
        rows = []
        for content in contents:
            if content.report.case_id != case.pk:
                continue
            key = content.canonical_url or content.url
            if key in seen:  # the same post reported twice: refer it once
                continue
            seen.add(key)
            slug = directory.platform_slug_for(content.url, content.platform or None, domains)
            rows.append(
                Referable(content, case, platforms.get(slug or ""), open_items.get(content.pk))
            )
        result.append(CaseReferables(case, crime_decision(case), rows))
    return result


# --- Who sees which referral -------------------------------------------------------------------


def visible_items(user) -> QuerySet[ReferralItem]:
    """Hub staff see every referred item; a force user only those of their force's cases."""
    if roles.sees_every_case(user):
        return ReferralItem.objects.all()
    return ReferralItem.objects.filter(case__in=visible_cases(user))


def visible_referrals(user) -> QuerySet[Referral]:
    if roles.sees_every_case(user):
        return Referral.objects.all()
    return Referral.objects.filter(pk__in=visible_items(user).values("referral_id"))


def referrals_page(user) -> QuerySet[Referral]:
    items = visible_items(user)
    return (
        visible_referrals(user)
        .select_related("platform")
        .annotate(
            item_count=Count("items", filter=Q(items__in=items), distinct=True),
            removed_count=Count(
                "items",
                filter=Q(items__in=items, items__status__in=figures.TAKEN_DOWN),
                distinct=True,
            ),
        )
        .order_by("-created_at", "-pk")
    )


def referral_for(user, reference: str, *, path: str = "") -> Referral | None:
    """The referral if the user may see it (with the items they may see); None otherwise. A
    referral that exists but holds none of a force user's cases is refused and logged."""
    items = visible_items(user).select_related("case", "content_item").order_by("number")
    referral = (
        visible_referrals(user)
        .filter(reference=reference)
        .select_related("platform", "created_by", "sent_by")
        .prefetch_related(Prefetch("items", queryset=items.prefetch_related("changes", "checks")))
        .first()
    )
    if referral is None and Referral.objects.filter(reference=reference).exists():
        record(
            Action.DENIED,
            "referral",
            reference,
            summary=f"Access to referral {reference} refused: none of its cases are the user's",
            details={"path": path},
        )
    return referral


def case_items(case: Case) -> list[ReferralItem]:
    return list(
        ReferralItem.objects.filter(case=case)
        .select_related("referral__platform")
        .order_by("referral__created_at", "number")
    )


# --- Time to removal ---------------------------------------------------------------------------


def _item_times(items: QuerySet[ReferralItem]) -> list[figures.ItemTimes]:
    rows = items.filter(sent_at__isnull=False).values_list(
        "referral__platform__slug",
        "status",
        "sent_at",
        "removed_at",
        "referral__platform__service_level_hours",
    )
    return [figures.ItemTimes(*row) for row in rows]


def removal_figures(
    since: datetime | None = None, until: datetime | None = None, force=None
) -> list[dict]:
    """Per platform, for items sent in [since, until) (and, given a force, of that force's
    cases): referred, acknowledged, removed, geo_blocked, refused, no_response, open, overdue
    (still up past the service level), removed_late, median_hours and p90_hours (time to
    removal), removal_rate (0-1, or None), service_level_hours, platform (slug) and name.
    Aggregate figures only: no case, item or person is named."""
    items = ReferralItem.objects.all()
    if since is not None:
        items = items.filter(sent_at__gte=since)
    if until is not None:
        items = items.filter(sent_at__lt=until)
    if force is not None:
        items = items.filter(case__allocated_force=force)
    names = dict(Platform.objects.values_list("slug", "name"))
    result = []
    for row in figures.summarise(_item_times(items), timezone.now()):
        data = row.as_dict()
        data["name"] = names.get(row.platform, row.platform)
        result.append(data)
    return result


def figures_for(user) -> list[dict]:
    """The figures on the referrals page: hub-wide for hub staff, the force's own otherwise."""
    if roles.sees_every_case(user):
        return removal_figures()
    return removal_figures(force=getattr(user, "force", None)) if user.force_id else []


def item_hours(item: ReferralItem) -> float | None:
    return figures.hours_to_removal(
        figures.ItemTimes(
            item.referral.platform.slug,
            item.status,
            item.sent_at,
            item.removed_at,
            item.referral.platform.service_level_hours,
        )
    )


def item_overdue(item: ReferralItem) -> bool:
    return figures.is_overdue(
        figures.ItemTimes(
            "",
            item.status,
            item.sent_at,
            item.removed_at,
            item.referral.platform.service_level_hours,
        ),
        timezone.now(),
    )
