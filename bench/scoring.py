"""Pair precision and recall of "these reports are the same case".

Every unordered pair of reports is either in the same true post or not, and either put in the
same predicted case or not. Pair precision is the share of predicted same-case pairs that are
truly the same post (low precision = unrelated reports merged: a victim's report buried in
someone else's case). Pair recall is the share of true same-post pairs that the matcher put
together (low recall = officers triaging the same post many times).

Pairs weight big clusters quadratically, which is what a surge looks like to the hub: merging
two 1,000-report clusters wrongly is far worse than leaving one singleton out.

The counts come from the contingency table of (truth, predicted) labels: a group of n reports
holds n*(n-1)/2 pairs, so scoring is O(n) and 100k reports take well under a second, where
enumerating pairs would mean ~5e9 of them.
"""

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float
    true_pairs: int  # pairs of reports about the same post
    predicted_pairs: int  # pairs of reports put in the same case
    correct_pairs: int = 0  # pairs that are both


def _pairs(counts: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts)


def pair_scores(truth: Sequence[str], predicted: Sequence[Hashable]) -> PairScores:
    """Score one clustering. `truth[i]` is report i's post, `predicted[i]` its case label (any
    hashable; labels are only compared for equality, so None is an ordinary label).

    Conventions, so that degenerate cases don't divide by zero: with no predicted pairs
    (everything a singleton) precision is 1.0, since no claim made was wrong; with no true
    pairs recall is 1.0, since nothing was missed. F1 is 0.0 when both are 0.
    """
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} truth labels but {len(predicted)} predicted labels")
    true_pairs = _pairs(Counter(truth).values())
    predicted_pairs = _pairs(Counter(predicted).values())
    correct = _pairs(Counter(zip(truth, predicted, strict=True)).values())
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1, true_pairs, predicted_pairs, correct)
