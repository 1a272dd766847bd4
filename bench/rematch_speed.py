"""Re-match speed: `rematch_all()` over every report, extrapolated to 1,000,000 reports.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench \\
        .venv/bin/python bench/rematch_speed.py [--reports 20000] [--posts 400] [--seed 1]
    # or on whatever the database holds now (e.g. after bench/matching_quality.py):
    DATABASE_URL=... .venv/bin/python bench/rematch_speed.py --reuse

Without --reuse the database is FLUSHED and filled with a surge (`bench.surge`, no screenshots)
sent through the real intake path (`submit_partner_report`). Then `rematch_all(dry_run=True)`
(replay and matching only) and `rematch_all()` (also rebuilding the index, merging, recording
possible matches) are timed. The 1,000,000-report figures are a linear EXTRAPOLATION of the
measured rate, not a measurement; the target is 15 minutes. Always exits 0.
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--posts", type=int, default=None, help="default: reports / 50")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse", action="store_true", help="re-match the database as it is (no flush, no fill)"
    )
    args = parser.parse_args(argv)

    setup_django()
    from django.db import connection

    from hatehub.cases.models import Case
    from hatehub.intake.models import Report
    from hatehub.matching.models import MatchKey
    from hatehub.matching.rematch import rematch_all

    print(f"Re-match speed on {connection.vendor} database {connection.settings_dict['NAME']!r}")
    truth = ids = None
    if not args.reuse:
        from bench.scoring import pair_scores
        from bench.surge import generate_surge

        fresh_database()
        posts = args.posts or max(1, args.reports // 50)
        reports = generate_surge(
            args.seed, posts=posts, reports=args.reports, with_screenshots=False
        )
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
    dry = rematch_all(dry_run=True)
    dry_seconds = time.perf_counter() - began
    began = time.perf_counter()
    full = rematch_all()
    full_seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(f"  {'run':<44} {'seconds':>8} {'reports/s':>10} {'1M (extrapolated)':>18}")
    for name, seconds in (
        ("rematch_all(dry_run=True): replay + matching", dry_seconds),
        ("rematch_all(): + index rebuild, merges", full_seconds),
    ):
        rate = count / seconds
        print(f"  {name:<44} {seconds:>8.1f} {rate:>10.0f} {_minutes(MILLION / rate):>18}")
    print(
        f"  dry run would merge {dry.merges} case(s); the full run merged {full.merges}, "
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
    print()
    print(
        f"  {verdict} (EXTRAPOLATED, linear from {count:,} reports): 1,000,000 reports in "
        f"~{_minutes(extrapolated)} vs target {_minutes(TARGET_SECONDS_FOR_1M)} "
        f"(ratio {extrapolated / TARGET_SECONDS_FOR_1M:.2f} of target)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
