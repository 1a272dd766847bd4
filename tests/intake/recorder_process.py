"""A real recording worker in its own process, for the crash and concurrency tests
(`test_recording_workers.py`): Django set up against the test database the test names, then
`services.record_waiting` until nothing is waiting, as `record_waiting_reports` runs it.

    python -m tests.intake.recorder_process --database NAME --batch-size 15 \\
        [--hang-at marked|audit --hang-in-batch 2 --marker FILE] [--go FILE] [--result FILE]

`--hang-at` makes the worker stop for good inside a batch's open transaction, after writing
`--marker`, so that the test can SIGKILL it there: `marked`, once the batch's reports, cases,
index keys, timeline entries are written and its receipts marked recorded, before its audit
entries; `audit`, once its audit entries are appended to the chain too, the last thing before
the commit. `--go` waits for that file to exist before recording (two workers start together);
`--result` receives how many reports this worker recorded.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _setup(database: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings_test")
    import django
    from django.conf import settings

    settings.DATABASES["default"]["NAME"] = database  # the test database, not the real one
    django.setup()


def _hang_in(batch_number: int, at: str, marker: Path) -> None:
    """Wrap the step `at` so that in batch `batch_number` it runs, then announces itself and
    waits to be killed, inside the batch's transaction."""
    from hatehub.audit import services as audit
    from hatehub.intake import batches

    module, name = (batches, "_mark_recorded") if at == "marked" else (audit, "_append")
    real = getattr(module, name)
    seen = {"batches": 0}

    def record_batch(*args, **kwargs):
        seen["batches"] += 1
        return real_record_batch(*args, **kwargs)

    def step(*args, **kwargs):
        result = real(*args, **kwargs)
        if seen["batches"] == batch_number:
            marker.write_text(f"{os.getpid()} {at} in batch {batch_number}\n")
            while True:  # killed here, the transaction still open
                time.sleep(60)
        return result

    real_record_batch = batches.record_batch
    batches.record_batch = record_batch
    setattr(module, name, step)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--batch-size", type=int, default=15)
    parser.add_argument("--hang-at", choices=["marked", "audit"])
    parser.add_argument("--hang-in-batch", type=int, default=1)
    parser.add_argument("--marker", type=Path)
    parser.add_argument("--go", type=Path)
    parser.add_argument("--pause", type=float, default=0.0, help="seconds after each batch")
    parser.add_argument("--result", type=Path)
    args = parser.parse_args(argv)

    _setup(args.database)
    from hatehub.intake import batches, services

    services.wake_recorder = lambda: None  # no task queue here: this process is the worker
    if args.hang_at:
        _hang_in(args.hang_in_batch, args.hang_at, args.marker)
    if args.pause:
        real_record_batch = batches.record_batch

        def paced(*a, **kw):
            done = real_record_batch(*a, **kw)
            time.sleep(args.pause)  # after the commit: lets another worker claim the next
            return done

        batches.record_batch = paced
    if args.go:
        while not args.go.exists():
            time.sleep(0.05)
    recorded = 0
    while done := services.record_waiting(for_seconds=60, batch_size=args.batch_size):
        recorded += done
    if args.result:
        args.result.write_text(str(recorded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
