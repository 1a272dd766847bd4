"""Recording speed alone: N waiting receipts of a surge, recorded one by one and in batches.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench_wt_d \\
        .venv/bin/python bench/recording_batches.py [--receipts 3000] [--rounds 1]
    DATABASE_URL=sqlite:////tmp/hatehub_bench_wt_d.sqlite3 \\
        .venv/bin/python bench/recording_batches.py

The database is FLUSHED. The receipts are a surge as the partner API receives it
(`receive_partner_report`, reporter's contact details, 20% unrelated reports, the rest of one
viral post with URL variants, typos and look-alike letters: `bench.surge` with one post). For each
recorder the same receipts are received afresh into an empty database and recorded by
`record_waiting`, as a task worker does, until none is waiting: first today's one-by-one recorder
(`batch_size=1`, the baseline), then the batch recorder. It prints reports/s of each, their
ratio, and checks what each kept: every receipt recorded once with its report, case, audit entry
and timeline entry, the viral post in one case, the audit chain valid. `--rounds 2` alternates
them twice (old, new, old, new), so drift in the shared machine's load shows.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.matching_quality import fresh_database, setup_django  # noqa: E402

STRANDS = ["race", "religion", "sexual_orientation", "disability", "transgender"]


def receive_all(reports) -> list[str]:
    """Receive every report as the partner API does; nothing is recorded yet."""
    from hatehub.accounts.models import Organisation
    from hatehub.intake import services
    from hatehub.intake.services import Contact, ReportSubmission, receive_partner_report

    services.wake_recorder = lambda: None  # the bench records them itself, below
    organisation, _ = Organisation.objects.get_or_create(name="Bench partner (recording)")
    references = []
    for n, item in enumerate(reports):
        submission = ReportSubmission(
            reporter_role="witness",
            description=item.description or "[SYNTHETIC] Reported post",
            platform=item.platform,
            quoted_text=item.quoted_text,
            strands=[STRANDS[n % len(STRANDS)]],
            urls=[url if "://" in url else f"https://{url}" for url in item.urls],
            accounts=list(item.accounts),
            contact=Contact(
                name="[SYNTHETIC] Bench Reporter",
                email=f"reporter-{n}@example.org",
                contact_method="email",
            ),
        )
        received, _ = receive_partner_report(
            submission, organisation=organisation, idempotency_key=f"recording-{n}"
        )
        references.append(received.reference)
    return references


def record_all(batch_size: int) -> tuple[int, float]:
    from django.test.utils import override_settings

    from hatehub.intake.services import record_waiting

    recorded = 0
    started = time.perf_counter()
    # Not a surge any more: nothing arrives while this runs, so no hold-back.
    with override_settings(HUB_RECORDING_BATCH_SIZE=batch_size):
        while True:
            done = record_waiting(for_seconds=30)
            recorded += done
            if not done:
                break
    return recorded, time.perf_counter() - started


def kept(references: list[str], truth: list[str]) -> dict:
    from django.db.models import Count

    from hatehub.audit.models import AuditEvent
    from hatehub.audit.services import verify_chain
    from hatehub.cases.models import CaseEvent
    from hatehub.reports.models import ReceivedReport, Report

    reports = dict(Report.objects.values_list("reference", "case_id"))
    audited = set(
        AuditEvent.objects.filter(object_type="report", action="create").values_list(
            "object_id", flat=True
        )
    )
    on_timeline = set(
        CaseEvent.objects.filter(kind=CaseEvent.Kind.REPORT_ADDED).values_list(
            "details__report", flat=True
        )
    )
    viral = max(set(truth), key=truth.count)
    viral_cases = {reports.get(ref) for ref, t in zip(references, truth, strict=True) if t == viral}
    return {
        "waiting": ReceivedReport.objects.filter(recorded_at__isnull=True).count(),
        "missing": sum(1 for ref in references if reports.get(ref) is None),
        "twice": Report.objects.values("reference").annotate(n=Count("pk")).filter(n__gt=1).count(),
        "without_audit_entry": sum(1 for ref in references if ref not in audited),
        "without_timeline_entry": sum(1 for ref in references if ref not in on_timeline),
        "viral_post_cases": len(viral_cases),
        "audit_chain": "verified" if not verify_chain() else "BROKEN",
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--receipts", type=int, default=3000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the setting")
    parser.add_argument("--rounds", type=int, default=1, help="old then new, this many times")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    setup_django()
    from django.conf import settings
    from django.db import connection

    from bench.surge import generate_surge

    batch_size = args.batch_size or settings.HUB_RECORDING_BATCH_SIZE
    reports = generate_surge(
        args.seed, posts=1, reports=args.receipts, unrelated_fraction=0.2, with_screenshots=False
    )
    truth = [r.truth for r in reports]
    viral = max(map(truth.count, set(truth)), default=0)
    print(
        f"Recording {len(reports)} waiting receipts ({viral} "
        f"of one post) on {connection.vendor} {connection.settings_dict['NAME']!r}",
        flush=True,
    )
    results: dict[str, list[float]] = {"one by one": [], f"batches of {batch_size}": []}
    for _round in range(args.rounds):
        for label, size in (("one by one", 1), (f"batches of {batch_size}", batch_size)):
            fresh_database()
            references = receive_all(reports)
            recorded, seconds = record_all(size)
            rate = recorded / seconds
            results[label].append(rate)
            print(
                f"{label:>16}: {recorded} recorded in {seconds:.1f} s = {rate:.1f} reports/s; "
                f"kept: {kept(references, truth)}",
                flush=True,
            )
    old, new = (max(rates) for rates in results.values())
    print(f"best of each: one by one {old:.1f}/s, batches {new:.1f}/s, ratio {new / old:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
