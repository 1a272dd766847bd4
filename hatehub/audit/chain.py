"""Hash chaining for the audit log (pure: no Django).

Each entry's hash covers its own fields and the previous entry's hash, so changing or deleting
any entry breaks every hash after it; a sequence number with no gaps shows deletions at the end.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS_HASH = "0" * 64


def canonical(fields: Mapping[str, Any]) -> bytes:
    """One byte string per entry, identical on every database and Python version."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_hash(previous_hash: str, fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(previous_hash.encode() + b"\n" + canonical(fields)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    sequence: int
    problem: str


def verify(
    entries: Iterable[tuple[int, str, str, Mapping[str, Any]]],
    head: tuple[int, str] | None = None,
) -> list[ChainBreak]:
    """Check (sequence, previous_hash, hash, fields) rows in sequence order.

    `head` is the (last sequence, last hash) the writer recorded; a mismatch means entries were
    removed from the end or the head itself was altered.
    """
    breaks: list[ChainBreak] = []
    expected_previous = GENESIS_HASH
    expected_sequence = 1
    last: tuple[int, str] = (0, GENESIS_HASH)
    for sequence, previous_hash, stored_hash, fields in entries:
        if sequence != expected_sequence:
            breaks.append(
                ChainBreak(sequence, f"expected entry {expected_sequence}: entries are missing")
            )
        if previous_hash != expected_previous:
            breaks.append(ChainBreak(sequence, "link to the previous entry does not match"))
        if entry_hash(previous_hash, fields) != stored_hash:
            breaks.append(ChainBreak(sequence, "content does not match its hash: entry changed"))
        expected_previous = stored_hash
        expected_sequence = sequence + 1
        last = (sequence, stored_hash)
    if head is not None and head != last:
        breaks.append(
            ChainBreak(head[0], f"log ends at entry {last[0]} but {head[0]} were written")
        )
    return breaks
