"""Who can be contacted about a report, and how: the complainant, their channels, whether it
is safe to write automatically, and the address a message goes to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hatehub.reports.models import Complainant, Report

from ..models import (
    CHANNEL_LABELS,
)

VICTIM_ROLES = frozenset({"victim", "on_behalf"})


def complainant_of(report: Report) -> Complainant | None:
    try:
        return report.complainant
    except Complainant.DoesNotExist:
        return None


class ContactAnswers(Protocol):
    """What a reporter said about contacting them: a recorded `Complainant`, or the public
    form's answers before the report is recorded (the confirmation page's promise)."""

    @property
    def email(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def contact_method(self) -> str: ...
    @property
    def safe_to_leave_message(self) -> bool: ...
    @property
    def post_allowed(self) -> bool: ...
    @property
    def postal_address(self) -> str: ...


def channels_for(report: Report) -> list[str]:
    """The channels the complainant may be written to on, their chosen one first. Anonymous
    reporters: none. A phone number is texted only if a message may be left there; letters
    only if they said post is safe and gave an address."""
    person = complainant_of(report)
    if report.anonymous or person is None:
        return []
    return written_channels(person)


def written_channels(person: ContactAnswers) -> list[str]:
    """`channels_for`, from the answers themselves."""
    found: list[str] = []
    email = "email" if person.email else None
    sms = "sms" if person.phone and person.safe_to_leave_message else None
    preferred = [email, sms] if person.contact_method != "phone" else [sms, email]
    found.extend(channel for channel in preferred if channel)
    if person.post_allowed and person.postal_address.strip():
        found.append("letter")
    return found


@dataclass(frozen=True)
class ContactSafety:
    """What an officer must know before contacting a complainant who said it is not safe to
    leave a message: why nothing goes out automatically, and how they may be contacted."""

    automatic: bool  # may the hub write to them with no officer involved (the confirmation)?
    channels: tuple[str, ...]  # the written channels an officer may still choose, as labels
    summary: str  # "Not safe to leave a message: contact only by ..."


def contact_safety(report: Report) -> ContactSafety | None:
    """None when a message may be left (or the reporter cannot be contacted at all). Otherwise
    nothing is sent automatically, and the officer is told how to make contact: a phone call
    speaking to the person themselves, and a written channel only once they have checked it is
    safe. An email is a message someone else might see, which is what the reporter was
    asked about, so an officer chooses it knowingly; a text message is never sent."""
    person = complainant_of(report)
    if report.anonymous or person is None or person.safe_to_leave_message:
        return None
    ways = []
    if person.phone:
        ways.append(f"phone ({person.phone}), speaking to them: leave no voicemail or text")
    written = tuple(CHANNEL_LABELS[channel] for channel in channels_for(report))
    if written:
        ways.append(
            " or ".join(label.lower() for label in written)
            + " only once they have told you it is safe"
        )
    if not ways:
        ways.append("a way they tell you is safe: they gave no phone number and no safe channel")
    summary = "Not safe to leave a message: contact only by " + "; or by ".join(ways) + "."
    summary += " Nothing is sent to them automatically."
    if person.contact_notes:
        summary += f" They said: “{person.contact_notes}”"
    return ContactSafety(automatic=False, channels=written, summary=summary)


def writes_automatically(report: Report) -> bool:
    """May the hub write to this reporter with no officer involved? Not when it is unsafe to
    leave a message: an email, text or letter could be seen by the person they fear."""
    person = complainant_of(report)
    return can_be_contacted(report) and bool(person and person.safe_to_leave_message)


def confirmation_channel(person: ContactAnswers | None, *, anonymous: bool) -> str | None:
    """The channel the written confirmation of a report goes by, with no officer involved: the
    reporter's first written channel, and only if they said a message is safe to leave. None:
    nothing is sent automatically (an officer makes contact), or they cannot be contacted.
    `send_confirmation` sends by it, and the public form's confirmation page promises it."""
    if anonymous or person is None or not person.safe_to_leave_message:
        return None
    channels = written_channels(person)
    return channels[0] if channels else None


def can_be_contacted(report: Report) -> bool:
    """Anonymous reporters are never contacted; others need some way to reach them (a phone
    number with no message allowed still means an officer can call)."""
    person = complainant_of(report)
    if report.anonymous or person is None:
        return False
    return bool(person.email or person.phone or (person.post_allowed and person.postal_address))


def recipient(report: Report, channel: str) -> str:
    person = report.complainant
    return {"email": person.email, "sms": person.phone, "letter": _letter_to(person)}[channel]


def _letter_to(person: Complainant) -> str:
    lines = [person.name] if person.name else []
    lines += [line.strip() for line in person.postal_address.splitlines() if line.strip()]
    return "\n".join(lines)
