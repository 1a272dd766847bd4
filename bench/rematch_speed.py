"""Re-match speed: `rematch_all()` over every report, extrapolated to 1,000,000 reports (or
measured, with `--reports 1000000 --fast-fill` then `--reuse`).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench \\
        .venv/bin/python bench/rematch_speed.py [--reports 20000] [--posts 400] [--seed 1]
    # or on whatever the database holds now (e.g. after bench/matching_quality.py):
    DATABASE_URL=... .venv/bin/python bench/rematch_speed.py --reuse

Without --reuse the database is FLUSHED and filled with a surge (`bench.surge`, no screenshots)
sent through the real intake path (`submit_partner_report`). Then `rematch_all(dry_run=True)`
(replay and matching only) and `rematch_all()` (also rebuilding the index, merging, recording
possible matches) are timed. Below 1,000,000 reports the 1,000,000-report figures are a linear
EXTRAPOLATION of the measured rate, not a measurement; the target is 15 minutes. Always exits 0.
"""

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.matching_quality import (  # noqa: E402
    case_ids_of,
    fresh_database,
    setup_django,
    submit_surge,
)

TARGET_SECONDS_FOR_1M = 15 * 60
MILLION = 1_000_000


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f} min"


def _progress(total: int):
    """Prints the replay's progress about every tenth of the reports, so a long run (a million
    reports) shows its rate as it goes and a stopped one still says how far it got."""
    began = time.perf_counter()
    step = max(1, total // 10)
    shown = [0]

    def show(done: int) -> None:
        if done - shown[0] >= step or done == total:
            shown[0] = done
            seconds = time.perf_counter() - began
            print(f"    replayed {done:,} reports in {seconds:.0f} s ({done / seconds:.0f}/s)",
                  flush=True)  # fmt: skip

    return show


def fast_fill(reports) -> None:
    """The surge's reports written in bulk, each in the case of its true post (as a perfect
    intake would have left them), with their links and named accounts: what `rematch` reads.
    Minutes for 100,000 reports instead of the intake path's hours."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from hatehub.cases.models import Case
    from hatehub.reports.models import AccountMention, ContentItem, Report

    now = timezone.now()
    start = now - timedelta(seconds=len(reports))
    posts = list(dict.fromkeys(r.truth for r in reports))
    with transaction.atomic():
        cases = Case.objects.bulk_create(
            [
                Case(
                    reference=f"BENCH-{n:08d}",
                    urgency=3,
                    urgency_reason="Bench",
                    opened_at=start,
                    updated_at=start,
                )
                for n in range(len(posts))
            ],
            batch_size=5000,
        )
        case_of = {truth: case.pk for truth, case in zip(posts, cases, strict=True)}
        rows = Report.objects.bulk_create(
            [
                Report(
                    reference=f"B{n:013d}",
                    source="partner",
                    submitted_at=start + timedelta(seconds=n),
                    case_id=case_of[item.truth],
                    reporter_role="witness",
                    description=item.description,
                    quoted_text=item.quoted_text,
                    platform=item.platform,
                )
                for n, item in enumerate(reports)
            ],
            batch_size=5000,
        )
        ContentItem.objects.bulk_create(
            [
                ContentItem(report_id=row.pk, url=url)
                for row, item in zip(rows, reports, strict=True)
                for url in item.urls
            ],
            batch_size=5000,
        )
        AccountMention.objects.bulk_create(
            [
                AccountMention(report_id=row.pk, platform=item.platform, handle=handle)
                for row, item in zip(rows, reports, strict=True)
                for handle in item.accounts
            ],
            batch_size=5000,
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--posts", type=int, default=None, help="default: reports / 50")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse", action="store_true", help="re-match the database as it is (no flush, no fill)"
    )
    parser.add_argument(
        "--fast-fill",
        action="store_true",
        help="fill with bulk inserts (one case per true post) instead of the intake path, and "
        "stop: time the re-match with --reuse (on a copy: createdb -T)",
    )
    parser.add_argument(
        "--skip-dry-run", action="store_true", help="time only the full rematch_all()"
    )
    args = parser.parse_args(argv)

    setup_django()
    from django.db import connection

    from hatehub.cases.models import Case
    from hatehub.matching.models import MatchKey
    from hatehub.matching.rematch import rematch_all
    from hatehub.reports.models import Report

    print(f"Re-match speed on {connection.vendor} database {connection.settings_dict['NAME']!r}")
    truth = ids = None
    if not args.reuse:
        from bench.scoring import pair_scores
        from bench.surge import generate_surge

        fresh_database()
        posts = args.posts or max(1, args.reports // 50)
        began = time.perf_counter()
        reports = generate_surge(
            args.seed, posts=posts, reports=args.reports, with_screenshots=False
        )
        print(f"  generated {len(reports)} reports in {time.perf_counter() - began:.1f} s")
        if args.fast_fill:
            print(f"Filling by bulk inserts: {len(reports)} reports, {posts} posts...")
            began = time.perf_counter()
            fast_fill(reports)
            print(f"  filled in {time.perf_counter() - began:.1f} s")
            return 0
        print(f"Filling through the intake path: {len(reports)} reports, {posts} posts...")
        ids, _latencies, wall = submit_surge(reports, label=f"rematch-{args.seed}")
        print(f"  filled in {wall:.1f} s ({len(ids) / wall:.1f} reports/s)")
        truth = [r.truth for r in reports]
        before = pair_scores(truth, case_ids_of(ids))

    count = Report.objects.count()
    keys = MatchKey.objects.count()
    live_cases = Case.objects.exclude(status=Case.Status.MERGED).count()
    print(f"Database holds {count:,} reports, {keys:,} match keys, {live_cases:,} live cases")
    if not count:
        print("Nothing to re-match.")
        return 0

    began = time.perf_counter()
    dry = None if args.skip_dry_run else rematch_all(dry_run=True, progress=_progress(count))
    dry_seconds = time.perf_counter() - began
    began = time.perf_counter()
    full = rematch_all(progress=_progress(count))
    full_seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"  {'run':<44} {'seconds':>8} {'reports/s':>10} {'1M (extrapolated)':>18}")
    runs = [("rematch_all(): + index rebuild, merges", full_seconds)]
    if dry is not None:
        runs.insert(0, ("rematch_all(dry_run=True): replay + matching", dry_seconds))
    for name, seconds in runs:
        rate = count / seconds
        print(f"  {name:<44} {seconds:>8.1f} {rate:>10.0f} {_minutes(MILLION / rate):>18}")
    print(
        f"  dry run would merge {dry.merges if dry else '(skipped)'} case(s); "
        f"the full run merged {full.merges}, "
        f"wrote {full.keys:,} keys, recorded {full.possible} possible match(es)"
    )
    print(f"  peak memory of this process: {peak_mb:.0f} MB (the in-memory index grows with N)")
    if truth is not None:
        from bench.scoring import pair_scores

        after = pair_scores(truth, case_ids_of(ids))
        print(
            f"  pair scores before / after re-match: precision {before.precision:.4f} / "
            f"{after.precision:.4f}, recall {before.recall:.4f} / {after.recall:.4f}"
        )
    extrapolated = MILLION / (count / full_seconds)
    verdict = "PASS" if extrapolated <= TARGET_SECONDS_FOR_1M else "MISS"
    how = "MEASURED" if count == MILLION else f"EXTRAPOLATED, linear from {count:,} reports"
    print()
    print(
        f"  {verdict} ({how}): 1,000,000 reports in "
        f"~{_minutes(extrapolated)} vs target {_minutes(TARGET_SECONDS_FOR_1M)} "
        f"(ratio {extrapolated / TARGET_SECONDS_FOR_1M:.2f} of target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
