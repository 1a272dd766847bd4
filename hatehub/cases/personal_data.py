"""Personal data held by cases, for `hatehub.privacy`: free text on the timeline, allocations
and crime outcomes (the suspect's name). The case row stays (reference, status, dates, force)."""

ERASE_ORDER = 50


def erase_for_case(case) -> dict[str, int]:
    from hatehub.cases.models import Allocation, CaseEvent, CrimeOutcome

    events = 0
    for event in CaseEvent.objects.filter(case=case).only("pk", "kind"):
        CaseEvent.objects.filter(pk=event.pk).update(summary=event.get_kind_display(), details={})
        events += 1
    counts = {"timeline_entries_blanked": events}
    counts["allocations_blanked"] = Allocation.objects.filter(case=case).update(
        reason="", response_reason=""
    )
    counts["crime_outcomes_blanked"] = CrimeOutcome.objects.filter(report__case=case).update(
        suspect_name="", rationale=""
    )
    type(case).objects.filter(pk=case.pk).update(urgency_reason="")
    return counts


def erase_subject_for_case(case) -> dict[str, int]:
    """NCHI without personal data: a suspect's name recorded on an outcome."""
    from hatehub.cases.models import CrimeOutcome

    return {
        "crime_outcome_suspect_names_blanked": CrimeOutcome.objects.filter(report__case=case)
        .exclude(suspect_name="")
        .update(suspect_name="")
    }


def export_for_complainant(complainant) -> dict:
    from hatehub.cases.models import CrimeOutcome

    case = complainant.report.case
    outcome = CrimeOutcome.objects.filter(report_id=complainant.report_id).first()
    return {
        "your_case": {
            "reference": case.reference,
            "status": case.get_status_display(),
            "opened_at": case.opened_at.isoformat(),
            "police_force": str(case.allocated_force) if case.allocated_force_id else "",
            "updates_shown_to_you": [
                {"at": event.at.isoformat(), "update": event.summary}
                for event in case.events.filter(visible_to_complainant=True)
            ],
            "crime_outcome": (
                {
                    "outcome": outcome.get_code_display(),
                    "date": outcome.outcome_date.isoformat(),
                }
                if outcome
                else {}
            ),
        }
    }
