"""An officer merges and splits cases from the case page: both reversible, both audited, and only
hub staff may do it."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.matching.models import PossibleMatch

pytestmark = pytest.mark.django_db


def _snapshot(*cases: Case) -> dict:
    return {
        case.reference: (
            case.status,
            case.urgency,
            case.urgency_reason,
            case.merged_into_id,
            sorted(case.reports.values_list("reference", flat=True)),
        )
        for case in (Case.objects.get(pk=c.pk) for c in cases)
    }


@pytest.fixture
def officer(client, users):
    client.force_login(users["hub_officer"])
    return client


def test_merge_then_split_restores_the_original_cases_exactly(officer, make_report):
    a = make_report(urls=["https://x.com/one/status/10"]).case
    b1 = make_report(urls=["https://x.com/two/status/20"], future_event="yes")
    b2 = make_report(urls=["https://twitter.com/two/status/20"])
    b = b1.case
    before = _snapshot(a, b)

    response = officer.post(
        f"/hub/cases/{a.reference}/merge/",
        {"merge-other": b.reference, "merge-reason": "Same post, reposted"},
    )
    assert response.status_code == 302
    merged = _snapshot(a, b)
    assert merged[b.reference][0] == Case.Status.MERGED
    assert set(merged[a.reference][4]) == set(before[a.reference][4]) | {b1.reference, b2.reference}
    assert merged[a.reference][1] == min(before[a.reference][1], before[b.reference][1])

    response = officer.post(
        f"/hub/cases/{a.reference}/split/",
        {"split-reports": [b1.reference, b2.reference], "split-reason": "Not the same after all"},
    )
    assert response.status_code == 302
    assert _snapshot(a, b) == before

    for case in (a, b):
        summaries = list(
            AuditEvent.objects.filter(
                action=AuditEvent.Action.CHANGE, object_type="case", object_id=case.reference
            ).values_list("summary", flat=True)
        )
        assert any("merged" in s for s in summaries)
        assert any("undone" in s for s in summaries)


def test_a_report_of_the_merged_case_joins_the_survivor(officer, make_report):
    a = make_report(urls=["https://x.com/one/status/10"]).case
    b = make_report(urls=["https://x.com/two/status/20"]).case
    officer.post(
        f"/hub/cases/{a.reference}/merge/", {"merge-other": b.reference, "merge-reason": "Same"}
    )
    later = make_report(urls=["https://x.com/two/status/20"])
    assert later.case_id == a.pk


def test_split_to_a_new_case_keeps_the_reports_findable(officer, make_report):
    first = make_report(urls=["https://x.com/one/status/10"])
    second = make_report(urls=["https://x.com/one/status/10"])
    case = first.case
    officer.post(
        f"/hub/cases/{case.reference}/split/",
        {"split-reports": [second.reference], "split-reason": "Different victim, own case"},
    )
    second.refresh_from_db()
    assert second.case_id != case.pk
    assert Case.objects.filter(pk=second.case_id, status=Case.Status.NEW).exists()


def test_refusals_change_nothing_and_say_why(officer, make_report):
    only = make_report(urls=["https://x.com/one/status/10"])
    case = only.case
    before = _snapshot(case)
    page = officer.post(
        f"/hub/cases/{case.reference}/merge/",
        {"merge-other": case.reference, "merge-reason": "oops"},
        follow=True,
    ).content.decode()
    assert "cannot be merged with itself" in page
    page = officer.post(
        f"/hub/cases/{case.reference}/split/",
        {"split-reports": [only.reference], "split-reason": "all of them"},
        follow=True,
    ).content.decode()
    assert "Leave at least one report" in page
    page = officer.post(
        f"/hub/cases/{case.reference}/merge/", {"merge-other": "OHH-1999-000000"}, follow=True
    ).content.decode()
    assert "There is no case OHH-1999-000000" in page
    assert _snapshot(case) == before


def test_possible_match_is_shown_and_can_be_dismissed(officer, make_report):
    a = make_report(urls=["https://x.com/one/status/10"], accounts=[])
    b = make_report(urls=["https://x.com/two/status/20"], accounts=[])
    make_report(urls=["https://x.com/one/status/10", "https://x.com/two/status/20"], accounts=[])
    match = PossibleMatch.objects.get()
    page = officer.get(f"/hub/cases/{a.case.reference}/").content.decode()
    assert "Possible matches" in page and b.case.reference in page
    officer.post(f"/hub/cases/{a.case.reference}/possible-matches/{match.pk}/dismiss/")
    match.refresh_from_db()
    assert match.status == PossibleMatch.Status.DISMISSED
    assert (
        b.case.reference
        not in officer.get(f"/hub/cases/{a.case.reference}/")
        .content.decode()
        .split("Possible matches")[1]
        .split("Merge another case")[0]
    )


@pytest.mark.parametrize("role", ["force_user", "volunteer", "partner"])
def test_only_hub_staff_merge(client, users, make_report, role):
    a = make_report(urls=["https://x.com/one/status/10"]).case
    b = make_report(urls=["https://x.com/two/status/20"]).case
    client.force_login(users[role])
    response = client.post(
        f"/hub/cases/{a.reference}/merge/", {"merge-other": b.reference, "merge-reason": "x"}
    )
    assert response.status_code == 403
    assert Case.objects.get(pk=b.pk).status != Case.Status.MERGED


def test_case_page_shows_the_account_and_its_other_cases(officer, make_report):
    first = make_report(urls=["https://x.com/Same_Account/status/1"], accounts=["@Same_Account"])
    second = make_report(urls=["https://twitter.com/same_account/status/2"], accounts=[])
    page = officer.get(f"/hub/cases/{first.case.reference}/").content.decode()
    accounts = page.split('<h2 class="govuk-heading-m">Accounts</h2>')[1].split("</ul>")[0]
    assert "same_account" in accounts
    assert second.case.reference in accounts


def test_merging_a_case_offered_to_a_force_withdraws_the_offer(officer, users, forces, make_report):
    from hatehub.cases.services import allocate

    a = make_report(urls=["https://x.com/one/status/10"]).case
    b = make_report(urls=["https://x.com/two/status/20"]).case
    allocate(b, force=forces["merseyside"], reason="Victim's force", by=users["hub_supervisor"])
    officer.post(
        f"/hub/cases/{a.reference}/merge/", {"merge-other": b.reference, "merge-reason": "Same"}
    )
    b.refresh_from_db()
    assert b.status == Case.Status.MERGED and b.allocated_force is None
    force_client = officer.__class__()
    force_client.force_login(users["force_user"])
    assert force_client.get(f"/hub/cases/{b.reference}/").status_code == 404


def test_a_case_a_force_has_accepted_is_not_merged_away(officer, users, forces, make_report):
    from hatehub.cases import selectors
    from hatehub.cases.services import accept, allocate

    a = make_report(urls=["https://x.com/one/status/10"]).case
    b = make_report(urls=["https://x.com/two/status/20"]).case
    allocate(b, force=forces["merseyside"], reason="Victim's force", by=users["hub_supervisor"])
    accept(b, by=users["force_user"], offer_id=selectors.open_offer(b).pk)
    page = officer.post(
        f"/hub/cases/{a.reference}/merge/", {"merge-other": b.reference, "merge-reason": "Same"},
        follow=True,
    ).content.decode()  # fmt: skip
    assert "has been accepted by" in page
    assert Case.objects.get(pk=b.pk).status != Case.Status.MERGED
