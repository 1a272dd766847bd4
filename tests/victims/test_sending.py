"""Updates go out through the outbox in the complainant's channel and language, at a time
they allow, stored exactly as sent; the confirmation is written automatically."""

import datetime as dt

import pytest
from django.utils import timezone

from hatehub.intake.services import Contact, ContactPreferences
from hatehub.outbox.models import OutboxMessage
from hatehub.victims import services
from hatehub.victims.messages import TRACK_LINK_MARKER
from hatehub.victims.models import TrackingLink, VictimMessage
from tests.victims.helpers import accepted, clock, outcome

pytestmark = pytest.mark.django_db
SAFE_EMAIL = Contact(email="victim@example.com", contact_method="email", safe_to_leave_message=True)


def test_not_safe_to_leave_a_message_means_no_email_text_or_letter_goes_out_by_itself(
    make_report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(
            contact=Contact(
                email="victim@example.com",
                phone="07700 900982",
                contact_method="phone",
                safe_to_leave_message=False,
            ),
            contact_preferences=ContactPreferences(
                post_allowed=True, postal_address="1 Example Street [SYNTHETIC]\nLiverpool"
            ),
        )
    assert services.channels_for(report) == ["email", "letter"]  # an officer may choose them
    assert services.recipients.confirmation_channel(report.complainant, anonymous=False) is None
    assert services.updates.send_confirmation(report.pk) is None
    assert not VictimMessage.objects.exists() and not OutboxMessage.objects.exists()
    # The Victims' Code duty stays open: an officer makes the contact.
    assert report.victim_updates.get(event="report_received").status == "open"


@pytest.mark.parametrize(
    ("contact", "channel"),
    [
        (SAFE_EMAIL, "email"),
        (Contact(phone="07700 900982", contact_method="phone", safe_to_leave_message=True), "sms"),
    ],
)
def test_the_confirmation_goes_by_the_way_they_chose(
    make_report, django_capture_on_commit_callbacks, contact, channel
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(contact=contact)
    assert services.recipients.confirmation_channel(report.complainant, anonymous=False) == channel
    assert VictimMessage.objects.get(report=report).channel == channel
    assert services.recipients.confirmation_channel(report.complainant, anonymous=True) is None


def _send(update, users, **overrides):
    drafted = services.draft(update, nfa_reason=overrides.get("nfa_reason", ""))
    values = {
        "by": users["force_user"],
        "channel": "email",
        "subject": drafted.subject,
        "body": drafted.body,
    }
    values.update(overrides)
    return services.send_update(update, **values)


def test_the_confirmation_goes_out_on_commit_and_meets_its_clock(
    make_report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(contact=SAFE_EMAIL)
    message = VictimMessage.objects.get(report=report)
    assert message.event == "report_received" and message.channel == "email"
    assert message.recipient == report.complainant.email
    assert TRACK_LINK_MARKER not in message.body and "/track/link/" in message.body
    outbox = message.outbox_message
    assert outbox.status == OutboxMessage.Status.HELD  # the default outbox-only backend
    assert outbox.body == message.sent_text == message.body
    assert clock(report, "report_received").status == "done"


@pytest.mark.parametrize(
    "contact",
    [
        Contact(email="victim@example.com", contact_method="email"),
        Contact(phone="07700 900982", contact_method="phone"),
        Contact(email="victim@example.com", phone="07700 900982", contact_method="phone"),
    ],
)
def test_nothing_goes_out_automatically_when_it_is_not_safe_to_leave_a_message(
    make_report, django_capture_on_commit_callbacks, contact
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(
            contact=contact,
            contact_preferences=ContactPreferences(
                post_allowed=True, postal_address="1 Example Street [SYNTHETIC]\nL1 8JQ"
            ),
        )
    assert not report.complainant.safe_to_leave_message
    assert not VictimMessage.objects.exists() and not OutboxMessage.objects.exists()
    services.send_confirmation(report.pk)  # the task run again changes nothing
    assert not OutboxMessage.objects.exists()
    assert clock(report, "report_received").status == "open"  # an officer makes contact
    safety = services.contact_safety(report)
    assert safety.summary.startswith("Not safe to leave a message: contact only by ")
    assert "Nothing is sent to them automatically" in safety.summary
    assert "Text message" not in safety.channels


def test_the_officer_is_told_how_to_make_contact(make_report):
    report = make_report(
        contact=Contact(
            email="victim@example.com",
            phone="07700 900982",
            contact_method="phone",
            contact_notes="Only after 6pm",
        )
    )
    safety = services.contact_safety(report)
    assert safety.summary == (
        "Not safe to leave a message: contact only by phone (07700 900982), speaking to them: "
        "leave no voicemail or text; or by email only once they have told you it is safe. "
        "Nothing is sent to them automatically. They said: “Only after 6pm”"
    )
    assert safety.channels == ("Email",)
    assert services.contact_safety(make_report(contact=SAFE_EMAIL)) is None


def test_no_confirmation_for_an_anonymous_reporter(make_report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_report(anonymous=True)
    assert not VictimMessage.objects.exists() and not OutboxMessage.objects.exists()


def test_an_edited_no_further_action_update_is_stored_exactly_as_sent(make_report, users, forces):
    report = make_report()
    accepted(report, users, forces["merseyside"])
    outcome(report, users, code=18)
    update = clock(report, "outcome")
    drafted = services.draft(update, nfa_reason="suspect_not_identified")
    body = drafted.body + "\n\nPC [SYNTHETIC] Example added this line."

    message = _send(update, users, body=body, nfa_reason="suspect_not_identified")

    assert message.edited and message.nfa_reason == "suspect_not_identified"
    assert message.outcome_code == 18
    assert "PC [SYNTHETIC] Example added this line." in message.body
    assert "could not identify the person responsible" in message.body
    assert message.outbox_message.body == message.body
    assert TrackingLink.objects.filter(report=report).count() == 1
    update.refresh_from_db()
    assert update.status == "done" and update.completed_by == users["force_user"]
    with pytest.raises(services.UpdateRefused, match="already"):
        _send(update, users, nfa_reason="suspect_not_identified")


def test_welsh_speakers_are_written_to_in_welsh(make_report, users):
    report = make_report(contact_preferences=ContactPreferences(language="cy"))
    update = clock(report, "report_received")
    message = _send(update, users)
    assert message.language == "cy" and message.body.startswith("Annwyl")


def test_a_text_message_carries_a_short_notice_and_the_link(make_report, users):
    report = make_report(
        contact=Contact(phone="07700 900982", contact_method="phone", safe_to_leave_message=True)
    )
    update = clock(report, "report_received")
    message = _send(update, users, channel="sms", subject="")
    assert message.channel == "sms" and message.recipient == "07700 900982"
    assert message.sent_text.startswith("Online Hate Crime Hub: we have received your report")
    assert "/track/link/" in message.sent_text and message.outbox_message.body == message.sent_text


def test_a_channel_the_complainant_did_not_choose_is_refused(make_report, users):
    report = make_report()  # email only, no postal address
    update = clock(report, "report_received")
    for channel in ("sms", "letter"):
        with pytest.raises(services.UpdateRefused, match="agreed"):
            _send(update, users, channel=channel)
    no_voicemail = make_report(
        contact=Contact(phone="07700 900982", contact_method="phone", safe_to_leave_message=False)
    )
    with pytest.raises(services.UpdateRefused):
        _send(clock(no_voicemail, "report_received"), users, channel="sms", subject="")
    assert not OutboxMessage.objects.exists()


def test_letters_only_when_the_complainant_said_post_is_safe(make_report, users):
    report = make_report(
        contact_preferences=ContactPreferences(
            post_allowed=True, postal_address="1 Example Street [SYNTHETIC]\nLiverpool\nL1 8JQ"
        )
    )
    assert services.channels_for(report) == ["email", "letter"]
    message = _send(clock(report, "report_received"), users, channel="letter", subject="")
    assert message.recipient.endswith("1 Example Street [SYNTHETIC]\nLiverpool\nL1 8JQ")


def test_a_time_to_avoid_holds_the_message_until_it_is_allowed(make_report, users):
    report = make_report(
        contact_preferences=ContactPreferences(avoid_contact_times=("weekday_mornings",))
    )
    update = clock(report, "report_received")
    monday_9am = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    message = _send(update, users, now=monday_9am)
    assert message.status == VictimMessage.Status.SCHEDULED
    assert message.send_after == dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
    assert message.outbox_message is None and TRACK_LINK_MARKER in message.body
    with pytest.raises(services.UpdateRefused, match="waiting"):
        _send(update, users, now=monday_9am)

    assert services.send_due_messages(now=monday_9am + dt.timedelta(hours=1)) == 0
    assert services.send_due_messages(now=monday_9am + dt.timedelta(hours=3)) == 1
    message.refresh_from_db()
    assert message.status == VictimMessage.Status.HELD and "/track/link/" in message.body


def test_a_failed_delivery_opens_the_duty_again(make_report, users):
    update = clock(make_report(), "report_received")
    message = _send(update, users)
    outbox = message.outbox_message
    outbox.status, outbox.last_error = OutboxMessage.Status.FAILED, "550 no such user"
    outbox.save()
    services.delivery_failed(outbox)
    update.refresh_from_db()
    message.refresh_from_db()
    assert update.status == "open" and update.delivery_failed
    assert message.status == VictimMessage.Status.FAILED
    again = _send(update, users)  # the officer can send it again (a new outbox key)
    assert again.key.endswith(":2")


def test_delivery_is_recorded_when_the_outbox_sends(make_report, users, settings):
    update = clock(make_report(), "report_received")
    message = _send(update, users)
    outbox = message.outbox_message
    outbox.sent_at = timezone.now()
    services.delivery_succeeded(outbox)
    message.refresh_from_db()
    assert message.status == VictimMessage.Status.SENT and message.delivered_at


@pytest.mark.parametrize("consent", [True, False])
def test_the_confirmation_knows_whether_they_asked_for_a_support_referral(
    make_report, django_capture_on_commit_callbacks, consent
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(support_referral_consent=consent, contact=SAFE_EMAIL)
    body = VictimMessage.objects.get(report=report).body
    assert ("Ask us if you would like us to refer you" in body) is not consent
    assert ("As you asked, we will pass your details to a support service" in body) is consent
    assert "secret code you were given" in body  # shown one at confirmation


def test_a_partner_reported_victim_is_not_told_to_use_a_code_they_never_had(
    make_submission, users, django_capture_on_commit_callbacks
):
    from hatehub.accounts.models import Organisation
    from hatehub.intake.services import submit_partner_report

    organisation = Organisation.objects.create(name="[SYNTHETIC] Reporting centre")
    with django_capture_on_commit_callbacks(execute=True):
        report, _ = submit_partner_report(
            make_submission(contact=SAFE_EMAIL),
            organisation=organisation,
            idempotency_key=None,
        )
    body = VictimMessage.objects.get(report=report).body
    assert "secret code" not in body
    assert "Each message we send you has a new link" in body
