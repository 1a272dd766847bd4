"""Reads for the suspects pages. Which people a user may see is decided here, once
(`visible_people`); every page that shows a person starts from it."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from hatehub.cases.models import Case
from hatehub.cases.selectors import visible_cases
from hatehub.matching.models import OnlineAccount
from hatehub.reports.models import AccountMention, ContentItem

from . import access, references
from .models import (
    IdentificationRequest,
    Person,
    PersonAccountLink,
)


def case_ids_by_account(account_ids) -> dict[int, set[int]]:
    """The cases each account appears in: named by a reporter, or the poster of reported
    content (the same two ways `matching.selectors.accounts_in` finds them)."""
    found: dict[int, set[int]] = defaultdict(set)
    for model in (AccountMention, ContentItem):
        rows = (
            model.objects.filter(account_id__in=account_ids)
            .values_list("account_id", "report__case_id")
            .distinct()
        )
        for account_id, case_id in rows:
            if case_id is not None:
                found[account_id].add(case_id)
    return found


def _in_cases(cases: QuerySet[Case]):
    """An OnlineAccount filter: the account appears in one of these cases."""
    return Exists(
        AccountMention.objects.filter(account=OuterRef("pk"), report__case__in=cases)
    ) | Exists(ContentItem.objects.filter(account=OuterRef("pk"), report__case__in=cases))


def accounts_of_cases(cases: QuerySet[Case]) -> QuerySet[OnlineAccount]:
    return OnlineAccount.objects.filter(_in_cases(cases))


def visible_people(user) -> QuerySet[Person]:
    """Hub staff see everyone; a local force user only people with a current link to an account
    that appears in a case their force holds; anyone else, no one."""
    if access.manages_people(user):
        return Person.objects.all()
    if not access.reads_people(user):
        return Person.objects.none()
    accounts = accounts_of_cases(visible_cases(user))
    current = PersonAccountLink.objects.filter(
        person=OuterRef("pk"), unlinked_at__isnull=True, account__in=accounts
    )
    return Person.objects.filter(Exists(current))


def person_by_reference(user, text: str) -> tuple[Person | None, bool]:
    """(the person if the user may see them, whether a person with that reference exists)."""
    reference = references.normalise(text, references.PERSON)
    if reference is None:
        return None, False
    person = visible_people(user).filter(reference=reference).first()
    if person is not None:
        return person, True
    return None, Person.objects.filter(reference=reference).exists()


def people_list(user, query: str = "") -> QuerySet[Person]:
    people = visible_people(user).select_related("force")
    query = " ".join(query.split())
    if query:
        reference = references.normalise(query, references.PERSON)
        # Names are encrypted at rest, so they are matched here rather than in SQL (the list
        # of people a hub holds is small).
        wanted = query.casefold()
        by_name = [
            pk
            for pk, name in Person.objects.filter(pk__in=people.values("pk")).values_list(
                "pk", "full_name"
            )
            if wanted in name.casefold()
        ]
        people = people.filter(
            Q(pk__in=by_name)
            | Q(reference=reference or "")
            | Q(account_links__account__handle__icontains=query.lstrip("@"))
        ).distinct()
    return people


@dataclass
class AccountView:
    account: OnlineAccount
    link: PersonAccountLink
    cases: list[Case] = field(default_factory=list)
    hidden_cases: int = 0  # cases this user may not open (another force's, or the hub's)


@dataclass
class Profile:
    person: Person
    accounts: list[AccountView]  # current links
    history: list[PersonAccountLink]  # every link, current and ended, newest first
    requests: list[IdentificationRequest]

    @property
    def case_references(self) -> list[str]:
        seen: dict[str, None] = {}
        for row in self.accounts:
            for case in row.cases:
                seen[case.reference] = None
        return list(seen)


def profile(person: Person, user) -> Profile:
    """The person's accounts, every case those accounts appear in (those this user may open;
    the rest counted), and the identification requests about those accounts. A fixed number of
    queries however many accounts and cases."""
    history = list(
        PersonAccountLink.objects.filter(person=person)
        .select_related("account", "linked_by")
        .prefetch_related("account__handles")
        .order_by("-linked_at", "-pk")
    )
    current = [link for link in history if link.unlinked_at is None]
    account_ids = [link.account_id for link in current]
    by_account = case_ids_by_account(account_ids)
    all_case_ids = set().union(*by_account.values()) if by_account else set()
    visible = {
        case.pk: case
        for case in visible_cases(user)
        .filter(pk__in=all_case_ids)
        .select_related("allocated_force")
        .order_by("-opened_at")
    }
    accounts = []
    for link in current:
        ids = by_account.get(link.account_id, set())
        cases = sorted(
            (visible[i] for i in ids if i in visible), key=lambda c: c.opened_at, reverse=True
        )
        accounts.append(AccountView(link.account, link, cases, len(ids) - len(cases)))
    requests = list(
        IdentificationRequest.objects.filter(account_id__in=account_ids)
        .select_related("account")
        .order_by("-drafted_at")
    )
    return Profile(person, accounts, history, requests)


# Identification requests ------------------------------------------------------------------------


def request_by_reference(text: str) -> IdentificationRequest | None:
    reference = references.normalise(text, references.REQUEST)
    if reference is None:
        return None
    return (
        IdentificationRequest.objects.filter(reference=reference)
        .select_related("account", "drafted_by", "reviewed_by", "sent_by")
        .first()
    )


def request_detail(request: IdentificationRequest) -> dict:
    """Everything the request page shows, in a handful of queries."""
    authorisation = getattr(request, "authorisation", None)
    response = getattr(request, "response", None)
    attachments = list(response.attachments.select_related("received_by")) if response else []
    return {
        "cases": list(request.cases.order_by("-opened_at")),
        "steps": list(request.steps.select_related("actor")),
        "authorisation": authorisation,
        "platform_response": response,
        "attachments": attachments,
        "linked_people": list(
            Person.objects.filter(
                account_links__account_id=request.account_id,
                account_links__unlinked_at__isnull=True,
            ).distinct()
        ),
    }


def requests_list(status: str = "") -> QuerySet[IdentificationRequest]:
    requests = IdentificationRequest.objects.select_related("account", "drafted_by")
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("-drafted_at")


def account_cases(account: OnlineAccount) -> list[Case]:
    """The cases an account appears in, newest first (hub staff: all of them)."""
    ids = case_ids_by_account([account.pk]).get(account.pk, set())
    return list(Case.objects.filter(pk__in=ids).order_by("-opened_at"))


def account_page(account: OnlineAccount) -> dict:
    return {
        "handles": list(account.handles.all()),
        "cases": account_cases(account),
        "links": list(
            PersonAccountLink.objects.filter(account=account)
            .select_related("person", "linked_by")
            .order_by("-linked_at")
        ),
        "requests": list(account.identification_requests.order_by("-drafted_at")),
    }


# The case panel -------------------------------------------------------------------------------


@dataclass
class CasePanelData:
    people: list[tuple[Person, list[PersonAccountLink]]]
    requests: list[IdentificationRequest]
    accounts: list[OnlineAccount]


def for_case(case: Case) -> CasePanelData:
    """The case's accounts, the people currently linked to them, and the identification requests
    about those accounts or made for this case: three queries."""
    accounts = list(
        OnlineAccount.objects.filter(_in_cases(Case.objects.filter(pk=case.pk))).order_by(
            "platform", "handle"
        )
    )
    account_ids = [account.pk for account in accounts]
    links = list(
        PersonAccountLink.objects.filter(account_id__in=account_ids, unlinked_at__isnull=True)
        .select_related("person", "account")
        .order_by("person__full_name", "pk")
    )
    people: dict[int, tuple[Person, list[PersonAccountLink]]] = {}
    for link in links:
        people.setdefault(link.person_id, (link.person, []))[1].append(link)
    requests = list(
        IdentificationRequest.objects.filter(Q(account_id__in=account_ids) | Q(cases=case))
        .select_related("account")
        .distinct()
        .order_by("-drafted_at")
    )
    return CasePanelData(list(people.values()), requests, accounts)
