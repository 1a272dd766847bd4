"""Matching at intake: find the case a new report belongs to, index it, link its accounts.

Exact keys first (the canonical URL of a piece of content, the SHA-256 of an evidence file), then
near-duplicate fingerprints (quoted text, screenshots), each found through the shared `MatchKey`
index and verified against the candidate's stored signature. A certain match joins that case; a
weaker one is offered to an officer as a possible match.
"""

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from hatehub.evidence import store

from . import fingerprints
from .canonical_urls import CanonicalURL, canonicalise
from .handles import handle_from_text
from .models import AccountHandle, Fingerprint, MatchKey, OnlineAccount, PossibleMatch

# Exact keys need one holder per case; fingerprint buckets keep a few, so that a case's varied
# wordings and screenshots are all there to be compared against.
HOLDERS_PER_CASE = 3


def holders_per_case(kind: str) -> int:
    return 1 if kind in (MatchKey.Kind.URL, MatchKey.Kind.FILE) else HOLDERS_PER_CASE


# How many candidate reports per case are verified: a viral post's case holds thousands of
# reports, but a few of its signatures are enough to decide.
_VERIFY_PER_CASE = 3
# How many candidate cases found by fingerprint buckets are verified, most buckets shared first.
_CASES_VERIFIED = 10
# How many holders of one fuzzy key (text band, screenshot chunk) are read, newest first.
FUZZY_HOLDERS_READ = 50


@dataclass(frozen=True)
class ReadURL:
    url: str
    canonical: CanonicalURL | None


@dataclass
class Signals:
    """Everything a report can be matched by, computed once from what was reported."""

    platform: str
    urls: list[ReadURL]
    file_hashes: list[str]
    text: fingerprints.TextFingerprint | None
    images: list[fingerprints.ImageFingerprint]

    def exact_keys(self) -> list[tuple[str, str]]:
        keys = [
            (MatchKey.Kind.URL, url_key(read.canonical.canonical))
            for read in self.urls
            if read.canonical is not None and read.canonical.identifies_content
        ]
        keys += [(MatchKey.Kind.FILE, sha256) for sha256 in self.file_hashes]
        return list(dict.fromkeys(keys))

    def fingerprint_keys(self) -> list[tuple[str, str]]:
        keys = [(MatchKey.Kind.TEXT, key) for key in self.text.band_keys()] if self.text else []
        for image in self.images:
            keys += [(MatchKey.Kind.IMAGE, key) for key in image.keys()]
        return list(dict.fromkeys(keys))

    @property
    def content_urls(self) -> set[str]:
        return {key for kind, key in self.exact_keys() if kind == MatchKey.Kind.URL}


@dataclass(frozen=True)
class Match:
    case_id: int
    score: float
    reason: str
    certain: bool


@dataclass
class MatchResult:
    """The case to join (None: open a new one) and the weaker candidates to show an officer."""

    case_id: int | None
    reason: str = ""
    exact: bool = False  # joined on a content URL or evidence file, not a likeness
    possible: list[Match] = field(default_factory=list)
    # Keys the case joined already holds often enough: not written again, so a key has at most
    # HOLDERS_PER_CASE rows per case however many reports the case has.
    held_keys: set[tuple[str, str]] = field(default_factory=set)


def url_key(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()[:40]


def read_url(url: str) -> ReadURL:
    try:
        return ReadURL(url, canonicalise(url))
    except ValueError:
        return ReadURL(url, None)


def signals_for(
    *,
    platform: str,
    urls: Sequence[str],
    quoted_text: str,
    evidence: Iterable[tuple[str, str]],
) -> Signals:
    """`evidence` is (sha256, media type) of each stored original; images are read back from the
    evidence store to be fingerprinted."""
    file_hashes, images = [], []
    for sha256, media_type in evidence:
        file_hashes.append(sha256)
        if media_type.startswith("image/"):
            with store.open_blob(sha256) as blob:
                image = fingerprints.image_fingerprint(blob.read())
            if image is not None:
                images.append(image)
    return Signals(
        platform=platform,
        urls=[read_url(url) for url in urls],
        file_hashes=file_hashes,
        text=fingerprints.text_fingerprint(quoted_text) if quoted_text else None,
        images=images,
    )


def lock_keys(signals: Signals) -> None:
    """Reports that share a key are matched one at a time, so two reports of a new post that
    arrive together cannot both open a case. PostgreSQL: transaction-scoped advisory locks, in
    a fixed order; SQLite already runs one writing transaction at a time."""
    if connection.vendor != "postgresql":
        return
    keys = sorted(
        int.from_bytes(hashlib.sha256(f"{kind}:{value}".encode()).digest()[:8], "big", signed=True)
        for kind, value in signals.exact_keys() + signals.fingerprint_keys()
    )
    if keys:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [keys])


class DatabaseIndex:
    """The shared index as intake reads it: `MatchKey` and `Fingerprint` rows."""

    def hits(self, keys: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, value in keys:
            by_kind[kind].append(value)
        hits = []
        for kind, values in by_kind.items():
            if kind != MatchKey.Kind.IMAGE:
                # Exact keys and text LSH bands are selective: one query reads them all.
                rows = MatchKey.objects.filter(kind=kind, value__in=values)
                hits += rows.values_list("report_id", "report__case_id", "kind", "value")
                continue
            # A screenshot bucket can be common (one platform's screenshots share a layout):
            # read only its newest holders, so a lookup costs the same at a million reports.
            # One round trip on PostgreSQL: the per-bucket reads combined with UNION ALL.
            reads = [
                MatchKey.objects.filter(kind=kind, value=value)
                .order_by("-report_id")
                .values_list("report_id", "report__case_id", "kind", "value")[:FUZZY_HOLDERS_READ]
                for value in values
            ]
            if connection.features.supports_slicing_ordering_in_compound and len(reads) > 1:
                hits += reads[0].union(*reads[1:], all=True)
            else:  # SQLite cannot LIMIT inside a UNION: one read per bucket
                for read in reads:
                    hits += read
        return hits

    def signatures(self, report_ids: list[int]) -> list[tuple[int, str, bytes]]:
        rows = Fingerprint.objects.filter(report_id__in=report_ids)
        return [
            (rid, kind, bytes(sig))
            for rid, kind, sig in rows.values_list("report_id", "kind", "signature")
        ]

    def case_content_urls(self, case_ids: list[int]) -> dict[int, set[str]]:
        """The content URLs each case's reports name (a URL key is held once per case, so this
        stays small even for a viral case)."""
        urls: dict[int, set[str]] = defaultdict(set)
        rows = MatchKey.objects.filter(report__case_id__in=case_ids, kind=MatchKey.Kind.URL)
        for case_id, value in rows.values_list("report__case_id", "value"):
            urls[case_id].add(value)
        return urls


def find_matches(
    signals: Signals, index=None, *, exclude_case_id: int | None = None
) -> MatchResult:
    """Which existing case this report is about, if any, and which cases it may be about.
    `index` answers the lookups: the database at intake, memory in a bulk re-match."""
    index = index or DatabaseIndex()
    keys = signals.exact_keys() + signals.fingerprint_keys()
    if not keys:
        return MatchResult(None)
    hits = [hit for hit in index.hits(keys) if hit[1] != exclude_case_id]
    if not hits:
        return MatchResult(None)

    matches: list[Match] = []
    exact_by_case: dict[int, list[str]] = defaultdict(list)
    fuzzy_reports: dict[int, set[int]] = defaultdict(set)
    shared_buckets: dict[int, int] = defaultdict(int)
    for report_id, case_id, kind, _value in hits:
        if kind in (MatchKey.Kind.URL, MatchKey.Kind.FILE):
            exact_by_case[case_id].append(kind)
        else:
            fuzzy_reports[case_id].add(report_id)
            shared_buckets[case_id] += 1
    # The cases sharing the most buckets are the likeliest: only they are verified, which
    # bounds the cost of a report whose screenshot looks like a thousand others.
    likeliest = sorted(shared_buckets, key=lambda case_id: -shared_buckets[case_id])
    fuzzy_reports = {case_id: fuzzy_reports[case_id] for case_id in likeliest[:_CASES_VERIFIED]}
    for case_id, kinds in exact_by_case.items():
        reason = "Same content URL" if MatchKey.Kind.URL in kinds else "Same evidence file"
        matches.append(Match(case_id, 1.0, reason, certain=True))
    matches += _verify_fingerprints(signals, index, fuzzy_reports, set(exact_by_case))

    # The same address or file outranks the same words or picture at an equal score.
    certain = sorted(
        (m for m in matches if m.certain),
        key=lambda m: (-m.score, m.case_id not in exact_by_case, m.case_id),
    )
    joined = certain[0] if certain else None
    possible = [m for m in matches if joined is None or m.case_id != joined.case_id]
    holders = Counter(
        (kind, value) for _r, case_id, kind, value in hits if joined and case_id == joined.case_id
    )
    held = {key for key, count in holders.items() if count >= holders_per_case(key[0])}
    return MatchResult(
        case_id=joined.case_id if joined else None,
        reason=joined.reason if joined else "",
        exact=bool(joined and joined.case_id in exact_by_case),
        possible=[_as_possible(m) for m in possible],
        held_keys=held,
    )


def _as_possible(match: Match) -> Match:
    # A second case that matches as surely as the one joined is still only offered: combining
    # two existing cases is an officer's decision (they may have been split on purpose).
    return Match(match.case_id, match.score, match.reason, certain=False)


def _verify_fingerprints(
    signals: Signals, index, reports_by_case: dict[int, set[int]], exact_cases: set[int]
) -> list[Match]:
    """Score each candidate case by its best-matching stored signature."""
    candidates = {
        case_id: sorted(report_ids)[-_VERIFY_PER_CASE:]
        for case_id, report_ids in reports_by_case.items()
        if case_id not in exact_cases
    }
    if not candidates:
        return []
    report_ids = [rid for ids in candidates.values() for rid in ids]
    stored = index.signatures(report_ids)
    # A report naming a post, and a case about other posts only, are different content however
    # alike the words or pictures (a copy-paste campaign is many posts, not one).
    case_urls = index.case_content_urls(list(candidates)) if signals.content_urls else {}
    by_report: dict[int, list[tuple[str, bytes]]] = defaultdict(list)
    for report_id, kind, signature in stored:
        by_report[report_id].append((kind, signature))
    best: dict[int, tuple[float, str, bool]] = {}
    # Likeliest cases first (the order they came in); the first certain match ends the search,
    # so a duplicate in a surge costs a comparison or two, not thirty.
    for case_id, ids in candidates.items():
        theirs = case_urls.get(case_id, set())
        if theirs and not (signals.content_urls & theirs):
            continue
        for report_id in reversed(ids):  # newest first
            for kind, signature in by_report.get(report_id, ()):
                score, reason, certain = _compare(signals, kind, signature)
                if score > 0 and (
                    case_id not in best or (certain, score) > (best[case_id][2], best[case_id][0])
                ):
                    best[case_id] = (score, reason, certain)
            if case_id in best and best[case_id][2]:
                break
        if case_id in best and best[case_id][2]:
            break
    return [
        Match(case_id, score, reason, certain) for case_id, (score, reason, certain) in best.items()
    ]


def _compare(signals: Signals, kind: str, signature: bytes) -> tuple[float, str, bool]:
    if kind == Fingerprint.Kind.TEXT and signals.text is not None:
        score = signals.text.similarity(fingerprints.TextFingerprint.from_bytes(signature))
        if score >= fingerprints.TEXT_POSSIBLE_THRESHOLD:
            certain = score >= fingerprints.TEXT_MATCH_THRESHOLD
            return score, f"Quoted text {score:.0%} similar", certain
    if kind == Fingerprint.Kind.IMAGE and signals.images:
        theirs = fingerprints.ImageFingerprint.from_bytes(signature)
        score = max(image.similarity(theirs) for image in signals.images)
        if score >= fingerprints.IMAGE_POSSIBLE_THRESHOLD:
            certain = score >= fingerprints.IMAGE_MATCH_THRESHOLD
            return score, f"Screenshot {score:.0%} similar", certain
    return 0.0, "", False


def index_report(report, signals: Signals, *, held_keys: set[tuple[str, str]] = frozenset()):
    """Write the report's keys (those its case does not hold yet) and its signatures."""
    keys = [k for k in signals.exact_keys() + signals.fingerprint_keys() if k not in held_keys]
    MatchKey.objects.bulk_create(
        [MatchKey(report=report, kind=kind, value=value) for kind, value in keys],
        ignore_conflicts=True,
    )
    stored = []
    if signals.text is not None:
        stored.append(Fingerprint(report=report, kind="text", signature=signals.text.to_bytes()))
    stored += [
        Fingerprint(report=report, kind="image", signature=image.to_bytes())
        for image in signals.images
    ]
    Fingerprint.objects.bulk_create(stored)


def stored_keys(report) -> list[tuple[str, str]]:
    """A report's keys rebuilt from what is stored (canonical URLs, evidence hashes, saved
    signatures), without reading the evidence again: for moving reports between cases."""
    keys = [
        (MatchKey.Kind.URL, url_key(item.canonical_url))
        for item in report.content_items.all()
        if item.canonical_url and read_url(item.url).canonical.identifies_content
    ]
    keys += [
        (MatchKey.Kind.FILE, sha256)
        for sha256 in report.evidence.filter(kind="original").values_list("sha256", flat=True)
    ]
    for kind, signature in Fingerprint.objects.filter(report=report).values_list(
        "kind", "signature"
    ):
        if kind == Fingerprint.Kind.TEXT:
            fingerprint = fingerprints.TextFingerprint.from_bytes(bytes(signature))
            keys += [(MatchKey.Kind.TEXT, key) for key in fingerprint.band_keys()]
        else:
            image = fingerprints.ImageFingerprint.from_bytes(bytes(signature))
            keys += [(MatchKey.Kind.IMAGE, key) for key in image.keys()]
    return list(dict.fromkeys(keys))


def reindex(reports) -> None:
    """After reports move case, make sure their new case can be found by every key they carry
    (intake writes a key only a few times per case, so a moved report may not hold its own)."""
    MatchKey.objects.bulk_create(
        [
            MatchKey(report=report, kind=kind, value=value)
            for report in reports
            for kind, value in stored_keys(report)
        ],
        ignore_conflicts=True,
    )


def record_possible_matches(case, matches: Iterable[Match]) -> None:
    now = timezone.now()
    for match in matches:
        low, high = sorted((case.pk, match.case_id))
        existing = PossibleMatch.objects.filter(case_id=low, other_case_id=high).first()
        if existing is None:
            PossibleMatch.objects.create(
                case_id=low,
                other_case_id=high,
                score=match.score,
                reason=match.reason,
                found_at=now,
            )
        elif existing.status == PossibleMatch.Status.OPEN and match.score > existing.score:
            existing.score, existing.reason = match.score, match.reason
            existing.save(update_fields=["score", "reason"])


# Accounts ---------------------------------------------------------------------------------


def link_account(platform: str, handle: str, *, platform_user_id: str | None = None):
    """The one `OnlineAccount` behind a platform and handle. A platform user id, when known,
    wins: the handle joins that account's history (handles change and get reused)."""
    now = timezone.now()
    if platform_user_id:
        account = OnlineAccount.objects.filter(
            platform=platform, platform_user_id=platform_user_id
        ).first()
        holder = AccountHandle.objects.filter(platform=platform, handle=handle).first()
        if account is None:
            if holder is not None and holder.account.platform_user_id is None:
                account = holder.account  # the handle's account now has its id
                account.platform_user_id = platform_user_id
            else:
                account = OnlineAccount(platform=platform, first_seen_at=now)
                account.platform_user_id = platform_user_id
            account.handle = handle
            account.save()
        elif account.handle != handle:
            account.handle = handle
            account.save(update_fields=["handle"])
        if holder is None:
            AccountHandle.objects.create(
                account=account,
                platform=platform,
                handle=handle,
                first_seen_at=now,
                last_seen_at=now,
            )
        else:
            # A handle moves to the account that holds it now.
            holder.account, holder.last_seen_at = account, now
            holder.save(update_fields=["account", "last_seen_at"])
        return account

    holder = AccountHandle.objects.select_related("account").filter(
        platform=platform, handle=handle
    )
    found = holder.first()
    if found is not None:
        AccountHandle.objects.filter(pk=found.pk).update(last_seen_at=now)
        return found.account
    try:
        with transaction.atomic():
            account = OnlineAccount.objects.create(
                platform=platform, handle=handle, first_seen_at=now
            )
            AccountHandle.objects.create(
                account=account,
                platform=platform,
                handle=handle,
                first_seen_at=now,
                last_seen_at=now,
            )
            return account
    except IntegrityError:  # another process linked the same handle first
        return AccountHandle.objects.get(platform=platform, handle=handle).account


def link_report_accounts(report, signals: Signals) -> None:
    """Fill in what matching read from the report: canonical URLs, and the accounts behind its
    URLs and named accounts."""
    canon = {read.url: read.canonical for read in signals.urls}
    for item in report.content_items.all():
        canonical = canon.get(item.url)
        if canonical is None:
            continue
        item.canonical_url = canonical.canonical
        item.platform = canonical.platform or ""
        item.content_id = canonical.content_id or ""
        if canonical.platform and canonical.account:
            item.account = link_account(canonical.platform, canonical.account)
        item.save(update_fields=["canonical_url", "platform", "content_id", "account"])
    for mention in report.accounts.all():
        platform, handle = handle_from_text(mention.handle, mention.platform or None)
        if platform and handle:
            user_id = mention.platform_user_id or None
            mention.account = link_account(platform, handle, platform_user_id=user_id)
            mention.save(update_fields=["account"])
