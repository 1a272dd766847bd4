"""Campaign groups from report links: pure, no database."""

from datetime import datetime

from hatehub.analytics import campaigns
from hatehub.analytics.campaigns import ReportLinks


def links(report, case, accounts, *, day=1, victim=None, content=()):
    return ReportLinks(
        report=report,
        case=case,
        at=datetime(2026, 11, day, 12),
        accounts=frozenset(accounts),
        victim_key=victim,
        content_keys=frozenset(content),
    )


PLATFORMS = {n: ("x" if n < 100 else "tiktok") for n in range(1, 300)}


def test_accounts_named_together_form_a_group():
    found = campaigns.groups([links(1, 10, {1, 2, 3})], PLATFORMS)
    assert [group.accounts for group in found] == [[1, 2, 3]]
    assert found[0].links[campaigns.TOGETHER] == 1


def test_same_victim_same_case_and_same_text_join_accounts_across_reports():
    reports = [
        links(1, 10, {1}, victim="v1", day=1),
        links(2, 11, {2}, victim="v1", day=2),  # same victim as report 1
        links(3, 11, {3}, day=2),  # same case as report 2
        links(4, 12, {104}, content={"band:7"}, day=5),
        links(5, 13, {4}, content={"band:7"}, day=5),  # same text bucket as report 4
        links(6, 14, {200}, day=3),  # on its own
    ]
    found = campaigns.groups(reports, PLATFORMS)
    assert len(found) == 1
    group = found[0]
    assert group.accounts == [1, 2, 3]
    assert group.reports == {1, 2, 3}
    assert group.cases == {10, 11}
    assert group.links[campaigns.SAME_VICTIM] == 1 and group.links[campaigns.SAME_CONTENT] == 1
    assert group.first_seen == datetime(2026, 11, 1, 12)
    assert group.last_seen == datetime(2026, 11, 2, 12)
    assert group.days == [(datetime(2026, 11, 1).date(), 1), (datetime(2026, 11, 2).date(), 2)]

    # The text bucket joins 104 and 4 only: a pair, below the minimum size, until it is 2.
    pairs = campaigns.groups(reports, PLATFORMS, min_size=2)
    assert [g.accounts for g in pairs] == [[1, 2, 3], [4, 104]]
    assert pairs[1].platforms == {"x": 1, "tiktok": 1}


def test_a_report_without_accounts_or_an_unlinked_account_makes_no_group():
    reports = [links(1, 10, set()), links(2, 11, {5}), links(3, 12, {6})]
    assert campaigns.groups(reports, PLATFORMS, min_size=2) == []


def test_largest_group_first_and_no_pairwise_explosion():
    # 300 accounts all reported in one case: one group, and the graph has one node per
    # report, case and account, not 45,000 edges between accounts.
    reports = [links(n, 99, {n}) for n in range(1, 300)] + [links(1000, 5, {1, 2, 3})]
    graph = campaigns.build_graph(reports)
    assert graph.number_of_edges() < 1000
    found = campaigns.groups(reports, PLATFORMS)
    assert found[0].size == 299
    assert found[0].platforms == {"x": 99, "tiktok": 200}
