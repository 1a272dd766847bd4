"""Reads for Right to Review requests: who sees which, who may review, what is overdue."""

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.accounts.models import User
from hatehub.cases.selectors import visible_cases
from hatehub.victims.clocks import event_local_date

from .models import ReviewRequest


def today() -> dt.date:
    return event_local_date(timezone.now())


def visible_reviews(user) -> QuerySet[ReviewRequest]:
    return ReviewRequest.objects.filter(case__in=visible_cases(user))


def open_reviews(user) -> QuerySet[ReviewRequest]:
    return (
        visible_reviews(user)
        .filter(status__in=ReviewRequest.OPEN)
        .select_related("case", "report", "reviewer")
        .order_by("decision_due", "acknowledge_due", "pk")
    )


def _late(due: dt.date | None, done: dt.date | None, waiting: bool, on: dt.date) -> bool:
    if due is None:
        return False
    if done is not None:
        return done > due
    return waiting and on > due


def overdue(review: ReviewRequest, on: dt.date | None = None) -> dict[str, bool]:
    """Which of its clocks a request has missed: `acknowledge` (not acknowledged by the end of
    the due day, or acknowledged after it) and `decision` (likewise for the decision)."""
    on = on or today()
    return {
        "acknowledge": _late(review.acknowledge_due, review.acknowledged_on, review.is_open, on),
        "decision": _late(review.decision_due, review.decided_on, review.is_open, on),
    }


def same_person(user, name: str) -> bool:
    """Whether a free-text name is this user (full name or username, ignoring case/spaces)."""
    wanted = " ".join((name or "").split()).casefold()
    if not wanted or user is None:
        return False
    names = {user.get_username(), user.get_full_name()}
    return wanted in {" ".join(n.split()).casefold() for n in names if n}


def independence_problem(review: ReviewRequest, user) -> str | None:
    """Why `user` may not review this request, or None. The reviewer must not have made the
    original decision, and must be able to see the case (hub staff, or the force that has it)."""
    if user is None:
        return "Choose a reviewer"
    if review.decision_maker_id is not None and review.decision_maker_id == user.pk:
        return "The reviewer must not be the person who made the original decision"
    if same_person(user, review.decision_maker_name):
        return "The reviewer must not be the person who made the original decision"
    if not roles.works_cases(user) or not visible_cases(user).filter(pk=review.case_id).exists():
        return "The reviewer must be hub staff or work for the force that has the case"
    return None


def possible_reviewers(review: ReviewRequest) -> QuerySet[User]:
    """Active users who could review it: hub staff, or users of the force that has the case,
    except whoever made the original decision."""
    users = User.objects.filter(is_active=True).filter(
        Q(role__in=roles.HUB_ROLES)
        | Q(role="force_user", force_id=review.case.allocated_force_id, force_id__isnull=False)
    )
    if review.decision_maker_id:
        users = users.exclude(pk=review.decision_maker_id)
    return users.order_by("last_name", "first_name", "username")


def decision_makers() -> QuerySet[User]:
    """The people whose decisions a request can be against: hub staff and force users."""
    return User.objects.filter(role__in=roles.CASEWORK_ROLES).order_by(
        "last_name", "first_name", "username"
    )
