"""Personal data held by reviews, for `hatehub.privacy`: a victim's Right to Review request
(their grounds, the reasons given). The request row stays for statistics, its text blanked."""

ERASE_ORDER = 50


def erase_for_case(case) -> dict[str, int]:
    from hatehub.reviews.models import ReviewRequest

    return {
        "review_requests_blanked": ReviewRequest.objects.filter(case=case).update(
            grounds="", outcome_reasons=""
        )
    }


def export_for_complainant(complainant) -> dict:
    from hatehub.reviews.models import ReviewRequest

    requests = ReviewRequest.objects.filter(report_id=complainant.report_id)
    return {
        "right_to_review_requests": [
            {
                "received_on": r.received_on.isoformat(),
                "decision_reviewed": r.decision_kind_label,
                "your_grounds": r.grounds,
                "status": r.get_status_display(),
                "outcome": r.get_outcome_display() if r.outcome else "",
                "reasons": r.outcome_reasons,
            }
            for r in requests
        ]
    }
