from django_tasks import task


@task()
def reassess_after_join(case_id: int) -> int | None:
    """Re-THRIVE after reports join an assessed case. In a surge many of these queue up for
    one case: the first assesses every report that has joined, the rest find nothing new."""
    from hatehub.cases.models import Case

    from .services import reassess_if_new_reports

    case = Case.objects.filter(pk=case_id).first()
    if case is None:
        return None
    assessment = reassess_if_new_reports(case)
    return assessment.number if assessment else None
