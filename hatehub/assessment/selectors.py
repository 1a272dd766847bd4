"""What the case page shows of the assessment."""

from hatehub.accounts import roles

from .models import Classification


def for_case_page(case, user) -> dict:
    assessments = list(case.assessments.select_related("decided_by").order_by("-number")[:10])
    latest = assessments[0] if assessments else None
    return {
        "assessment": latest,
        "history": assessments[1:],
        "classification_label": (
            Classification(latest.recommendation["classification"]).label if latest else ""
        ),
        "assesses": roles.sees_every_case(user),
    }
