"""The public "Report online hate" journey, walked page by page as a person would (no JavaScript):
the report it makes, the 999 stop, skipping ahead, anonymity, volunteers and "Change" links."""

import hashlib
import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from hatehub.demo.synthetic import Synthetic, minimal_pdf
from hatehub.evidence import store
from hatehub.reports.choices import Source
from hatehub.reports.models import Report
from tests.conftest import PASSWORD

START = "/report/safety/"
CHECK_ANSWERS = "/report/check-answers/"


def answers(**overrides: dict) -> dict[str, dict]:
    """What a person types on each page (by step slug); a test changes only what it is about."""
    pages = {
        "safety": {"danger": "no"},
        "who": {"role": "victim"},
        "what-happened": {
            "description": "[SYNTHETIC] A reply calling me a slur because of my faith."
        },
        "when": {"day": "3", "month": "2", "year": "2025"},
        "platform": {"platform": "x"},
        "links": {"urls": "https://x.com/someone/status/123\nx.com/someone/status/456"},
        "accounts": {"accounts": "@someone\n@someone_else"},
        "poster-identity": {"known": "no"},
        "future-event": {"future_event": "no"},
        "targeted": {"strands": ["religion", "race"]},
        "victim-location": {"postcode": "l18jq", "town": "Liverpool"},
        "poster-location": {"poster_location": "Says he lives in Leeds"},
        "evidence": {"action": "continue"},
        "contact": {"choice": "details"},
        "contact-details": {
            "name": "Alex Example",
            "email": "alex@example.org",
            "phone": "07700 900 982",
            "contact_method": "email",
            "safe_to_leave_message": "no",
            "contact_notes": "Only after 6pm",
        },
        "support": {"consent": "yes"},
    }
    pages.update(overrides)
    return pages


def slug_of(url: str) -> str:
    return url.rstrip("/").split("?")[0].split("/")[-1]


def walk(client: Client, pages: dict[str, dict], *, start: str = START) -> str:
    """Answers each page the journey sends us to, until check answers; returns that URL. Fails
    with the page's errors if an answer is refused, so a test knows where it went wrong."""
    url = start
    while not url.startswith(CHECK_ANSWERS):
        response = client.post(url, pages[slug_of(url)])
        assert response.status_code == 302, (url, errors(response))
        url = response["Location"]
    return url


def reach(client: Client, slug: str, **overrides: dict) -> str:
    """Answers every page before `slug`; returns its URL."""
    pages = answers(**overrides)
    url = START
    while not url.startswith(f"/report/{slug}/"):
        url = client.post(url, pages[slug_of(url)])["Location"]
    return url


def errors(response) -> list[str]:
    """The messages in the GOV.UK error summary."""
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', response.content.decode(), re.S)
    found = re.findall(r">([^<>]+)</a>", summary.group(1)) if summary else []
    return [html.unescape(message) for message in found]


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


def submit(client: Client):
    return client.post(CHECK_ANSWERS, follow=True)


@pytest.fixture
def screenshot() -> bytes:
    synthetic = Synthetic(seed=1)
    return synthetic.screenshot(synthetic.post(platform="x"))


def test_walking_the_whole_journey_files_the_report_with_every_answer_and_the_evidence(
    client, db, screenshot
):
    pdf = minimal_pdf()
    upload = {
        "files": [
            SimpleUploadedFile("screenshot.png", screenshot, content_type="image/png"),
            SimpleUploadedFile("letter.pdf", pdf, content_type="application/pdf"),
        ],
        "action": "continue",
    }
    walk(client, answers(evidence=upload))

    check = client.get(CHECK_ANSWERS)
    page = check.content.decode()
    for shown in [
        "I am the victim",
        "3 February 2025",
        "X (Twitter)",
        "https://x.com/someone/status/456",
        "@someone_else",
        "Religion or belief",
        "L1 8JQ",
        "screenshot.png",
        "letter.pdf",
        "alex@example.org",
    ]:
        assert shown in page

    confirmation = submit(client)
    report = Report.objects.get()
    assert report.reference in confirmation.content.decode()
    assert "govuk-panel--confirmation" in confirmation.content.decode()

    assert report.source == Source.PUBLIC
    assert report.reporter_role == "victim"
    assert report.description.startswith("[SYNTHETIC] A reply")
    assert str(report.occurred_on) == "2025-02-03"
    assert report.platform == "x"
    assert report.poster_location == "Says he lives in Leeds"
    assert not report.anonymous
    assert sorted(report.strands.values_list("code", flat=True)) == ["race", "religion"]
    assert list(report.content_items.values_list("url", flat=True)) == [
        "https://x.com/someone/status/123",
        "https://x.com/someone/status/456",  # typed without https://
    ]
    assert list(report.accounts.values_list("handle", flat=True)) == ["@someone", "@someone_else"]

    complainant = report.complainant
    # Email was the way chosen: the phone number typed in the hidden phone box (seen only
    # without JavaScript) is not kept.
    assert (complainant.name, complainant.email, complainant.phone) == (
        "Alex Example",
        "alex@example.org",
        "",
    )
    assert complainant.contact_method == "email"
    assert not complainant.safe_to_leave_message
    assert complainant.contact_notes == "Only after 6pm"
    assert (complainant.victim_postcode, complainant.victim_town) == ("L1 8JQ", "Liverpool")
    assert complainant.support_referral_consent

    originals = report.evidence.filter(kind="original").order_by("original_filename")
    assert [item.original_filename for item in originals] == ["letter.pdf", "screenshot.png"]
    for item, sent in zip(originals, [pdf, screenshot], strict=True):
        assert item.sha256 == hashlib.sha256(sent).hexdigest()
        with store.open_blob(item.sha256) as blob:
            assert blob.read() == sent


def test_after_sending_back_or_refresh_cannot_send_it_again(client, db):
    walk(client, answers())
    submit(client)

    again = client.post(CHECK_ANSWERS)

    assert again.status_code == 302 and again["Location"] == "/report/"
    assert Report.objects.count() == 1
    assert client.get("/report/who/")["Location"] == START  # the answers are gone too


def test_someone_in_immediate_danger_is_told_to_call_999_and_nothing_is_kept(client, db):
    client.post(START, {"danger": "no"})
    client.post("/report/who/", {"role": "witness"})

    response = client.post(START, {"danger": "yes"}, follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/report/immediate-danger/"
    assert "Call 999 now" in page and "18000" in page and "101" in page
    assert "<form" not in page and "Continue" not in page  # no way on from here
    assert Report.objects.count() == 0
    assert client.get("/report/what-happened/")["Location"] == START


def test_every_page_has_exit_this_page_and_a_back_link(client, db):
    walk(client, answers())
    for url in [
        "/report/",
        START,
        "/report/when/",
        "/report/evidence/",
        CHECK_ANSWERS,
        "/report/immediate-danger/",
    ]:
        page = client.get(url).content.decode()
        assert "Exit this page" in page, url
        if url not in ("/report/", "/report/immediate-danger/"):
            assert 'class="govuk-back-link"' in page, url


def test_start_page_says_it_is_not_for_emergencies_and_allows_anonymous_reports(client, db):
    page = client.get("/report/").content.decode()
    assert "999" in page and "101" in page and "anonymously" in page
    assert f'href="{START}"' in page and "Start now" in page


@pytest.mark.parametrize(
    "later", ["/report/platform/", "/report/evidence/", "/report/support/", CHECK_ANSWERS]
)
def test_a_later_page_cannot_be_reached_before_the_questions_before_it(client, db, later):
    assert client.get(later)["Location"] == START

    client.post(START, {"danger": "no"})
    client.post("/report/who/", {"role": "victim"})

    assert client.get(later)["Location"] == "/report/what-happened/"
    assert client.post(later, {})["Location"] == "/report/what-happened/"


def test_anonymous_report_keeps_no_contact_details_even_ones_typed_before_choosing(client, db):
    walk(client, answers())
    # Changes their mind on check answers: report anonymously after all.
    response = client.post("/report/contact/?change=1", {"choice": "anonymous"})
    assert response["Location"] == CHECK_ANSWERS
    page = client.get(CHECK_ANSWERS).content.decode()
    assert "Report anonymously" in page and "alex@example.org" not in page
    assert client.get("/report/support/")["Location"] == CHECK_ANSWERS  # no longer asked

    confirmation = submit(client)

    report = Report.objects.get()
    complainant = report.complainant
    assert report.anonymous
    assert (complainant.name, complainant.email, complainant.phone, complainant.contact_notes) == (
        "",
        "",
        "",
        "",
    )
    assert not complainant.support_referral_consent
    assert complainant.victim_postcode == "L1 8JQ"  # where, not who: still used for routing
    assert "will not contact you" in confirmation.content.decode()


def test_an_anonymous_reporter_is_not_asked_for_contact_details_or_support(client, db):
    pages = answers(contact={"choice": "anonymous"})
    del pages["contact-details"], pages["support"]
    walk(client, pages)  # would fail with a KeyError if either page were asked
    submit(client)
    assert Report.objects.get().anonymous


def test_a_signed_in_volunteer_reports_as_a_volunteer(client, users):
    client.login(username="volunteer", password=PASSWORD)
    walk(client, answers())
    submit(client)

    report = Report.objects.get()
    assert report.source == Source.VOLUNTEER
    assert report.submitted_by == users["volunteer"]


def test_other_signed_in_staff_report_as_the_public(client, users):
    client.login(username="officer", password=PASSWORD)
    walk(client, answers())
    submit(client)
    assert Report.objects.get().source == Source.PUBLIC


def test_change_link_shows_the_answer_and_returns_to_check_answers(client, db):
    walk(client, answers())
    check = client.get(CHECK_ANSWERS).content.decode()
    assert 'href="/report/platform/?change=1"' in check

    change_page = client.get("/report/platform/?change=1").content.decode()
    assert re.search(r'value="x" checked', change_page)  # the answer given before
    assert f'href="{CHECK_ANSWERS}" class="govuk-back-link"' in change_page

    response = client.post(
        "/report/platform/?change=1", {"platform": "other", "platform_other": "A gaming chat"}
    )
    assert response["Location"] == CHECK_ANSWERS
    assert "Somewhere else: A gaming chat" in client.get(CHECK_ANSWERS).content.decode()

    submit(client)
    report = Report.objects.get()
    assert (report.platform, report.platform_other) == ("other", "A gaming chat")


def test_changing_to_give_contact_details_asks_the_new_questions_then_returns(client, db):
    pages = answers(contact={"choice": "anonymous"})
    walk(client, pages)

    response = client.post("/report/contact/?change=1", {"choice": "details"})
    assert response["Location"] == "/report/contact-details/?change=1"
    response = client.post(response["Location"], pages["contact-details"])
    assert response["Location"] == "/report/support/?change=1"
    response = client.post(response["Location"], {"consent": "no"})
    assert response["Location"] == CHECK_ANSWERS

    submit(client)
    assert Report.objects.get().complainant.email == "alex@example.org"


def test_removing_the_links_later_asks_again_for_an_account_name(client, db):
    walk(client, answers(accounts={"accounts": ""}))  # allowed: links were given

    response = client.post("/report/links/?change=1", {"urls": ""})

    assert response["Location"] == "/report/accounts/?change=1"
    assert client.get(CHECK_ANSWERS)["Location"] == "/report/accounts/"
    page = client.post("/report/accounts/?change=1", {"accounts": ""})
    assert "Enter the name of the account that posted it" in errors(page)[0]


def test_forms_keep_csrf_protection(db):
    client = Client(enforce_csrf_checks=True)
    assert client.post(START, {"danger": "no"}).status_code == 403
