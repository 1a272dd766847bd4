"""Reads for the victims pages: who may see which updates, the dashboard of updates due, a
case's updates, and what Track my report shows a complainant."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Case as SqlCase
from django.db.models import IntegerField, Value, When
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.cases.models import Case
from hatehub.cases.selectors import visible_cases
from hatehub.reports.models import Complainant, Report

from . import messages
from .models import VictimMessage, VictimUpdateDue

HANDED_OVER = (
    VictimMessage.Status.QUEUED,
    VictimMessage.Status.SENT,
    VictimMessage.Status.HELD,
)


def visible_updates(user):
    """Clocks on the cases the user may see (force users: their own force's)."""
    return VictimUpdateDue.objects.filter(report__case__in=visible_cases(user))


def event_label(event: str) -> str:
    return event.replace("_", " ").capitalize()


UPCOMING_DAYS = 7  # the dashboard shows open updates due within this many days, too


@dataclass
class Row:
    update: VictimUpdateDue
    overdue: bool
    scheduled_for: dt.datetime | None = None
    days_left: int = 0  # 0: due today; more: upcoming

    @property
    def upcoming(self) -> bool:
        return not self.overdue and self.days_left > 0

    @property
    def label(self) -> str:
        return event_label(self.update.event)


@dataclass
class OfficerGroup:
    officer: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class ForceGroup:
    force: str
    officers: list[OfficerGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(group.rows) for group in self.officers)


def dashboard(user, today: dt.date | None = None) -> tuple[list[ForceGroup], dict[str, int]]:
    """Open updates overdue, due today or due in the next UPCOMING_DAYS days, grouped by force
    (the hub while no force has accepted the case), then by the officer whose decision started
    the clock; and the counts of each."""
    today = today or timezone.localdate()
    due = (
        visible_updates(user)
        .filter(
            status=VictimUpdateDue.Status.OPEN,
            due__lte=today + dt.timedelta(days=UPCOMING_DAYS),
        )
        .select_related("report__case__allocated_force", "officer")
        .order_by("due", "pk")
    )
    scheduled = dict(
        VictimMessage.objects.filter(
            update__in=due, status=VictimMessage.Status.SCHEDULED
        ).values_list("update_id", "send_after")
    )
    forces: dict[str, dict[str, list[Row]]] = {}
    counts = {"overdue": 0, "today": 0, "upcoming": 0}
    for update in due:
        case = update.report.case
        force = case.allocated_force.name if case.force_accepted_at else "Online Hate Crime Hub"
        officer = (
            (update.officer.get_full_name() or update.officer.username)
            if update.officer
            else "No officer named"
        )
        overdue = update.due < today
        days_left = max((update.due - today).days, 0)
        counts["overdue" if overdue else "upcoming" if days_left else "today"] += 1
        forces.setdefault(force, {}).setdefault(officer, []).append(
            Row(update, overdue, scheduled.get(update.pk), days_left)
        )
    groups = [
        ForceGroup(force, [OfficerGroup(name, rows) for name, rows in sorted(officers.items())])
        for force, officers in sorted(forces.items())
    ]
    return groups, counts


PANEL_ROWS = 50


def _open_first(status: str) -> SqlCase:
    return SqlCase(
        When(status=status, then=Value(0)), default=Value(1), output_field=IntegerField()
    )


def case_updates(case: Case, today: dt.date) -> tuple[list[VictimUpdateDue], int, int]:
    """A case's clocks for its page: open ones first (soonest due), then the latest met, at
    most PANEL_ROWS (a viral post's case has thousands); with the total and how many are
    overdue."""
    clocks = VictimUpdateDue.objects.filter(report__case=case)
    is_open = VictimUpdateDue.Status.OPEN
    rows = list(
        clocks.select_related("report")
        .annotate(
            closed=_open_first(is_open),
        )
        .order_by("closed", "due", "-event_at", "pk")[:PANEL_ROWS]
    )
    total = clocks.count()
    overdue = clocks.filter(status=is_open, due__lt=today).count()
    return rows, total, overdue


def sends_updates(user) -> bool:
    """Hub staff and force users write to complainants (on the cases they may see)."""
    return roles.works_cases(user)


# --- Track my report ----------------------------------------------------------------------------

STATUS_WORDS = {
    Case.Status.NEW: "Received: waiting to be looked at by the Online Hate Crime Hub",
    Case.Status.IN_ASSESSMENT: "Being looked at by the Online Hate Crime Hub",
    Case.Status.ALLOCATED: "Passed to a local police force",
    Case.Status.REFERRED: "Reported to the website or app",
    Case.Status.CLOSED: "Finished",
    Case.Status.MERGED: "Being looked at with other reports of the same thing",
}


def support_state(report: Report) -> str:
    """What the complainant said about a support referral, and whether it has been made:
    "offered" (they did not ask for one), "consented" (they asked; not passed on yet) or
    "referred". Every message and page that offers support reads it, so none offers what they
    already accepted."""
    try:
        person = report.complainant
    except Complainant.DoesNotExist:
        return "offered"
    if not person.support_referral_consent:
        return "offered"
    passed_on = report.support_referrals.filter(status__in=("sent", "acknowledged", "closed"))
    return "referred" if passed_on.exists() else "consented"


@dataclass(frozen=True)
class TrackView:
    reference: str
    submitted_on: dt.date
    status: str
    updates: list[VictimMessage]
    review_closes: dt.date | None
    review_kind: str
    support: str  # support_state


def track_view(report: Report) -> TrackView:
    """What Track my report shows: this report's status and the updates sent to this reporter,
    nothing about anyone else who reported the same content."""
    from .clocks import right_to_review_request_closes

    case = report.case
    status = STATUS_WORDS.get(case.status, "Being looked at")
    if case.status == Case.Status.ALLOCATED and case.allocated_force_id and case.force_accepted_at:
        status = f"Being dealt with by {case.allocated_force.name}"
    outcome = getattr(report, "crime_outcome", None)
    review_kind, closes = "", None
    if outcome is not None:
        review_kind = messages.review_kind(
            outcome.code, suspect_identified=outcome.suspect_identified
        )
        if review_kind == "police":
            closes = right_to_review_request_closes(outcome.outcome_date)
            if closes < timezone.localdate():
                review_kind, closes = "", None
    updates = list(
        VictimMessage.objects.filter(report=report, status__in=HANDED_OVER).order_by(
            "-handed_over_at", "-pk"
        )
    )
    return TrackView(
        reference=report.reference,
        submitted_on=timezone.localdate(report.submitted_at),
        status=status,
        updates=updates,
        review_closes=closes,
        review_kind=review_kind,
        support=support_state(report),
    )


def next_open_update(user, case: Case) -> VictimUpdateDue | None:
    """The case's open Victims' Code update due soonest, for the case page's summary; None for
    a user who does not write to victims or cannot see the case."""
    if not sends_updates(user):
        return None
    return (
        visible_updates(user)
        .filter(report__case=case, status=VictimUpdateDue.Status.OPEN)
        .order_by("due", "pk")
        .first()
    )
