"""Matching at intake: find the case a new report belongs to, index it, link its accounts.

Exact keys first (the canonical URL of a piece of content, the SHA-256 of an evidence file), then
near-duplicate fingerprints (quoted text, screenshots), each found through the shared `MatchKey`
index and verified against the candidate's stored signature. A certain match joins that case; a
weaker one is offered to an officer as a possible match.
"""

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from hatehub.evidence import store

from . import fingerprints, platform_rules
from .canonical_urls import CanonicalURL, canonicalise
from .handles import handle_from_text
from .models import (
    AccountHandle,
    CampaignGroup,
    CampaignMember,
    Fingerprint,
    MatchKey,
    OnlineAccount,
    PossibleMatch,
)

# Exact keys need one holder per case; fingerprint buckets keep a few, so that a case's varied
# wordings and screenshots are all there to be compared against.
HOLDERS_PER_CASE = 3


# The kinds as plain strings, for the loops a lookup runs over every key and every hit (an
# enum member's attribute lookup costs more than the comparison).
_URL, _FILE, _ACCOUNT, _ACCOUNT_TEXT = (
    MatchKey.Kind.URL.value,
    MatchKey.Kind.FILE.value,
    MatchKey.Kind.ACCOUNT.value,
    MatchKey.Kind.ACCOUNT_TEXT.value,
)
_TEXT_SIGNATURE, _IMAGE_SIGNATURE = Fingerprint.Kind.TEXT.value, Fingerprint.Kind.IMAGE.value
_EXACT_KINDS = frozenset({_URL, _FILE, _ACCOUNT})
_CAPPED_KINDS = frozenset(
    {MatchKey.Kind.TEXT.value, MatchKey.Kind.ACCOUNT_TEXT.value, MatchKey.Kind.IMAGE.value}
)


def holders_per_case(kind: str) -> int:
    return 1 if kind in _EXACT_KINDS else HOLDERS_PER_CASE


# Platforms where a name says nothing about who posted: everyone on 4chan is "Anonymous", and
# its poster ids last one thread.
_NO_ACCOUNT_PLATFORMS = frozenset({"4chan"})

# How a likeness stands with the accounts on both sides (see `find_matches`).
SAME_ACCOUNT, OTHER_ACCOUNT, ACCOUNT_UNKNOWN = "same", "other", "unknown"


# How many candidate reports per case are verified: a viral post's case holds thousands of
# reports, but a few of its signatures are enough to decide.
_VERIFY_PER_CASE = 3
# How many candidate cases found by fingerprint buckets are verified, most buckets shared first.
_CASES_VERIFIED = 10
# How many holders of one fuzzy key (text band, account + text band, screenshot chunk) are
# read, newest first: a band of a viral quote or a copy-paste campaign's words can hold tens of
# thousands of rows, and reading them all made every lookup (and a re-match) cost the bucket's
# size. The case of the same account's post is found by its account + text bands, which hold
# only that account's cases.
FUZZY_HOLDERS_READ = 50


def holders_capped(kind: str) -> bool:
    """Whether only the newest FUZZY_HOLDERS_READ holders of a key of this kind are read."""
    return kind in _CAPPED_KINDS


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
    # The accounts behind the post, as identities ("x:@name", "x:#12345"): from the post's
    # URL and the accounts the reporter named. Empty when nobody said who posted it.
    accounts: list[str] = field(default_factory=list)
    # The keys, worked out once: a batch asks for them five times a report (its locks, the
    # index read, matching, the batch's index, the writes), and the hashing adds up.
    _keys: dict[str, tuple[tuple[str, str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _memo(self, name: str, make) -> list[tuple[str, str]]:
        if name not in self._keys:
            self._keys[name] = tuple(make())
        return list(self._keys[name])

    def account_keys(self) -> list[tuple[str, str]]:
        """One key per account identity, written so that a case's accounts can be read
        (`case_accounts`). Never looked up by value: an account alone never joins a case (two
        posts by one account are two cases), and a prolific account's key is held by thousands
        of cases, which every report naming it would otherwise read."""
        return self._memo(
            "account",
            lambda: [(MatchKey.Kind.ACCOUNT, account_key(a)) for a in dict.fromkeys(self.accounts)],
        )

    def exact_keys(self) -> list[tuple[str, str]]:
        return self._memo("exact", self._exact_keys)

    def _exact_keys(self) -> list[tuple[str, str]]:
        keys = [
            (MatchKey.Kind.URL, url_key(read.canonical.canonical))
            for read in self.urls
            if read.canonical is not None and read.canonical.identifies_content
        ]
        keys += [(MatchKey.Kind.FILE, sha256) for sha256 in self.file_hashes]
        return list(dict.fromkeys(keys))

    def fingerprint_keys(self) -> list[tuple[str, str]]:
        return self._memo("fingerprint", self._fingerprint_keys)

    def _fingerprint_keys(self) -> list[tuple[str, str]]:
        keys = [(MatchKey.Kind.TEXT, key) for key in self.text.band_keys()] if self.text else []
        # Account + text: the same bands again, keyed by each account, so the case of this
        # account's post is found first even when a campaign has put the same words in the
        # buckets of many accounts' cases.
        keys += [
            (MatchKey.Kind.ACCOUNT_TEXT, account_text_key(account, band))
            for _kind, account in self.account_keys()
            for _k, band in keys[: fingerprints.BANDS]
        ]
        for image in self.images:
            keys += [(MatchKey.Kind.IMAGE, key) for key in image.keys()]
        return list(dict.fromkeys(keys))

    @property
    def content_urls(self) -> set[str]:
        return {key for kind, key in self.exact_keys() if kind == MatchKey.Kind.URL}

    @property
    def named_urls(self) -> set[str]:
        """The keys of the content URLs that say which post they are (not short links)."""
        return {
            url_key(read.canonical.canonical)
            for read in self.urls
            if read.canonical is not None
            and read.canonical.identifies_content
            and read.canonical.kind != platform_rules.SHORTLINK
        }


@dataclass(frozen=True)
class Match:
    case_id: int
    score: float
    reason: str
    certain: bool
    # The same words posted by another account: a different post of one campaign. Recorded as a
    # possible match and links the two cases in a campaign group (`link_campaign`).
    campaign: bool = False


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
    # Other cases the report ties to the one it joined by a certain key (see `_tied_cases`): one
    # piece of content in two cases, to be combined (`merging.combine_tied_cases`). They are in
    # `possible` too, so that a pair that may not be combined is still offered to an officer.
    tied: list[Match] = field(default_factory=list)


def url_key(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()[:40]


def account_key(identity: str) -> str:
    return hashlib.sha256(f"account:{identity}".encode()).hexdigest()[:40]


def account_text_key(account: str, band: str) -> str:
    """`account` is an `account_key`, `band` a text LSH band key."""
    return hashlib.sha256(f"{account}|{band}".encode()).hexdigest()[:40]


def account_identities(
    platform: str,
    urls: Sequence[ReadURL],
    accounts: Sequence[str] = (),
    account_ids: Mapping[str, str] | None = None,
) -> list[str]:
    """Who posted it, in every form the report gives: the account in the post's URL, each
    account the reporter named (any written form: "@Name", "name", a profile link, "u/name"),
    normalised as its platform compares handles, and a platform's own user id when known.
    Names that cannot be a handle on the platform (a display name, "Anonymous" on 4chan) and
    sites without known handle rules give nothing."""
    found: list[str] = []
    for read in urls:
        canonical = read.canonical
        if canonical is not None and canonical.platform and canonical.account:
            found += _identity(canonical.platform, canonical.account, None)
    for typed in accounts:
        named_platform, handle = handle_from_text(typed, platform or None)
        user_id = (account_ids or {}).get(typed) or None
        found += _identity(named_platform or platform, handle, user_id)
    return list(dict.fromkeys(found))


def _identity(platform: str | None, handle: str | None, user_id: str | None) -> list[str]:
    if not platform or platform in _NO_ACCOUNT_PLATFORMS:
        return []
    if platform_rules.platform_by_slug(platform) is None:
        return []  # a website or app whose handle rules we do not know
    found = [f"{platform}:@{handle}"] if handle and not any(c.isspace() for c in handle) else []
    if user_id:
        found.append(f"{platform}:#{user_id.strip()}")
    return found


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
    accounts: Sequence[str] = (),
    account_ids: Mapping[str, str] | None = None,
) -> Signals:
    """`evidence` is (sha256, media type) of each stored original; images are read back from the
    evidence store to be fingerprinted. `accounts` are the accounts the reporter named, as
    typed, and `account_ids` the platform user id given for some of them (partner API)."""
    file_hashes, images = [], []
    for sha256, media_type in evidence:
        file_hashes.append(sha256)
        if media_type.startswith("image/"):
            with store.open_blob(sha256) as blob:
                image = fingerprints.image_fingerprint(blob.read())
            if image is not None:
                images.append(image)
    read = [read_url(url) for url in urls]
    return Signals(
        platform=platform,
        urls=read,
        file_hashes=file_hashes,
        text=fingerprints.text_fingerprint(quoted_text) if quoted_text else None,
        images=images,
        accounts=account_identities(platform, read, accounts, account_ids),
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
    """The shared index as intake reads it: `MatchKey` and `Fingerprint` rows. An index
    answers for one lookup, or one batch whose keys are locked: what it read of a case's URL
    and account keys stays true for that long."""

    def __init__(self) -> None:
        self._urls: dict[int, set[str]] = {}
        self._accounts: dict[int, set[str]] = {}

    def hits(self, keys: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
        if connection.vendor == "postgresql":
            return _holders(keys)  # every kind in one round trip
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, value in keys:
            by_kind[kind].append(value)
        hits: list[tuple[int, int, str, str]] = []
        for kind, values in by_kind.items():
            if not holders_capped(kind):
                # Exact keys are selective: one query reads them all.
                rows = MatchKey.objects.filter(kind=kind, value__in=values)
                hits += rows.values_list("report_id", "report__case_id", "kind", "value")
                continue
            # A fingerprint bucket can be common (one platform's screenshots share a layout; a
            # campaign's words fill a text band): read only its newest holders, so a lookup
            # costs the same at a million reports.
            reads = [
                MatchKey.objects.filter(kind=kind, value=value)
                .order_by("-report_id")
                .values_list("report_id", "report__case_id", "kind", "value")[:FUZZY_HOLDERS_READ]
                for value in values
            ]
            for read in reads:  # SQLite: one read per bucket
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
        self._read_case_keys(case_ids)
        return {case_id: self._urls[case_id] for case_id in case_ids if self._urls[case_id]}

    def case_accounts(self, case_ids: list[int]) -> dict[int, set[str]]:
        """The account keys each case's reports carry (held once per case, like URL keys)."""
        self._read_case_keys(case_ids)
        return {case_id: self._accounts[case_id] for case_id in case_ids if self._accounts[case_id]}

    def _read_case_keys(self, case_ids: list[int]) -> None:
        """A case's URL and account keys, both read in one query the first time this index is
        asked about the case: a lookup asks for them up to three times."""
        unread = [case_id for case_id in dict.fromkeys(case_ids) if case_id not in self._urls]
        if not unread:
            return
        for case_id in unread:
            self._urls[case_id], self._accounts[case_id] = set(), set()
        rows = MatchKey.objects.filter(
            report__case_id__in=unread, kind__in=[MatchKey.Kind.URL, MatchKey.Kind.ACCOUNT]
        )
        for case_id, kind, value in rows.values_list("report__case_id", "kind", "value"):
            (self._urls if kind == _URL else self._accounts)[case_id].add(value)


# The holders of every key of a lookup in one round trip (PostgreSQL), each read from the
# lookup index (kind, value, report DESC): every holder of an exact key (they are
# selective), and of a fingerprint bucket only its newest FUZZY_HOLDERS_READ (a common bucket,
# one platform's screenshot layout or a campaign's words, would otherwise cost more the bigger
# the index), stopped at the cap in the index. LIMIT NULL is no limit.
_HOLDERS_SQL = """
    SELECT h.report_id, r.case_id, k.kind, k.value
    FROM unnest(%s::text[], %s::text[], %s::int[]) AS k(kind, value, cap)
    CROSS JOIN LATERAL (
        SELECT m.report_id FROM matching_matchkey AS m
        WHERE m.kind = k.kind AND m.value = k.value
        ORDER BY m.report_id DESC LIMIT k.cap
    ) AS h
    JOIN intake_report AS r ON r.id = h.report_id
"""


def _holders(keys: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
    keys = list(dict.fromkeys(keys))
    kinds = [kind for kind, _value in keys]
    values = [value for _kind, value in keys]
    caps = [FUZZY_HOLDERS_READ if holders_capped(kind) else None for kind in kinds]
    with connection.cursor() as cursor:
        cursor.execute(_HOLDERS_SQL, [kinds, values, caps])
        return [tuple(row) for row in cursor.fetchall()]


def find_matches(
    signals: Signals, index=None, *, exclude_case_id: int | None = None
) -> MatchResult:
    """Which existing case this report is about, if any, and which cases it may be about.
    `index` answers the lookups: the database at intake, memory in a bulk re-match.

    A likeness (words, screenshot) joins a case only when the accounts allow it: the same
    account on both sides, or the account unknown on one side. The same words by another
    account are another post of a copy-paste campaign: a possible match and a campaign link,
    never a join."""
    index = index or DatabaseIndex()
    keys = signals.exact_keys() + signals.fingerprint_keys()
    if not keys:
        return MatchResult(None)
    hits = [hit for hit in index.hits(keys) if hit[1] != exclude_case_id]
    if not hits:
        return MatchResult(None)

    matches: list[Match] = []
    exact_by_case: dict[int, list[str]] = defaultdict(list)
    exact_keys_of: dict[int, set[tuple[str, str]]] = defaultdict(set)
    fuzzy_reports: dict[int, set[int]] = defaultdict(set)
    shared_buckets: dict[int, int] = defaultdict(int)
    same_account_buckets: dict[int, int] = defaultdict(int)
    first_holder: dict[int, int] = {}
    for report_id, case_id, kind, value in hits:
        if kind == _URL or kind == _FILE:
            exact_by_case[case_id].append(kind)
            exact_keys_of[case_id].add((kind, value))
        elif kind != _ACCOUNT:  # an account alone is no match
            fuzzy_reports[case_id].add(report_id)
            shared_buckets[case_id] += 1
            if report_id < first_holder.get(case_id, report_id + 1):
                first_holder[case_id] = report_id
            if kind == _ACCOUNT_TEXT:
                same_account_buckets[case_id] += 1
    # A short link is only as good as the case it was first filed on (it cannot be read
    # offline): one held only by a case of another account than this report names was given
    # by a reporter of another post, who joined that case on words or a picture. It is no
    # certain match; that case is judged on likeness like any other (the same words by another
    # account: a campaign), and offered to an officer.
    mine = {value for _kind, value in signals.account_keys()}
    if mine and exact_by_case:
        strong = signals.named_urls
        accounts_of = index.case_accounts(list(exact_by_case))
        for case_id in list(exact_by_case):
            # Only short links: the same evidence file is the same picture, whoever was named.
            weak = all(
                kind == MatchKey.Kind.URL and value not in strong
                for kind, value in exact_keys_of[case_id]
            )
            if weak and account_relation(mine, accounts_of.get(case_id, set())) == OTHER_ACCOUNT:
                del exact_by_case[case_id]
                del exact_keys_of[case_id]
                shared_buckets.setdefault(case_id, 0)
                reason = "The same short link as a case of another account"
                matches.append(Match(case_id, 1.0, reason, certain=False))
    # The cases sharing the most buckets are the likeliest, the same account's first: only they
    # are verified, which bounds the cost of a report whose screenshot looks like a thousand
    # others, or whose words a campaign posted from a hundred accounts. At equal buckets (the
    # same words in two cases: a post and its word-for-word copy) the case that held them first
    # goes first, whatever order the index returned its rows in.
    likeliest = sorted(
        shared_buckets,
        key=lambda case_id: (
            -same_account_buckets[case_id],
            -shared_buckets[case_id],
            first_holder.get(case_id, 0),
        ),
    )
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
    joined_id = joined.case_id if joined else None
    holders = Counter((kind, value) for _r, case_id, kind, value in hits if case_id == joined_id)
    held = {key for key, count in holders.items() if count >= holders_per_case(key[0])}
    if joined_id is not None and mine:  # an account key is held once per case
        theirs = index.case_accounts([joined_id]).get(joined_id, set())
        held |= {key for key in signals.account_keys() if key[1] in theirs}
    exact = bool(joined and joined.case_id in exact_by_case)
    tied = []
    if joined is not None and exact and len(exact_by_case) > 1:
        tied = _tied_cases(signals, index, joined.case_id, exact_keys_of)
        # The keys of the other cases are theirs: not written for this one too, or a report
        # naming two posts (a thread and a reply in it) would make every later report of the
        # other post tie the two cases.
        held |= {key for keys in exact_keys_of.values() for key in keys}
    return MatchResult(
        case_id=joined.case_id if joined else None,
        reason=joined.reason if joined else "",
        exact=exact,
        possible=[_as_possible(m) for m in possible],
        held_keys=held,
        tied=tied,
    )


def _tied_cases(
    signals: Signals, index, joined: int, keys_of: dict[int, set[tuple[str, str]]]
) -> list[Match]:
    """The other cases this report ties to the case it joined by certain keys: it gives a
    content URL or an evidence file of each, so both cases are about what it reports.

    Never on words or pictures alone (only exact keys are in `keys_of`), and not when:
    - the keys name two different items: two content URLs with different keys are two posts
      (unless one is a short link), however a reporter combined them; two different files may
      be screenshots of two posts. A report about several posts ties nothing;
    - the cases (or the report and a case) are of different accounts.
    """
    by_key = {
        url_key(read.canonical.canonical): read.canonical
        for read in signals.urls
        if read.canonical is not None
    }
    mine = {value for _kind, value in signals.account_keys()}
    accounts = index.case_accounts(list(keys_of))
    ours = keys_of[joined]
    tied = []
    for case_id, theirs in sorted(keys_of.items()):
        if case_id == joined:
            continue
        if not any(_same_item(a, b, by_key) for a in ours for b in theirs):
            continue
        # Each side on its own: a report naming the account of one case does not make the
        # other case's account the same (the joined case may hold another account's post, found
        # by a short link or a file).
        theirs_accounts = accounts.get(case_id, set())
        if OTHER_ACCOUNT in (
            account_relation(accounts.get(joined, set()), theirs_accounts),
            account_relation(mine, theirs_accounts),
            account_relation(mine, accounts.get(joined, set())),
        ):
            continue
        same = "content URL" if any(k == MatchKey.Kind.URL for k, _v in theirs) else "file"
        tied.append(Match(case_id, 1.0, f"The same {same} as this case", certain=True))
    return tied


def _same_item(a: tuple[str, str], b: tuple[str, str], by_key: dict[str, CanonicalURL]) -> bool:
    """Whether two exact keys of one report can stand for one item."""
    if a == b:
        return True
    if a[0] != b[0]:
        return True  # an address and a file: the file is what was seen at the address
    if a[0] == MatchKey.Kind.FILE:
        return False  # two files: perhaps screenshots of two posts
    # Two content addresses with different keys are two items (a thread and a reply in it, two
    # posts by one account), unless one is a short link, which cannot be read offline.
    return any(
        by_key.get(key) is not None and by_key[key].kind == platform_rules.SHORTLINK
        for key in (a[1], b[1])
    )


def combine_tied(items: Iterable[tuple]) -> list:
    """Combine the cases each recorded report tied (`MatchResult.tied`), for (case,
    MatchResult, report) of each: `merging.combine_tied_cases`. Both recorders call it once
    their reports are written."""
    from .merging import combine_tied_cases  # merging imports this module

    return [
        merge
        for case, found, report in items
        if found.tied
        for merge in combine_tied_cases(case, found.tied, report=report)
    ]


def _as_possible(match: Match) -> Match:
    # A second case that matches as surely as the one joined is still only offered: combining
    # two existing cases is an officer's decision (they may have been split on purpose).
    return Match(match.case_id, match.score, match.reason, certain=False, campaign=match.campaign)


def account_relation(mine: set[str], theirs: set[str]) -> str:
    """How a report's accounts stand with a case's: the same account, another one, or unknown
    on one side (the report or the case names no account)."""
    if mine & theirs:
        return SAME_ACCOUNT
    if mine and theirs:
        return OTHER_ACCOUNT
    return ACCOUNT_UNKNOWN


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
    mine = {value for _kind, value in signals.account_keys()}
    wanted = signals.content_urls or mine
    case_urls = index.case_content_urls(list(candidates)) if wanted else {}
    case_accounts = index.case_accounts(list(candidates))
    by_report: dict[int, list[tuple[str, bytes]]] = defaultdict(list)
    for report_id, kind, signature in stored:
        by_report[report_id].append((kind, signature))
    found: list[Match] = []
    # Likeliest cases first (the order they came in); the first certain match ends the search,
    # so a duplicate in a surge costs a comparison or two, not thirty.
    for case_id, ids in candidates.items():
        relation = account_relation(mine, case_accounts.get(case_id, set()))
        theirs = case_urls.get(case_id, set())
        named_other = signals.content_urls and not (signals.content_urls & theirs)
        if theirs and named_other and relation != OTHER_ACCOUNT:
            continue
        best: tuple[float, str, bool] | None = None
        for report_id in reversed(ids):  # newest first
            for kind, signature in by_report.get(report_id, ()):
                if relation == OTHER_ACCOUNT and kind != _TEXT_SIGNATURE:
                    # Screenshots of one campaign's posts differ only in the poster's name,
                    # which the screenshot fingerprint does not read: they decide nothing here.
                    continue
                score, reason, certain = _compare(signals, kind, signature)
                if score > 0 and (best is None or (certain, score) > (best[2], best[0])):
                    best = (score, reason, certain)
            if best is not None and best[2]:
                break
        if best is None:
            continue
        score, reason, certain = best
        if relation == OTHER_ACCOUNT:
            # Only words alike enough to be the same content are a campaign's copy; below that
            # the officer is told they are only alike.
            said = "The same words" if certain else "Words like these"
            found.append(
                Match(
                    case_id,
                    score,
                    f"{said} posted by another account ({reason.lower()})",
                    certain=False,
                    campaign=certain,
                )
            )
            continue
        if certain and mine and relation == ACCOUNT_UNKNOWN and theirs:
            # A case about a post whose poster no report named: the words or picture may be a
            # campaign copy posted by another account. A report naming an account joins it by
            # the post's link, not on a likeness; joining would make the case that account's,
            # and every later report of the copy would follow as "the same account".
            reason = f"{reason}; the account of this case's post is not known"
            found.append(Match(case_id, score, reason, certain=False))
            continue
        if relation == SAME_ACCOUNT:
            reason = f"Same account; {reason[:1].lower()}{reason[1:]}"
        found.append(Match(case_id, score, reason, certain))
        if certain:
            break
    return found


def _compare(signals: Signals, kind: str, signature: bytes) -> tuple[float, str, bool]:
    if kind == _TEXT_SIGNATURE and signals.text is not None:
        score = signals.text.similarity(fingerprints.TextFingerprint.from_bytes(signature))
        if score >= fingerprints.TEXT_POSSIBLE_THRESHOLD:
            certain = score >= fingerprints.TEXT_MATCH_THRESHOLD
            return score, f"Quoted text {score:.0%} similar", certain
    if kind == _IMAGE_SIGNATURE and signals.images:
        theirs = fingerprints.ImageFingerprint.from_bytes(signature)
        score = 0.0
        for image in signals.images:  # below the threshold, or the best so far, is no use
            floor = max(score, fingerprints.IMAGE_POSSIBLE_THRESHOLD)
            score = max(score, image.similarity(theirs, at_least=floor))
        if score >= fingerprints.IMAGE_POSSIBLE_THRESHOLD:
            certain = score >= fingerprints.IMAGE_MATCH_THRESHOLD
            return score, f"Screenshot {score:.0%} similar", certain
    return 0.0, "", False


def index_report(report, signals: Signals, *, held_keys: Set[tuple[str, str]] = frozenset()):
    """Write the report's keys (those its case does not hold yet) and its signatures."""
    keys = signals.exact_keys() + signals.fingerprint_keys() + signals.account_keys()
    keys = [k for k in keys if k not in held_keys]
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


def stored_signals(report) -> Signals:
    """A report's signals rebuilt from what is stored (its URLs, accounts, evidence hashes and
    saved signatures), without reading the evidence again."""
    text, images = None, []
    for kind, signature in Fingerprint.objects.filter(report=report).values_list(
        "kind", "signature"
    ):
        if kind == Fingerprint.Kind.TEXT:
            text = fingerprints.TextFingerprint.from_bytes(bytes(signature))
        else:
            images.append(fingerprints.ImageFingerprint.from_bytes(bytes(signature)))
    urls = [read_url(item.url) for item in report.content_items.all()]
    mentions = list(report.accounts.all())
    return Signals(
        platform=report.platform,
        urls=urls,
        file_hashes=list(report.evidence.filter(kind="original").values_list("sha256", flat=True)),
        text=text,
        images=images,
        accounts=account_identities(
            report.platform,
            urls,
            [m.handle for m in mentions],
            {m.handle: m.platform_user_id for m in mentions if m.platform_user_id},
        ),
    )


def stored_keys(report) -> list[tuple[str, str]]:
    """A report's keys rebuilt from what is stored, without reading the evidence again: for
    moving reports between cases."""
    signals = stored_signals(report)
    keys = signals.exact_keys() + signals.fingerprint_keys() + signals.account_keys()
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
    """Offer each match to an officer on both case pages; the same words by another account
    also put both cases in one campaign group."""
    record_possible_pairs((case.pk, match) for match in matches)


def record_possible_pairs(pairs: Iterable[tuple[int, Match]]) -> int:
    """`record_possible_matches` for many (case id, match) pairs at once, in a few statements
    for all of them: a batch of a surge's reports, or a re-match, offers hundreds. Each pair of
    cases is offered once, with its best score (the first of equals); an open offer is raised
    to a better score, one an officer has decided is left as it is. Returns how many pairs were
    offered."""
    best: dict[tuple[int, int], Match] = {}
    campaign: list[tuple[int, int]] = []
    offered = 0
    for case_id, match in pairs:
        if match.case_id == case_id:
            continue
        offered += 1
        low, high = sorted((case_id, match.case_id))
        if match.campaign:
            campaign.append((low, high))
        if (low, high) not in best or match.score > best[low, high].score:
            best[low, high] = match
    now = timezone.now()
    existing: dict[tuple[int, int], PossibleMatch] = {}
    for chunk in _chunks(sorted({low for low, _high in best}), 5000):
        lows = set(chunk)
        rows = PossibleMatch.objects.filter(
            case_id__in=chunk, other_case_id__in={high for low, high in best if low in lows}
        )
        for row in rows:
            existing[row.case_id, row.other_case_id] = row
    create: list[PossibleMatch] = []
    update: list[PossibleMatch] = []
    for (low, high), match in best.items():
        found = existing.get((low, high))
        if found is None:
            create.append(
                PossibleMatch(
                    case_id=low,
                    other_case_id=high,
                    score=match.score,
                    reason=match.reason,
                    found_at=now,
                )
            )
        elif found.status == PossibleMatch.Status.OPEN and match.score > found.score:
            found.score, found.reason = match.score, match.reason
            update.append(found)
    PossibleMatch.objects.bulk_create(create, batch_size=5000, ignore_conflicts=True)
    PossibleMatch.objects.bulk_update(update, ["score", "reason"], batch_size=5000)
    _link_campaigns(campaign, now)
    return offered


CAMPAIGN_REASON = "The same words posted by several accounts"


def _link_campaigns(pairs: list[tuple[int, int]], now) -> None:
    """Put each pair of cases posted with the same words by other accounts in one campaign
    group: the cases linked, and the groups they are in already, end in one group per
    connected set (the oldest group, which takes in the others' members; a new group when none
    of them is in one)."""
    if not pairs:
        return
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        parent[root(a)] = root(b)
    cases = list(parent)
    group_of: dict[int, int] = {}
    for chunk in _chunks(cases, 5000):
        group_of.update(
            CampaignMember.objects.filter(case_id__in=chunk).values_list("case_id", "group_id")
        )
    # Cases already in one group belong together with that group's other members: the group
    # is a node of the same sets (negative ids, so they cannot clash with cases).
    for case_id, group_id in group_of.items():
        parent[root(case_id)] = root(-group_id)
    sets: dict[int, list[int]] = defaultdict(list)
    for node in list(parent):
        sets[root(node)].append(node)
    members, emptied = [], []
    for nodes in sets.values():
        groups = sorted(-node for node in nodes if node < 0)
        if groups:
            group_id = groups[0]
            if groups[1:]:
                CampaignMember.objects.filter(group_id__in=groups[1:]).update(group_id=group_id)
                emptied += groups[1:]
            CampaignGroup.objects.filter(pk=group_id).update(updated_at=now)
        else:
            group_id = CampaignGroup.objects.create(found_at=now, updated_at=now).pk
        members += [
            CampaignMember(group_id=group_id, case_id=node, reason=CAMPAIGN_REASON, added_at=now)
            for node in nodes
            if node > 0 and node not in group_of
        ]
    CampaignGroup.objects.filter(pk__in=emptied).delete()
    CampaignMember.objects.bulk_create(members, batch_size=5000, ignore_conflicts=True)


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Accounts ---------------------------------------------------------------------------------


AccountKey = tuple[str, str, str | None]  # platform, handle, platform user id (if known)


def link_accounts(keys: Iterable[AccountKey]) -> dict[AccountKey, OnlineAccount]:
    """`link_account` for each key, in a few statements for all of them: a batch of a surge's
    reports names a hundred accounts. A handle known already is touched (last seen now); the
    accounts of new handles are written together. Keys with a platform user id, and new
    handles another process linked meanwhile, are linked one at a time by `link_account`."""
    linked: dict[AccountKey, OnlineAccount] = {}
    plain: list[tuple[str, str]] = []
    for key in dict.fromkeys(keys):
        if key[2]:
            linked[key] = link_account(key[0], key[1], platform_user_id=key[2])
        else:
            plain.append((key[0], key[1]))
    if not plain:
        return linked
    now = timezone.now()
    wanted = set(plain)
    held = {
        (holder.platform, holder.handle): holder
        for holder in AccountHandle.objects.select_related("account").filter(
            platform__in={platform for platform, _h in plain},
            handle__in={handle for _p, handle in plain},
        )
        if (holder.platform, holder.handle) in wanted
    }
    if held:
        AccountHandle.objects.filter(pk__in=[holder.pk for holder in held.values()]).update(
            last_seen_at=now
        )
    new = [key for key in plain if key not in held]
    created: dict[tuple[str, str], OnlineAccount] = {}
    if new:
        try:
            with transaction.atomic():
                accounts = OnlineAccount.objects.bulk_create(
                    OnlineAccount(platform=platform, handle=handle, first_seen_at=now)
                    for platform, handle in new
                )
                AccountHandle.objects.bulk_create(
                    AccountHandle(
                        account=account,
                        platform=platform,
                        handle=handle,
                        first_seen_at=now,
                        last_seen_at=now,
                    )
                    for account, (platform, handle) in zip(accounts, new, strict=True)
                )
            created = dict(zip(new, accounts, strict=True))
        except IntegrityError:  # another process linked one of them first
            created = {pair: link_account(*pair) for pair in new}
    for platform, handle in plain:
        pair = (platform, handle)
        linked[(platform, handle, None)] = held[pair].account if pair in held else created[pair]
    return linked


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

    found = (
        AccountHandle.objects.select_related("account")
        .filter(platform=platform, handle=handle)
        .first()
    )
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
