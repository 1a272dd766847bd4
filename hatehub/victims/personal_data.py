"""Personal data held by victims, for `hatehub.privacy`: the updates sent to complainants (who
they went to and what they said), their clocks' notes, and Track my report's credentials and
attempts. Erasure keeps each message's and clock's skeleton (event, dates, status) for the
Victims' Code figures and blanks the rest."""

ERASE_ORDER = 40  # before intake deletes the complainants


def erase_for_case(case) -> dict[str, int]:
    from hatehub.victims.models import (
        TrackingAttempt,
        TrackingCredential,
        TrackingLink,
        VictimMessage,
        VictimUpdateDue,
    )

    reports = case.reports.all()
    return {
        "victim_messages_blanked": VictimMessage.objects.filter(case=case).update(
            recipient="", subject="", body="", sent_text=""
        ),
        "victim_updates_blanked": VictimUpdateDue.objects.filter(case=case).update(
            details={}, completed_how=""
        ),
        "tracking_credentials": TrackingCredential.objects.filter(report__in=reports).delete()[0],
        "tracking_links": TrackingLink.objects.filter(report__in=reports).delete()[0],
        "tracking_attempts": TrackingAttempt.objects.filter(report__in=reports).delete()[0],
    }


def export_for_complainant(complainant) -> dict:
    from hatehub.victims.models import VictimMessage, VictimUpdateDue

    messages = VictimMessage.objects.filter(report_id=complainant.report_id).order_by("created_at")
    updates = VictimUpdateDue.objects.filter(report_id=complainant.report_id).order_by("due")
    return {
        "updates_sent_to_you": [
            {
                "event": message.event,
                "channel": message.channel,
                "sent_to": message.recipient,
                "created_at": message.created_at.isoformat(),
                "status": message.status,
                "text": message.sent_text or message.body,
            }
            for message in messages
        ],
        "victims_code_deadlines": [
            {
                "event": update.event,
                "due": update.due.isoformat(),
                "status": update.status,
                "completed_at": update.completed_at.isoformat() if update.completed_at else "",
            }
            for update in updates
        ],
    }
