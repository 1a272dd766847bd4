"""Copy-paste campaigns as analysts and officers see them: the posts of one campaign group on
the analytics campaigns page, and a line on each post's case page linking to the others."""

import pytest
from django.test import Client

from hatehub.analytics import campaigns
from hatehub.audit.models import AuditEvent
from hatehub.cases.services import allocate
from tests.analytics.test_campaigns import links

pytestmark = pytest.mark.django_db

WORDS = "We know where you live, [SLUR] scum. Watch your back on Station Road tonight"
HANDLES = ["RiverWatch1", "steel_lad_77", "KestrelSays"]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def campaign(make_report):
    """Three accounts posted the same words; their posts got 2, 1 and 1 reports, and one
    report quoted the words with the account but no link."""
    reports = [
        make_report(
            urls=[f"https://x.com/{handle}/status/17900000000000000{n}"],
            accounts=[],
            quoted_text=WORDS,
        )
        for n, handle in enumerate(HANDLES, start=1)
    ]
    reports.append(make_report(urls=[], accounts=["riverwatch1"], quoted_text=WORDS))
    return reports


def test_the_campaigns_page_shows_each_copy_paste_group_with_its_posts_and_accounts(
    users, campaign
):
    html = client_for(users["hub_supervisor"]).get("/hub/analytics/campaigns/").content.decode()
    table = html.split('id="copy-paste-groups"')[1].split("</table>")[0]
    row = table.split("<tbody")[1]
    cells = [cell.split(">", 1)[1].split("<", 1)[0] for cell in row.split("<td")[1:4]]
    assert cells == ["3", "3", "4"]  # posts, accounts, reports
    for report in campaign[:3]:
        assert f'href="/hub/cases/{report.case.reference}/"' in table
    entry = AuditEvent.objects.filter(object_type="campaign_groups").latest("sequence")
    assert "1 copy-paste campaign group" in entry.summary

    analyst = client_for(users["analyst"]).get("/hub/analytics/campaigns/").content.decode()
    table = analyst.split('id="copy-paste-groups"')[1].split("</table>")[0]
    assert campaign[0].case.reference in table and "/hub/cases/" not in table


def test_the_case_page_says_which_campaign_group_and_links_the_posts_the_user_may_see(
    users, forces, campaign
):
    first, second, third = (report.case for report in campaign[:3])
    page = client_for(users["hub_officer"]).get(f"/hub/cases/{first.reference}/")
    html = page.content.decode()
    assert "Part of campaign group CG-" in html
    assert "3 posts by 3 accounts (4 reports)" in html
    section = html.split("Part of campaign group")[1].split("</ul>")[0]
    assert f'href="/hub/cases/{second.reference}/"' in section
    assert f'href="/hub/cases/{third.reference}/"' in section
    assert AuditEvent.objects.filter(object_type="campaign_group", object_id=first.reference)

    # A force user opens only their force's cases: the others are counted, not linked.
    allocate(first, force=forces["merseyside"], reason="Victim's force", by=users["hub_supervisor"])
    force_html = client_for(users["force_user"]).get(f"/hub/cases/{first.reference}/")
    force_html = force_html.content.decode()
    assert "3 posts by 3 accounts" in force_html
    assert second.reference not in force_html
    assert "cases you cannot open" in force_html


def test_a_case_outside_any_campaign_has_no_campaign_line(users, make_report):
    report = make_report(urls=["https://x.com/loner/status/5"], quoted_text=WORDS)
    html = client_for(users["hub_officer"]).get(f"/hub/cases/{report.case.reference}/")
    assert "campaign group" not in html.content.decode()


def test_copy_paste_groups_count_posts_accounts_and_reports():
    reports = [
        links(1, 10, {100}),
        links(2, 10, set()),
        links(3, 11, {101}),
        links(4, 12, {102}, day=2),
        links(5, 20, {200}),
    ]
    reports = [
        campaigns.ReportLinks(**{**r.__dict__, "campaign": "CG-00001" if r.case < 20 else None})
        for r in reports
    ]
    (group,) = campaigns.copy_paste_groups(reports)
    assert (len(group.cases), len(group.accounts), len(group.reports)) == (3, 3, 4)
    assert group.first_seen.day == 1 and group.last_seen.day == 2
    # The campaign links the accounts of its posts into one group of accounts.
    (accounts,) = campaigns.groups(reports, {}, min_size=3)
    assert accounts.accounts == [100, 101, 102]
    assert accounts.links[campaigns.COPY_PASTE] == 1
