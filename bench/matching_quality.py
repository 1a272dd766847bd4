"""Matching quality and intake throughput on a synthetic surge, through the real intake path.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hatehub_bench \\
        .venv/bin/python bench/matching_quality.py [--reports 3000] [--posts 60] [--seed 1 ...]

Generates a surge with screenshots (`bench.surge`), sends every report through
`submit_partner_report` exactly as the partner API does (evidence checked and stored by
`evidence.services.receive`, matching inside the intake transaction), then reads back each
report's case and scores the clusters against the truth with pair precision/recall/F1
(`bench.scoring.pair_scores`). Both baselines (`bench.baselines`) run on the same reports.
It also scores "same copy-paste campaign" (a case's campaign group against the posts' true
campaign) and how many reports that name the account and quote the words without a link
ended in the case holding most of their post's reports. Several seeds: one flushed run each,
printed per seed.

`--in-memory` replays the same reports through the same decision (`find_matches`) against the
in-memory index `rematch` uses, without the database: no evidence store, no intake
transaction, campaign groups kept in memory. Much faster on a loaded machine; it is a check
of the matching rules, not of the intake path, and prints which one it ran.

The database is FLUSHED first: DATABASE_URL must name a scratch database whose name contains
"bench". Thumbnails are queued (HUB_TASK_BACKEND=database), not made inline, as in production.
It is a measurement: it always exits 0 and prints PASS/MISS per target.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_PRECISION = 0.99
TARGET_RECALL = 0.97
TARGET_RECALL_OVER_EXACT_URL = 0.2


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def setup_django(*, require_postgres: bool = False) -> None:
    """Django for a bench run against a scratch database (refuses anything not named *bench*)."""
    url = os.environ.get("DATABASE_URL", "")
    if "bench" not in database_name(url):
        sys.exit(
            "Refusing to run: set DATABASE_URL to a scratch database whose name contains "
            "'bench', e.g. postgres://postgres@127.0.0.1:5432/hatehub_bench (it is flushed)."
        )
    if require_postgres and not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        sys.exit("Refusing to run: this benchmark needs PostgreSQL (not SQLite).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings")
    os.environ.setdefault("HUB_INSECURE_DEV_SECRET", "1")
    os.environ.setdefault("HUB_VAR_DIR", str(Path(tempfile.gettempdir()) / "hub-bench"))
    os.environ.setdefault("HUB_TASK_BACKEND", "database")
    os.environ.setdefault("HUB_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.db import connection

    if "bench" not in str(connection.settings_dict["NAME"]):
        sys.exit(f"Refusing to run against database {connection.settings_dict['NAME']!r}.")
    if require_postgres and connection.vendor != "postgresql":
        sys.exit("Refusing to run: this benchmark needs PostgreSQL (not SQLite).")


def fresh_database() -> None:
    """Migrate, flush, and put back the rows migrations seed (flush empties every table)."""
    from django.core.management import call_command

    from hatehub.reports.choices import STRANDS
    from hatehub.reports.models import Strand

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    monitored = {"race", "religion", "sexual_orientation", "disability", "transgender"}
    for code, label in STRANDS:
        Strand.objects.update_or_create(
            code=code, defaults={"label": label, "monitored": code in monitored}
        )


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def submit_surge(reports, *, label: str = "bench") -> tuple[list[int], list[float], float]:
    """Send every report through the partner intake path, one at a time as the API would.

    Returns (report ids in surge order, per-report seconds, wall-clock seconds). Each report's
    time covers the whole submission: evidence check and store, then the intake transaction
    (matching, case, report, index)."""
    from django.utils import timezone

    from hatehub.accounts.models import Organisation
    from hatehub.evidence.services import receive
    from hatehub.intake.services import ReportSubmission, submit_partner_report

    organisation, _ = Organisation.objects.get_or_create(name=f"Bench partner ({label})")
    strands = ["race", "religion", "sexual_orientation", "disability", "transgender"]
    ids: list[int] = []
    latencies: list[float] = []
    started = time.perf_counter()
    for n, item in enumerate(reports):
        begun = time.perf_counter()
        evidence = []
        if item.screenshot:
            evidence.append(
                receive(
                    io.BytesIO(item.screenshot),
                    name=f"screenshot-{n}",
                    size=len(item.screenshot),
                    received_at=timezone.now(),
                )
            )
        submission = ReportSubmission(
            reporter_role="witness",
            description=item.description,
            platform=item.platform,
            quoted_text=item.quoted_text,
            strands=[strands[n % len(strands)]],
            urls=list(item.urls),
            accounts=list(item.accounts),
            evidence=evidence,
        )
        report, _created = submit_partner_report(
            submission, organisation=organisation, idempotency_key=f"{label}-{n}"
        )
        latencies.append(time.perf_counter() - begun)
        ids.append(report.pk)
        if (n + 1) % 500 == 0:
            rate = (n + 1) / (time.perf_counter() - started)
            print(f"  {n + 1}/{len(reports)} submitted ({rate:.0f} reports/s)", flush=True)
    return ids, latencies, time.perf_counter() - started


def case_ids_of(report_ids: list[int]) -> list[int]:
    """Each report's case now, followed through any merges."""
    from hatehub.cases.models import Case
    from hatehub.reports.models import Report

    case_of = dict(Report.objects.filter(pk__in=report_ids).values_list("pk", "case_id"))
    merged = dict(
        Case.objects.filter(merged_into__isnull=False).values_list("pk", "merged_into_id")
    )

    def live(case_id: int) -> int:
        while case_id in merged:
            case_id = merged[case_id]
        return case_id

    return [live(case_of[report_id]) for report_id in report_ids]


def _row(name: str, scores) -> str:
    return f"  {name:<34} {scores.precision:>9.4f} {scores.recall:>9.4f} {scores.f1:>9.4f}"


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}x" if theirs else "inf"


def campaign_labels_of(report_ids: list[int], case_ids: list[int]) -> list:
    """Each report's campaign: its case's campaign group, or its own case when in none."""
    from hatehub.matching.selectors import campaign_labels

    labels = campaign_labels()
    return [labels.get(case_id, case_id) for case_id in case_ids]


def account_quote_joined(reports, predicted) -> tuple[int, int]:
    """Of the reports naming the account and quoting without a link: how many are in the case
    holding most reports of their post."""
    from collections import Counter

    by_truth: dict[str, Counter] = {}
    for report, case_id in zip(reports, predicted, strict=True):
        by_truth.setdefault(report.truth, Counter())[case_id] += 1
    shaped = [
        (r, c)
        for r, c in zip(reports, predicted, strict=True)
        if r.shape == "account_quote_no_link"
    ]
    joined = sum(1 for r, c in shaped if by_truth[r.truth].most_common(1)[0][0] == c)
    return joined, len(shaped)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--seed", type=int, nargs="+", default=[1])
    parser.add_argument(
        "--in-memory", action="store_true", help="find_matches on rematch's in-memory index"
    )
    args = parser.parse_args(argv)

    if args.in_memory:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings")
        os.environ.setdefault("HUB_INSECURE_DEV_SECRET", "1")
        import django

        django.setup()
        summary = [run_in_memory(seed, args.reports, args.posts) for seed in args.seed]
    else:
        setup_django()
        summary = [run_seed(seed, args.reports, args.posts) for seed in args.seed]
    if len(summary) > 1:
        print()
        path = "in-memory find_matches" if args.in_memory else "real intake path"
        print(f"Per seed (hub matching, {path}):")
        print(
            f"  {'seed':>4} {'precision':>9} {'recall':>9} {'exact-URL R':>11} "
            f"{'MinHash P':>9} {'MinHash R':>9} {'campaign P':>10} {'campaign R':>10} "
            f"{'no-link joined':>14}"
        )
        for row in summary:
            print(
                f"  {row['seed']:>4} {row['precision']:>9.4f} {row['recall']:>9.4f} "
                f"{row['exact_recall']:>11.4f} {row['lsh_precision']:>9.4f} "
                f"{row['lsh_recall']:>9.4f} {row['campaign_precision']:>10.4f} "
                f"{row['campaign_recall']:>10.4f} {row['no_link']:>14}"
            )
        met = all(
            r["precision"] >= TARGET_PRECISION and r["recall"] >= TARGET_RECALL for r in summary
        )
        print(
            f"  {'PASS' if met else 'MISS'}  every seed: precision >= {TARGET_PRECISION} "
            f"and recall >= {TARGET_RECALL}"
        )
    return 0


def run_in_memory(seed: int, reports_wanted: int, posts: int) -> dict:
    """The same reports and scores as `run_seed`, matched by `find_matches` on rematch's
    `MemoryIndex` (no database)."""
    from bench.baselines import exact_url_baseline, minhash_lsh_baseline
    from bench.scoring import pair_scores
    from bench.surge import build_surge
    from hatehub.matching import fingerprints
    from hatehub.matching.rematch import MemoryIndex
    from hatehub.matching.services import Signals, account_identities, find_matches, read_url

    surge = build_surge(seed, posts=posts, reports=reports_wanted, with_screenshots=True)
    reports = surge.reports
    print(f"Matching quality IN MEMORY: {len(reports)} reports, {posts} posts, seed {seed}")
    index, predicted, group_of, combined = MemoryIndex(), [], {}, 0
    began = time.perf_counter()
    for n, report in enumerate(reports):
        image = fingerprints.image_fingerprint(report.screenshot) if report.screenshot else None
        urls = [read_url(url) for url in report.urls]
        signals = Signals(
            platform=report.platform,
            urls=urls,
            file_hashes=[],
            text=fingerprints.text_fingerprint(report.quoted_text) if report.quoted_text else None,
            images=[image] if image else [],
            accounts=account_identities(report.platform, urls, report.accounts),
        )
        found = find_matches(signals, index)
        case_id = -n if found.case_id is None else index.case(found.case_id)
        for tie in found.tied:  # as merging.combine_tied_cases: the tied cases become one
            if index.case(tie.case_id) != case_id:
                index.merge(tie.case_id, case_id)
                combined += 1
        for match in found.possible:
            if match.campaign:  # as link_campaign: the groups that meet become one
                ours = group_of.setdefault(case_id, {case_id})
                theirs = group_of.setdefault(index.case(match.case_id), {match.case_id})
                if ours is not theirs:
                    joined = ours | theirs
                    for member in joined:
                        group_of[member] = joined
        index.add(n, case_id, signals, found.held_keys)
        predicted.append(case_id)
    wall = time.perf_counter() - began
    predicted = [index.case(case_id) for case_id in predicted]  # followed through combining
    group_label = {}
    for members in {id(g): g for g in group_of.values()}.values():
        live = {index.case(member) for member in members}
        group_label.update({member: min(live) for member in live})
    truth = [r.truth for r in reports]
    ours = pair_scores(truth, predicted)
    exact = pair_scores(truth, exact_url_baseline(reports))
    lsh = pair_scores(truth, minhash_lsh_baseline(reports))
    campaign = pair_scores(
        [surge.posts[r.truth].campaign or r.truth for r in reports],
        [group_label.get(c, c) for c in predicted],
    )
    no_link_joined, no_link = account_quote_joined(reports, predicted)
    print(f"  {'method':<34} {'precision':>9} {'recall':>9} {'F1':>9}")
    print(_row("hub matching (in-memory)", ours))
    print(_row("baseline: exact URL string", exact))
    print(_row("baseline: MinHash LSH (text)", lsh))
    print(_row("hub: same copy-paste campaign", campaign))
    print(f"  no link, account and quote: {no_link_joined}/{no_link} in their post's main case")
    print(f"  cases combined because a report tied them: {combined}")
    print(f"  ({wall:.1f} s including fingerprinting the screenshots)")
    return {
        "seed": seed,
        "precision": ours.precision,
        "recall": ours.recall,
        "exact_recall": exact.recall,
        "lsh_precision": lsh.precision,
        "lsh_recall": lsh.recall,
        "campaign_precision": campaign.precision,
        "campaign_recall": campaign.recall,
        "no_link": f"{no_link_joined}/{no_link}",
    }


def run_seed(seed: int, reports_wanted: int, posts: int) -> dict:
    from django.db import connection

    args = argparse.Namespace(seed=seed, reports=reports_wanted, posts=posts)

    from bench.baselines import exact_url_baseline, minhash_lsh_baseline
    from bench.scoring import pair_scores
    from bench.surge import build_surge, generate_surge

    print(
        f"Matching quality: {args.reports} reports, {args.posts} posts, seed {args.seed}, "
        f"{connection.vendor} database {connection.settings_dict['NAME']!r}"
    )
    fresh_database()

    began = time.perf_counter()
    reports = generate_surge(
        args.seed, posts=args.posts, reports=args.reports, with_screenshots=True
    )
    shots = sum(1 for r in reports if r.screenshot)
    print(
        f"Generated {len(reports)} reports ({shots} with a screenshot) in "
        f"{time.perf_counter() - began:.1f} s; submitting through the intake path..."
    )

    ids, latencies, wall = submit_surge(reports, label=f"quality-{args.seed}")
    predicted = case_ids_of(ids)
    truth = [r.truth for r in reports]

    ours = pair_scores(truth, predicted)
    posts = build_surge(
        args.seed, posts=args.posts, reports=args.reports, with_screenshots=False
    ).posts
    campaign_truth = [posts[r.truth].campaign or r.truth for r in reports]
    campaign = pair_scores(campaign_truth, campaign_labels_of(ids, predicted))
    no_link_joined, no_link = account_quote_joined(reports, predicted)
    began = time.perf_counter()
    exact = pair_scores(truth, exact_url_baseline(reports))
    exact_seconds = time.perf_counter() - began
    began = time.perf_counter()
    lsh = pair_scores(truth, minhash_lsh_baseline(reports))
    lsh_seconds = time.perf_counter() - began

    print()
    print(f"Clusters: truth {len(set(truth))}, hub cases {len(set(predicted))}")
    print(f"  {'method':<34} {'precision':>9} {'recall':>9} {'F1':>9}")
    print(_row("hub matching (real intake path)", ours))
    print(_row("baseline: exact URL string", exact))
    print(_row("baseline: MinHash LSH (text)", lsh))
    print(_row("hub: same copy-paste campaign", campaign))
    print(
        f"  reports naming the account and quoting, no link: {no_link_joined}/{no_link} in the "
        f"case holding most of their post's reports"
    )
    print()
    for name, base in (("exact URL", exact), ("MinHash LSH", lsh)):
        print(
            f"  ours vs {name:<12} recall {ours.recall - base.recall:+.4f} "
            f"({_ratio(ours.recall, base.recall)}), "
            f"precision {ours.precision - base.precision:+.4f}, F1 {_ratio(ours.f1, base.f1)}"
        )
    print()
    ms = [s * 1000 for s in latencies]
    print(
        f"Intake throughput: {len(ids)} reports in {wall:.1f} s wall clock = "
        f"{len(ids) / wall:.1f} reports/s (one process, one report at a time)"
    )
    print(
        f"Per-report submission latency: p50 {percentile(ms, 50):.1f} ms, "
        f"p95 {percentile(ms, 95):.1f} ms, p99 {percentile(ms, 99):.1f} ms, "
        f"max {max(ms):.1f} ms"
    )
    print(f"(baselines computed in {exact_seconds:.2f} s and {lsh_seconds:.2f} s, in memory)")
    print()
    targets = [
        (f"precision >= {TARGET_PRECISION}", ours.precision >= TARGET_PRECISION),
        (f"recall >= {TARGET_RECALL}", ours.recall >= TARGET_RECALL),
        (
            f"recall >= exact-URL recall + {TARGET_RECALL_OVER_EXACT_URL} "
            f"({exact.recall + TARGET_RECALL_OVER_EXACT_URL:.4f})",
            ours.recall >= exact.recall + TARGET_RECALL_OVER_EXACT_URL,
        ),
    ]
    print("Targets:")
    for name, met in targets:
        print(f"  {'PASS' if met else 'MISS'}  {name}")
    return {
        "seed": args.seed,
        "precision": ours.precision,
        "recall": ours.recall,
        "exact_recall": exact.recall,
        "lsh_precision": lsh.precision,
        "lsh_recall": lsh.recall,
        "campaign_precision": campaign.precision,
        "campaign_recall": campaign.recall,
        "no_link": f"{no_link_joined}/{no_link}",
    }


if __name__ == "__main__":
    sys.exit(main())
