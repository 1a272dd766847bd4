"""Synthetic reports written straight to the database, in bulk: weeks of seeded traffic for
the surge and dashboard tests, where sending thousands of reports through intake one by one
would take minutes. Only the fields analytics reads are filled; text is marked [SYNTHETIC]."""

from itertools import count

from django.utils import timezone

from hatehub.cases.models import Case
from hatehub.reports.models import Report, Strand

_numbers = count(1)


def bulk_reports(events, *, force=None) -> dict[int, Case]:
    """One case per post (`event.content`), one report per event. Returns {content: case}."""
    strands = dict(Strand.objects.values_list("code", "pk"))
    run = next(_numbers)
    cases: dict[int, Case] = {}
    for event in sorted(events, key=lambda e: e.at):
        if event.content not in cases:
            cases[event.content] = Case(
                reference=f"SYN{run:03d}-{event.content:07d}",
                opened_at=timezone.make_aware(event.at),
                allocated_force=force,
            )
    Case.objects.bulk_create(cases.values())
    reports = [
        Report(
            reference=f"S{run:03d}{i:09d}",
            source="public",
            submitted_at=timezone.make_aware(event.at),
            case=cases[event.content],
            reporter_role="witness",
            description="[SYNTHETIC] bulk test report",
            platform=event.platform,
        )
        for i, event in enumerate(events)
    ]
    Report.objects.bulk_create(reports, batch_size=500)
    Report.strands.through.objects.bulk_create(
        [
            Report.strands.through(report_id=report.pk, strand_id=strands[event.strand])
            for report, event in zip(reports, events, strict=True)
        ],
        batch_size=500,
    )
    return cases
