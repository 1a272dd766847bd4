"""The first urgency's danger words over a surge's reports, as intake reads them.

    PYTHONPATH=$PWD .venv/bin/python bench/first_urgency.py [--reports 30000]

Each report's words (its quote and the reporter's description, as `intake.services.words_of`
joins them) are read once by `inference.danger_words`, in the surge's order, with the cache of
sentences cleared first: as a recording worker meets them. The baseline, in the same run on the
same texts, reads every sentence afresh (the cache's wrapped function). Prints CPU time per
report for both, the ratio, and that both found the same danger in every report.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.getcwd())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings")
    import django

    django.setup()
    from bench.surge import generate_surge
    from hatehub.assessment import inference
    from hatehub.assessment.rules import load_rules
    from hatehub.intake.routing import MAX_TEXT

    reports = generate_surge(args.seed, posts=600, reports=args.reports, with_screenshots=False)
    texts = [
        "\n".join(part for part in (report.quoted_text, report.description) if part)[:MAX_TEXT]
        for report in reports
    ]
    rules = load_rules()

    def uncached(text: str) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for sentence in inference._sentences(text):
            for answer, words in inference._danger_in.__wrapped__(rules.inference, sentence):
                found.setdefault(answer, []).extend(words)
        return {answer: tuple(dict.fromkeys(words)) for answer, words in found.items()}

    began = time.process_time()
    baseline = [uncached(text) for text in texts]
    baseline_s = time.process_time() - began
    inference._danger_in.cache_clear()
    began = time.process_time()
    cached = [inference.danger_words(text, rules=rules) for text in texts]
    cached_s = time.process_time() - began
    info = inference._danger_in.cache_info()
    per = 1e6 / len(texts)
    print(f"{len(texts):,} reports, {info.misses:,} distinct sentences read, {info.hits:,} again")
    print(f"baseline (every sentence read afresh): {baseline_s * per:.1f} us a report (CPU)")
    print(f"danger_words (sentences cached):       {cached_s * per:.1f} us a report (CPU)")
    print(f"ratio: {baseline_s / cached_s:.2f}x; the same danger found in every report: "
          f"{cached == baseline}; urgent: {sum(bool(found) for found in cached):,}")  # fmt: skip
    return 0 if cached == baseline else 1


if __name__ == "__main__":
    raise SystemExit(main())
