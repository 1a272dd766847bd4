"""Why matching misses on a surge: the false joins and missed pairs of the in-memory replay,
grouped by cause.

    .venv/bin/python bench/matching_diagnose.py --seed 2 4 [--reports 3000] [--posts 60]

Replays a surge exactly as `matching_quality.py --in-memory` does (the same `find_matches` on
rematch's `MemoryIndex`, ties combined, no database) and then explains the pairs it got wrong:

* false joins (pairs of reports of two posts in one case), by how the two posts relate
  (the same account's near-copy, a campaign copy by another account, the same account's other
  post, a 4chan post in the same thread, ...) and by what the report that joined the wrong case
  gave (link, words only, screenshot only, account + words);
* missed pairs (reports of one post in two cases), by what the reports outside their post's
  main case gave, and whether they opened a case of their own or joined another post's.

Signals (the screenshot fingerprints are the slow part) are cached per seed under the system
temp directory, so a second run of a seed takes seconds. A diagnostic, not a measurement.
"""

import argparse
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _signals(seed: int, reports: int, posts: int):
    from bench.surge import build_surge
    from hatehub.matching import fingerprints
    from hatehub.matching.services import Signals, account_identities, read_url

    cache = Path(tempfile.gettempdir()) / f"hub-diagnose-{seed}-{reports}-{posts}.json"
    surge = build_surge(seed, posts=posts, reports=reports, with_screenshots=not cache.exists())
    if cache.exists():
        images = [
            fingerprints.ImageFingerprint.from_bytes(bytes.fromhex(h)) if h else None
            for h in json.loads(cache.read_text())
        ]
    else:
        images = [
            fingerprints.image_fingerprint(r.screenshot) if r.screenshot else None
            for r in surge.reports
        ]
        cache.write_text(json.dumps([i.to_bytes().hex() if i else None for i in images]))
    signals = []
    for report, image in zip(surge.reports, images, strict=True):
        urls = [read_url(url) for url in report.urls]
        signals.append(
            Signals(
                platform=report.platform,
                urls=urls,
                file_hashes=[],
                text=fingerprints.text_fingerprint(report.quoted_text)
                if report.quoted_text
                else None,
                images=[image] if image else [],
                accounts=account_identities(report.platform, urls, report.accounts),
            )
        )
    return surge, signals


def replay(signals):
    """As `matching_quality.run_in_memory`: each report's case (followed through combining)
    and what `find_matches` said for it."""
    from hatehub.matching.rematch import MemoryIndex
    from hatehub.matching.services import find_matches

    index, predicted, found_of = MemoryIndex(), [], []
    for n, sig in enumerate(signals):
        found = find_matches(sig, index)
        case_id = -n if found.case_id is None else index.case(found.case_id)
        for tie in found.tied:
            if index.case(tie.case_id) != case_id:
                index.merge(tie.case_id, case_id)
        index.add(n, case_id, sig, found.held_keys)
        predicted.append(case_id)
        found_of.append(found)
    return [index.case(c) for c in predicted], found_of


def _gave(report, sig) -> str:
    parts = []
    if sig.content_urls:
        parts.append("link")
    elif report.urls:
        parts.append("non-content link")
    if sig.text is not None:
        parts.append("words")
    if sig.images:
        parts.append("shot")
    if sig.accounts:
        parts.append("account")
    return "+".join(parts) or "nothing"


def relation(a, b) -> str:
    """How post a stands to post b in the generator's truth."""
    if a.campaign and a.campaign == b.campaign:
        return "campaign copy (other account)"
    same_author = a.author == b.author
    sibling = a.sibling_of == b.truth or b.sibling_of == a.truth
    if sibling:
        return "near-copy, same account" if same_author else "near-copy, other account"
    if a.platform == "4chan" and b.platform == "4chan":
        return "4chan, other post"
    if same_author:
        return "same account, other post"
    if a.text == b.text:
        return "same words"
    return "unrelated posts"


def diagnose(seed: int, reports_wanted: int, posts_wanted: int, show: int) -> None:
    from bench.scoring import pair_scores

    surge, signals = _signals(seed, reports_wanted, posts_wanted)
    reports, posts = surge.reports, surge.posts
    predicted, found_of = replay(signals)
    truth = [r.truth for r in reports]
    scores = pair_scores(truth, predicted)
    print(f"seed {seed}: precision {scores.precision:.4f} recall {scores.recall:.4f}")

    by_case: dict[int, Counter] = defaultdict(Counter)
    by_truth: dict[str, Counter] = defaultdict(Counter)
    for t, c in zip(truth, predicted, strict=True):
        by_case[c][t] += 1
        by_truth[t][c] += 1
    owner = {c: counts.most_common(1)[0][0] for c, counts in by_case.items()}
    main_case = {t: counts.most_common(1)[0][0] for t, counts in by_truth.items()}

    # False joins: each report in a case whose owner is another post, weighted by the pairs it
    # makes with the owner's reports (a rough share of the false pairs).
    false_pairs = sum(
        a * b
        for counts in by_case.values()
        for i, a in enumerate(counts.values())
        for j, b in enumerate(counts.values())
        if i < j
    )
    false_by: Counter = Counter()
    false_examples: dict[str, list] = defaultdict(list)
    for n, (t, c) in enumerate(zip(truth, predicted, strict=True)):
        o = owner[c]
        if t == o:
            continue
        rel = relation(posts[t], posts[o])
        gave = _gave(reports[n], signals[n])
        weight = by_case[c][o]
        false_by[rel, gave, found_of[n].reason.split(" (")[0][:40]] += weight
        false_examples[rel].append((n, t, o, found_of[n].reason))
    print(f"  false pairs {false_pairs}; by (posts' relation, what the report gave, reason):")
    for (rel, gave, reason), weight in false_by.most_common(25):
        print(f"    {weight:>7}  {rel:<32} {gave:<28} {reason}")
    for rel, examples in false_examples.items():
        for n, t, o, reason in examples[:show]:
            r = reports[n]
            print(f"    e.g. [{rel}] #{n} {t} in case of {o}: {reason!r}")
            print(f"         quote {r.quoted_text[:90]!r} accounts {r.accounts} urls {r.urls}")
            print(f"         {t}: {posts[t].text[:90]!r}")
            print(f"         {o}: {posts[o].text[:90]!r}")

    # Missed pairs: reports of a post outside its main case.
    missed_by: Counter = Counter()
    missed_examples: dict[str, list] = defaultdict(list)
    for n, (t, c) in enumerate(zip(truth, predicted, strict=True)):
        m = main_case[t]
        if c == m:
            continue
        weight = by_truth[t][m]
        if owner[c] != t:
            where = f"joined another post's case ({relation(posts[t], posts[owner[c]])})"
        elif by_truth[t][c] > 1:
            where = "in a second case of its own post"
        else:
            where = "alone"
        gave = _gave(reports[n], signals[n])
        missed_by[where, gave, posts[t].platform == "4chan"] += weight
        missed_examples[where].append((n, t, m, c))
    print("  missed pairs (weighted by the main case's size) by (where, gave, 4chan):")
    for (where, gave, chan), weight in missed_by.most_common(25):
        print(f"    {weight:>7}  {where:<58} {gave:<28} {'4chan' if chan else ''}")
    for where, examples in missed_examples.items():
        for n, t, m, c in examples[:show]:
            r = reports[n]
            print(f"    e.g. [{where}] #{n} {t} (main case {m}, here {c}, {by_case[c]})")
            print(f"         quote {r.quoted_text[:90]!r} accounts {r.accounts} urls {r.urls}")
            print(f"         reason {found_of[n].reason!r}")
    print("  posts split over several cases (truth: cases):")
    for t, counts in sorted(by_truth.items(), key=lambda kv: -sum(kv[1].values())):
        if len(counts) > 1 and sum(counts.values()) > 5:
            p = posts[t]
            print(
                f"    {t} {p.platform} author={p.author} sibling_of={p.sibling_of} "
                f"campaign={p.campaign}: {dict(counts.most_common(6))}"
            )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=3000)
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--seed", type=int, nargs="+", default=[2])
    parser.add_argument("--examples", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatehub.settings")
    os.environ.setdefault("HUB_INSECURE_DEV_SECRET", "1")
    import django

    django.setup()
    for seed in args.seed:
        diagnose(seed, args.reports, args.posts, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
