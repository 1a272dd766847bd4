"""The benchmark's own correctness: a wrong scorer or a leaky generator would make every
matching number meaningless, so these pin them down on cases small enough to check by hand."""

import io
from collections import Counter
from dataclasses import replace

import pytest
from PIL import Image

from bench.baselines import exact_url_baseline, minhash_lsh_baseline
from bench.scoring import PairScores, pair_scores
from bench.surge import PLATFORMS, SurgeReport, build_surge, generate_surge

TRUTH = ["a", "a", "a", "b", "b", "c"]  # 3 + 1 = 4 true pairs


def test_perfect_clustering_scores_one():
    scores = pair_scores(TRUTH, [10, 10, 10, 20, 20, 30])
    assert scores == PairScores(1.0, 1.0, 1.0, true_pairs=4, predicted_pairs=4, correct_pairs=4)


def test_everything_merged_has_full_recall_and_low_precision():
    scores = pair_scores(TRUTH, ["x"] * 6)
    assert scores.predicted_pairs == 15
    assert scores.recall == 1.0
    assert scores.precision == pytest.approx(4 / 15)


def test_everything_split_has_no_recall_and_precision_one_by_convention():
    scores = pair_scores(TRUTH, list(range(6)))
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 0.0, 0.0)
    assert scores.predicted_pairs == 0


def test_mixed_case_computed_by_hand():
    # Predicted {0,1,2,3} {4} {5}: 6 predicted pairs; correct are the 3 pairs inside a's
    # reports; b's single pair is missed. P = 3/6, R = 3/4, F1 = 2*.5*.75/1.25 = 0.6.
    scores = pair_scores(TRUTH, [1, 1, 1, 1, 2, 3])
    assert (scores.true_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 6, 3)
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.75)
    assert scores.f1 == pytest.approx(0.6)


def test_scorer_rejects_mismatched_lengths():
    with pytest.raises(ValueError):
        pair_scores(["a"], [1, 2])


def test_scorer_handles_100k_reports():
    truth = [f"p{i % 500}" for i in range(100_000)]
    scores = pair_scores(truth, [i % 1000 for i in range(100_000)])
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((1000 * 100 * 99 / 2) / (500 * 200 * 199 / 2))


def _strip(reports):
    return [replace(r, screenshot=None) for r in reports]


def test_generator_is_deterministic_for_a_seed():
    first = generate_surge(7, posts=20, reports=400, with_screenshots=False)
    assert first == generate_surge(7, posts=20, reports=400, with_screenshots=False)
    assert first != generate_surge(8, posts=20, reports=400, with_screenshots=False)


def test_truth_counts_and_skew():
    surge = build_surge(1, posts=60, reports=3000, with_screenshots=False)
    counts = Counter(r.truth for r in surge.reports)
    unrelated = [t for t in counts if t.startswith("unrelated-")]
    assert len(surge.reports) == 3000
    assert len(unrelated) == 600 and all(counts[t] == 1 for t in unrelated)
    surge_posts = [t for t in counts if not t.startswith("unrelated-")]
    assert len(surge_posts) == 60
    viral, viral_count = counts.most_common(1)[0]
    assert viral == "post-0000" and viral_count == 1200  # 40% of all reports
    assert counts.most_common(3)[2][1] < viral_count / 4  # then a long tail
    assert {r.platform for r in surge.reports} <= set(PLATFORMS)
    shaped = [r for r in surge.reports if r.shape == "account_quote_no_link"]
    assert 0.17 < len(shaped) / 3000 < 0.23
    assert all(not r.urls and r.accounts and r.quoted_text.strip() for r in shaped)
    others = [r for r in surge.reports if not r.shape]
    assert 0.18 < sum(not r.urls for r in others) / len(others) < 0.32
    assert all(surge.posts[r.truth].platform == r.platform for r in surge.reports)
    # Copy-paste campaigns: the viral post's words among them, each copy by another account.
    campaigns: dict[str, list] = {}
    for post in surge.posts.values():
        if post.campaign:
            campaigns.setdefault(post.campaign, []).append(post)
    assert len(campaigns["post-0000"]) >= 2
    for posts in campaigns.values():
        assert len({p.author for p in posts}) == len(posts) >= 2
    originals = [p.text for p in surge.posts.values() if p.campaign in (None, p.truth)]
    assert len(set(originals)) == len(originals)
    texts = [p.text for p in surge.posts.values()]
    assert not any("[SLUR]" not in t and "[GROUP]" not in t for t in texts)
    by_author = Counter(p.author for p in surge.posts.values() if p.truth in surge_posts)
    assert by_author.most_common(1)[0][1] >= 2  # one account, several different posts
    assert any(p.sibling_of for p in surge.posts.values())


def test_case_sensitive_ids_are_never_recased():
    surge = build_surge(2, posts=150, reports=3000, with_screenshots=False)
    checked = 0
    for report in surge.reports:
        post = surge.posts[report.truth]
        if report.platform in ("youtube", "instagram", "threads", "twitch", "kick"):
            for url in report.urls:
                assert post.post_id in url, url
                checked += 1
    assert checked > 50


def test_screenshots_are_per_reporter_variants_and_change_nothing_else():
    with_shots = generate_surge(3, posts=3, reports=12, with_screenshots=True)
    assert _strip(with_shots) == generate_surge(3, posts=3, reports=12, with_screenshots=False)
    shots = [r.screenshot for r in with_shots if r.screenshot]
    assert shots
    for shot in shots:
        assert Image.open(io.BytesIO(shot)).format in {"PNG", "JPEG", "WEBP"}
    assert len(set(shots)) == len(shots)


def _report(truth, urls=(), text="", description="x"):
    return SurgeReport(truth, "x", description, text, list(urls), [], None)


def test_exact_url_baseline_unions_shared_urls_transitively():
    reports = [
        _report("a", ["https://x.com/a/status/1"]),
        _report("a", ["https://x.com/a/status/1", "twitter.com/a/status/1"]),
        _report("a", ["twitter.com/a/status/1"]),
        _report("a", ["https://x.com/a/status/1?s=20"]),  # a variant: not exactly equal
        _report("b"),
        _report("b"),
    ]
    labels = exact_url_baseline(reports)
    assert labels[0] == labels[1] == labels[2]
    assert len({labels[0], labels[3], labels[4], labels[5]}) == 4


def test_minhash_baseline_joins_near_copies_and_keeps_strangers_apart():
    post = "get every last [SLUR] out of Northbridge tonight share before they delete it"
    reports = [
        _report("a", text=post, description="saw this on twitter"),
        _report("a", text=post, description="saw this on twitter please help"),
        _report("b", text="lovely weather in Eastmere today", description="wrong report, sorry"),
        SurgeReport("c", "x", "", "", [], [], None),  # no tokens at all: a singleton
        SurgeReport("d", "x", "", "", [], [], None),
    ]
    labels = minhash_lsh_baseline(reports)
    assert labels[0] == labels[1]
    assert len({labels[0], labels[2], labels[3], labels[4]}) == 4
