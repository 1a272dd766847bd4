"""Volunteers: invitations, and bulk submissions through the ordinary intake service.

Every address a volunteer sends becomes a report made by `intake.services.submit_public_report`
(the path the report journey and the partner API share), so matching runs and a duplicate joins
the case already open. Each row is its own savepoint: a row either becomes a report with its
`Submission` and audit entries or leaves nothing; rows are committed in batches so 500 rows take
a few seconds.
"""

import hashlib
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hatehub.accounts.models import Organisation, Role, User
from hatehub.audit.services import Action, record
from hatehub.intake.services import Contact, ReportSubmission, submit_public_report
from hatehub.reports.choices import ReporterRole
from hatehub.reports.models import Report
from hatehub.training.selectors import outstanding_for

from .bulk import Item, RowError
from .models import Batch, Invitation, Submission

log = logging.getLogger(__name__)
COMMIT_EVERY = 50


def invitation_days() -> int:
    return int(getattr(settings, "HUB_VOLUNTEER_INVITATION_DAYS", 7))


class SubmissionRefused(Exception):
    """The volunteer may not submit yet; the message says why (shown on the page)."""

    def __init__(self, message: str, modules=()):
        super().__init__(message)
        self.modules = list(modules)


class InvitationInvalid(Exception):
    """The set-password link is unknown, used, revoked or expired."""


# --------------------------------------------------------------------------- invitations


@dataclass(frozen=True)
class Invited:
    volunteer: User
    invitation: Invitation
    token: str  # shown once; only its hash is stored

    def path(self) -> str:
        return reverse("volunteers:set_password", args=[self.token])


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_invitation(volunteer: User, organisation: Organisation, by) -> tuple[Invitation, str]:
    now = timezone.now()
    Invitation.objects.filter(volunteer=volunteer, used_at=None, revoked_at=None).update(
        revoked_at=now
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        volunteer=volunteer,
        organisation=organisation,
        invited_by=by,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(days=invitation_days()),
    )
    return invitation, token


def _email_link(invited: Invited, base_url: str) -> None:
    volunteer = invited.volunteer
    if not volunteer.email:
        return
    from hatehub.outbox.services import send

    send(
        channel="email",
        to=volunteer.email,
        subject=f"You are invited to volunteer with {settings.HUB_STAFF_SERVICE_NAME}",
        body=(
            f"Hello {volunteer.first_name or volunteer.username},\n\n"
            f"{invited.invitation.organisation.name} has invited you to report online hate to "
            f"the {settings.HUB_STAFF_SERVICE_NAME} as a volunteer.\n\n"
            f"Choose your password here (the link works once, until "
            f"{timezone.localtime(invited.invitation.expires_at):%d %B %Y %H:%M}):\n"
            f"{base_url}{invited.path()}\n\nYour username is {volunteer.username}.\n"
        ),
        key=f"volunteer-invitation:{invited.invitation.pk}",
        purpose="volunteer_invitation",
        about=("volunteer", str(volunteer.pk)),
    )


@transaction.atomic
def invite_volunteer(
    *, username: str, first_name: str, last_name: str, email: str, organisation, by,
    base_url: str = "",
) -> Invited:  # fmt: skip
    """Create the volunteer (no usable password yet) in the organisation the supervisor chose,
    and a single-use link to choose one."""
    volunteer = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        role=Role.VOLUNTEER,
        organisation=organisation,
    )
    volunteer.set_unusable_password()
    volunteer.save()
    invitation, token = _new_invitation(volunteer, organisation, by)
    invited = Invited(volunteer, invitation, token)
    record(
        Action.CREATE,
        "user",
        volunteer.pk,
        summary=f"Volunteer {username} invited to {organisation.name}",
        details={"organisation": organisation.pk, "invitation": invitation.pk, "role": "volunteer"},
    )
    _email_link(invited, base_url)
    return invited


@transaction.atomic
def reissue_invitation(volunteer: User, *, by, base_url: str = "") -> Invited:
    """A new link (the old ones stop working), e.g. when the first expired."""
    organisation = volunteer.organisation
    if volunteer.role != Role.VOLUNTEER or organisation is None:
        raise InvitationInvalid("Only a volunteer of an organisation can be invited")
    invitation, token = _new_invitation(volunteer, organisation, by)
    invited = Invited(volunteer, invitation, token)
    record(
        Action.CHANGE,
        "user",
        volunteer.pk,
        summary=f"New set-password link issued to volunteer {volunteer.username}",
        details={"invitation": invitation.pk},
    )
    _email_link(invited, base_url)
    return invited


def valid_invitation(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("volunteer", "organisation")
        .filter(token_hash=_hash(token or ""))
        .first()
    )
    if (
        invitation is None
        or invitation.used_at is not None
        or invitation.revoked_at is not None
        or invitation.expires_at <= timezone.now()
        or not invitation.volunteer.is_active
    ):
        raise InvitationInvalid("This link is not valid: it has been used, replaced or expired")
    return invitation


@transaction.atomic
def accept_invitation(token: str, *, password: str) -> User:
    invitation = valid_invitation(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:  # used by a concurrent request
        raise InvitationInvalid("This link has already been used")
    volunteer = invitation.volunteer
    volunteer.set_password(password)
    volunteer.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    record(
        Action.CHANGE,
        "user",
        volunteer.pk,
        summary=f"Volunteer {volunteer.username} set a password from their invitation",
        details={"invitation": invitation.pk},
    )
    return volunteer


# --------------------------------------------------------------------------- submissions


def check_may_submit(volunteer) -> None:
    """Enforced here, not only in the page: only a volunteer, with the required training."""
    if getattr(volunteer, "role", None) != Role.VOLUNTEER:
        raise SubmissionRefused("Only volunteers submit found material in bulk")
    missing = outstanding_for(volunteer)
    if missing:
        titles = ", ".join(f"'{module.title}'" for module in missing)
        raise SubmissionRefused(
            f"Pass the required training before sending reports: {titles}", modules=missing
        )


def _submission_for(item: Item, volunteer) -> ReportSubmission:
    organisation = volunteer.organisation
    found_by = f"a volunteer of {organisation.name}" if organisation else "a community volunteer"
    description = item.notes or f"Found online by {found_by}."
    host = (urlsplit(item.url).hostname or "")[:100]
    return ReportSubmission(
        reporter_role=ReporterRole.ORGANISATION if organisation else ReporterRole.WITNESS,
        description=description,
        platform=item.platform,
        platform_other=host if item.platform == "other" else "",
        strands=list(item.strands) or ["not_sure"],
        quoted_text=item.quoted_text,
        occurred_on=item.occurred_on,
        urls=[item.url],
        contact=Contact(
            name=volunteer.get_full_name() or volunteer.username,
            email=volunteer.email,
            contact_method="email" if volunteer.email else "",
        ),
    )


def _import_item(item: Item, volunteer, batch: Batch) -> Submission:
    report = submit_public_report(_submission_for(item, volunteer), volunteer=volunteer)
    if volunteer.organisation_id:
        # The report is from a volunteer *of their organisation* (intake's volunteer path does
        # not take one yet).
        Report.objects.filter(pk=report.pk).update(organisation_id=volunteer.organisation_id)
    joined = Report.objects.filter(case_id=report.case_id).exclude(pk=report.pk).exists()
    return Submission.objects.create(
        batch=batch,
        volunteer=volunteer,
        organisation_id=volunteer.organisation_id,
        report=report,
        row=item.row,
        url=item.url,
        platform=item.platform,
        notes=item.notes,
        submitted_at=report.submitted_at,
        joined_existing=joined,
    )


def submit_batch(
    volunteer,
    items: Sequence[Item],
    *,
    method: str,
    rows: int,
    errors: Sequence[RowError] = (),
    filename: str = "",
) -> Batch:
    """Import the valid rows; the invalid ones (already found) are kept in the batch's report."""
    check_may_submit(volunteer)
    errors = list(errors)
    with transaction.atomic():
        batch = Batch.objects.create(
            volunteer=volunteer,
            organisation_id=volunteer.organisation_id,
            method=method,
            filename=filename[:200],
            created_at=timezone.now(),
            rows=rows,
        )
    imported = joined = 0
    for start in range(0, len(items), COMMIT_EVERY):
        with transaction.atomic():  # one commit per chunk, one savepoint per row
            for item in items[start : start + COMMIT_EVERY]:
                try:
                    with transaction.atomic():
                        submission = _import_item(item, volunteer, batch)
                except Exception:  # noqa: BLE001 - one row's failure must not stop the rest
                    log.exception(
                        "Volunteer row %s of batch %s could not be imported", item.row, batch.pk
                    )
                    errors.append(
                        RowError(item.row, "", "The hub could not take this row in: send it again")
                    )
                    continue
                imported += 1
                joined += submission.joined_existing
    errors.sort(key=lambda error: (error.row, error.column))
    with transaction.atomic():
        batch.imported, batch.joined_existing = imported, joined
        batch.rejected = len({error.row for error in errors})
        batch.errors = [error.as_dict() for error in errors]
        batch.save(update_fields=["imported", "joined_existing", "rejected", "errors"])
        record(
            Action.CREATE,
            "volunteer_batch",
            batch.pk,
            summary=(
                f"Volunteer {volunteer.username} sent {rows} row(s) by "
                f"{batch.get_method_display()}: {imported} imported ({joined} joined existing "
                f"cases), {batch.rejected} refused"
            ),
            details={"imported": imported, "rejected": batch.rejected, "joined": joined},
        )
    return batch
