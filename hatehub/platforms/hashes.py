"""Hashes of content confirmed illegal and removed, for platforms' hash-matching tools.

Pure: no Django. A platform that took an image down can catch a re-upload by its exact bytes
(MD5, SHA-256) or, after resizing and recompression, by its perceptual PDQ hash (Meta's open
algorithm, used by ThreatExchange and Hasher-Matcher-Actioner). PDQ is written as 64 hex
characters, the bits in order as ThreatExchange writes them, with its quality score (0-100;
below 50 the hash is too uniform to match reliably and tools usually skip it).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass

COLUMNS = (
    "pdq_hex",
    "pdq_quality",
    "md5",
    "sha256",
    "category",
    "media_type",
    "reference",
    "removed_at",
)


@dataclass(frozen=True)
class HashRow:
    pdq_hex: str
    pdq_quality: int | None
    md5: str
    sha256: str
    category: str
    media_type: str
    reference: str
    removed_at: str


def pdq(data: bytes) -> tuple[str, int] | None:
    """(PDQ hex, quality) of an image, or None when the bytes are not an image PDQ can read."""
    try:
        import numpy
        import pdqhash
        from PIL import Image
    except ImportError:  # pragma: no cover - both are dependencies of the hub
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            pixels = numpy.asarray(image.convert("RGB"))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    bits, quality = pdqhash.compute(pixels)
    value = int("".join(str(int(bit)) for bit in bits), 2)
    return f"{value:064x}", int(quality)


def pdq_distance(a: str, b: str) -> int:
    """Hamming distance between two PDQ hashes (ThreatExchange matches at 31 or less)."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def row_for(
    data: bytes, *, media_type: str, category: str, reference: str, removed_at: str
) -> HashRow:
    perceptual = pdq(data) if media_type.startswith("image/") else None
    return HashRow(
        pdq_hex=perceptual[0] if perceptual else "",
        pdq_quality=perceptual[1] if perceptual else None,
        md5=hashlib.md5(data, usedforsecurity=False).hexdigest(),
        sha256=hashlib.sha256(data).hexdigest(),
        category=category,
        media_type=media_type,
        reference=reference,
        removed_at=removed_at,
    )


def to_csv(rows: Iterable[HashRow]) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.pdq_hex,
                "" if row.pdq_quality is None else row.pdq_quality,
                row.md5,
                row.sha256,
                row.category,
                row.media_type,
                row.reference,
                row.removed_at,
            ]
        )
    return output.getvalue()
