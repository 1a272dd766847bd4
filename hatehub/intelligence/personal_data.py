"""Personal data held by intelligence, for `hatehub.privacy`.

Intelligence reports are records of their own, reviewed under the police information and
records management Code; erasing a case removes the report's link to the case (the POLE
"event"), not the report. A suspect's subject access lists the reports that name them."""

ERASE_ORDER = 50


def names_account(account_id: int) -> bool:
    """An intelligence report names the online account (matching keeps it on erasure)."""
    from hatehub.intelligence.models import IntelligenceReport

    return IntelligenceReport.accounts.through.objects.filter(onlineaccount_id=account_id).exists()


def names_person(person_id: int) -> bool:
    """An intelligence report names the person (suspects keeps them on erasure)."""
    from hatehub.intelligence.models import IntelligenceReport

    return IntelligenceReport.persons.through.objects.filter(person_id=person_id).exists()


def erase_for_case(case) -> dict[str, int]:
    from hatehub.intelligence.models import IntelligenceReport

    links = IntelligenceReport.cases.through.objects.filter(case_id=case.pk)
    return {"intelligence_case_links": links.delete()[0]}


def export_for_person(person) -> dict:
    from hatehub.intelligence.models import IntelligenceReport

    reports = IntelligenceReport.objects.filter(persons=person).prefetch_related(
        "disseminations__recipients"
    )
    return {
        "intelligence_reports": [
            {
                "reference": r.reference,
                "status": r.get_status_display(),
                "title": r.title,
                "text": r.draft_text,
                "sanitised_text": r.sanitised_text,
                "grading": f"{r.source_evaluation}{r.intelligence_assessment}{r.handling_code}",
                "created_at": r.created_at.isoformat(),
                "disseminated_to": sorted(
                    {str(x) for d in r.disseminations.all() for x in d.recipients.all()}
                ),
            }
            for r in reports
        ]
    }
