"""Personal data held by assessment, for `hatehub.privacy`: the answers and words read from
the reports and the officers' free text. The decision itself (classification, strands,
offences, priority) stays for statistics."""

ERASE_ORDER = 50

KEPT_RECOMMENDATION_KEYS = (
    "classification",
    "strands",
    "offences",
    "priority",
    "route_to_local_force",
    "urgent",
    "enhanced_rights",
    "nchi_personal_data",
    "rules_fired",
    "nation",  # the law applied (a UK nation, not where anyone is): kept for statistics
    "nchi_code",
)


def erase_for_case(case) -> dict[str, int]:
    from hatehub.assessment.models import Assessment

    blanked = 0
    for assessment in Assessment.objects.filter(case=case):
        rec = assessment.recommendation or {}
        assessment.recommendation = {
            **{key: rec[key] for key in KEPT_RECOMMENDATION_KEYS if key in rec},
            "inferred": {},
            "signals": {},
            "explanation": [],
        }
        assessment.answers, assessment.confirmed, assessment.inferred = {}, {}, {}
        assessment.signals = {}
        assessment.rationale = assessment.review_note = ""
        assessment.save(
            update_fields=[
                "recommendation",
                "answers",
                "confirmed",
                "inferred",
                "signals",
                "rationale",
                "review_note",
            ]
        )
        blanked += 1
    return {"assessments_blanked": blanked}


def export_for_complainant(complainant) -> dict:
    last = (
        complainant.report.case.assessments.filter(decided_at__isnull=False)
        .order_by("-number")
        .first()
    )
    if last is None:
        return {}
    return {
        "decision_on_your_report": {
            "classification": last.get_decided_classification_display(),
            "characteristics": last.decided_strands,
            "decided_at": last.decided_at.isoformat(),
        }
    }
