"""Campaign detection: online accounts that act together. A pure module (no Django).

Accounts are linked when they
- appear together in one report (a reporter named or linked to both);
- post the same content: their reports are in the same case (matching put them together) or
  share a near-duplicate text fingerprint bucket;
- target the same victim: reports by the same victim, known here only by a pseudonymous key
  (a keyed hash the caller makes; this module never sees who the victim is);
- post the same words in a copy-paste campaign: matching keeps each account's post a case of
  its own and links those cases as a campaign group (`copy_paste_groups` counts each group's
  posts, accounts and reports).

Rather than joining every pair of accounts (a case with 300 accounts would make 45,000 edges),
each report, case, content key and victim key is a node of the graph, joined to the accounts
it holds; the groups are the connected components, counted by their accounts. A group is a
lead for an officer to look at, not a finding about anyone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

import networkx as nx

TOGETHER = "together"  # in the same report
SAME_CONTENT = "same_content"  # same case, or the same text fingerprint bucket
SAME_VICTIM = "same_victim"  # reports by the same victim
COPY_PASTE = "copy_paste"  # posts of one campaign group (the same words, several accounts)

REASON_LABELS = {
    TOGETHER: "Named in the same report",
    SAME_CONTENT: "Posted the same content",
    SAME_VICTIM: "Targeted the same victim",
    COPY_PASTE: "Posted the same words (copy-paste campaign)",
}


@dataclass(frozen=True)
class ReportLinks:
    """What one report says about the accounts in it."""

    report: int
    case: int
    at: datetime
    accounts: frozenset[int]
    victim_key: str | None = None  # pseudonymous: equal for reports by the same victim
    content_keys: frozenset[str] = frozenset()
    campaign: str | None = None  # the matching campaign group of the report's case


@dataclass
class Group:
    accounts: list[int]
    platforms: Counter = field(default_factory=Counter)  # platform -> accounts
    reports: set[int] = field(default_factory=set)
    cases: set[int] = field(default_factory=set)
    links: Counter = field(default_factory=Counter)  # reason -> nodes joining 2+ accounts
    per_day: Counter = field(default_factory=Counter)  # date -> reports
    first_seen: datetime | None = None
    last_seen: datetime | None = None

    @property
    def size(self) -> int:
        return len(self.accounts)

    @property
    def days(self) -> list[tuple[date, int]]:
        return sorted(self.per_day.items())


def _hub(kind: str, key) -> tuple[str, object]:
    return (kind, key)


def build_graph(reports: Iterable[ReportLinks]) -> nx.Graph:
    """Accounts are nodes `("account", id)`; reports, cases, content keys and victims are the
    nodes that join them, each tagged with the reason it stands for."""
    graph = nx.Graph()
    for item in reports:
        if not item.accounts:
            continue
        joins = [(_hub("report", item.report), TOGETHER), (_hub("case", item.case), SAME_CONTENT)]
        joins += [(_hub("content", key), SAME_CONTENT) for key in item.content_keys]
        if item.victim_key:
            joins.append((_hub("victim", item.victim_key), SAME_VICTIM))
        if item.campaign:
            joins.append((_hub("campaign", item.campaign), COPY_PASTE))
        for node, reason in joins:
            graph.add_node(node, reason=reason)
            if node[0] == "report":
                graph.nodes[node]["at"] = item.at
                graph.nodes[node]["case"] = item.case
            for account in item.accounts:
                graph.add_edge(node, ("account", account))
    return graph


def groups(
    reports: Iterable[ReportLinks], platforms: dict[int, str], *, min_size: int = 3
) -> list[Group]:
    """Connected groups of at least `min_size` accounts, largest first. `platforms` maps an
    account id to its platform."""
    graph = build_graph(reports)
    found = []
    for component in nx.connected_components(graph):
        accounts = sorted(node[1] for node in component if node[0] == "account")
        if len(accounts) < min_size:
            continue
        group = Group(accounts=accounts)
        group.platforms.update(platforms.get(account, "unknown") for account in accounts)
        for node in component:
            if node[0] == "account":
                continue
            if graph.degree(node) >= 2:
                group.links[graph.nodes[node]["reason"]] += 1
            if node[0] == "report":
                at = graph.nodes[node]["at"]
                group.reports.add(node[1])
                group.cases.add(graph.nodes[node]["case"])
                group.per_day[at.date()] += 1
                group.first_seen = at if group.first_seen is None else min(group.first_seen, at)
                group.last_seen = at if group.last_seen is None else max(group.last_seen, at)
        found.append(group)
    found.sort(key=lambda group: (-group.size, -len(group.reports), group.accounts[0]))
    return found


@dataclass
class CopyPasteGroup:
    """One campaign group as analytics shows it: its posts (cases), the accounts behind them
    and the reports received."""

    label: str
    cases: set[int] = field(default_factory=set)
    accounts: set[int] = field(default_factory=set)
    reports: set[int] = field(default_factory=set)
    first_seen: datetime | None = None
    last_seen: datetime | None = None


def copy_paste_groups(
    reports: Iterable[ReportLinks], *, min_posts: int = 2
) -> list[CopyPasteGroup]:
    """The campaign groups the reports belong to, with at least `min_posts` posts among these
    reports; most posts first."""
    found: dict[str, CopyPasteGroup] = {}
    for item in reports:
        if not item.campaign:
            continue
        group = found.setdefault(item.campaign, CopyPasteGroup(item.campaign))
        group.cases.add(item.case)
        group.accounts.update(item.accounts)
        group.reports.add(item.report)
        group.first_seen = item.at if group.first_seen is None else min(group.first_seen, item.at)
        group.last_seen = item.at if group.last_seen is None else max(group.last_seen, item.at)
    shown = [group for group in found.values() if len(group.cases) >= min_posts]
    shown.sort(key=lambda g: (-len(g.cases), -len(g.reports), g.label))
    return shown
