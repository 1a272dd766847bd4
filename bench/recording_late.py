"""Recording late in a surge: 3,000 more receipts of the same posts recorded into a database
that already holds a surge (the later minutes of a backlog, when the index and the viral
cases are large), timed in wall time and in the recorder's own CPU time.

    # once: a 30,000-report surge recorded into hatehub_bench_scratch_rec (see docs), then
    psql -h 127.0.0.1 -U postgres \\
        -c 'create database hatehub_bench_scratch_tpl template hatehub_bench_scratch_rec'
    # each run, in the checkout to measure (old and new alternated):
    psql -h 127.0.0.1 -U postgres -c 'drop database if exists hatehub_bench_scratch_late' \\
        -c 'create database hatehub_bench_scratch_late template hatehub_bench_scratch_tpl'
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench_scratch_late \\
        PYTHONPATH=$PWD .venv/bin/python bench/recording_late.py [--profile]
"""

import cProfile
import os
import pstats
import sys
import time

sys.path.insert(0, os.getcwd())
from bench.matching_quality import setup_django  # noqa: E402

setup_django()
from django.test.utils import override_settings  # noqa: E402

import bench.recording_batches as rb  # noqa: E402
from bench.surge import generate_surge  # noqa: E402
from hatehub.cases.models import Case  # noqa: E402
from hatehub.intake import services  # noqa: E402
from hatehub.matching.models import PossibleMatch  # noqa: E402

services.wake_recorder = lambda: None
reports = generate_surge(7, posts=600, reports=30000, with_screenshots=False)[:3000]
received = services.receive_partner_report


def receive_late(submission, *, organisation, idempotency_key):
    return received(
        submission, organisation=organisation, idempotency_key="late-" + idempotency_key
    )


services.receive_partner_report = receive_late
rb.receive_all(reports)
profile = cProfile.Profile() if "--profile" in sys.argv else None
started, cpu, done = time.perf_counter(), time.process_time(), 0
with override_settings(HUB_RECORDING_BATCH_SIZE=100):
    if profile:
        profile.enable()
    while got := services.record_waiting(for_seconds=5):
        done += got
    if profile:
        profile.disable()
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu
print(f"recorded {done} in {seconds:.1f}s: {done / seconds:.1f}/s; recorder CPU {cpu:.1f}s")
print(f"cases {Case.objects.count()}, possible matches {PossibleMatch.objects.count()}")
if profile:
    pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
