"""Scoring a surge's backlog for the cases' content signal, pass by pass, as the workers do.

    PYTHONPATH=$PWD .venv/bin/python bench/scoring_passes.py [--reports 20000] [--scorers 2]

The surge's quotes are scored in its order, `SCORED_PER_PASS` at a time, by
`intake.scoring._signals_of` (a quote at least `SAME_WORDS` alike to words already scored for
its case takes their score). Each report's case is its true post here (the bench leaves
matching out: a post's reports in one case, as a surge's recording puts them); passes alternate
between `--scorers` workers, each with its own memory, as the two task workers take turns.
The baseline, in the same run on the same quotes, forgets each case's scored words at the end
of every pass (the scorer before the memory). Prints the quotes sent to the scorer
(`content_signal_of`, which keeps 4,096 texts' scores) and the CPU time for both,
the ratio, and how many cases end with a different signal.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.getcwd())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--scorers", type=int, default=2, help="workers taking turns")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings")
    import django

    django.setup()
    from bench.surge import generate_surge
    from hatehub.assessment.classifier import default_model
    from hatehub.intake import scoring

    reports = generate_surge(
        args.seed, posts=args.reports // 50, reports=args.reports, with_screenshots=False
    )
    cases = {truth: index for index, truth in enumerate(dict.fromkeys(r.truth for r in reports))}
    quotes = [
        scoring._Quote(report_id, cases[report.truth], report.quoted_text)
        for report_id, report in enumerate(reports)
    ]
    passes = [
        quotes[at : at + scoring.SCORED_PER_PASS]
        for at in range(0, len(quotes), scoring.SCORED_PER_PASS)
    ]
    calls = 0
    model_score = scoring.content_signal_of

    def counted(text: str) -> float | None:
        nonlocal calls
        calls += 1
        return model_score(text)

    scoring.content_signal_of = counted

    def run(forget_each_pass: bool) -> tuple[float, int, dict[int, float | None]]:
        nonlocal calls
        calls = 0
        # Both runs start cold: the scores kept per text and the encoder's vectors are cleared.
        model_score.cache_clear()
        default_model().clear_cache()
        memories = [scoring._ScoredWords() for _ in range(args.scorers)]
        signals: dict[int, float | None] = {}
        began = time.process_time()
        for number, quotes_of_pass in enumerate(passes):
            scoring._scored_words = memories[number % args.scorers]
            if forget_each_pass:
                scoring._scored_words.clear()
            signals.update(scoring._signals_of(quotes_of_pass))
        return time.process_time() - began, calls, signals

    # An untimed run first, so the caches neither run clears (each text's fingerprint, the
    # model's one-off tables) are as warm for the baseline as for the memory.
    run(forget_each_pass=False)
    baseline_s, baseline_calls, baseline = run(forget_each_pass=True)
    kept_s, kept_calls, kept = run(forget_each_pass=False)
    quoting = sum(1 for quote in quotes if quote.text)
    print(
        f"{len(reports):,} reports ({quoting:,} quoting), {len(cases):,} cases, "
        f"{len(passes)} passes, {args.scorers} scorers taking turns"
    )
    print(
        f"baseline (forgets after each pass): {baseline_calls:,} sent to the scorer, "
        f"{baseline_s:.1f} s CPU ({1000 * baseline_s / quoting:.2f} ms a quote)"
    )
    print(
        f"memory across passes:               {kept_calls:,} sent to the scorer, "
        f"{kept_s:.1f} s CPU ({1000 * kept_s / quoting:.2f} ms a quote)"
    )
    print(f"ratio: {baseline_s / kept_s:.2f}x")
    cases_signal: dict[str, dict[int, float]] = {}
    for name, signals in (("baseline", baseline), ("memory", kept)):
        strongest: dict[int, float] = {}
        for quote in quotes:
            signal = signals.get(quote.report_id)
            if signal is not None:
                strongest[quote.case_id] = max(strongest.get(quote.case_id, 0.0), signal)
        cases_signal[name] = strongest
    differ = sum(
        1
        for case, signal in cases_signal["baseline"].items()
        if abs(signal - cases_signal["memory"].get(case, 0.0)) > 0.05
    )
    print(f"cases whose signal differs by more than 0.05 between the two: {differ:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
