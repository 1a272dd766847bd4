"""Recording speed alone: N waiting receipts of a surge, recorded by a baseline and by today's
batch recorder, in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench_wt_d \\
        .venv/bin/python bench/recording_batches.py [--receipts 3000] [--rounds 1]
    DATABASE_URL=... .venv/bin/python bench/recording_batches.py --baseline /work/main \\
        [--workers 2]

The database is FLUSHED. The receipts are a surge as the partner API receives it
(`receive_partner_report`, reporter's contact details, 20% unrelated reports, the rest of one
viral post with URL variants, typos and look-alike letters: `bench.surge` with one post). For each
recorder the same receipts are received afresh into an empty database and recorded by
`record_waiting`, as a task worker does, until none is waiting, and the quotes the batch recorder
left to be scored (`intake.scoring`, the content signal) are scored: a run's time is until both
are done. The baseline (`--baseline`) is today's one-by-one recorder (`one-by-one`, the default:
`batch_size=1`, which scores inside its transaction), or the batch recorder of another checkout
(a path, e.g. `/work/main`: the recorder as it was, run there in its own process on its own
database, `--baseline-database`, default this one's name + `_base`). `--workers 2` records with
two worker processes side by side (each: a recording run, then a scoring run, until nothing is
left), started together once both have set Django up. Every run starts with cold caches (the
content-signal and fingerprint caches are per process: a recorder run after another in one
process would find every quote already scored). It prints reports/s of each, their ratio, and
checks what each kept: every receipt recorded once with its report, case, audit entry and
timeline entry, no quote left unscored, the viral post's cases, the audit chain valid.
`--rounds 2` alternates them twice (old, new, old, new), so drift in the shared machine's load
shows.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
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


def cold_caches() -> None:
    """Forget what this process scored and fingerprinted: each recorder starts cold."""
    from hatehub.assessment import classifier
    from hatehub.intake.services import content_signal_of
    from hatehub.matching import fingerprints

    content_signal_of.cache_clear()
    fingerprints.text_fingerprint.cache_clear()
    model = classifier.default_model()
    if hasattr(model, "clear_cache"):
        model.clear_cache()


def record_all(batch_size: int) -> tuple[int, float]:
    """Record every waiting receipt, then score what was left to score; (recorded, seconds)."""
    recorded, seconds, _recording = record_and_score(batch_size)
    return recorded, seconds


def record_and_score(batch_size: int, *, run_seconds: float = 30) -> tuple[int, float, float]:
    """(recorded, seconds until recorded and scored, seconds of it in recording runs), as one
    worker runs the tasks: recording runs of up to `run_seconds`, each followed by a scoring
    run."""
    from django.test.utils import override_settings

    from hatehub.intake import services
    from hatehub.intake.scoring import score_all_marked

    services.wake_recorder = lambda: None  # the bench runs the tasks itself, below
    recorded = 0
    started = time.perf_counter()
    recording = 0.0  # of which in recording runs (the rest: scoring runs)
    # Not a surge any more: nothing arrives while this runs, so no hold-back.
    with override_settings(HUB_RECORDING_BATCH_SIZE=batch_size):
        while True:
            run = time.perf_counter()
            done = services.record_waiting(for_seconds=run_seconds)
            recording += time.perf_counter() - run
            recorded += done
            scored = score_all_marked()
            if not done and not scored:
                break
    return recorded, time.perf_counter() - started, recording


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
        "left_unscored": Report.objects.filter(signal_pending=True).count(),
        "audit_chain": "verified" if not verify_chain() else "BROKEN",
    }


def worker(go: Path, result: Path, batch_size: int) -> int:
    """One of `--workers` recording processes: waits for `go`, then records and scores."""
    setup_django()
    from django.db import connection

    from hatehub.assessment import classifier

    classifier.default_model()  # loaded before the start, as a running worker has it
    connection.close()
    while not go.exists():
        time.sleep(0.01)
    recorded, seconds, recording = record_and_score(batch_size, run_seconds=5)
    result.write_text(json.dumps({"recorded": recorded, "seconds": seconds, "ended": time.time()}))
    return 0


def record_in_workers(count: int, batch_size: int) -> tuple[int, float, float]:
    """(recorded, seconds until recorded and scored, seconds until recorded) by `count` worker
    processes side by side."""
    from django.db import connection
    from django.db.models import Max

    from hatehub.reports.models import ReceivedReport

    connection.close()
    folder = Path(tempfile.mkdtemp(prefix="recording-workers-"))
    go = folder / "go"
    results = [folder / f"worker-{n}.json" for n in range(count)]
    processes = [
        subprocess.Popen(  # noqa: S603 (this script)
            [sys.executable, __file__, "--worker", str(go), str(result), str(batch_size)],
            cwd=ROOT,
        )
        for result in results
    ]
    time.sleep(8)  # Django and the model set up in each
    started_wall = time.time()
    go.write_text("go")
    for process in processes:
        process.wait()
    runs = [json.loads(result.read_text()) for result in results]
    last = ReceivedReport.objects.aggregate(last=Max("recorded_at"))["last"]
    seconds = max(run["ended"] for run in runs) - started_wall
    recording = last.timestamp() - started_wall if last else 0.0
    print(f"    per worker: {[run['recorded'] for run in runs]} recorded", flush=True)
    return sum(run["recorded"] for run in runs), seconds, recording


BASELINE_RUN = """
import json, sys
sys.path.insert(0, {tree!r})
from bench.matching_quality import fresh_database, setup_django
setup_django()
from bench.recording_batches import kept, receive_all, record_all
from bench.surge import generate_surge
reports = generate_surge({seed}, posts=1, reports={receipts}, unrelated_fraction=0.2,
                         with_screenshots=False)
truth = [r.truth for r in reports]
fresh_database()
references = receive_all(reports)
recorded, seconds = record_all({batch_size})
print("RESULT " + json.dumps({{"recorded": recorded, "seconds": seconds,
                               "kept": kept(references, truth)}}))
"""


def record_in_tree(tree: Path, database_url: str, args, batch_size: int) -> tuple[int, float, dict]:
    """The batch recorder of the checkout at `tree`, on its own database, in its own process."""
    code = BASELINE_RUN.format(
        tree=str(tree), seed=args.seed, receipts=args.receipts, batch_size=batch_size
    )
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(tree)}
    output = subprocess.run(  # noqa: S603 (the bench's own code, in the checkout named)
        [sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(output.split("RESULT ", 1)[1])
    return result["recorded"], result["seconds"], result["kept"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--receipts", type=int, default=3000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the setting")
    parser.add_argument("--rounds", type=int, default=1, help="old then new, this many times")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--baseline",
        default="one-by-one",
        help="'one-by-one' (batch size 1), or a checkout whose batch recorder is the baseline",
    )
    parser.add_argument("--baseline-database", default=None, help="for --baseline PATH")
    parser.add_argument("--workers", type=int, default=1, help="recording processes (new)")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        go, result, size = args.worker
        return worker(Path(go), Path(result), int(size))

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
    tree = None if args.baseline == "one-by-one" else Path(args.baseline).resolve()
    if tree is None:
        old_label = "one by one"
    else:
        git = ["git", "rev-parse", "--short", "HEAD"]  # noqa: S607 (to name the baseline)
        commit = subprocess.run(git, cwd=tree, capture_output=True, text=True).stdout.strip()  # noqa: S603
        old_label = f"batches of {batch_size} at {tree}" + (f" ({commit})" if commit else "")
    new_label = f"batches of {batch_size}, scored after" + (
        f", {args.workers} workers" if args.workers > 1 else ""
    )
    baseline_database = args.baseline_database or f"{os.environ['DATABASE_URL']}_base"
    results: dict[str, list[float]] = {old_label: [], new_label: []}
    for _round in range(args.rounds):
        for label in (old_label, new_label):
            if label == old_label and tree is not None:
                recorded, seconds, what = record_in_tree(tree, baseline_database, args, batch_size)
                recording = seconds
            else:
                fresh_database()
                references = receive_all(reports)
                cold_caches()
                if label == old_label:
                    recorded, seconds, recording = record_and_score(1)
                elif args.workers > 1:
                    recorded, seconds, recording = record_in_workers(args.workers, batch_size)
                else:
                    recorded, seconds, recording = record_and_score(batch_size)
                what = kept(references, truth)
            rate = recorded / seconds
            results[label].append(rate)
            print(
                f"{label}: {recorded} recorded and scored in {seconds:.1f} s = {rate:.1f} "
                f"reports/s ({recording:.1f} s recording, one worker; with several, until the "
                f"last recorded); kept: {what}",
                flush=True,
            )
    old, new = (max(rates) for rates in results.values())
    print(f"best of each: baseline {old:.1f}/s, new {new:.1f}/s, ratio {new / old:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
