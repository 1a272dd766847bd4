"""Content signals: held-out metrics and the functional suite, against a trivial baseline.

    .venv/bin/python bench/signals_eval.py [--data ../shared/eval] [--model PATH]

Why: a hate model is only worth shipping for queue ordering if it clearly beats a keyword
match on data it never saw, and if it does not push counter-speech, negated or quoted hate,
reclaimed slurs and plain mentions of a group up the queue. So this prints, for TweetEval hate
test (never used for training) and HatemojiBuild test:

- macro-F1 and ROC AUC of the model alone (at its validation-chosen threshold) and of the
  combined ``score().hate`` (model + rules, at ``HATE_THRESHOLD``);
- the same for two in-run baselines, an identity-term keyword match and the majority class,
  and the ratio of model to keyword baseline;

and then the pass rate per functionality of ``hatehub.assessment.functional_suite``.
It is a measurement: it always exits 0.
"""

import argparse
import csv
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hatehub.assessment.functional_suite import TEST_SLURS, cases  # noqa: E402
from hatehub.assessment.signals import (  # noqa: E402
    HATE_THRESHOLD,
    load_model,
    load_terms,
    normalise,
    score,
)


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


def evaluate(name, texts, y, model, terms):
    started = time.monotonic()
    p_model = model.predict_proba(texts)
    p_comb = [score(t, model=model, terms=terms).hate for t in texts]
    elapsed = time.monotonic() - started
    kw = keyword_baseline(texts, terms)
    rows = [
        ("model alone", *metrics(y, p_model, model.threshold)),
        ("model + rules (score)", *metrics(y, p_comb, HATE_THRESHOLD)),
        ("baseline: keyword", *metrics(y, kw, 0.5)),
        ("baseline: majority", *metrics(y, [0.0] * len(y), 0.5)),
    ]
    print(f"\n{name}: {len(y)} texts, {sum(y)} hate; scored in {elapsed:.1f}s")
    print(f"  {'':24s} {'macro-F1':>9s} {'AUC':>7s}")
    for label, f1, auc in rows:
        print(f"  {label:24s} {f1:9.4f} {auc:7.4f}")
    kf1, kauc = rows[2][1], rows[2][2]
    for label, f1, auc in rows[:2]:
        print(f"  ratio {label} / keyword: macro-F1 x{f1 / kf1:.2f}, AUC x{auc / kauc:.2f}")
    return rows


def functional(model, terms):
    by_func: dict[str, list[bool]] = defaultdict(list)
    by_id: dict[str, list[bool]] = defaultdict(list)
    by_func_model: dict[str, list[bool]] = defaultdict(list)
    failures: dict[str, list[str]] = defaultdict(list)
    for case in cases():
        s = score(case.text, model=model, terms=terms)
        ok = (s.hate >= HATE_THRESHOLD) == case.hateful
        ok_model = (s.model_hate >= model.threshold) == case.hateful
        by_func[case.functionality].append(ok)
        by_id[case.hatecheck_id].append(ok)
        by_func_model[case.functionality].append(ok_model)
        if not ok:
            failures[case.hatecheck_id].append(f"{s.hate:.2f} {case.text}")
    total = [v for vs in by_func.values() for v in vs]
    print(f"\nFunctional suite ({len(total)} cases; pass = on the right side of the threshold)")
    print(f"  {'functionality':24s} {'n':>4s} {'score()':>8s} {'model':>7s}")
    for func, oks in by_func.items():
        m = by_func_model[func]
        print(f"  {func:24s} {len(oks):4d} {np.mean(oks):8.0%} {np.mean(m):7.0%}")
    allm = [v for vs in by_func_model.values() for v in vs]
    print(f"  {'ALL':24s} {len(total):4d} {np.mean(total):8.0%} {np.mean(allm):7.0%}")
    print("\n  by HateCheck functionality (score()):")
    for hc_id, oks in by_id.items():
        print(f"    {hc_id:22s} {len(oks):4d} {np.mean(oks):6.0%}")
    return by_func, failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--model", default=None)
    parser.add_argument("--failures", action="store_true", help="print failing cases")
    args = parser.parse_args(argv)
    data = Path(args.data)
    model = load_model(args.model)
    terms = load_terms(extra_slurs=TEST_SLURS)
    print(f"model: threshold {model.threshold:.2f}, {model.meta}")
    print(f"combined score() threshold: {HATE_THRESHOLD}")
    evaluate("TweetEval hate test (not used for training)", *read_tweeteval(data), model, terms)
    evaluate("HatemojiBuild test", *read_hatemoji_test(data), model, terms)
    _by_func, failures = functional(model, terms)
    if args.failures:
        for hc_id, rows in failures.items():
            print(f"\n  FAIL {hc_id}:")
            for r in rows:
                print(f"    {r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
