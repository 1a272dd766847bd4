"""Re-match every report with the current rules: after an import, or when the URL rules or the
fingerprint parameters change.

Reports are replayed in the order they arrived through the same decision as intake
(`services.find_matches`), against an index held in memory for the run; then the database index
is rebuilt in bulk. Cases found to share a content URL or an evidence file are merged (each merge
audited and undoable like an officer's); likenesses of text or screenshots between existing cases
are recorded as possible matches for an officer, and cases a report ties (`MatchResult.tied`)
are combined as at intake. Re-matching never splits a case: splitting is an officer's call, and
a pair an officer split or marked "not the same" is never merged again. Screenshots are matched
by their stored signatures, not re-read from the evidence store.
"""

import gc
import itertools
import multiprocessing
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from hatehub.cases.models import Case
from hatehub.evidence.models import EvidenceFile
from hatehub.reports.models import AccountMention, ContentItem, Report

from . import fingerprints, merging
from .models import Fingerprint, MatchKey
from .services import (
    FUZZY_HOLDERS_READ,
    Match,
    Signals,
    account_identities,
    find_matches,
    holders_capped,
    holders_per_case,
    read_url,
    record_possible_pairs,
)

BATCH = 2000


class MemoryIndex:
    """The index for one run: each key held a few times per case, cases followed through
    merges."""

    def __init__(self):
        self.keys: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        self.signatures_of: dict[int, list[tuple[str, bytes]]] = {}
        self.urls_of: dict[int, set[str]] = {}  # content URL keys by (root) case
        self.accounts_of: dict[int, set[str]] = {}  # account keys by (root) case
        self.parent: dict[int, int] = {}
        self.held: Counter[tuple[tuple[str, str], int]] = Counter()

    def case(self, case_id: int) -> int:
        root = case_id
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while case_id != root:  # path compression
            self.parent[case_id], case_id = root, self.parent.get(case_id, root)
        return root

    def merge(self, absorbed: int, survivor: int) -> None:
        absorbed, survivor = self.case(absorbed), self.case(survivor)
        self.parent[absorbed] = survivor
        self.urls_of.setdefault(survivor, set()).update(self.urls_of.pop(absorbed, set()))
        self.accounts_of.setdefault(survivor, set()).update(self.accounts_of.pop(absorbed, set()))

    def hits(self, keys):
        """As DatabaseIndex.hits: fingerprint buckets read newest holders only, capped alike."""
        hits = []
        root: dict[int, int] = {}  # each holder's case followed through merges once per lookup
        for kind, value in keys:
            holders = self.keys.get((kind, value), ())
            if holders_capped(kind):
                holders = holders[-FUZZY_HOLDERS_READ:]
            for report_id, case_id in holders:
                if case_id not in root:
                    root[case_id] = self.case(case_id)
                hits.append((report_id, root[case_id], kind, value))
        return hits

    def signatures(self, report_ids):
        return [
            (report_id, kind, signature)
            for report_id in report_ids
            for kind, signature in self.signatures_of.get(report_id, ())
        ]

    def case_content_urls(self, case_ids):
        return {case_id: self.urls_of.get(self.case(case_id), set()) for case_id in case_ids}

    def case_accounts(self, case_ids):
        return {case_id: self.accounts_of.get(self.case(case_id), set()) for case_id in case_ids}

    def add(self, report_id: int, case_id: int, signals: Signals, held_keys=frozenset()) -> None:
        """As `index_report`: the report's keys, except `held_keys` (`MatchResult.held_keys`)."""
        for key in signals.exact_keys() + signals.fingerprint_keys() + signals.account_keys():
            if key in held_keys:
                continue
            # Counted per (key, case) as written, so a common bucket is not rescanned per report.
            if self.held[key, self.case(case_id)] < holders_per_case(key[0]):
                self.keys[key].append((report_id, case_id))
                self.held[key, self.case(case_id)] += 1
        stored = [(Fingerprint.Kind.TEXT, signals.text.to_bytes())] if signals.text else []
        stored += [(Fingerprint.Kind.IMAGE, image.to_bytes()) for image in signals.images]
        if stored:
            self.signatures_of[report_id] = stored
        if signals.content_urls:
            self.urls_of.setdefault(self.case(case_id), set()).update(signals.content_urls)
        if signals.accounts:
            self.accounts_of.setdefault(self.case(case_id), set()).update(
                value for _kind, value in signals.account_keys()
            )


@dataclass
class RematchResult:
    reports: int = 0
    keys: int = 0
    merges: int = 0
    possible: int = 0


def _rows():
    """Reports in arrival order with what matching reads of them, a batch at a time: (id, case,
    platform, quoted text, links, evidence files' sha256, stored screenshot signatures, accounts
    named, their user ids)."""
    last = None
    while True:
        page = Report.objects.order_by("submitted_at", "pk")
        if last is not None:
            page = page.filter(submitted_at__gte=last[0]).exclude(
                submitted_at=last[0], pk__lte=last[1]
            )
        reports = list(
            page.values_list("pk", "case_id", "platform", "quoted_text", "submitted_at")[:BATCH]
        )
        if not reports:
            return
        ids = [r[0] for r in reports]
        urls, files, images = defaultdict(list), defaultdict(list), defaultdict(list)
        named, named_ids = defaultdict(list), defaultdict(dict)
        for report_id, handle, user_id in AccountMention.objects.filter(
            report_id__in=ids
        ).values_list("report_id", "handle", "platform_user_id"):
            named[report_id].append(handle)
            if user_id:
                named_ids[report_id][handle] = user_id
        for report_id, url in ContentItem.objects.filter(report_id__in=ids).values_list(
            "report_id", "url"
        ):
            urls[report_id].append(url)
        for report_id, sha256 in EvidenceFile.objects.filter(
            report_id__in=ids, kind=EvidenceFile.Kind.ORIGINAL
        ).values_list("report_id", "sha256"):
            files[report_id].append(sha256)
        for report_id, signature in Fingerprint.objects.filter(
            report_id__in=ids, kind=Fingerprint.Kind.IMAGE
        ).values_list("report_id", "signature"):
            images[report_id].append(bytes(signature))
        yield [
            (
                rid,
                case,
                platform,
                quoted,
                urls[rid],
                files[rid],
                images[rid],
                named[rid],
                named_ids[rid],
            )
            for rid, case, platform, quoted, _at in reports
        ]
        last = (reports[-1][4], reports[-1][0])


def _signals_of(rows: list[tuple]) -> list[tuple[int, int, Signals]]:
    """What matching reads of each report of a batch (`_rows`), with its keys worked out. Pure:
    it may run in another process."""
    batch = []
    for report_id, case_id, platform, quoted, urls, files, images, named, named_ids in rows:
        read = [read_url(url) for url in urls]
        signals = Signals(
            platform=platform,
            urls=read,
            file_hashes=files,
            text=fingerprints.text_fingerprint(quoted) if quoted else None,
            images=[fingerprints.ImageFingerprint.from_bytes(image) for image in images],
            accounts=account_identities(platform, read, named, named_ids),
        )
        signals.exact_keys(), signals.fingerprint_keys(), signals.account_keys()  # memoised
        batch.append((report_id, case_id, signals))
    return batch


def _batches(progress: Callable[[int], None] | None):
    """`_rows` with their signals. When there is more than one batch, the next batch's signals
    are worked out in a second process while this one matches (a fifth of a replay's time): the
    replay itself stays in one process, as its order decides what it finds."""
    rows = _rows()
    first = next(rows, None)
    done = 0
    if first is None:
        return
    if len(first) < BATCH:  # one batch: nothing to overlap
        yield _signals_of(first)
        if progress:
            progress(len(first))
        return
    # Forked, not spawned: the child needs no set-up and never touches the database.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        pending = pool.submit(_signals_of, first)
        for following in itertools.chain(rows, [None]):
            ready = pending.result()
            if following is not None:
                pending = pool.submit(_signals_of, following)
            yield ready
            done += len(ready)
            if progress:
                progress(done)


def _frozen_after_each(batches):
    """The batches, with every object alive after each one moved out of the cyclic garbage
    collector's sight until the last. A replay keeps millions of small objects to its end (the
    in-memory index), which the collector would otherwise walk again and again, more often the
    bigger the index grows; what a replay frees has no cycles and goes by reference counting."""
    try:
        for batch in batches:
            yield batch
            gc.freeze()
    finally:
        gc.unfreeze()


def rematch_all(*, dry_run: bool = False, progress=None) -> RematchResult:
    index = MemoryIndex()
    result = RematchResult()
    merges: list[tuple[int, int, str]] = []
    possible: dict[int, dict[int, Match]] = defaultdict(dict)
    canonical_updates: list[tuple[int, str, str, str]] = []

    for batch in _frozen_after_each(_batches(progress)):
        for report_id, case_id, signals in batch:
            result.reports += 1
            case_id = index.case(case_id)
            found = find_matches(signals, index, exclude_case_id=case_id)
            if found.case_id is not None and not found.exact:
                # Combining two existing cases on a likeness is an officer's call: offer it.
                found.possible.append(Match(found.case_id, 1.0, found.reason, False))
            elif found.case_id is not None:
                survivor, absorbed = sorted((index.case(found.case_id), case_id))
                merges.append((survivor, absorbed, found.reason))
                index.merge(absorbed, survivor)
                case_id = survivor
            for tie in found.tied:  # as intake: one item in two cases, combined
                other = index.case(tie.case_id)
                if other != case_id:
                    survivor, absorbed = sorted((other, case_id))
                    merges.append((survivor, absorbed, tie.reason))
                    index.merge(absorbed, survivor)
                    case_id = survivor
            for match in found.possible:
                possible[case_id][match.case_id] = match
            # What the joined case holds is not written again; a report offered to a case on a
            # likeness stays in its own, which needs its keys.
            joined = found.case_id is not None and index.case(found.case_id) == case_id
            index.add(report_id, case_id, signals, found.held_keys if joined else frozenset())
        if not dry_run:
            canonical_updates += _canonical_fields([r for r, _c, _s in batch], batch)

    result.keys = sum(len(holders) for holders in index.keys.values())
    result.merges = len(merges)
    if dry_run:
        return result
    _rebuild_index(index, canonical_updates)
    _apply_merges(merges)
    pairs = [
        (index.case(case_id), Match(index.case(m.case_id), m.score, m.reason, False, m.campaign))
        for case_id, matches in possible.items()
        for m in matches.values()
    ]
    result.possible = _record_possible(pairs)
    return result


def _record_possible(pairs: list[tuple[int, Match]]) -> int:
    """The possible matches and campaign links the run found, for the cases still open after
    its merges, written in bulk (a re-match of a surge finds thousands). Returns how many pairs
    were offered."""
    live = set(Case.objects.filter(pk__in={c for c, _m in pairs}).values_list("pk", flat=True))
    return record_possible_pairs((case_id, match) for case_id, match in pairs if case_id in live)


def _canonical_fields(report_ids, batch) -> list[tuple[int, str, str, str]]:
    """The batch's links whose canonical form the current rules read differently from what is
    stored, as (content item id, canonical URL, platform, content id)."""
    read = {
        (report_id, r.url): r.canonical
        for report_id, _case, signals in batch
        for r in signals.urls
        if r.canonical
    }
    changed = []
    for pk, report_id, url, *stored in ContentItem.objects.filter(
        report_id__in=report_ids
    ).values_list("pk", "report_id", "url", "canonical_url", "platform", "content_id"):
        canonical = read.get((report_id, url))
        if canonical is None:
            continue
        now = (canonical.canonical, canonical.platform or "", canonical.content_id or "")
        if list(now) != stored:
            changed.append((pk, *now))
    return changed


@transaction.atomic
def _rebuild_index(index: MemoryIndex, canonical_updates: list[tuple[int, str, str, str]]) -> None:
    """Replace the index with the run's. PostgreSQL: TRUNCATE and COPY (psycopg 3), which
    writes a million reports' keys in a fraction of the time of INSERTs through the ORM;
    SQLite: delete and bulk_create."""
    keys = (
        (report_id, kind, value)
        for (kind, value), holders in index.keys.items()
        for report_id, _case in holders
    )
    texts = (
        (report_id, kind, signature)
        for report_id, stored in index.signatures_of.items()
        for kind, signature in stored
        if kind == Fingerprint.Kind.TEXT
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Checks deferred to the commit would forbid TRUNCATE: run them now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"TRUNCATE {MatchKey._meta.db_table}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        Fingerprint.objects.filter(kind=Fingerprint.Kind.TEXT).delete()
        with _without_indexes(MatchKey._meta.db_table):
            _copy(MatchKey._meta.db_table, ("report_id", "kind", "value"), keys)
        _copy(Fingerprint._meta.db_table, ("report_id", "kind", "signature"), texts)
    else:
        MatchKey.objects.all().delete()
        MatchKey.objects.bulk_create(
            (MatchKey(report_id=r, kind=k, value=v) for r, k, v in keys), batch_size=5000
        )
        Fingerprint.objects.filter(kind=Fingerprint.Kind.TEXT).delete()
        Fingerprint.objects.bulk_create(
            (Fingerprint(report_id=r, kind=k, signature=s) for r, k, s in texts),
            batch_size=5000,
        )
    _write_canonical(canonical_updates)


def _write_canonical(rows: list[tuple[int, str, str, str]]) -> None:
    """Only the links whose canonical form changed are written back. PostgreSQL: COPY into a
    temporary table and one UPDATE ... FROM (Django's bulk_update builds a CASE of thousands of
    branches per statement, which PostgreSQL evaluates row by row: 17 minutes for 680,000 links
    of a million reports); SQLite: one prepared UPDATE per link."""
    if not rows:
        return
    item = connection.ops.quote_name(ContentItem._meta.db_table)
    columns = ("id", "canonical_url", "platform", "content_id")
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.executemany(
                f"UPDATE {item} SET canonical_url = %s, platform = %s, content_id = %s "  # noqa: S608  # nosec B608
                "WHERE id = %s",
                [(*row[1:], row[0]) for row in rows],
            )
            return
        cursor.execute("DROP TABLE IF EXISTS rematch_canonical")  # an earlier run, same transaction
        cursor.execute(
            "CREATE TEMPORARY TABLE rematch_canonical (id bigint PRIMARY KEY, "
            "canonical_url text, platform text, content_id text) ON COMMIT DROP"
        )
        _copy("rematch_canonical", columns, rows)
        cursor.execute(
            f"UPDATE {item} AS item SET canonical_url = new.canonical_url, "  # noqa: S608  # nosec B608
            "platform = new.platform, content_id = new.content_id "
            "FROM rematch_canonical AS new WHERE item.id = new.id"
        )


@contextmanager
def _without_indexes(table: str):
    """Bulk-load an emptied table (PostgreSQL, inside the rebuild's transaction): its indexes
    and constraints, but the primary key, are dropped before and made again after, so each is
    built once from sorted rows and the foreign keys checked in one join, rather than tens of
    millions of index inserts and queued checks. Readers wait on the TRUNCATE's lock anyway."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype <> 'p' ORDER BY conname",
            [table],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index AS x "
            "JOIN pg_class AS i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = x.indexrelid)"
            " ORDER BY i.relname",
            [table],
        )
        indexes = cursor.fetchall()
        quoted = connection.ops.quote_name
        for name, _definition in constraints:
            cursor.execute(f"ALTER TABLE {quoted(table)} DROP CONSTRAINT {quoted(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quoted(name)}")
        yield
        # More memory for the index builds' sorts (this transaction only).
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for name, definition in constraints:
            cursor.execute(
                f"ALTER TABLE {quoted(table)} ADD CONSTRAINT {quoted(name)} {definition}"
            )


def _copy(table: str, columns: tuple[str, ...], rows) -> None:
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _apply_merges(merges: list[tuple[int, int, str]]) -> None:
    cases = Case.objects.in_bulk({case_id for pair in merges for case_id in pair[:2]})
    for survivor_id, absorbed_id, reason in merges:
        survivor, absorbed = cases[survivor_id], cases[absorbed_id]
        while survivor.merged_into_id:  # merged by an earlier line of this run
            survivor = Case.objects.get(pk=survivor.merged_into_id)
        absorbed.refresh_from_db()
        if absorbed.status == Case.Status.MERGED or absorbed.pk == survivor.pk:
            continue
        if merging.kept_apart(survivor, absorbed):
            continue  # an officer split them or said "not the same": never combined again
        merging.merge_cases(survivor, absorbed, by=None, reason=f"Re-match: {reason}")
        survivor.refresh_from_db()
