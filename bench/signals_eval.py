"""Content signals: the encoder-based signals against the older TF-IDF model, in one run.

    .venv/bin/python bench/signals_eval.py [--data ../shared/eval] [--failures]
        [--head FILE] [--splits heldout23,heldout22] [--functional-only | --throughput-only]

Why: the signals order a surge's queue, so they are only worth shipping if they beat the
model they replace on data they never saw, and if they do not push counter-speech, negated or
quoted hate, reclaimed slurs and plain mentions of a group up the queue (HateCheck, Röttger et
al. 2021) nor miss hate written with emoji (HatemojiCheck, Kirk et al. 2022). This prints:

1. TweetEval hate test (never used for training) and HatemojiBuild test: macro-F1 and ROC AUC
   of each model alone (at its validation-chosen threshold) and of ``score().hate`` (model +
   rules, at ``HATE_THRESHOLD``), for the encoder head on the int8 encoder built by
   ``encoder.build_quantized`` ("new"), the previous head on the packaged float-computed encoder
   ("packaged", ``model/signals_head_packaged.npz``) and the TF-IDF model ("old"), plus a
   keyword and a majority baseline.
2. The functional suites, HateCheck-style and HatemojiCheck-style, split into the HELD-OUT
   cases (``functional_heldout.py``: HELDOUT written before tuning; HELDOUT2 written after the
   first held-out run, before the changes made in response to it; HELDOUT3 written for the
   int8 encoder's head, committed before its first run; HELDOUT4 written before any change
   made for the "no functionality below 60%" target, committed on its own, first run by this
   bench; HELDOUT5 written before the second pass at that target, committed on its own and run
   once before and once after it; HELDOUT6 written blind, by someone who had not seen the rules
   or held-out 5's failures, before the third pass, committed on its own; HELDOUT7 written
   blind from the published functionality lists before the fourth pass, committed on its own;
   HELDOUT8 written blind from the same lists before the fifth pass, committed on its own;
   HELDOUT9 written blind from the same lists before the sixth pass, committed on its own;
   HELDOUT10 written blind from the same lists after the sixth pass, committed on its own;
   HELDOUT11 written blind from the same lists before the seventh pass was run, on its own;
   HELDOUT12 written blind from the same lists before the eighth pass was run, on its own)
   and the DEVELOPMENT cases (looked at while tuning): accuracy per functionality and overall,
   new and old, score() and model alone.
3. Throughput of each encoder on one core (onnxruntime intra-op threads = 1), the built int8
   one and the packaged one on the same texts: texts per second of wall time and of CPU time
   (the machine is shared, so wall time is noisy). ``--throughput-only`` runs this part alone,
   so that it can be measured when nothing else runs.

It is a measurement: it always exits 0.
"""

import argparse
import csv
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["HUB_SIGNALS_THREADS"] = "1"  # one core, as the target says

from hatehub.assessment.classifier import (  # noqa: E402
    HATE_THRESHOLD,
    PACKAGED_HEAD_PATH,
    load_head,
    load_model,
    load_terms,
    normalise,
    score,
)
from hatehub.assessment.encoder import encoder_for, load_encoder, prepare  # noqa: E402
from hatehub.assessment.functional_suite import TEST_SLURS, cases, split_names  # noqa: E402

SPLITS = tuple(reversed(split_names()))  # the newest held-out set first, "dev" last
TARGETS = {"hatecheck": 0.80, "hatemojicheck": 0.75, "min_functionality": 0.60}


def read_tweeteval(data: Path) -> tuple[list[str], list[int]]:
    folder = data / "tweeteval" / "hate"
    texts = (folder / "test_text.txt").read_text(encoding="utf-8").split("\n")
    labels = (folder / "test_labels.txt").read_text(encoding="utf-8").split()
    return texts[: len(labels)], [int(v) for v in labels]


def read_hatemoji_test(data: Path) -> tuple[list[str], list[int]]:
    with open(data / "hatemoji_build" / "test.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [r["text"] for r in rows], [int(r["label_gold"]) for r in rows]


def metrics(y, p, threshold):
    p = np.asarray(p, dtype=float)
    pred = (p >= threshold).astype(int)
    auc = float(roc_auc_score(y, p)) if len(set(p.tolist())) > 1 else 0.5
    return float(f1_score(y, pred, average="macro", zero_division=0)), auc


def keyword_baseline(texts, terms) -> list[float]:
    """1 if the text names any identity group (the "flag every mention" floor)."""
    pats = [p for plist in terms.identity.values() for _w, p in plist] + terms.other_groups
    return [1.0 if any(p.search(normalise(t)) for p in pats) else 0.0 for t in texts]


def evaluate(name, texts, y, models, terms):
    print(f"\n{name}: {len(y)} texts, {sum(y)} hate")
    print(f"  {'':34s} {'macro-F1':>9s} {'AUC':>7s}")
    rows = []
    for label, model in models.items():
        if hasattr(model, "clear_cache"):
            model.clear_cache()
        p_comb = [score(t, model=model, terms=terms).hate for t in texts]  # each on its own first
        p_model = model.predict_proba(texts)
        rows.append((f"{label}: model alone", *metrics(y, p_model, model.threshold)))
        rows.append((f"{label}: model + rules (score)", *metrics(y, p_comb, HATE_THRESHOLD)))
    rows.append(("baseline: keyword", *metrics(y, keyword_baseline(texts, terms), 0.5)))
    rows.append(("baseline: majority", *metrics(y, [0.0] * len(y), 0.5)))
    for label, f1, auc in rows:
        print(f"  {label:34s} {f1:9.4f} {auc:7.4f}")
    return rows


def functional(models, terms, show_failures: bool, splits=SPLITS):
    """Accuracy per (split, suite, functionality) for each model, score() and model alone.

    Each case is scored on its own first, as intake scores a report: the int8 encoder quantises
    a batch as a whole, so a text's vector (and a case near the threshold) can differ between a
    padded batch and a single text, and the head keeps the vectors it has worked out. Scoring
    the batch first, as this bench did before 2026-12-07, made a split's figures depend on which
    other splits were run with it (up to about one point)."""
    all_cases = [case for case in cases() if case.split in splits]
    results = {}
    for label, model in models.items():
        if hasattr(model, "clear_cache"):
            model.clear_cache()
        signals = [score(case.text, model=model, terms=terms) for case in all_cases]
        p_model = model.predict_proba([c.text for c in all_cases])
        for case, pm, s in zip(all_cases, p_model, signals, strict=True):
            ok = (s.hate >= HATE_THRESHOLD) == case.hateful
            ok_m = (pm >= model.threshold) == case.hateful
            results.setdefault((label, case.split, case.suite), []).append((case, ok, ok_m, s))
    summary = {}
    for split in splits:
        for suite in ("hatecheck", "hatemojicheck"):
            print(f"\nFunctional, {split.upper()} cases, {suite}-style:")
            header = "".join(f" {lbl + ' score':>15s} {lbl + ' model':>15s}" for lbl in models)
            print(f"  {'functionality':26s} {'n':>4s}{header}")
            by: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
            for label in models:
                for case, ok, ok_m, _s in results[(label, split, suite)]:
                    by[case.hatecheck_id][label].append((ok, ok_m))
            totals = {label: [] for label in models}
            for func, per in by.items():
                n = len(next(iter(per.values())))
                cells = ""
                for label in models:
                    oks = per[label]
                    totals[label] += oks
                    acc, acc_m = np.mean([o for o, _ in oks]), np.mean([m for _, m in oks])
                    cells += f" {acc:15.0%} {acc_m:15.0%}"
                print(f"  {func:26s} {n:4d}{cells}")
            cells = ""
            for label in models:
                oks = totals[label]
                cells += (
                    f" {np.mean([o for o, _ in oks]):15.1%} {np.mean([m for _, m in oks]):15.1%}"
                )
            print(f"  {'ALL':26s} {len(totals[next(iter(models))]):4d}{cells}")
            for label in models:
                funcs = {f: np.mean([o for o, _ in per[label]]) for f, per in by.items()}
                worst = min(funcs, key=funcs.get)
                summary[(label, split, suite)] = (
                    float(np.mean([o for o, _ in totals[label]])),
                    worst,
                    float(funcs[worst]),
                    sorted((v, f) for f, v in funcs.items() if v < TARGETS["min_functionality"]),
                )
            if show_failures:
                label = next(iter(models))
                for case, ok, _ok_m, s in results[(label, split, suite)]:
                    if not ok:
                        print(f"    FAIL {case.hatecheck_id}: {s.hate:.2f} {case.text}")
    return summary


def throughput(texts: list[str], label: str, heads: dict) -> None:
    for name, head in heads.items():
        encoder = encoder_for(head.meta, threads=1)
        encoder.embed(texts[:32])  # warm up
        wall, cpu = time.perf_counter(), time.process_time()
        encoder.embed(texts)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"  {name} encoder ({encoder.model_id}), {label}: {len(texts)} texts, "
            f"{len(texts) / wall:.0f} texts/s wall, {len(texts) / cpu:.0f} texts/s CPU time "
            "(1 intra-op thread)"
        )
    terms = load_terms(extra_slurs=TEST_SLURS)
    for name, head in heads.items():
        head.clear_cache()
        wall, cpu = time.perf_counter(), time.process_time()
        for t in texts:
            score(t, model=head, terms=terms)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(
            f"  {name} score() one text at a time, {label}: {len(texts) / wall:.0f} texts/s "
            f"wall, {len(texts) / cpu:.0f} texts/s CPU time"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    default = os.environ.get("HUB_EVAL_DIR", str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--data", default=default)
    parser.add_argument("--failures", action="store_true", help="print failing cases (new)")
    parser.add_argument("--head", help="the head to judge as 'new' (default: the shipped one)")
    parser.add_argument(
        "--splits", help="functional splits to run, comma-separated (e.g. heldout23,heldout22)"
    )
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--functional-only", action="store_true", help="no real data, no throughput")
    only.add_argument(
        "--throughput-only",
        action="store_true",
        help="only the encoders' throughput (part 3), to measure it on a quiet machine",
    )
    args = parser.parse_args(argv)
    data = Path(args.data)
    splits = tuple(args.splits.split(",")) if args.splits else SPLITS
    unknown = set(splits) - set(SPLITS)
    if unknown:
        parser.error(f"unknown split(s): {', '.join(sorted(unknown))}; known: {', '.join(SPLITS)}")
    new = load_head(Path(args.head)) if args.head else load_head()
    models = {"new": new, "packaged": load_head(PACKAGED_HEAD_PATH), "old": load_model()}
    if args.throughput_only:
        _throughput_part(data, models)
        return 0
    terms = load_terms(extra_slurs=TEST_SLURS)
    print(f"new: encoder head, threshold {models['new'].threshold:.2f}, {models['new'].meta}")
    print(f"packaged: threshold {models['packaged'].threshold:.2f}, {models['packaged'].meta}")
    print(f"old: TF-IDF, threshold {models['old'].threshold:.2f}, {models['old'].meta}")
    print(f"combined score() threshold: {HATE_THRESHOLD}; onnxruntime intra-op threads: 1")
    summary = functional(models, terms, args.failures, splits)
    if args.functional_only:
        _print_targets(summary, splits, models)
        return 0
    evaluate("TweetEval hate test (not used for training)", *read_tweeteval(data), models, terms)
    evaluate("HatemojiBuild test", *read_hatemoji_test(data), models, terms)

    _throughput_part(data, models)
    _print_targets(summary, splits, models)
    return 0


def _throughput_part(data: Path, models: dict) -> None:
    print("\nThroughput (one core; the machine is shared, figures are noisy):")
    tweets = read_tweeteval(data)[0][:1000]
    heads = {"new": models["new"], "packaged": models["packaged"]}
    throughput(tweets, "TweetEval test, first 1000 tweets", heads)
    throughput([c.text for c in cases()], "functional cases", heads)
    mean_tokens = np.mean([len(load_encoder(1).tokenizer.encode(prepare(t)).ids) for t in tweets])
    print(f"  (TweetEval tweets average {mean_tokens:.1f} tokens after preparation)")


def _print_targets(summary, splits, models) -> None:
    print("\nTargets (score(), new): HateCheck-style >= 80%, HatemojiCheck-style >= 75%, "
          "no functionality < 60%")  # fmt: skip
    for split in splits:
        for suite in ("hatecheck", "hatemojicheck"):
            for label in models:
                acc, worst, worst_acc, under = summary[(label, split, suite)]
                print(f"  {label} {split:8s} {suite:14s} accuracy {acc:6.1%}   "
                      f"lowest functionality {worst} {worst_acc:.0%}")  # fmt: skip
                if under:
                    print("      under 60%: " + ", ".join(f"{f} {v:.0%}" for v, f in under))


if __name__ == "__main__":
    raise SystemExit(main())
