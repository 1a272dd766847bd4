"""Surge load, crash and scale-out test against the real server configuration.

A second process (this one) drives a viral-post surge at a fixed rate against Granian web
processes, PostgreSQL and database task workers started as they are in production, then waits
for the workers to record every acknowledged report and checks what the hub kept:

* every report the hub acknowledged was stored before it was acknowledged, and, once the
  workers have caught up (`--drain-timeout`), is recorded with its case;
* a retried request (same Idempotency-Key) never made a second report;
* no two open cases share a canonical URL (no duplicate case under concurrency);
* every task finished, and no email went out twice (a local SMTP server counts Message-IDs);
* the audit chain verifies.

    python -m bench.load_surge --rate 250 --duration 300            # the surge target
    python -m bench.load_surge --rate 100 --duration 60 --crash      # kill -9 mid-surge
    python -m bench.load_surge --web 2 --workers 2 --duration 60     # scale-out
    python -m bench.load_surge --recorder both --database hatehub_bench_wt_d_load  # old vs new
    python -m bench.load_surge --recorder both --baseline-tree /tmp/base ...  # vs that checkout

Recording: the workers record in batches (`HUB_RECORDING_BATCH_SIZE`), or one by one as before
batches (`--recorder one-by-one`, the baseline); `--recorder both` runs the same surge (same
seed) twice, baseline first, each on a fresh database. Besides the drain, it prints when the
workers recorded, from the receipts' `recorded_at`: the first and last report recorded (seconds
from the start of the surge), how many while the surge lasted, and the backlog's rate after it.

Mix: partner API reports and public form journeys (about 17 requests each; `--form-share`,
10% by default); about 80% of reports are duplicates of earlier ones (bench.surge's viral posts
and their URL variants); 10% of API reports carry a screenshot. Latency is per report, from the
moment the offered rate says it is due (so a wait for one of the `--concurrency` connections
counts) to its acknowledgement with a reference; for a form journey, from its final submission.
The task workers run at a lower CPU priority (`--worker-nice`), as a deployment gives its
acknowledging web servers priority over the recording behind them.
The baseline, measured in the same run against the same servers, is GET /healthz at the same
concurrency: the ratio says how much of the servers' plain request capacity a report costs.
"""

import argparse
import asyncio
import base64
import gc
import io
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import httpx
import psycopg
from PIL import Image
from yarl import URL

from bench.surge import generate_surge
from tests.local_servers import SMTPServer, free_port

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "hatehub_bench_load"  # --database; a name without "bench" is refused
RECORDERS = {"one-by-one": 1, "batches": None}  # None: HUB_RECORDING_BATCH_SIZE as set
# "baseline-tree": batches, by the servers of another checkout (`--baseline-tree`).
STRANDS = ("race", "religion", "sexual_orientation", "disability", "transgender")


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    acknowledged_at: list[float] = field(default_factory=list)  # perf_counter times
    started: float = 0.0
    started_wall: float = 0.0  # time.time(), to compare with the database's timestamps
    ended_wall: float = 0.0
    acknowledged: dict[str, str] = field(default_factory=dict)  # idempotency key -> reference
    errors: Counter = field(default_factory=Counter)
    retries: int = 0
    form_reports: int = 0
    rejected: list[str] = field(default_factory=list)


# --- The servers --------------------------------------------------------------------------


class Hub:
    def __init__(self, args, smtp_port: int, recorder: str = "batches"):
        self.var = Path(tempfile.mkdtemp(prefix="hub-load-"))
        # The checkout whose servers run: this one, or the baseline's (`--baseline-tree`).
        self.root = args.baseline_tree if recorder == "baseline-tree" else ROOT
        self.database = args.database
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "HUB_VAR_DIR": str(self.var),
            "HUB_INSECURE_DEV_SECRET": "1",
            "HUB_TASK_BACKEND": "database",
            "HUB_EMAIL_BACKEND": "smtp",
            "HUB_SMTP_HOST": "127.0.0.1",
            "HUB_SMTP_PORT": str(smtp_port),
            "HUB_LOGIN_LOCKOUT": "0",
            "HUB_TASK_LEASE_SECONDS": "20",  # a killed worker's task is re-queued quickly
            "HUB_REDIS_URL": args.redis_url,  # sessions, as deploy.md's production setup has
            "PYTHONPATH": str(self.root),  # that checkout's code, whatever this one was run with
        }
        if RECORDERS.get(recorder) is not None:  # today's recorder before batches: the baseline
            self.env["HUB_RECORDING_BATCH_SIZE"] = str(RECORDERS[recorder])
        elif args.batch_size:
            self.env["HUB_RECORDING_BATCH_SIZE"] = str(args.batch_size)
        if args.recording_share:
            self.env["HUB_SURGE_RECORDING_SHARE"] = str(args.recording_share)
        self.ports = [free_port() for _ in range(args.web)]
        self.threads = args.threads
        self.web: list[subprocess.Popen] = []
        self.workers: list[subprocess.Popen] = []
        self.worker_count = args.workers
        self.worker_nice = args.worker_nice

    def manage(self, *command: str, capture: bool = False) -> str:
        result = subprocess.run(  # noqa: S603 (our own manage.py)
            [sys.executable, "manage.py", *command],
            cwd=self.root,
            env=self.env,
            check=True,
            capture_output=capture,
            text=True,
        )
        return result.stdout if capture else ""

    def prepare(self) -> str:
        with psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
        ) as db:
            db.execute(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
            db.execute(f"CREATE DATABASE {self.database}")
        self.manage("migrate", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        self.manage("load_reference_data", capture=True)
        output = self.manage(
            "issue_api_key", "Load Test Reporting Centre", "--create", capture=True
        )
        return output.strip().splitlines()[-1]

    def start_web(self, index: int) -> None:
        process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "serve",
                "--no-worker",
                "--port",
                str(self.ports[index]),
                "--threads",
                str(self.threads),
            ],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.var / f"web-{index}.log").open("a"),
            start_new_session=True,  # Granian's own worker process dies with it
        )
        if index < len(self.web):
            self.web[index] = process
        else:
            self.web.append(process)

    def start_worker(self, index: int) -> None:
        process = subprocess.Popen(  # noqa: S603
            ["nice", "-n", str(self.worker_nice), sys.executable, "manage.py", "db_worker"]
            + ["--interval", "0.2"],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.var / f"worker-{index}.log").open("a"),
        )
        if index < len(self.workers):
            self.workers[index] = process
        else:
            self.workers.append(process)

    def start(self) -> None:
        self.scheduler = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "run_scheduler", "--interval", "2"],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(self.var / "scheduler.log").open("a"),
        )
        for index in range(len(self.ports)):
            self.start_web(index)
        for index in range(self.worker_count):
            self.start_worker(index)
        for port in self.ports:
            wait_for(f"http://127.0.0.1:{port}/healthz")

    def kill(self, process: subprocess.Popen, *, group: bool = False) -> None:
        if group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        for process in [*self.web, *self.workers, self.scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in [*self.web, *self.workers, self.scheduler]:
            process.wait(timeout=30)

    @property
    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{port}" for port in self.ports]


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


# --- The load -----------------------------------------------------------------------------


def _tiny_png(rng: random.Random) -> str:
    """A small screenshot of its own: reporters' screenshots differ byte for byte."""
    output = io.BytesIO()
    # Random pixels, not one random colour: 7,500 one-colour squares share a file now and then
    # (16.7 million colours), and the hub rightly joins reports with the same file.
    Image.frombytes("RGB", (16, 16), rng.randbytes(16 * 16 * 3)).save(output, format="PNG")
    return base64.b64encode(output.getvalue()).decode()


def api_body(report, rng: random.Random) -> dict:
    body = {
        "reporter_role": rng.choice(["victim", "witness", "witness", "organisation"]),
        "description": report.description[:5000] or "[SYNTHETIC] Reported post",
        "quoted_text": report.quoted_text[:5000],
        "platform": report.platform if report.platform != "website" else "other",
        "strands": [rng.choice(STRANDS)],
        # Reporters drop the scheme; a partner's system adds it back before sending.
        "urls": [url if "://" in url else f"https://{url}" for url in report.urls[:5]],
        "accounts": [a[:100] for a in report.accounts[:5]],
        "victim_postcode": rng.choice(["L1 8JQ", "LS1 4DY", "CF10 1EP", "M1 1AE", ""]),
        "anonymous": False,
        "contact": {
            "name": "[SYNTHETIC] Load Test",
            "email": f"reporter-{rng.randrange(10**9)}@example.org",
            "contact_method": "email",
        },
    }
    if body["platform"] == "other":
        body["platform_other"] = "A website"
    if not body["urls"] and not body["accounts"]:
        body["accounts"] = ["@synthetic_poster"]
    if rng.random() < 0.1:
        body["evidence"] = [
            {
                "filename": "screenshot.png",
                "media_type": "image/png",
                "content_base64": _tiny_png(rng),
            }
        ]
    return body


def journey_pages(report, rng: random.Random) -> dict:
    return {
        "safety": {"danger": "no"},
        "who": {"role": "witness"},
        "what-happened": {"description": report.description[:2000] or "[SYNTHETIC] A post"},
        "when": {"day": "3", "month": "2", "year": "2025"},
        "platform": {"platform": "x"},
        "links": {"urls": "\n".join(report.urls[:3]) or "https://x.com/someone/status/123"},
        "accounts": {"accounts": "\n".join(report.accounts[:3])},
        "poster-identity": {"known": "no"},
        "future-event": {"future_event": "no"},
        "targeted": {"strands": [rng.choice(STRANDS)]},
        "victim-location": {"postcode": "L1 8JQ", "town": ""},
        "poster-location": {"poster_location": ""},
        "evidence": {"action": "continue"},
        "contact": {"choice": "anonymous"},
        "support": {"consent": "no"},
    }


async def send_api(session, base, key, body, idempotency_key, stats: Stats, due: float) -> None:
    started = due  # a report waiting for a free connection is waiting for its answer too
    headers = {
        "Authorization": f"Bearer {key}",
        "Idempotency-Key": idempotency_key,
        "Content-Type": "application/json",
    }
    for attempt in range(8):
        try:
            async with session.post(
                f"{base}/api/v1/reports", data=body, headers=headers
            ) as response:
                status, text = response.status, await response.text()
        except (TimeoutError, aiohttp.ClientError) as error:
            stats.errors[type(error).__name__] += 1
        else:
            if status in (200, 201):
                stats.acknowledged[idempotency_key] = json.loads(text)["reference"]
                stats.latencies.append(time.perf_counter() - started)
                stats.acknowledged_at.append(time.perf_counter())
                return
            stats.errors[f"HTTP {status}"] += 1
            if status < 500 and status not in (408, 409, 429):
                stats.rejected.append(text[:300])
                return  # refused for good: a partner would fix the report, not resend it
        stats.retries += 1
        await asyncio.sleep(min(0.25 * 2**attempt, 4))


async def send_form(connector, base, pages: dict, stats: Stats) -> None:
    """One person's journey through the public form, with their own cookies."""
    jar = aiohttp.CookieJar(unsafe=True)  # unsafe: keep cookies set by an IP address
    async with aiohttp.ClientSession(
        connector=connector, connector_owner=False, cookie_jar=jar, timeout=TIMEOUT
    ) as session:

        def token() -> str:
            cookie = jar.filter_cookies(URL(base)).get("csrftoken")
            return cookie.value if cookie else ""

        try:
            url = "/report/safety/"
            async with session.get(f"{base}{url}") as response:  # the CSRF cookie
                await response.read()
            while not url.startswith("/report/check-answers/"):
                slug = url.rstrip("/").split("?")[0].split("/")[-1]
                data = {**pages[slug], "csrfmiddlewaretoken": token()}
                async with session.post(
                    f"{base}{url}", data=data, allow_redirects=False
                ) as response:
                    await response.read()
                    if response.status != 302:
                        stats.errors[f"form {slug} HTTP {response.status}"] += 1
                        return
                    url = response.headers["Location"]
            submit_started = time.perf_counter()
            async with session.post(
                f"{base}/report/check-answers/",
                data={"csrfmiddlewaretoken": token()},
                allow_redirects=False,
            ) as response:
                await response.read()
                if response.status != 302:
                    stats.errors[f"form submit HTTP {response.status}"] += 1
                    return
                location = response.headers["Location"]
            async with session.get(f"{base}{location}") as response:
                page = await response.text()
            match = re.search(r"govuk-panel__body[^>]*>.*?<strong>([^<]+)</strong>", page, re.S)
            if match:
                stats.acknowledged[f"form-{uuid.uuid4()}"] = match.group(1).strip()
                stats.latencies.append(time.perf_counter() - submit_started)
                stats.acknowledged_at.append(time.perf_counter())
                stats.form_reports += 1
            else:
                stats.errors["form: no reference on the confirmation page"] += 1
        except (TimeoutError, aiohttp.ClientError) as error:
            stats.errors[f"form {type(error).__name__}"] += 1


TIMEOUT = aiohttp.ClientTimeout(total=30)


async def drive(hub: Hub, key: str, args, on_halfway=None) -> tuple[Stats, float]:
    total = int(args.rate * args.duration)
    reports = generate_surge(
        args.seed, posts=max(total // 50, 20), reports=total, with_screenshots=False
    )
    rng = random.Random(args.seed)
    # Every request is built before the clock starts: the load generator shares the two cores
    # with the hub, and must spend them sending, not composing.
    requests = [
        ("form", journey_pages(report, rng))
        if rng.random() < args.form_share
        else ("api", json.dumps(api_body(report, rng)).encode())
        for report in reports
    ]
    # The prepared requests live for the whole run: keep the collector from sweeping them over
    # and over, a pause that would hold back sending and count against the hub.
    gc.freeze()
    stats = Stats()
    semaphore = asyncio.Semaphore(args.concurrency)
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(
        connector=connector, timeout=TIMEOUT, cookie_jar=aiohttp.DummyCookieJar()
    ) as session:

        async def one(index: int, due: float) -> None:
            async with semaphore:
                base = hub.urls[index % len(hub.urls)]
                kind, content = requests[index]
                if kind == "form":
                    await send_form(connector, base, content, stats)
                else:
                    idempotency_key = f"load-{args.seed}-{index}"
                    await send_api(session, base, key, content, idempotency_key, stats, due)

        started = stats.started = time.perf_counter()
        stats.started_wall = time.time()
        tasks = []
        halfway_done = False
        for index in range(total):
            due = started + index / args.rate
            delay = due - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            if on_halfway and not halfway_done and index >= total // 2:
                halfway_done = True
                on_halfway()
            tasks.append(asyncio.create_task(one(index, due)))
        await asyncio.gather(*tasks)
        elapsed = time.perf_counter() - started
        stats.ended_wall = time.time()
    return stats, elapsed


async def baseline(hub: Hub, args, seconds: float = 10) -> float:
    """Plain GET /healthz at the same concurrency: requests per second."""
    done = 0
    deadline = time.perf_counter() + seconds
    connector = aiohttp.TCPConnector(limit=args.concurrency)
    async with aiohttp.ClientSession(connector=connector, timeout=TIMEOUT) as session:

        async def worker(n: int) -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                async with session.get(f"{hub.urls[n % len(hub.urls)]}/healthz") as response:
                    await response.read()
                done += 1

        await asyncio.gather(*(worker(n) for n in range(args.concurrency)))
    return done / seconds


# --- What the hub kept ----------------------------------------------------------------------


def check(
    hub: Hub, stats: Stats, smtp: SMTPServer, drain_timeout: float, wait_for_tasks: bool = True
) -> dict:
    dsn = f"postgresql://postgres@127.0.0.1:5432/{hub.database}"
    started = time.monotonic()
    deadline = started + drain_timeout
    references = set(stats.acknowledged.values())
    with psycopg.connect(dsn, autocommit=True) as db:
        stored = {
            row[0] for row in db.execute("SELECT reference FROM intake_receivedreport").fetchall()
        }
        backlog = db.execute(
            "SELECT count(*) FROM intake_receivedreport WHERE recorded_at IS NULL"
        ).fetchone()[0]
        tasks = (
            "(SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING'))"
            if wait_for_tasks
            else "0"
        )
        # Quotes left to be scored after their recording (`intake.scoring`): waited for too,
        # when the checkout has them.
        scoring = db.execute(
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_name = 'intake_report' AND column_name = 'signal_pending'"
        ).fetchone()[0]
        unscored = "(SELECT count(*) FROM intake_report WHERE signal_pending)" if scoring else "0"
        while time.monotonic() < deadline:
            waiting = db.execute(
                f"SELECT {tasks} + {unscored} + (SELECT count(*) FROM "  # noqa: S608 (constants)
                "intake_receivedreport WHERE recorded_at IS NULL)"
            ).fetchone()[0]
            if waiting == 0:
                break
            time.sleep(1)
        drained_in = time.monotonic() - started
        left_unscored = db.execute(f"SELECT {unscored}").fetchone()[0]  # noqa: S608
        recording = recording_figures(db, stats)
        unrecorded = db.execute(
            "SELECT count(*) FROM intake_receivedreport WHERE recorded_at IS NULL"
        ).fetchone()[0]
        found = {
            row[0]
            for row in db.execute(
                "SELECT reference FROM intake_report WHERE case_id IS NOT NULL"
            ).fetchall()
        }
        reports_total = db.execute("SELECT count(*) FROM intake_report").fetchone()[0]
        duplicate_keys = db.execute(
            "SELECT count(*) FROM (SELECT idempotency_key FROM intake_report WHERE "
            "idempotency_key IS NOT NULL GROUP BY organisation_id, idempotency_key "
            "HAVING count(*) > 1) d"
        ).fetchone()[0]
        reports_per_receipt = db.execute(
            "SELECT count(*) FROM intake_receivedreport rr LEFT JOIN intake_report r "
            "ON r.reference = rr.reference WHERE r.id IS NULL OR rr.report_id <> r.id"
        ).fetchone()[0]
        task_states = dict(
            db.execute(
                "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"
            ).fetchall()
        )
        # Reports giving exactly one address: each address must have led to one case.
        shared_urls = db.execute(
            "SELECT count(*) FROM (SELECT k.value FROM matching_matchkey k "
            "JOIN intake_report r ON r.id = k.report_id JOIN cases_case c ON c.id = r.case_id "
            "WHERE k.kind = 'url' AND c.status <> 'merged' AND r.id IN ("
            "  SELECT report_id FROM intake_contentitem GROUP BY report_id HAVING count(*) = 1) "
            "GROUP BY k.value HAVING count(DISTINCT r.case_id) > 1) d"
        ).fetchone()[0]
    message_ids = Counter(str(m["Message-ID"]).strip() for m in smtp.messages)
    audit = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "verify_audit"],
        cwd=hub.root,
        env=hub.env,
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        "acknowledged_not_stored": len(references - stored),
        "backlog_when_surge_ended": backlog,
        "backlog_and_tasks_done_in_s": round(drained_in, 1),
        **recording,
        "left_unscored": left_unscored,
        "receipts_not_recorded": unrecorded,
        "acknowledged": len(references),
        "acknowledged_missing": len(references - found),
        "reports_in_database": reports_total,
        "duplicate_idempotency_keys": duplicate_keys,
        "receipts_without_their_report": reports_per_receipt,
        "tasks": task_states,
        "single_url_reports_split_across_cases": shared_urls,
        "emails": len(smtp.messages),
        "emails_sent_twice": sum(1 for n in message_ids.values() if n > 1),
        "audit_chain": "verified" if audit.returncode == 0 else audit.stdout + audit.stderr,
    }


def recording_figures(db, stats: Stats) -> dict:
    """When the workers recorded the surge, from the receipts' own `recorded_at`: seconds from
    the start of the surge to the first and the last report recorded, how many were recorded
    while it lasted, and the rate after it (the backlog) and overall."""
    start = datetime.fromtimestamp(stats.started_wall, UTC)
    end = datetime.fromtimestamp(stats.ended_wall, UTC)
    recorded, first, last, during = db.execute(
        "SELECT count(*), min(recorded_at), max(recorded_at), "
        "count(*) FILTER (WHERE recorded_at <= %s) "
        "FROM intake_receivedreport WHERE recorded_at IS NOT NULL",
        [end],
    ).fetchone()
    per_minute = dict(
        db.execute(
            "SELECT floor(extract(epoch FROM recorded_at - %s) / 60)::int, count(*) "
            "FROM intake_receivedreport WHERE recorded_at IS NOT NULL GROUP BY 1",
            [start],
        ).fetchall()
    )
    if not recorded:
        return {"recorded": 0}
    after = recorded - during
    backlog_seconds = (last - end).total_seconds()
    return {
        "recorded": recorded,
        "recording_started_s": round((first - start).total_seconds(), 1),
        "recording_ended_s": round((last - start).total_seconds(), 1),
        "surge_ended_s": round(stats.ended_wall - stats.started_wall, 1),
        "recorded_during_surge": during,
        "recorded_during_surge_per_second": round(
            during / (stats.ended_wall - stats.started_wall), 1
        ),
        "recorded_after_surge": after,
        "backlog_recorded_in_s_after_surge": round(backlog_seconds, 1) if after else 0,
        "backlog_recorded_per_second": round(after / backlog_seconds, 1)
        if after and backlog_seconds > 0
        else None,
        "recorded_per_second_overall": round(
            recorded / max((last - first).total_seconds(), 1e-3), 1
        ),
        "recorded_per_minute": [
            per_minute.get(minute, 0) for minute in range(max(per_minute, default=-1) + 1)
        ],
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else float("nan")


def per_minute(stats: Stats) -> list[int]:
    """Reports acknowledged in each minute of the surge: a flat line is a sustained rate."""
    counts = Counter(int((at - stats.started) // 60) for at in stats.acknowledged_at)
    return [counts[minute] for minute in range(max(counts, default=-1) + 1)]


def slowest_windows(stats: Stats, seconds: int = 10, count: int = 3) -> list[dict]:
    """The windows of the surge with the worst p99, by when their reports were acknowledged:
    periodic stalls show up here when the overall p99 hides them."""
    windows: dict[int, list[float]] = {}
    for at, latency in zip(stats.acknowledged_at, stats.latencies, strict=True):
        windows.setdefault(int((at - stats.started) // seconds), []).append(latency)
    worst = sorted(windows.items(), key=lambda item: -percentile(item[1], 0.99))[:count]
    return [
        {"from_s": index * seconds, "p99_ms": round(1000 * percentile(found, 0.99), 1)}
        for index, found in worst
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=250, help="reports per second offered")
    parser.add_argument("--duration", type=float, default=300, help="seconds")
    parser.add_argument("--web", type=int, default=2, help="web server processes")
    parser.add_argument("--workers", type=int, default=1, help="task worker processes")
    parser.add_argument("--threads", type=int, default=2, help="threads per web process")
    parser.add_argument("--concurrency", type=int, default=64, help="requests in flight")
    parser.add_argument(
        "--crash", action="store_true", help="kill -9 a web process and a worker halfway"
    )
    parser.add_argument(
        "--form-share", type=float, default=0.1, help="share of reports sent by the public form"
    )
    parser.add_argument(
        "--worker-nice", type=int, default=19, help="CPU priority of the task workers (nice)"
    )
    parser.add_argument(
        "--redis-url",
        default="redis://127.0.0.1:6379/14",
        help="where the web servers keep sessions ('' for the database)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--drain-timeout", type=float, default=3600)
    parser.add_argument(
        "--database", default=DATABASE, help="PostgreSQL database (dropped and created again)"
    )
    parser.add_argument(
        "--recorder",
        choices=["batches", "one-by-one", "both"],
        default="batches",
        help="how the workers record: in batches, one by one (today's recorder before batches, "
        "the baseline), or both, one after the other on the same surge (baseline first)",
    )
    parser.add_argument(
        "--batch-size", type=int, default=None, help="HUB_RECORDING_BATCH_SIZE (batches)"
    )
    parser.add_argument(
        "--recording-share", type=float, default=None, help="HUB_SURGE_RECORDING_SHARE"
    )
    parser.add_argument(
        "--baseline-drain-timeout",
        type=float,
        default=None,
        help="with --recorder both: how long the one-by-one recorder may record after the surge "
        "(default --drain-timeout); its rate is what it recorded in that time",
    )
    parser.add_argument(
        "--recording-only",
        action="store_true",
        help="stop waiting once every report is recorded, not for every task (emails) too",
    )
    parser.add_argument(
        "--baseline-tree",
        type=Path,
        default=None,
        help="with --recorder both: the baseline is the batch recorder of this checkout (its "
        "servers and workers run there, e.g. the commit before a change), not one by one",
    )
    args = parser.parse_args()
    if "bench" not in args.database:
        sys.exit(f"Refusing to run against {args.database!r}: its name must contain 'bench'.")

    old_recorder = "baseline-tree" if args.baseline_tree else "one-by-one"
    recorders = [old_recorder, "batches"] if args.recorder == "both" else [args.recorder]
    runs = {}
    for recorder in recorders:
        drain = args.drain_timeout
        if recorder == old_recorder and args.recorder == "both" and args.baseline_drain_timeout:
            drain = args.baseline_drain_timeout
        print(f"--- recorder: {recorder} ---", flush=True)
        runs[recorder] = run(args, recorder, drain)
        print(json.dumps(runs[recorder], indent=2), flush=True)
    if len(runs) == 2:
        old, new = runs[old_recorder], runs["batches"]
        keys = [
            "reports_per_second",
            "p99_ms",
            "recorded_during_surge_per_second",
            "backlog_recorded_per_second",
            "backlog_recorded_in_s_after_surge",
            "receipts_not_recorded",
        ]
        print(json.dumps({key: [old.get(key), new.get(key)] for key in keys}, indent=2))
        if old.get("backlog_recorded_per_second") and new.get("backlog_recorded_per_second"):
            ratio = new["backlog_recorded_per_second"] / old["backlog_recorded_per_second"]
            print(f"recording the backlog: batches / {old_recorder} = {ratio:.2f}x")


def run(args, recorder: str, drain_timeout: float) -> dict:
    smtp = SMTPServer()
    smtp.start()
    hub = Hub(args, smtp.port, recorder)
    key = hub.prepare()
    hub.start()
    try:
        healthz = asyncio.run(baseline(hub, args))

        def crash() -> None:
            print("halfway: kill -9 web process 0 and worker 0, then restart them", flush=True)
            hub.kill(hub.web[0], group=True)
            hub.kill(hub.workers[0])
            time.sleep(1)
            hub.start_web(0)
            hub.start_worker(0)

        stats, elapsed = asyncio.run(drive(hub, key, args, crash if args.crash else None))
        rate = len(stats.acknowledged) / elapsed
        print(  # the surge's own figures, before the wait for the workers to catch up
            f"surge: {len(stats.acknowledged)} acknowledged in {elapsed:.1f} s = {rate:.1f}/s, "
            f"p99 {1000 * percentile(stats.latencies, 0.99):.0f} ms; recording the backlog...",
            flush=True,
        )
        result = check(hub, stats, smtp, drain_timeout, wait_for_tasks=not args.recording_only)
    finally:
        hub.stop()
        smtp.stop()
    return {
        "recorder": recorder,
        "checkout": str(hub.root),
        "batch_size": hub.env.get("HUB_RECORDING_BATCH_SIZE", "default"),
        "offered_rate": args.rate,
        "duration_s": round(elapsed, 1),
        "reports_per_second": round(rate, 1),
        "p50_ms": round(1000 * statistics.median(stats.latencies), 1) if stats.latencies else None,
        "p99_ms": round(1000 * percentile(stats.latencies, 0.99), 1),
        "acknowledged_per_minute": per_minute(stats),
        "slowest_10s": slowest_windows(stats),
        "form_reports": stats.form_reports,
        "retries": stats.retries,
        "errors": dict(stats.errors),
        "first_rejections": stats.rejected[:3],
        "server_logs": str(hub.var),
        "baseline_healthz_per_second": round(healthz, 1),
        "ratio_reports_to_healthz": round(rate / healthz, 3) if healthz else None,
        "web_processes": args.web,
        "workers": args.workers,
        "form_share": args.form_share,
        "crash": args.crash,
        "sessions": "redis" if args.redis_url else "database",
        **result,
    }


if __name__ == "__main__":
    main()
