"""The triage queue: order, filters, paging, query count and its audit entry."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.cases.services import allocate

LONDON = ZoneInfo("Europe/London")


def _references(response) -> list[str]:
    return [row.case.reference for row in response.context["rows"]]


def _opened(case: Case, *args: int) -> Case:
    Case.objects.filter(pk=case.pk).update(opened_at=datetime(*args, tzinfo=LONDON))
    return case


@pytest.fixture
def officer(signed_in, users):
    return signed_in(users["hub_officer"])


def test_most_urgent_first_then_newest(officer, make_report):
    old_routine = _opened(make_report().case, 2025, 3, 1, 9, 0)
    new_routine = _opened(make_report().case, 2025, 3, 2, 9, 0)
    priority = _opened(make_report(poster_identity_known=True).case, 2025, 1, 1, 9, 0)
    old_urgent = _opened(make_report(future_event="yes").case, 2024, 12, 1, 9, 0)
    new_urgent = _opened(make_report(future_event="yes").case, 2025, 2, 1, 9, 0)

    response = officer.get("/hub/")

    assert response.status_code == 200
    assert _references(response) == [
        case.reference for case in (new_urgent, old_urgent, priority, new_routine, old_routine)
    ]
    html = response.content.decode()
    assert html.count("govuk-tag--red") == 2
    assert html.count("govuk-tag--orange") == 1
    assert html.count("govuk-tag--grey") >= 2


def test_each_row_shows_the_case_at_a_glance(officer, make_report, forces):
    report = make_report(platform="facebook", strands=["religion", "race"])
    allocate(report.case, force=forces["merseyside"], reason="Victim lives in Liverpool")

    response = officer.get("/hub/")

    html = response.content.decode()
    assert f'href="/hub/cases/{report.case.reference}/"' in html
    assert "Allocated to force" in html
    assert "Facebook" in html
    assert "Race or ethnicity, Religion or belief" in html
    assert "Merseyside" in html
    assert response.context["rows"][0].report_count == 1


def test_filter_by_status(officer, make_report, forces):
    allocated = make_report().case
    allocate(allocated, force=forces["kent"], reason="Kent address")
    new = make_report().case

    assert _references(officer.get("/hub/?status=allocated")) == [allocated.reference]
    assert _references(officer.get("/hub/?status=new")) == [new.reference]


def test_filter_by_strand_lists_each_case_once(officer, make_report):
    religion = make_report(strands=["religion", "race"]).case
    make_report(strands=["disability"])

    assert _references(officer.get("/hub/?strand=religion")) == [religion.reference]
    assert _references(officer.get("/hub/?strand=race")) == [religion.reference]


def test_filter_by_platform(officer, make_report):
    facebook = make_report(platform="facebook").case
    make_report(platform="x")

    assert _references(officer.get("/hub/?platform=facebook")) == [facebook.reference]


def test_filter_by_allocated_force(officer, make_report, forces):
    kent = make_report().case
    allocate(kent, force=forces["kent"], reason="Kent address")
    merseyside = make_report().case
    allocate(merseyside, force=forces["merseyside"], reason="Liverpool address")
    make_report()

    assert _references(officer.get("/hub/?force=kent")) == [kent.reference]


def test_filter_by_dates_opened_inclusive_in_uk_time(officer, make_report):
    _opened(make_report().case, 2025, 1, 9, 23, 59)
    first_day = _opened(make_report().case, 2025, 1, 10, 0, 5)
    last_day = _opened(make_report().case, 2025, 7, 31, 23, 30)  # BST: still 31 July in the UK
    _opened(make_report().case, 2025, 8, 1, 0, 30)

    response = officer.get("/hub/?opened_from=2025-01-10&opened_to=2025-07-31")

    assert set(_references(response)) == {first_day.reference, last_day.reference}
    assert _references(officer.get("/hub/?opened_from=10/01/2025&opened_to=10/01/2025")) == [
        first_day.reference
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("opened_from=31-02-2025x", "Opened from must be a real date, like 31/01/2025"),
        ("opened_to=not-a-date", "Opened to must be a real date, like 31/01/2025"),
        ("opened_from=9999-12-31", "Opened from must be before the year 2101"),
        (
            "opened_from=2025-02-01&opened_to=2025-01-01",
            "Opened to must be the same as or after opened from",
        ),
        ("strand=%3Cscript%3E", "Choose a characteristic from the list"),
        ("force=atlantis", "Choose a force from the list"),
    ],
)
def test_bad_filters_are_shown_as_errors_not_a_crash(officer, make_report, query, message):
    case = make_report().case

    response = officer.get(f"/hub/?{query}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert "govuk-form-group--error" in html
    assert "<title>Error: Triage queue" in html
    assert _references(response) == [case.reference]  # the bad filter is ignored


def test_fifty_cases_a_page_with_govuk_pagination_keeping_the_filters(officer, make_report):
    cases = [make_report(platform="tiktok").case for _ in range(53)]
    make_report(platform="x")

    first = officer.get("/hub/?platform=tiktok")
    second = officer.get("/hub/?platform=tiktok&page=2")

    assert len(first.context["rows"]) == 50
    assert len(second.context["rows"]) == 3
    shown = _references(first) + _references(second)
    assert sorted(shown) == sorted(case.reference for case in cases)
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html
    assert 'href="?platform=tiktok&amp;page=2"' in html
    assert 'rel="next"' in html
    assert "53 cases matching the filters" in html
    assert 'rel="prev"' in second.content.decode()
    # A page number past the end shows the last page rather than an error.
    assert _references(officer.get("/hub/?platform=tiktok&page=99")) == _references(second)
    assert officer.get("/hub/?page=nonsense").status_code == 200


def test_query_count_does_not_grow_with_the_number_of_cases(
    officer, make_report, forces, django_assert_max_num_queries
):
    def add(count: int) -> None:
        for index in range(count):
            report = make_report(strands=["race", "religion"])
            if index % 2:
                allocate(report.case, force=forces["kent"], reason="Kent address")

    add(5)
    with CaptureQueriesContext(connection) as five_cases:
        assert len(officer.get("/hub/").context["rows"]) == 5
    add(25)

    with django_assert_max_num_queries(len(five_cases)):
        response = officer.get("/hub/")

    assert len(response.context["rows"]) == 30


def test_each_queue_page_view_writes_one_audit_entry_listing_the_cases(officer, users, make_report):
    cases = [make_report().case for _ in range(3)]
    before = AuditEvent.objects.count()

    response = officer.get("/hub/?platform=x")

    assert AuditEvent.objects.count() == before + 1
    entry = AuditEvent.objects.get(object_type="case_list")
    assert entry.action == AuditEvent.Action.VIEW
    assert entry.actor == users["hub_officer"]
    assert entry.details["cases"] == _references(response)
    assert set(entry.details["cases"]) == {case.reference for case in cases}
    assert entry.details["filters"] == {"platform": "x"}


def test_a_force_user_queue_holds_only_their_forces_cases(signed_in, users, three_cases):
    client = signed_in(users["force_user"])

    response = client.get("/hub/")
    trying_another_force = client.get("/hub/?force=kent")

    merseyside = three_cases["merseyside"][0].reference
    assert _references(response) == [merseyside]
    assert "force" not in response.context["form"].fields
    assert 'name="force"' not in response.content.decode()
    assert _references(trying_another_force) == [merseyside]


def test_an_empty_queue_says_so(officer, db):
    response = officer.get("/hub/")

    assert "There are no cases in your queue." in response.content.decode()


def test_sorting_by_age_and_by_reports(officer, make_report):
    old = _opened(make_report().case, 2025, 1, 1, 9, 0)
    new = _opened(make_report().case, 2025, 3, 1, 9, 0)
    url = "https://x.com/someone/status/42"
    busy = _opened(make_report(urls=[url]).case, 2025, 2, 1, 9, 0)
    make_report(urls=[url])
    make_report(urls=[url])

    assert _references(officer.get("/hub/?sort=oldest")) == [
        old.reference,
        busy.reference,
        new.reference,
    ]
    assert _references(officer.get("/hub/?sort=newest"))[0] == new.reference
    assert _references(officer.get("/hub/?sort=reports"))[0] == busy.reference
    # An unknown order is the default one, not an error.
    assert officer.get("/hub/?sort=evil").context["sort"] == "urgency"


def test_assign_to_me_is_recorded_and_shown(officer, users, make_report):
    case = make_report(description="Someone posted my address and said to come round.").case

    response = officer.post(f"/hub/cases/{case.reference}/assign/", {"next": "/hub/?sort=oldest"})

    assert response.status_code == 302 and response["Location"] == "/hub/?sort=oldest"
    case.refresh_from_db()
    assert case.assigned_officer == users["hub_officer"]
    entry = AuditEvent.objects.filter(object_id=case.reference, action="change").latest("sequence")
    assert "assigned to" in entry.summary
    assert case.events.filter(kind="assigned").exists()
    row = officer.get("/hub/").context["rows"][0]
    assert row.officer == users["hub_officer"].username
    assert row.snippet == "Someone posted my address and said to come round."


def test_assign_refused_for_a_case_the_user_cannot_see(signed_in, users, make_report):
    case = make_report().case  # not allocated: Merseyside cannot see it
    response = signed_in(users["force_user"]).post(f"/hub/cases/{case.reference}/assign/")
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.assigned_officer is None


def test_an_outside_next_address_is_not_followed(officer, make_report):
    case = make_report().case
    response = officer.post(
        f"/hub/cases/{case.reference}/assign/", {"next": "https://evil.example/"}
    )
    assert response["Location"] == f"/hub/cases/{case.reference}/"
