"""The case page's "Victims' Right to Review" section."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import access, selectors
from .models import ReviewRequest


def panels(request, case) -> list[Panel]:
    user = request.user
    if not access.works_reviews(user):
        return []
    # The case page already checked the user sees the case; check again (cheaply) anyway.
    if not selectors.visible_cases(user).filter(pk=case.pk).exists():
        return []
    reviews = list(ReviewRequest.objects.filter(case=case).select_related("report", "reviewer"))
    today = selectors.today()
    for review in reviews:
        review.late = selectors.overdue(review, today)
    if reviews:
        record(
            Action.VIEW,
            "right_to_review",
            case.reference,
            summary=f"Right to Review requests on case {case.reference} listed",
            details={"requests": [review.pk for review in reviews]},
        )
    return [
        Panel(
            template="reviews/_case_panel.html",
            context={
                "case": case,
                "reviews": reviews,
                "can_record": access.records_requests(user),
            },
            order=70,
            title="Victims' Right to Review",
            empty=not reviews,
        )
    ]
