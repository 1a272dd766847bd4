"""How long a volunteer's 500-row CSV takes to check and import, against the bare intake
service doing the same reports one by one.

    DATABASE_URL=sqlite:////tmp/hub_bench_volunteers.sqlite3 \\
        .venv/bin/python bench/volunteer_import.py [--rows 500] [--bad 20] [--seed 1]

(or a PostgreSQL scratch database whose name contains "bench"; it is flushed.)

1. Baseline: `--rows` reports (the same kind of synthetic X links) through
   `intake.services.submit_public_report` directly, one call each, as the public journey would.
2. The volunteer path: a CSV of `--rows` rows, `--bad` of them broken, checked by
   `volunteers.bulk.read_csv` and imported by `volunteers.services.submit_batch` (per-row
   savepoints, a commit every 50 rows), with a few rows naming posts from step 1.

Prints the seconds for each, rows per second, and the ratio volunteer/baseline per imported
row (the overhead of the volunteer path over intake itself). Always exits 0.
"""

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.matching_quality import fresh_database, setup_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500)
    parser.add_argument("--bad", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    setup_django()
    fresh_database()

    from django.utils import timezone

    from hatehub.accounts.models import Organisation, Role, User
    from hatehub.intake.services import ReportSubmission, submit_public_report
    from hatehub.volunteers import bulk, services
    from hatehub.volunteers.models import Batch
    from tests.volunteers.helpers import BAD_ROWS, csv_bytes, good_row, x_url

    rng = random.Random(args.seed)
    organisation = Organisation.objects.create(name="Bench reporting centre")
    volunteer = User.objects.create_user(
        username="bench-volunteer", role=Role.VOLUNTEER, organisation=organisation
    )

    started = time.perf_counter()
    baseline_urls = []
    for _ in range(args.rows):
        url = x_url(rng)
        baseline_urls.append(url)
        submit_public_report(
            ReportSubmission(
                reporter_role="witness",
                description="[SYNTHETIC] bench report",
                platform="x",
                strands=["race"],
                urls=[url],
            )
        )
    baseline = time.perf_counter() - started

    rows = [good_row(rng) for _ in range(args.rows)]
    for index, position in enumerate(rng.sample(range(args.rows), args.bad)):
        rows[position] = {**rows[position], **BAD_ROWS[index % len(BAD_ROWS)][0]}
    for position in range(0, args.rows, 50):  # some rows name posts the hub already has
        if rows[position]["url"].startswith("https://x.com/"):
            rows[position]["url"] = baseline_urls[position]
    data = csv_bytes(rows, bom=True)

    started = time.perf_counter()
    parsed = bulk.read_csv(
        data, today=timezone.localdate(), max_rows=10_000, max_bytes=50 * 1024 * 1024
    )
    checked = time.perf_counter() - started
    batch = services.submit_batch(
        volunteer,
        parsed.items,
        method=Batch.Method.CSV,
        rows=parsed.rows,
        errors=parsed.errors,
    )
    volunteer_seconds = time.perf_counter() - started

    per_row_baseline = baseline / args.rows
    per_row_volunteer = volunteer_seconds / max(batch.imported, 1)
    print(f"rows: {args.rows} ({args.bad} bad); imported {batch.imported}, refused "
          f"{batch.rejected}, joined existing cases {batch.joined_existing}")  # fmt: skip
    print(f"check only (read_csv): {checked:.3f} s")
    rate = batch.imported / volunteer_seconds
    print(f"volunteer CSV import:  {volunteer_seconds:.2f} s ({rate:.0f} rows/s)")
    print(f"baseline intake calls: {baseline:.2f} s ({args.rows / baseline:.0f} reports/s)")
    print(
        f"ratio per imported row, volunteer / baseline: {per_row_volunteer / per_row_baseline:.2f}"
    )


if __name__ == "__main__":
    main()
