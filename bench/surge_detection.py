"""Surge detection and the analytics dashboard on 100,000 reports.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench_analytics \\
        .venv/bin/python bench/surge_detection.py [--reports 100000] [--weeks 8] [--seed 1]
    DATABASE_URL=sqlite:////tmp/hatehub_bench_analytics.sqlite3 .venv/bin/python bench/...

The database is FLUSHED first (its name must contain "bench"). It is filled with seeded
synthetic traffic (tests/analytics/generator.py: daily and weekly rhythm, bursts, posts
reported several times) written in bulk, plus one surge of 60 reports of one post in the last
week. Then it times, best of three:

1. one surge check (`analytics.services.detect_surges` for the current and previous hour, as
   the worker runs it) against the in-run baseline of fetching the baseline weeks' report rows
   and counting series per hour in Python;
2. every dashboard figure over the last 28 days (`analytics.selectors`, aggregate SQL) against
   the baseline of fetching those reports' rows and counting them in Python.

Prints the times, the ratios and whether the surge was found. Always exits 0.
"""

import argparse
import sys
import time
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.matching_quality import fresh_database, setup_django  # noqa: E402


def best_of(runs: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    setup_django()
    fresh_database()

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from hatehub.accounts.models import Role
    from hatehub.analytics import selectors, services
    from hatehub.analytics.models import Alert
    from hatehub.reports.models import Report
    from tests.analytics.generator import Traffic
    from tests.analytics.helpers import bulk_reports

    hours = options.weeks * 168
    now = timezone.localtime().replace(minute=40, second=0, microsecond=0, tzinfo=None)
    start = (now - timedelta(hours=hours)).replace(minute=0)
    traffic = Traffic(options.seed, mean_per_hour=options.reports / hours)
    started = time.perf_counter()
    events = traffic.normal(start, hours)
    surge_at = now.replace(minute=5)
    events += traffic.surge(surge_at, 60, 30, platform="tiktok", strand="religion")
    bulk_reports(events)
    print(f"Filled {len(events):,} reports in {time.perf_counter() - started:.1f} s")

    aware_now = timezone.make_aware(now)
    settings = services.surge_settings()

    def check():
        Alert.objects.all().delete()
        return services.detect_surges(now=aware_now, settings=settings)

    def naive_check():
        since = aware_now - timedelta(weeks=settings.weeks, hours=3)
        counts: Counter = Counter()
        rows = Report.objects.filter(submitted_at__gte=since).values_list(
            "submitted_at", "platform", "strands__code", "case__allocated_force_id", "case_id"
        )
        for at, platform, strand, force, case in rows.iterator(chunk_size=5000):
            hour = timezone.localtime(at).replace(minute=0, second=0, microsecond=0)
            counts[("all", hour)] += 1
            counts[("platform", platform, hour)] += 1
            counts[("strand", strand, hour)] += 1
            counts[("force", force, hour)] += 1
            counts[("case", case, hour)] += 1
        return counts

    detect_seconds, alerts = best_of(3, check)
    naive_seconds, _ = best_of(3, naive_check)
    found = sorted({(a.kind, a.label) for a in alerts})
    print(
        f"Surge check (2 hours, {settings.weeks}-week baseline): {detect_seconds * 1000:.0f} ms; "
        f"fetch-and-count baseline {naive_seconds * 1000:.0f} ms; "
        f"ratio {naive_seconds / detect_seconds:.1f}x faster"
    )
    print(f"  alerts: {found}")

    analyst, _ = get_user_model().objects.get_or_create(
        username="bench-analyst", defaults={"role": Role.ANALYST}
    )
    filters = selectors.Filters.default(timezone.localdate())

    def dashboard():
        figures = [
            selectors.volume(analyst, filters, dimension) for dimension in selectors.DIMENSIONS
        ]
        figures += [
            selectors.time_to_triage(analyst, filters),
            selectors.time_to_allocation(analyst, filters),
            selectors.outcomes(analyst, filters),
            *selectors.optional_figures(analyst, filters),
        ]
        return figures

    def naive_dashboard():
        rows = selectors.scoped_reports(analyst, filters).values_list(
            "submitted_at", "platform", "strands__code", "case__allocated_force_id"
        )
        counts: Counter = Counter()
        for at, platform, strand, force in rows.iterator(chunk_size=5000):
            day = timezone.localdate(at)
            counts[("platform", day, platform)] += 1
            counts[("strand", day, strand)] += 1
            counts[("force", day, force)] += 1
        return counts

    dashboard_seconds, figures = best_of(3, dashboard)
    naive_dashboard_seconds, _ = best_of(3, naive_dashboard)
    in_range = selectors.scoped_reports(analyst, filters).count()
    print(
        f"Dashboard figures ({len(figures)} charts, {in_range:,} reports in 28 days): "
        f"{dashboard_seconds * 1000:.0f} ms; fetch-and-count baseline (3 of the charts) "
        f"{naive_dashboard_seconds * 1000:.0f} ms; ratio "
        f"{naive_dashboard_seconds / dashboard_seconds:.1f}x"
    )
    print(f"  ({datetime.now():%Y-%m-%d %H:%M}, {Report.objects.count():,} reports in all)")


if __name__ == "__main__":
    main()
