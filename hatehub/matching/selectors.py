"""What the case page shows about matching: possible matches, merges, and the accounts."""

from dataclasses import dataclass

from django.db.models import Q

from hatehub.accounts import roles
from hatehub.cases.models import Case
from hatehub.cases.selectors import visible_cases
from hatehub.reports.models import AccountMention, ContentItem, Report

from .forms import MergeForm, SplitForm, UndoForm
from .models import CampaignGroup, CampaignMember, CaseMerge, OnlineAccount, PossibleMatch


@dataclass(frozen=True)
class PossibleMatchRow:
    match: PossibleMatch
    other: Case


@dataclass(frozen=True)
class AccountRow:
    account: OnlineAccount
    other_cases: list[str]  # case references


def possible_matches(case: Case) -> list[PossibleMatchRow]:
    matches = (
        PossibleMatch.objects.filter(Q(case=case) | Q(other_case=case))
        .filter(status=PossibleMatch.Status.OPEN)
        .exclude(case__status=Case.Status.MERGED)
        .exclude(other_case__status=Case.Status.MERGED)
        .select_related("case", "other_case")
    )
    return [PossibleMatchRow(m, m.other_case if m.case_id == case.pk else m.case) for m in matches]


def open_merges(case: Case) -> list[CaseMerge]:
    return list(
        CaseMerge.objects.filter(survivor=case, undone_at__isnull=True).select_related("absorbed")
    )


def accounts_in(case: Case, *, other_cases_shown: int = 10) -> list[AccountRow]:
    """The accounts behind this case's reports, each with the other cases it appears in: the
    same account abusing several people shows up as one account across their cases. Reads the
    case's prefetched reports, so the number of queries does not grow with them."""
    ids = {
        item.account_id
        for report in case.report_list
        for item in (*report.accounts.all(), *report.content_items.all())
        if item.account_id
    }
    if not ids:
        return []
    others: dict[int, dict[str, None]] = {account_id: {} for account_id in ids}
    for model in (AccountMention, ContentItem):
        rows = (
            model.objects.filter(account_id__in=ids)
            .exclude(report__case=case)
            .order_by("-report__case__opened_at")
            .values_list("account_id", "report__case__reference")
            .distinct()
        )
        for account_id, reference in rows:
            if len(others[account_id]) < other_cases_shown:
                others[account_id][reference] = None
    accounts = OnlineAccount.objects.filter(pk__in=ids).prefetch_related("handles")
    return [AccountRow(account, list(others[account.pk])) for account in accounts]


def for_case_page(case: Case, user) -> dict:
    """Accounts for everyone who may see the case; the matching decisions for hub staff only."""
    page = {"accounts": accounts_in(case)}
    if roles.sees_every_case(user) and case.status != Case.Status.MERGED:
        page |= {
            "decides": True,
            "possible": possible_matches(case),
            "merges": [(m, UndoForm(prefix=f"undo{m.pk}")) for m in open_merges(case)],
            "merge_form": MergeForm(case=case, prefix="merge"),
            "split_form": SplitForm(case=case, reports=case.report_list, prefix="split"),
        }
    return page


@dataclass(frozen=True)
class CampaignView:
    """A case's campaign group as one user may see it."""

    group: CampaignGroup
    posts: int  # live cases (posts) in the group, this one included
    accounts: int  # distinct online accounts behind their reports
    reports: int
    others: list[Case]  # the other posts' cases this user may open


def live_cases(case_ids) -> dict[int, int]:
    """Each case followed through merges to the one still open to work on (one query per hop)."""
    live: dict[int, int] = {}
    pending = {case_id: {case_id} for case_id in case_ids}  # case now -> cases it stands for
    while pending:
        rows = Case.objects.filter(pk__in=pending).values_list("pk", "merged_into_id")
        following: dict[int, set[int]] = {}
        for case_id, merged_into in rows:
            if merged_into is None:
                live.update((start, case_id) for start in pending[case_id])
            else:
                following.setdefault(merged_into, set()).update(pending[case_id])
        pending = following
    return live


def live_case_ids(case_ids) -> set[int]:
    return set(live_cases(case_ids).values())


def campaign_of(case: Case, user) -> CampaignView | None:
    """The campaign group the case is in, with the other posts' cases the user may see."""
    member = CampaignMember.objects.filter(case=case).select_related("group").first()
    if member is None:
        return None
    members = list(member.group.members.values_list("case_id", flat=True))
    cases = live_case_ids(members)
    accounts = set()
    for model in (AccountMention, ContentItem):
        accounts.update(
            model.objects.filter(report__case_id__in=cases, account__isnull=False).values_list(
                "account_id", flat=True
            )
        )
    reports = Report.objects.filter(case_id__in=cases).count()
    others = list(visible_cases(user).filter(pk__in=cases - {case.pk}).order_by("opened_at"))
    return CampaignView(member.group, len(cases), len(accounts), reports, others)


def campaign_labels() -> dict[int, str]:
    """The campaign group label of every live case that is one post of a campaign, following
    merges: a post's case merged into another makes that one the post's case."""
    groups = dict(CampaignMember.objects.values_list("case_id", "group_id"))
    return {live: f"CG-{groups[member]:05d}" for member, live in live_cases(groups).items()}
