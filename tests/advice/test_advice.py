import datetime as dt
import html
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from hatehub.advice import selectors, services
from hatehub.advice.models import AdviceRequest, Article, ArticleVersion
from hatehub.audit.models import AuditEvent
from hatehub.cases.services import allocate

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def articles(users):
    officer = users["hub_officer"]
    first = services.publish_article(
        services.ArticleDraft(
            title="Recording threats made in livestream chats",
            summary="[SYNTHETIC] What to capture before a stream ends",
            body="Capture the chat replay and the **streamer's** handle. Threatening messages "
            "may be an offence.",
            strands=["religion"],
            offences=["osa2023_s181"],
        ),
        by=officer,
    )
    second = services.publish_article(
        services.ArticleDraft(
            title="Disability hate on forums",
            summary="[SYNTHETIC]",
            body="Forum moderators keep logs; ask for them early.",
            strands=["disability"],
            offences=["ca2003_s127_1"],
        ),
        by=officer,
    )
    return first, second


def test_due_day_counts_working_days_and_skips_bank_holidays(settings):
    settings.HUB_ADVICE_SERVICE_LEVEL_DAYS = 2
    friday = dt.datetime(2026, 12, 18, 15, 0, tzinfo=LONDON)
    assert services.due_on(friday) == dt.date(2026, 12, 22)  # Mon 21, Tue 22
    christmas_eve = dt.datetime(2026, 12, 24, 9, 0, tzinfo=LONDON)
    # 25 Dec (Fri) and the Boxing Day substitute (Mon 28) are not working days.
    assert services.due_on(christmas_eve) == dt.date(2026, 12, 30)
    settings.HUB_ADVICE_SERVICE_LEVEL_DAYS = 5
    assert services.due_on(friday) == dt.date(2026, 12, 29)


def test_library_search_and_tags(articles, users, client):
    first, second = articles
    client.force_login(users["force_user"])
    found = client.get(reverse("advice:library"), {"q": "livestream"})
    assert "Recording threats made in livestream chats" in html.unescape(found.content.decode())
    assert "Disability hate on forums" not in found.content.decode()
    assert list(selectors.search(selectors.LibraryQuery(strand="disability"))) == [second]
    assert list(selectors.search(selectors.LibraryQuery(offence="osa2023_s181"))) == [first]
    assert list(selectors.search(selectors.LibraryQuery(text="moderators logs"))) == [second]
    assert list(selectors.search(selectors.LibraryQuery(text="nothing-like-this"))) == []
    bad = client.get(reverse("advice:library"), {"offence": "no_such_offence"})
    assert bad.status_code == 200 and "Choose an offence from the list" in bad.content.decode()


def test_articles_are_versioned(articles, users, client):
    first, _ = articles
    client.force_login(users["hub_supervisor"])
    response = client.post(
        reverse("advice:article_edit", args=[first.pk]),
        {
            "title": "Recording threats in livestreams",
            "body": "New text",
            "strands": ["religion", "race"],
            "change_note": "retitled",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.version == 2 and first.offence_ids == []
    assert sorted(first.strands.values_list("code", flat=True)) == ["race", "religion"]
    old = ArticleVersion.objects.get(article=first, number=1)
    assert old.title == "Recording threats made in livestream chats" and old.offences == [
        "osa2023_s181"
    ]
    page = client.get(reverse("advice:article_version", args=[first.pk, 1]))
    assert "the current version is 2" in page.content.decode()
    assert AuditEvent.objects.filter(object_type="advice_article", action="change").exists()


def test_force_users_cannot_write_articles_or_answer(articles, users, client):
    client.force_login(users["force_user"])
    assert client.get(reverse("advice:article_new")).status_code == 403
    assert client.post(reverse("advice:article_edit", args=[articles[0].pk]), {}).status_code == 403
    with pytest.raises(services.AdviceRefused):
        services.publish_article(services.ArticleDraft("t", "", "b"), by=users["force_user"])


def test_a_force_asks_about_its_case_the_hub_answers_and_publishes(
    make_report, forces, users, client
):
    case = make_report().case
    allocate(
        case,
        force=forces["merseyside"],
        reason="[SYNTHETIC] suspect lives there",
        by=users["hub_supervisor"],
    )
    kent_case = make_report().case
    allocate(kent_case, force=forces["kent"], reason="[SYNTHETIC]", by=users["hub_supervisor"])

    client.force_login(users["force_user"])
    # Another force's case cannot be named; the attempt is logged.
    refused = client.post(
        reverse("advice:request_new"),
        {"case_reference": kent_case.reference, "subject": "S", "question": "Q"},
    )
    assert refused.status_code == 200 and not AdviceRequest.objects.exists()
    assert AuditEvent.objects.filter(action="denied", object_id=kent_case.reference).exists()
    asked = client.post(
        reverse("advice:request_new"),
        {
            "case_reference": case.reference.lower(),
            "subject": "Is a retweet sending?",
            "question": "[SYNTHETIC] question",
        },
    )
    request = AdviceRequest.objects.get()
    assert asked["Location"] == reverse("advice:request", args=[request.pk])
    assert (request.force, request.case) == (forces["merseyside"], case)
    assert request.due_on == services.due_on(request.asked_at)

    # Kent cannot see Merseyside's request: 404, and the attempt is logged.
    client.force_login(users["other_force_user"])
    assert client.get(reverse("advice:request", args=[request.pk])).status_code == 404
    assert AuditEvent.objects.filter(action="denied", object_type="advice_request").exists()
    listing = client.get(reverse("advice:requests"), {"show": "all"})
    assert "Is a retweet sending?" not in listing.content.decode()

    client.force_login(users["hub_officer"])
    empty = client.post(reverse("advice:answer", args=[request.pk]), {"answer": ""})
    assert empty.status_code == 200 and "Write the answer" in empty.content.decode()
    client.post(reverse("advice:answer", args=[request.pk]), {"answer": "[SYNTHETIC] Yes: s182."})
    request.refresh_from_db()
    assert request.answered and request.answered_by == users["hub_officer"]
    with pytest.raises(services.AdviceRefused):
        services.answer(request, by=users["hub_officer"], text="again")

    form = client.get(reverse("advice:publish", args=[request.pk]))
    assert (
        "The hub&#x27;s advice" in form.content.decode()
        or "The hub's advice" in form.content.decode()
    )
    published = client.post(
        reverse("advice:publish", args=[request.pk]),
        {
            "title": "Retweets and s182",
            "body": "Sharing counts as sending.",
            "offences": ["osa2023_s181"],
        },
    )
    article = Article.objects.get(title="Retweets and s182")
    assert published["Location"] == reverse("advice:article", args=[article.pk])
    request.refresh_from_db()
    assert request.article == article

    client.force_login(users["force_user"])
    page = client.get(reverse("advice:request", args=[request.pk]))
    assert page.status_code == 200 and "Retweets and s182" in page.content.decode()
    assert AuditEvent.objects.filter(
        action="view", object_type="advice_request", actor=users["force_user"]
    ).exists()


def test_overdue_requests_are_shown(users, client, settings):
    asker = users["force_user"]
    request = services.ask(by=asker, subject="Old question", question="[SYNTHETIC]")
    AdviceRequest.objects.filter(pk=request.pk).update(
        due_on=timezone.localdate() - dt.timedelta(days=1)
    )
    fresh = services.ask(by=asker, subject="New question", question="[SYNTHETIC]")
    client.force_login(users["hub_supervisor"])
    page = client.get(reverse("advice:requests"), {"show": "overdue"}).content.decode()
    assert "Old question" in page and "New question" not in page and "Overdue" in page
    library = client.get(reverse("advice:library")).content.decode()
    assert "2 open, 1 overdue" in library
    request.refresh_from_db()
    assert selectors.is_overdue(request) and not selectors.is_overdue(fresh)
    services.answer(request, by=users["hub_officer"], text="late answer")
    request.refresh_from_db()
    assert selectors.answered_late(request) and not selectors.is_overdue(request)


def test_hub_staff_cannot_ask_and_partners_see_nothing(users, client):
    with pytest.raises(services.AdviceRefused):
        services.ask(by=users["hub_officer"], subject="s", question="q")
    client.force_login(users["partner"])
    assert client.get(reverse("advice:library")).status_code == 403
    assert selectors.visible_requests(users["partner"]).count() == 0


def test_the_case_page_lists_its_advice_requests(make_report, forces, users, client):
    case = make_report().case
    allocate(case, force=forces["merseyside"], reason="[SYNTHETIC]", by=users["hub_supervisor"])
    services.ask(
        by=users["force_user"], subject="About this case", question="[SYNTHETIC]", case=case
    )
    client.force_login(users["force_user"])
    page = client.get(reverse("cases:case", args=[case.reference])).content.decode()
    assert "About this case" in page and f"?case={case.reference}" in page
    form = client.get(reverse("advice:request_new"), {"case": case.reference}).content.decode()
    assert f'value="{case.reference}"' in form
    client.force_login(users["hub_officer"])
    page = client.get(reverse("cases:case", args=[case.reference])).content.decode()
    assert "About this case" in page
    assert AuditEvent.objects.filter(
        object_type="advice_request_list", object_id=case.reference
    ).exists()


def test_a_long_list_of_advice_requests_can_be_paged_through(users, client):
    """More open requests than fit on a page: the list offers the next page and it shows the
    rest (the list used to stop at its first page, with no way on)."""
    for number in range(27):
        services.ask(
            by=users["force_user"], subject=f"Question {number:02d}", question="[SYNTHETIC]"
        )
    client.force_login(users["hub_supervisor"])
    first = client.get(reverse("advice:requests"), {"show": "open"}).content.decode()
    assert 'class="govuk-pagination"' in first and "page=2" in html.unescape(first)
    second = client.get(reverse("advice:requests"), {"show": "open", "page": 2})
    shown = html.unescape(second.content.decode())
    assert shown.count("Question ") == 2 and 'aria-current="page">2<' in shown
