"""Matching many reports in one transaction: a batch of a surge's waiting receipts.

Each report of a batch is matched in turn, as intake matches one (`services.find_matches`),
against the shared index *and* the batch's earlier reports, which are not written yet: they are
held here (`BatchIndex`) under provisional ids and written together at the end (`index_reports`).
So the five hundred duplicates of one viral post in a batch cost one lock of their keys, one
lookup each and one write of the index, and a new post's second report finds its first.
"""

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.db import connection

from .handles import handle_from_text
from .models import Fingerprint, MatchKey
from .services import (
    FUZZY_HOLDERS_READ,
    AccountKey,
    DatabaseIndex,
    Signals,
    holders_capped,
    link_accounts,
)

# Provisional ids of a batch's reports: above any real report id, so a batch's reports count
# as the newest holders of a key, as they will be once written.
PROVISIONAL = 1 << 62
_URL = MatchKey.Kind.URL.value


def lock_id(kind: str, value: str) -> int:
    """The advisory lock of one key: the same number `services.lock_keys` takes."""
    return int.from_bytes(
        hashlib.sha256(f"{kind}:{value}".encode()).digest()[:8], "big", signed=True
    )


def _distinct_keys(signals: Iterable[Signals]) -> list[tuple[str, str]]:
    """The keys a batch looks up, each once, in the order its reports first give them (a
    surge's duplicates share most of theirs)."""
    return list(
        dict.fromkeys(
            key for item in signals for key in item.exact_keys() + item.fingerprint_keys()
        )
    )


def lock_keys_of(signals: Iterable[Signals]) -> None:
    """Lock every key of a batch at once, in the one fixed order single reports lock theirs, so
    a batch and a report recorded alone (a retry) wait for each other rather than deadlock.
    SQLite runs one writing transaction at a time already."""
    if connection.vendor != "postgresql":
        return
    keys = sorted({lock_id(kind, value) for kind, value in _distinct_keys(signals)})
    if keys:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [keys])


class BatchIndex:
    """The shared index, plus the keys and signatures of the batch's reports matched so far.
    Answers `services.find_matches` as `DatabaseIndex` does."""

    def __init__(self, database: DatabaseIndex | None = None):
        self.database = database or DatabaseIndex()
        self._holders: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self._signatures: dict[int, list[tuple[str, bytes]]] = {}
        self._urls: dict[int, set[str]] = defaultdict(set)
        self._accounts: dict[int, set[str]] = defaultdict(set)
        self._count = 0
        # What the database answered, read once for the whole batch: its keys are locked
        # (`lock_keys_of`), so no other transaction adds holders of them until it commits.
        self._stored_hits: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
        self._stored_signatures: dict[int, list[tuple[int, str, bytes]]] = {}
        self._stored_urls: dict[int, set[str]] = {}
        self._stored_accounts: dict[int, set[str]] = {}

    def read_stored(self, signals: Iterable[Signals]) -> None:
        """Read the stored holders of every key of the batch in one go."""
        keys = _distinct_keys(signals)
        for key in keys:
            self._stored_hits[key] = []
        if not keys:
            return
        hits = self.database.hits(keys)
        for hit in hits:
            self._stored_hits[(hit[2], hit[3])].append(hit)
        # And what matching then asks of the reports and cases those keys lead to, once for
        # the batch rather than once per report that meets them.
        self.signatures(list(dict.fromkeys(hit[0] for hit in hits)))
        case_ids = list(dict.fromkeys(hit[1] for hit in hits))
        self.case_content_urls(case_ids)
        self.case_accounts(case_ids)

    def opened(self, case_id: int) -> None:
        """A case opened in this batch: nothing of it is stored yet, so nothing to read."""
        self._stored_urls.setdefault(case_id, set())
        self._stored_accounts.setdefault(case_id, set())

    def _read_hits(self, keys: list[tuple[str, str]]) -> None:
        unread = [key for key in keys if key not in self._stored_hits]
        if unread:
            self._stored_hits.update({key: [] for key in unread})
            for hit in self.database.hits(unread):
                self._stored_hits[(hit[2], hit[3])].append(hit)

    def add(self, case_id: int, signals: Signals, held_keys: set[tuple[str, str]]) -> int:
        """Hold a matched report's keys (those its case does not hold enough of yet) and its
        signatures; returns its provisional id."""
        self._count += 1
        provisional = PROVISIONAL + self._count
        for key in keys_to_write(signals, held_keys):
            self._holders[key].append((provisional, case_id))
            if key[0] == _URL:
                self._urls[case_id].add(key[1])
        self._accounts[case_id].update(value for _kind, value in signals.account_keys())
        self._signatures[provisional] = [
            (kind, signature) for kind, signature in signatures_of(signals)
        ]
        return provisional

    def __getattr__(self, name: str):
        # A lookup `find_matches` gains later is answered by the database alone until it is
        # taught the batch's reports here.
        return getattr(self.database, name)

    def hits(self, keys: list[tuple[str, str]]) -> list[tuple[int, int, str, str]]:
        """What the database would answer had the batch's earlier reports been written: the
        stored holders of each key and the batch's, and of a fuzzy key only the newest
        FUZZY_HOLDERS_READ of both together (the batch's are the newest)."""
        self._read_hits(keys)
        hits: list[tuple[int, int, str, str]] = []
        for key in keys:
            stored = self._stored_hits[key]
            holders = self._holders.get(key, ())
            if holders and holders_capped(key[0]):
                holders = holders[-FUZZY_HOLDERS_READ:]
                room = FUZZY_HOLDERS_READ - len(holders)
                if room < len(stored):
                    stored = heapq.nlargest(room, stored) if room else []
            hits += stored
            hits += [(report_id, case_id, key[0], key[1]) for report_id, case_id in holders]
        return hits

    def signatures(self, report_ids: list[int]) -> list[tuple[int, str, bytes]]:
        unread = [
            rid for rid in report_ids if rid < PROVISIONAL and rid not in self._stored_signatures
        ]
        if unread:
            self._stored_signatures.update({rid: [] for rid in unread})
            for row in self.database.signatures(unread):
                self._stored_signatures[row[0]].append(row)
        found = []
        for report_id in report_ids:
            found += self._stored_signatures.get(report_id, [])
            found += [(report_id, kind, sig) for kind, sig in self._signatures.get(report_id, ())]
        return found

    def case_content_urls(self, case_ids: list[int]) -> dict[int, set[str]]:
        unread = [case_id for case_id in case_ids if case_id not in self._stored_urls]
        if unread:
            stored = self.database.case_content_urls(unread)
            self._stored_urls.update({case_id: set(stored.get(case_id, ())) for case_id in unread})
        urls: dict[int, set[str]] = {}
        for case_id in case_ids:
            found = self._stored_urls[case_id] | self._urls.get(case_id, set())
            if found:
                urls[case_id] = found
        return urls

    def case_accounts(self, case_ids: list[int]) -> dict[int, set[str]]:
        """The account keys each case holds: stored, and from the batch's reports so far."""
        unread = [case_id for case_id in case_ids if case_id not in self._stored_accounts]
        if unread:
            stored = self.database.case_accounts(unread)
            self._stored_accounts.update(
                {case_id: set(stored.get(case_id, ())) for case_id in unread}
            )
        accounts: dict[int, set[str]] = {}
        for case_id in case_ids:
            found = self._stored_accounts[case_id] | self._accounts.get(case_id, set())
            if found:
                accounts[case_id] = found
        return accounts


def keys_to_write(signals: Signals, held_keys: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """As `services.index_report` writes them."""
    keys = signals.exact_keys() + signals.fingerprint_keys() + signals.account_keys()
    return [k for k in keys if k not in held_keys]


def signatures_of(signals: Signals) -> list[tuple[str, bytes]]:
    stored = [(Fingerprint.Kind.TEXT, signals.text.to_bytes())] if signals.text else []
    return stored + [(Fingerprint.Kind.IMAGE, image.to_bytes()) for image in signals.images]


def index_reports(indexed: Sequence[tuple[object, Signals, set[tuple[str, str]]]]) -> None:
    """Write the keys and signatures of (report, signals, held keys) in two statements: what
    `services.index_report` writes for each."""
    MatchKey.objects.bulk_create(
        [
            MatchKey(report=report, kind=kind, value=value)
            for report, signals, held in indexed
            for kind, value in keys_to_write(signals, held)
        ],
        ignore_conflicts=True,
    )
    Fingerprint.objects.bulk_create(
        [
            Fingerprint(report=report, kind=kind, signature=signature)
            for report, signals, _held in indexed
            for kind, signature in signatures_of(signals)
        ]
    )


class AccountLinks:
    """The accounts behind a batch's URLs and named accounts, each linked once per batch and
    all together (`services.link_accounts`): a viral post's reports name the same account
    hundreds of times, and a hundred new posts a hundred new accounts. The rows are noted as
    they are built and given their accounts by `link`, before they are written."""

    def __init__(self):
        self._wanted: list[tuple[object, AccountKey]] = []

    def content_item(self, item, signals: Signals) -> None:
        """Fill in a new `ContentItem` what matching read from its URL (as
        `services.link_report_accounts` does for a saved one)."""
        canonical = {read.url: read.canonical for read in signals.urls}.get(item.url)
        if canonical is None:
            return
        item.canonical_url = canonical.canonical
        item.platform = canonical.platform or ""
        item.content_id = canonical.content_id or ""
        if canonical.platform and canonical.account:
            self._wanted.append((item, (canonical.platform, canonical.account, None)))

    def mention(self, mention) -> None:
        """The account a new `AccountMention` names, if its handle can be read."""
        platform, handle = handle_from_text(mention.handle, mention.platform or None)
        if platform and handle:
            key = (platform, handle, mention.platform_user_id or None)
            self._wanted.append((mention, key))

    def link(self) -> None:
        """Link every account noted, and give each row its account."""
        accounts = link_accounts(key for _row, key in self._wanted)
        for row, key in self._wanted:
            row.account = accounts[key]  # type: ignore[attr-defined]
        self._wanted.clear()
