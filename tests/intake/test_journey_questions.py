"""What each question of the report journey refuses, and the message the person sees."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hatehub.reports.models import Report
from tests.intake.test_journey import (
    CHECK_ANSWERS,
    answers,
    errors,
    reach,
    submit,
    title,
    walk,
)


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("safety", "Select yes if anyone is in immediate danger"),
        ("who", "Select which of these best describes you"),
        ("what-happened", "Enter what happened"),
        ("when", "Enter the date it happened, or select “I'm not sure”"),
        ("platform", "Select where it was posted"),
        ("poster-identity", "Select yes if you know who posted it"),
        ("future-event", "Select yes if it is about an event that has not happened yet"),
        ("targeted", "Select what you think was targeted, or select “I'm not sure”"),
        ("contact", "Select if you want to give contact details or report anonymously"),
        ("support", "Select yes if you would like us to pass your details to a support service"),
    ],
)
def test_a_question_left_unanswered_says_what_to_do(client, db, slug, message):
    url = reach(client, slug)

    response = client.post(url, {})

    assert response.status_code == 200
    assert errors(response) == [message]
    assert title(response).startswith("Error: ")
    assert f'govuk-error-message"><span class="govuk-visually-hidden">Error:</span> {message}' in (
        response.content.decode().replace("&#x27;", "'")
    )


def test_contact_details_need_the_chosen_way_and_the_safety_question(client, db):
    url = reach(client, "contact-details")

    response = client.post(url, {"contact_method": "phone", "email": "alex@example.org"})

    assert errors(response) == [  # in the order of the page
        "Enter your phone number, or choose email as the way to contact you",
        "Select yes if it is safe for us to leave a message",
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"month": "2", "year": "2025"}, "Date it happened must include a day"),
        ({"day": "3", "year": "2025"}, "Date it happened must include a month"),
        ({"year": "2025"}, "Date it happened must include a day and month"),
        ({"day": "31", "month": "2", "year": "2025"}, "Date it happened must be a real date"),
        ({"day": "3", "month": "13", "year": "2025"}, "Date it happened must be a real date"),
        ({"day": "3", "month": "2", "year": "25"}, "Year must include 4 numbers"),
        (
            {"day": "3", "month": "2", "year": "2025", "not_sure": "on"},
            "Enter the date it happened or select “I'm not sure”, not both",
        ),
    ],
)
def test_the_date_is_checked_part_by_part(client, db, typed, message):
    url = reach(client, "when")
    assert errors(client.post(url, typed)) == [message]


def test_the_date_cannot_be_in_the_future(client, db):
    url = reach(client, "when")
    tomorrow = timezone.localdate() + timedelta(days=1)
    typed = {"day": tomorrow.day, "month": tomorrow.month, "year": tomorrow.year}
    assert errors(client.post(url, typed)) == ["Date it happened must be today or in the past"]


def test_not_sure_of_the_date_and_a_month_by_name_are_both_accepted(client, db):
    walk(client, answers(when={"not_sure": "on"}))
    assert "Not sure" in client.get(CHECK_ANSWERS).content.decode()
    client.post("/report/when/?change=1", {"day": "3", "month": "Feb", "year": "2025"})
    submit(client)
    assert str(Report.objects.get().occurred_on) == "2025-02-03"


def test_a_link_in_the_wrong_format_is_refused_and_says_which(client, db):
    url = reach(client, "links")

    one = client.post(url, {"urls": "not a link"})
    several = client.post(url, {"urls": "https://x.com/a/status/1\nftp://x.com/file"})
    too_many = client.post(
        url, {"urls": "\n".join(f"https://x.com/a/status/{n}" for n in range(21))}
    )

    assert errors(one) == ["Enter a link in the correct format, like https://x.com/name/status/123"]
    assert errors(several) == [
        "Enter link 2 in the correct format, like https://x.com/name/status/123"
    ]
    assert errors(too_many) == ["Enter 20 links or fewer"]


def test_a_link_or_an_account_name_is_needed(client, db):
    url = reach(client, "accounts", links={"urls": ""})

    response = client.post(url, {"accounts": ""})

    assert errors(response) == [
        "Enter the name of the account that posted it. You need to give a link or an account "
        "name: if you do not know the account name, go back and give a link to the content"
    ]


def test_somewhere_else_needs_saying_where(client, db):
    url = reach(client, "platform")
    assert errors(client.post(url, {"platform": "other"})) == ["Enter where it was posted"]


def test_yes_answers_need_their_details(client, db):
    identity = reach(client, "poster-identity")
    assert errors(client.post(identity, {"known": "yes"})) == ["Enter who you think posted it"]
    client.post(identity, {"known": "no"})
    assert errors(client.post("/report/future-event/", {"future_event": "yes"})) == [
        "Enter what the event is, and when and where it is"
    ]


def test_what_was_targeted(client, db):
    url = reach(client, "targeted")

    both = client.post(url, {"strands": ["race", "not_sure"]})
    other = client.post(url, {"strands": ["other"]})

    assert errors(both) == ["Select what was targeted or “I'm not sure”, not both"]
    assert errors(other) == ["Enter what else you think was targeted"]


def test_what_happened_has_a_length_limit(client, db):
    url = reach(client, "what-happened")
    response = client.post(url, {"description": "x" * 5001})
    assert errors(response) == ["What happened must be 5,000 characters or less"]


@pytest.mark.parametrize(
    ("typed", "stored"), [("l18jq", "L1 8JQ"), (" sw1a   2aa ", "SW1A 2AA"), ("", "")]
)
def test_postcode_is_tidied_and_optional(client, db, typed, stored):
    walk(client, answers(**{"victim-location": {"postcode": typed, "town": ""}}))
    submit(client)
    assert Report.objects.get().complainant.victim_postcode == stored


def test_a_postcode_in_the_wrong_format_is_refused(client, db):
    url = reach(client, "victim-location")
    page = client.get(url).content.decode()
    assert "Where do you live?" in page  # the reporter said they are the victim

    assert errors(client.post(url, {"postcode": "L1"})) == ["Enter a full UK postcode, like L1 8JQ"]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            {"email": "alex@", "contact_method": "email"},
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"phone": "12345", "contact_method": "phone"},
            "Enter a UK phone number, like 07700 900 982 or 0161 496 0000",
        ),
    ],
)
def test_contact_details_are_checked(client, db, typed, message):
    url = reach(client, "contact-details")
    response = client.post(url, {**typed, "safe_to_leave_message": "yes"})
    assert errors(response) == [message]


@pytest.mark.parametrize(
    "phone", ["07700 900982", "+44 (0)7700 900982", "0161-496-0000", "01632 960001"]
)
def test_common_ways_of_writing_a_uk_number_are_accepted(client, db, phone):
    url = reach(client, "contact-details")
    response = client.post(
        url, {"phone": phone, "contact_method": "phone", "safe_to_leave_message": "yes"}
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("role", "question", "summary_key"),
    [
        ("victim", "Where do you live?", "Where you live"),
        ("organisation", "Where is your organisation?", "Where your organisation is"),
        (
            "on_behalf",
            "Where does the person you are reporting for live?",
            "Where the person you are reporting for lives",
        ),
        ("witness", "Where does the person it was aimed at live?", "Where the person it was"),
    ],
)
def test_the_where_question_is_asked_in_the_reporters_terms(
    client, db, role, question, summary_key
):
    url = reach(client, "victim-location", who={"role": role})
    page = client.get(url).content.decode()
    assert f'<h1 class="govuk-heading-l">{question}</h1>' in page
    assert "the victim" not in page
    assert "Postcode (optional)" in page and "Town or city (optional)" in page

    walk(client, answers(who={"role": role}))
    assert summary_key in client.get(CHECK_ANSWERS).content.decode()


def test_a_bad_phone_number_under_email_is_neither_refused_nor_kept(client, db):
    """Someone without JavaScript sees the phone box too; with email chosen, what they typed
    there is not checked and not kept: only the chosen way is asked for."""
    walk(
        client,
        answers(
            **{
                "contact-details": {
                    "email": "alex@example.org",
                    "phone": "12345",
                    "contact_method": "email",
                    "safe_to_leave_message": "yes",
                    "postal_address": "1 Example Street",  # letters not ticked
                }
            }
        ),
    )
    submit(client)
    complainant = Report.objects.get().complainant
    assert (complainant.email, complainant.phone) == ("alex@example.org", "")
    assert not complainant.post_allowed
    assert complainant.postal_address == ""


def test_letters_need_an_address_and_a_bad_answer_changes_nothing(client, db):
    url = reach(client, "contact-details")
    before = client.session["intake_report"]["answers"].get("contact-details")
    response = client.post(
        url,
        {
            "email": "alex@example.org",
            "contact_method": "email",
            "safe_to_leave_message": "yes",
            "post_allowed": "on",
        },
    )
    assert errors(response) == ["Enter your postal address, or untick letters"]
    assert client.session["intake_report"]["answers"].get("contact-details") == before
    page = response.content.decode()
    # The address box is shown (not hidden) under the ticked box, so the error can be seen.
    assert 'class="govuk-checkboxes__conditional" id="conditional-id_post_allowed"' in page


def test_the_contact_page_reveals_each_detail_under_its_own_answer(client, db):
    page = client.get(reach(client, "contact-details")).content.decode()
    email_radio = page.index('value="email" aria-controls="conditional-id_contact_method_0"')
    email_box = page.index('id="id_email"')
    phone_radio = page.index('value="phone" aria-controls="conditional-id_contact_method_1"')
    phone_box = page.index('id="id_phone"')
    letters = page.index('aria-controls="conditional-id_post_allowed"')
    address = page.index('id="id_postal_address"')
    assert email_radio < email_box < phone_radio < phone_box < letters < address
    for optional in ("Your name", "Which language", "Are there times", "send me letters"):
        label_end = page.index(optional)
        assert "(optional)" in page[label_end : label_end + 80], optional
