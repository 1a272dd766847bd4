"""What the case page shows of the assessment."""

from hatehub.accounts import roles

from .decisions import classification_label, decision_of, nation_of, strand_label
from .rules import load_rules


def for_case_page(case, user) -> dict:
    assessments = list(case.assessments.select_related("decided_by").order_by("-number")[:10])
    latest = assessments[0] if assessments else None
    rules = load_rules()
    return {
        "assessment": latest,
        "history": assessments[1:],
        "classification_label": (
            classification_label(
                latest.recommendation["classification"], nation_of(latest.recommendation), rules
            )
            if latest
            else ""
        ),
        "recommended_strands": (
            [strand_label(s, rules) for s in latest.recommendation.get("strands", [])]
            if latest
            else []
        ),
        "decision": decision_of(latest, rules) if latest else None,
        "assesses": roles.sees_every_case(user),
    }
