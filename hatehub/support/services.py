"""Writes for the support directory and referrals; every change and every disclosure of a
victim's details is audited.

A referral passes the least the service needs to contact the victim: name, the contact details
they gave and their safe-contact wishes, the postcode district (not the address), the strand(s)
and the date they reported. Never the report text, the evidence or anyone else's details.
"""

import hashlib
import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hatehub.audit.context import Actor, current_actor
from hatehub.audit.models import AuditEvent
from hatehub.audit.services import record
from hatehub.reports.models import Report

from . import selectors
from .areas import outward_code
from .models import Referral, SupportService

Action = AuditEvent.Action
PURPOSE = "support_referral"
OBJECT = "support_referral"


def _as(by):
    """The acting user for the audit entry: the request's actor (with its address) when there
    is one, else `by` (a service called from a command or a test), else the system."""
    if current_actor().user is None and getattr(by, "pk", None):
        return {"actor": Actor(label=by.get_username(), user=by)}
    return {}


class ReferralRefused(Exception):
    """The referral cannot be made or changed as asked (nothing was changed)."""


# The directory -------------------------------------------------------------------------------


def _service_details(service: SupportService) -> dict:
    return {
        "name": service.name,
        "scope": service.scope,
        "referral_method": service.referral_method,
        "active": service.active,
        "strands": sorted(s.code for s in service.strands.all()),
        "forces": sorted(f.police_uk_id for f in service.forces.all()),
        "postcode_areas": service.postcode_areas,
    }


@transaction.atomic
def save_service(form, *, by) -> SupportService:
    """Save a validated SupportServiceForm (new or changed) and audit what changed."""
    created = form.instance.pk is None
    changed = list(form.changed_data)
    service = form.save()
    record(
        Action.CREATE if created else Action.CHANGE,
        "support_service",
        service.pk,
        summary=f"Support service {service.name} {'added' if created else 'changed'}",
        details={"changed": changed, **_service_details(service)},
        **_as(by),
    )
    return service


# Referrals -----------------------------------------------------------------------------------


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _body(referral: Referral, report: Report, acknowledge_url: str) -> str:
    complainant = report.complainant
    strands = ", ".join(s.label.lower() for s in report.strands.all()) or "not stated"
    area = outward_code(complainant.victim_postcode) or complainant.victim_town or "not given"
    lines = [
        f"The Online Hate Crime Hub (police) refers a victim of online hate to "
        f"{referral.service.name}, with their consent.",
        "",
        f"Hub reference: {referral.case.reference} (referral {referral.pk})",
        f"Name: {complainant.name or 'not given'}",
    ]
    if complainant.email:
        lines.append(f"Email: {complainant.email}")
    if complainant.phone:
        lines.append(f"Phone: {complainant.phone}")
    if complainant.contact_method:
        lines.append(f"Prefers contact by: {complainant.get_contact_method_display()}")
    lines.append(
        "Safe to leave a message: " + ("yes" if complainant.safe_to_leave_message else "NO")
    )
    if complainant.contact_notes:
        lines.append(f"When and how it is safe to make contact: {complainant.contact_notes}")
    lines += [
        f"Area (postcode district or town): {area}",
        f"Targeted because of: {strands}",
        f"Reported to the police on: {report.submitted_at:%d %B %Y}",
    ]
    if referral.note:
        lines += ["", f"Note from the officer: {referral.note}"]
    lines += [
        "",
        "Please confirm that you have received this referral by opening this link:",
        acknowledge_url,
        "",
        "Keep this information safe and use it only to offer the victim support.",
    ]
    return "\n".join(lines)


@transaction.atomic
def refer(case, report: Report, service: SupportService, *, by, note: str = ""):
    """Refer the victim of `report` to `service`. Refused unless the reporter consented and
    is not anonymous, the service takes referrals and there is no live referral of this victim
    to it already. An email service gets the minimum details through the outbox with a
    single-use acknowledgement link (on HUB_PUBLIC_URL); a web-form or
    phone service waits for the officer to make it by hand and mark it sent."""
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("complainant")
        .get(pk=report.pk)
    )
    if report.case_id != case.pk:
        raise ReferralRefused("That report is not part of this case")
    refusal = selectors.referral_refusal(report)
    if refusal:
        raise ReferralRefused(refusal)
    if not service.accepts_referrals:
        raise ReferralRefused(
            f"{service.name} does not take referrals: give the victim its details instead"
            if service.active
            else f"{service.name} is no longer in use"
        )
    if Referral.objects.filter(report=report, service=service, status__in=Referral.LIVE).exists():
        raise ReferralRefused(f"This victim already has an open referral to {service.name}")
    due_on, nation = selectors.referral_due(report, case)
    now = timezone.now()
    referral = Referral.objects.create(
        case=case,
        report=report,
        service=service,
        method=service.referral_method,
        note=note.strip(),
        due_on=due_on,
        nation=nation,
        created_by=by,
        created_at=now,
    )
    record(
        Action.CREATE,
        OBJECT,
        referral.pk,
        summary=f"Referral of the victim in report {report.reference} to {service.name}",
        details={
            "case": case.reference,
            "report": report.reference,
            "service": service.pk,
            "method": referral.method,
            "due_on": due_on.isoformat(),
        },
        **_as(by),
    )
    if referral.method == SupportService.Method.EMAIL:
        _send_email(referral, report)
    return referral


def _send_email(referral: Referral, report: Report) -> None:
    from hatehub.outbox.services import send
    from hatehub.victims import conf

    token = secrets.token_urlsafe(32)
    referral.acknowledgement_token_hash = _hash(token)
    path = reverse("support:acknowledge", kwargs={"token": token})
    message = send(
        channel="email",
        to=referral.service.contact_email,
        subject=f"Support referral {referral.case.reference}-{referral.pk} from the hub",
        body=_body(referral, report, conf.public_url() + path),
        key=f"{PURPOSE}:{referral.pk}",
        purpose=PURPOSE,
        about=(OBJECT, str(referral.pk)),
    )
    referral.outbox_message = message
    referral.save(update_fields=["acknowledgement_token_hash", "outbox_message"])
    if message.status == "sent":  # delivered already (never the case after commit, but cheap)
        _mark_sent(referral, at=message.sent_at or timezone.now(), by=None, how="outbox")


def _mark_sent(referral: Referral, *, at, by, how: str) -> None:
    referral.status = Referral.Status.SENT
    referral.sent_at = at
    referral.sent_by = by
    referral.failure = ""
    referral.save(update_fields=["status", "sent_at", "sent_by", "failure"])
    record(
        Action.DISCLOSE,
        OBJECT,
        referral.pk,
        summary=(
            f"Victim's details in report {referral.report.reference} passed to "
            f"{referral.service.name}"
        ),
        details={
            "case": referral.case.reference,
            "how": how,
            "due_on": referral.due_on.isoformat(),
            "late": selectors.is_overdue(referral),
        },
        **_as(by),
    )
    _clock_event(referral)


def _clock_event(referral: Referral) -> None:
    """The referral is a notifiable event: the Victims' Code clock to tell the victim their
    details went to the service starts now (hatehub.victims), for this victim only."""
    from hatehub.victims import services as victims_services

    victims_services.events.record_event(
        referral.case,
        "support_referral",
        at=referral.sent_at,
        reports=[referral.report],
        by=referral.sent_by,
        details={
            "support_service": referral.service.name,
            "referral": referral.pk,
            "report": referral.report.reference,
            "due_on": referral.due_on.isoformat(),
        },
    )


def _locked(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update(of=("self",))
        .select_related("case", "report", "service")
        .get(pk=referral.pk)
    )


@transaction.atomic
def mark_sent(referral: Referral, *, by) -> Referral:
    """The officer made the referral by hand (web form or phone), or forwarded an email the
    outbox held or could not deliver."""
    referral = _locked(referral)
    if referral.status not in Referral.UNSENT:
        raise ReferralRefused("This referral has already been sent")
    _mark_sent(referral, at=timezone.now(), by=by, how="by hand")
    return referral


@transaction.atomic
def acknowledge(referral: Referral, *, by, via: str = "officer") -> Referral:
    """The service confirmed it has the referral (told the officer, or used its link)."""
    referral = _locked(referral)
    if referral.status == Referral.Status.ACKNOWLEDGED:
        raise ReferralRefused("The service has already acknowledged this referral")
    if referral.status != Referral.Status.SENT:
        raise ReferralRefused("Only a referral that has been sent can be acknowledged")
    referral.status = Referral.Status.ACKNOWLEDGED
    referral.acknowledged_at = timezone.now()
    referral.acknowledged_by = by
    referral.acknowledged_via = via
    referral.acknowledgement_token_hash = ""  # single use
    referral.save(
        update_fields=[
            "status",
            "acknowledged_at",
            "acknowledged_by",
            "acknowledged_via",
            "acknowledgement_token_hash",
        ]
    )
    record(
        Action.CHANGE,
        OBJECT,
        referral.pk,
        summary=f"Referral to {referral.service.name} acknowledged ({via})",
        details={"case": referral.case.reference, "via": via},
        **_as(by),
    )
    return referral


def referral_for_token(token: str) -> Referral | None:
    if not token or len(token) > 100:
        return None
    return (
        Referral.objects.filter(acknowledgement_token_hash=_hash(token))
        .exclude(acknowledgement_token_hash="")
        .select_related("service", "case")
        .first()
    )


@transaction.atomic
def acknowledge_by_token(token: str) -> Referral | None:
    """The service followed the link in the referral email. None for an unknown or used link."""
    referral = referral_for_token(token)
    if referral is None:
        return None
    if referral.status in Referral.UNSENT:
        # The email reached the service, so it has been sent whatever the outbox recorded.
        _mark_sent(_locked(referral), at=timezone.now(), by=None, how="acknowledged by service")
    return acknowledge(referral, by=None, via="service")


@transaction.atomic
def finish(referral: Referral, *, status: str, reason: str, by) -> Referral:
    """Close a referral (support given, or no longer needed) or record that the service or
    the victim declined it."""
    if status not in (Referral.Status.CLOSED, Referral.Status.DECLINED):
        raise ReferralRefused("Choose closed or declined")
    referral = _locked(referral)
    if not referral.is_live:
        raise ReferralRefused("This referral is already closed")
    referral.status = status
    referral.finished_at = timezone.now()
    referral.finished_by = by
    referral.finish_reason = reason.strip()
    referral.acknowledgement_token_hash = ""
    referral.save(
        update_fields=[
            "status",
            "finished_at",
            "finished_by",
            "finish_reason",
            "acknowledgement_token_hash",
        ]
    )
    record(
        Action.CHANGE,
        OBJECT,
        referral.pk,
        summary=f"Referral to {referral.service.name} {referral.get_status_display().lower()}",
        details={"case": referral.case.reference, "status": status, "reason": reason[:300]},
        **_as(by),
    )
    return referral


# The outbox tells us what happened to an email ---------------------------------------------


def on_message_sent(sender, message, **kwargs) -> None:
    if message.purpose != PURPOSE or message.about_type != OBJECT:
        return
    referral = (
        Referral.objects.select_for_update(of=("self",))
        .select_related("case", "report", "service")
        .filter(pk=message.about_id, status__in=Referral.UNSENT)
        .first()
    )
    if referral is not None:
        _mark_sent(referral, at=message.sent_at or timezone.now(), by=None, how="outbox")


def on_message_failed(sender, message, **kwargs) -> None:
    if message.purpose != PURPOSE or message.about_type != OBJECT:
        return
    referral = Referral.objects.filter(pk=message.about_id, status=Referral.Status.PENDING).first()
    if referral is not None:
        referral.status = Referral.Status.FAILED
        referral.failure = (message.last_error or "the email could not be delivered")[:500]
        referral.save(update_fields=["status", "failure"])
        record(
            Action.CHANGE,
            OBJECT,
            referral.pk,
            summary=f"Referral email to {referral.service.name} could not be delivered",
            details={"message": message.pk, "error": referral.failure[:300]},
        )
