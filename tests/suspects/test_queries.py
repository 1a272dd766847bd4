"""The case panel and the profile read in a fixed number of queries, however many accounts."""

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hatehub.suspects import case_panels, selectors, services


def _link_all(person, accounts, by):
    for account in accounts:
        services.people.link_account(person, account, source="victim", confidence="possible", by=by)


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_panel_and_profile_queries_do_not_grow_with_accounts(users, make_report, person):
    report = make_report(accounts=["@syn_one", "@syn_two", "@syn_three", "@syn_four"])
    accounts = [mention.account for mention in report.accounts.select_related("account")]
    assert len({a.pk for a in accounts}) == 4
    officer = users["hub_officer"]
    request = RequestFactory().get("/")
    request.user = officer

    _link_all(person, accounts[:1], officer)
    panel_one = _queries(lambda: case_panels.panels(request, report.case))
    profile_one = _queries(lambda: selectors.profile(person, officer))
    _link_all(person, accounts[1:], officer)
    panel_four = _queries(lambda: case_panels.panels(request, report.case))
    profile_four = _queries(lambda: selectors.profile(person, officer))
    assert panel_four == panel_one
    assert profile_four == profile_one
    panel = case_panels.panels(request, report.case)[0]
    assert len(panel.context["people"][0][1]) == 4
