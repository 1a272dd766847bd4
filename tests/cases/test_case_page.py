"""The case page: everything about the case, to the people allowed to see it, always logged."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.cases.selectors import sees_complainant_details
from hatehub.reports.models import ContentItem, Report

from .helpers import case_with_evidence


def _url(case: Case) -> str:
    return f"/hub/cases/{case.reference}/"


def test_shows_reports_links_accounts_evidence_and_timeline(signed_in, users, three_cases):
    case, original = three_cases["merseyside"]
    report = case.reports.get()
    person = report.complainant
    content_url = report.content_items.get().url
    handle = report.accounts.get().handle

    response = signed_in(users["hub_officer"]).get(_url(case))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert f'<h1 class="govuk-heading-l">{case.reference}</h1>' in html
    # Header
    assert "govuk-tag--grey" in html and "Routine" in html
    assert case.urgency_reason in html
    assert "Allocated to force" in html
    assert "Merseyside Police" in html
    # The report
    assert f"Report {report.reference}" in html
    assert report.description in html
    assert "Public online form" in html
    assert "I am the victim" in html
    assert "X (Twitter)" in html
    # Links as text, never fetched by the page, and no referrer sent if followed
    assert f'href="{content_url}" rel="noreferrer noopener nofollow"' in html
    assert f'<img src="{content_url}' not in html
    assert handle in html
    # Complainant
    assert person.name in html and person.email in html and "L1 8JQ" in html
    # Evidence: thumbnail, description, hash and the original's download link
    assert f'src="/hub/cases/{case.reference}/evidence/{original.pk}/thumbnail"' in html
    assert original.original_filename in html
    assert "image/png" in html
    assert original.sha256 in html
    assert f'href="/hub/cases/{case.reference}/evidence/{original.pk}/"' in html
    # Timeline, newest first
    assert 'class="moj-timeline"' in html
    assert html.index("Allocated to Merseyside Police. Reason: Fixture") < html.index(
        "Case opened. Urgency: Routine"
    )
    assert f"Report {report.reference} received" in html


def test_the_thumbnail_is_described_as_being_prepared_until_it_is_made(
    signed_in, users, make_report
):
    case, _ = case_with_evidence(make_report, thumbnail=False)

    html = signed_in(users["hub_officer"]).get(_url(case)).content.decode()

    assert "Thumbnail being prepared" in html
    assert "/thumbnail" not in html


def test_every_view_is_audited(signed_in, users, three_cases):
    case, _ = three_cases["unallocated"]
    client = signed_in(users["hub_supervisor"])

    client.get(_url(case))
    client.get(_url(case))

    views = AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_type="case", object_id=case.reference
    )
    assert views.count() == 2
    entry = views.first()
    assert entry.actor == users["hub_supervisor"]
    assert entry.details["complainant_details_shown"] is True
    assert entry.details["reports"] == [case.reports.get().reference]


def test_an_anonymous_report_shows_no_contact_details(signed_in, users, make_report):
    report = make_report(anonymous=True)

    html = signed_in(users["hub_officer"]).get(_url(report.case)).content.decode()

    assert "The reporter chose not to give contact details." in html
    assert "Anonymous" in html
    assert ">Email<" not in html


def test_a_link_that_is_not_http_is_shown_as_text_only(signed_in, users, make_report):
    report = make_report()
    ContentItem.objects.create(report=report, url="javascript:alert(document.cookie)")

    html = signed_in(users["hub_officer"]).get(_url(report.case)).content.decode()

    assert "javascript:alert(document.cookie)" in html
    assert 'href="javascript:' not in html


def test_the_force_it_is_allocated_to_sees_it_with_the_complainant(signed_in, users, three_cases):
    case, _ = three_cases["merseyside"]
    person = case.reports.get().complainant

    response = signed_in(users["force_user"]).get(_url(case))

    assert response.status_code == 200
    assert person.name in response.content.decode()
    assert "/allocate/" not in response.content.decode()  # no allocation form


@pytest.mark.parametrize("target", ["kent", "unallocated"])
def test_another_forces_case_is_not_found_and_the_attempt_is_logged(
    signed_in, users, three_cases, target
):
    case, _ = three_cases[target]

    response = signed_in(users["force_user"]).get(_url(case))

    assert response.status_code == 404
    assert case.reports.get().complainant.name not in response.content.decode()
    denied = AuditEvent.objects.get(action=AuditEvent.Action.DENIED)
    assert (denied.object_type, denied.object_id) == ("case", case.reference)
    assert denied.actor == users["force_user"]
    assert not AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_type="case", object_id=case.reference
    ).exists()


def test_a_reference_that_does_not_exist_is_not_found(signed_in, users, db):
    response = signed_in(users["hub_officer"]).get("/hub/cases/OHH-2000-999999/")

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.DENIED).exists()


def test_complainant_details_rule(users, three_cases):
    mersey, kent = three_cases["merseyside"][0], three_cases["kent"][0]

    assert sees_complainant_details(users["hub_officer"], kent)
    assert sees_complainant_details(users["force_user"], mersey)
    assert not sees_complainant_details(users["force_user"], kent)
    assert not sees_complainant_details(users["partner"], mersey)
    assert not sees_complainant_details(users["volunteer"], mersey)


@pytest.mark.parametrize("role", ["partner", "volunteer"])
def test_partners_and_volunteers_are_refused(signed_in, users, three_cases, role):
    case, _ = three_cases["merseyside"]

    response = signed_in(users[role]).get(_url(case))

    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_signed_out_people_are_sent_to_sign_in(client, three_cases):
    case, _ = three_cases["merseyside"]

    response = client.get(_url(case))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next=/hub/cases/{case.reference}/"


def test_case_pages_are_not_cached(signed_in, users, three_cases):
    case, _ = three_cases["merseyside"]

    response = signed_in(users["hub_officer"]).get(_url(case))

    assert "no-store" in response["Cache-Control"]


def test_query_count_does_not_grow_with_reports_in_the_case(
    signed_in, users, make_report, django_assert_max_num_queries
):
    client = signed_in(users["hub_officer"])
    case, _ = case_with_evidence(make_report)
    with CaptureQueriesContext(connection) as one_report:
        client.get(_url(case))
    others = [case_with_evidence(make_report)[1].report for _ in range(4)]
    Report.objects.filter(pk__in=[report.pk for report in others]).update(case=case)

    with django_assert_max_num_queries(len(one_report)):
        response = client.get(_url(case))

    assert len(response.context["case"].report_list) == 5


def test_a_case_with_many_reports_shows_them_a_page_at_a_time(signed_in, users, make_report):
    reports = [make_report(urls=["https://x.com/viral/status/77"]) for _ in range(27)]
    case = reports[0].case
    client = signed_in(users["hub_officer"])

    first = client.get(_url(case))
    assert first.context["case"].report_count == 27
    assert [r.reference for r in first.context["case"].report_list] == [
        r.reference for r in reports[:25]
    ]
    assert "Reports 1 to 25 of 27" in first.content.decode()

    last = client.get(_url(case) + "?page=9")  # past the end: the last page
    assert [r.reference for r in last.context["case"].report_list] == [
        r.reference for r in reports[25:]
    ]
