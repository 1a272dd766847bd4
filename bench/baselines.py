"""Two naive matchers, as floors a real matcher must clearly beat.

Each takes the reports and returns one cluster label per report (labels are report indexes
of a cluster's representative; only equality matters, see `bench.scoring`).
"""

from collections.abc import Hashable, Sequence

from datasketch import MinHash, MinHashLSH

from bench.surge import SurgeReport

MINHASH_THRESHOLD = 0.5
MINHASH_NUM_PERM = 128


class _UnionFind:
    """Disjoint sets over report indexes, so "A matches B, B matches C" puts A with C."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression keeps later finds flat
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def labels(self) -> list[Hashable]:
        return [self.find(i) for i in range(len(self.parent))]


def exact_url_baseline(reports: Sequence[SurgeReport]) -> list[Hashable]:
    """Reports sharing any URL string, byte for byte, are one case (transitively); reports
    without a URL stay alone. This is what a "same link" check without normalisation does:
    precise, but every variant of a link (x.com vs twitter.com, ?s=20, a trailing slash)
    splits the case."""
    sets = _UnionFind(len(reports))
    first_seen: dict[str, int] = {}
    for i, report in enumerate(reports):
        for url in report.urls:
            sets.union(first_seen.setdefault(url, i), i)
    return sets.labels()


def _tokens(report: SurgeReport) -> set[str]:
    text = report.quoted_text + " " + report.description + " " + " ".join(report.urls)
    return set(text.lower().split())


def minhash_lsh_baseline(reports: Sequence[SurgeReport]) -> list[Hashable]:
    """Near-duplicate text, done the way a typical first attempt does it: MinHash (128
    permutations) of the set of lower-cased whitespace tokens of quoted text + description +
    URLs, a MinHashLSH index at Jaccard threshold 0.5, every report queried against the index
    and unioned with all its hits (union-find, so matches chain transitively).

    Deliberate non-choices, because they are what the baseline is meant to show up: no Unicode
    or URL normalisation, no shingling, no stop words, the reporter's own description mixed in
    with the post's text (so generic "I saw a racist tweet" wording links unrelated reports),
    and LSH candidates accepted without checking the estimated Jaccard. Reports with no tokens
    at all stay singletons (an empty MinHash would match every other empty one).
    """
    token_sets = [_tokens(report) for report in reports]
    hashes = MinHash.bulk(
        ([token.encode() for token in tokens] for tokens in token_sets),
        num_perm=MINHASH_NUM_PERM,
    )
    lsh = MinHashLSH(threshold=MINHASH_THRESHOLD, num_perm=MINHASH_NUM_PERM)
    for i, (tokens, minhash) in enumerate(zip(token_sets, hashes, strict=True)):
        if tokens:
            lsh.insert(i, minhash, check_duplication=False)
    sets = _UnionFind(len(reports))
    for i, (tokens, minhash) in enumerate(zip(token_sets, hashes, strict=True)):
        if tokens:
            for hit in lsh.query(minhash):
                sets.union(i, hit)
    return sets.labels()
