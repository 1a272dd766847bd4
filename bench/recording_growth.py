"""Does the work per recorded report grow as a backlog is recorded? Counts, not times, so the
answer holds on a loaded machine too.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench_scratch_growth \\
        PYTHONPATH=$PWD .venv/bin/python bench/recording_growth.py [--receipts 16000]

The database is FLUSHED. A surge (`bench.surge` seed 7, 600 posts, no screenshots: the shape of
`recording_late.py`) is received as the partner API receives it, then recorded by
`record_waiting` in batches of 100, as a task worker does. For every 2,000 reports recorded it
prints the rate (wall time, only meaningful on a quiet machine) and, per report, how many index
rows the database returned (`DatabaseIndex.hits`), how many stored signatures were read, and how
many holders `find_matches` was handed (`BatchIndex.hits`: the database's and the batch's own).
At the end it prints the recording's CPU time and how much of it went to Python's cyclic garbage
collector; `--default-gc` records with Python's default collection thresholds instead of the
hub's (`hatehub.core.apps.YOUNG_GENERATION_THRESHOLD`), as the baseline.
"""

import argparse
import gc
import os
import sys
import time

sys.path.insert(0, os.getcwd())
from bench.matching_quality import fresh_database, setup_django  # noqa: E402

WINDOW = 2000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--receipts", type=int, default=16000)
    parser.add_argument(
        "--default-gc", action="store_true", help="Python's default thresholds (the baseline)"
    )
    args = parser.parse_args(argv)
    setup_django(require_postgres=True)
    if args.default_gc:
        gc.set_threshold(700, 10, 10)
    from django.conf import settings
    from django.test.utils import override_settings

    import bench.recording_batches as rb
    from bench.surge import generate_surge
    from hatehub.intake import services
    from hatehub.matching import batches
    from hatehub.matching import services as matching

    settings.DEBUG = False
    fresh_database()
    services.wake_recorder = lambda: None
    reports = generate_surge(7, posts=600, reports=args.receipts, with_screenshots=False)
    began = time.perf_counter()
    rb.receive_all(reports)
    print(f"received {args.receipts} in {time.perf_counter() - began:.0f} s", flush=True)

    count = {"stored": 0, "signatures": 0, "handed": 0}
    stored_hits, stored_signatures = matching.DatabaseIndex.hits, matching.DatabaseIndex.signatures
    batch_hits = batches.BatchIndex.hits

    def counted(method, name):
        def wrapper(self, arg):
            rows = method(self, arg)
            count[name] += len(rows)
            return rows

        return wrapper

    matching.DatabaseIndex.hits = counted(stored_hits, "stored")  # type: ignore[method-assign]
    matching.DatabaseIndex.signatures = counted(stored_signatures, "signatures")  # type: ignore[method-assign]
    batches.BatchIndex.hits = counted(batch_hits, "handed")  # type: ignore[method-assign]

    collecting = _CollectorTime()
    gc.callbacks.append(collecting)
    done, last = 0, 0
    cpu = time.process_time()
    started = window = time.perf_counter()
    with override_settings(HUB_RECORDING_BATCH_SIZE=100):
        while got := services.record_waiting(for_seconds=5):
            done += got
            if done - last >= WINDOW:
                n, seconds = done - last, time.perf_counter() - window
                print(
                    f"{done:7,d} recorded: {n / seconds:6.1f}/s; per report: index rows read "
                    f"{count['stored'] / n:6.1f}, signatures read {count['signatures'] / n:5.1f}, "
                    f"holders handed to find_matches {count['handed'] / n:6.1f}",
                    flush=True,
                )
                count.update(dict.fromkeys(count, 0))
                last, window = done, time.perf_counter()
    cpu = time.process_time() - cpu
    gc.callbacks.remove(collecting)
    print(f"recorded {done:,} in {time.perf_counter() - started:.0f} s, {cpu:.1f} s of CPU")
    print(
        f"garbage collection (thresholds {gc.get_threshold()}): {collecting.seconds:.2f} s "
        f"({collecting.seconds / cpu:.1%} of the CPU time); collections by generation "
        f"{collecting.runs}, full ones took {collecting.full_seconds:.2f} s"
    )
    return 0


class _CollectorTime:
    """A `gc.callbacks` entry adding up the time of each collection."""

    def __init__(self):
        self.seconds = self.full_seconds = 0.0
        self.runs = [0, 0, 0]
        self._began = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.perf_counter()
            return
        took = time.perf_counter() - self._began
        self.seconds += took
        self.runs[info["generation"]] += 1
        if info["generation"] == 2:
            self.full_seconds += took


if __name__ == "__main__":
    raise SystemExit(main())
