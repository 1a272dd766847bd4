"""Content fingerprints for reports that have no usable URL: quoted text and screenshots.

Pure Python (no Django) so the intake, the matcher and the benchmarks can share it. A viral post
can be reported thousands of times; the same post arrives re-typed, re-cased, with look-alike
letters, or as a re-compressed, resized, cropped screenshot. Each fingerprint therefore gives:

* a few short string *match keys*, stored in an indexed table and looked up with
  ``WHERE kind = ? AND value IN (...)``, which find candidates cheaply at 1,000,000 reports;
* a compact *signature* (``to_bytes``) and an exact ``similarity`` used to verify candidates,
  because keys are deliberately loose (recall first) and the signature decides.

Text: character 4-gram shingles of the normalised text, a 130-permutation MinHash (datasketch),
LSH in 26 bands of 5 rows. Images: screenshots of posts are text on a plain background, so the
whole-image pHash is nearly the same for every post in one app's layout (measured: different
posts at Hamming distance 0). We therefore fingerprint the *text lines* in the picture: each
line's ink profile, anchored at its right end (crops usually cut the left margin) and measured in
units of the line's own height (so resizing cancels out). A whole-image pHash is kept for pictures
without text lines (photos, memes).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import struct
import unicodedata
import warnings
from collections import defaultdict
from dataclasses import dataclass

import imagehash
import numpy as np
from datasketch import MinHash
from PIL import Image, UnidentifiedImageError
from scipy import sparse
from unidecode import unidecode

# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

SHINGLE_SIZE = 4
"""Character 4-grams: short hate messages ("you are a ...") have too few words for word
shingles, and a typo then only changes four shingles instead of a whole word pair."""
NUM_PERM = 130
MINHASH_SEED = 1
"""Fixed seed: datasketch derives its permutations from it, so every process and every run
computes the same signature for the same text (the keys live in a shared database)."""
BANDS, ROWS = 26, 5
"""P(share a band) = 1 - (1 - J^5)^26: 0.992 at Jaccard 0.7, 0.06 at 0.3, 0.0003 at 0.1; the
50 % point is at J = 0.52. 130 permutations so the bands use every value (128 would allow only
25 bands, 0.9899 at 0.7)."""
MIN_TOKENS = 4
MIN_CHARS = 10
TEXT_MATCH_THRESHOLD = 0.55
"""Estimated Jaccard at or above which two texts are the same content (measured: variants of a
text with case, spacing, leetspeak, homoglyph, emoji, typo and added-word edits >= 0.62 on
synthetic texts of 6+ words; different texts <= 0.2)."""
TEXT_POSSIBLE_THRESHOLD = 0.35
"""Between this and the match threshold an officer is shown a "possible match"."""

# Unicode "default ignorable" characters that change the bytes but not what a reader sees:
# zero-width space/joiners, direction marks, word joiner, BOM, variation selectors, emoji skin
# tones and tag characters (flag sequences).
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001f3fb-\U0001f3ff\U000e0000-\U000e0fff]"
)
# Cyrillic and Greek letters that look like Latin ones. unidecode transliterates by *sound*
# (Cyrillic "р" -> "r", "с" -> "s", "н" -> "n"), but a homoglyph attack relies on *shape*
# ("р" is used for "p"), so these are mapped by shape first. A small explicit table because the
# listed libraries have no confusables data (Unicode's confusables.txt is 6,000+ entries, most
# irrelevant to English-language posts); it applies after case-folding, so lower case suffices.
_HOMOGLYPHS = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "и": "u", "к": "k", "м": "m",
        "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
        "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h",
        "ь": "b", "ӏ": "l", "ɡ": "g",
        # Greek
        "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "μ": "u",
        "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
        # Latin look-alikes NFKC keeps
        "ı": "i", "ȷ": "j", "ɑ": "a", "ɩ": "i",
    }
)  # fmt: skip
# Leetspeak. "1", "|" and "!" stand for both "i" and "l", so "l" is folded into "i" afterwards
# as well: both copies of a post get the same folding, so nothing that matters is lost.
_LEET = str.maketrans(
    {
        "0": "o", "1": "i", "2": "z", "3": "e", "4": "a", "5": "s", "6": "g", "7": "t",
        "8": "b", "9": "g", "@": "a", "$": "s", "!": "i", "|": "i", "+": "t", "€": "e",
        "¥": "y", "l": "i",
    }
)  # fmt: skip
_LETTER = re.compile("[a-z]")
_NOT_WORD = re.compile("[^a-z0-9]+")


def _emoji_token(char: str) -> str:
    """Emoji carry meaning in hate posts (e.g. animal emoji as slurs) but unidecode drops them,
    so each becomes a word of its own, e.g. ``emoji1f412``; skin tones were already removed.
    The NUL marker keeps the word away from the leetspeak mapping below."""
    return f" \x00{ord(char):x} "


def normalise_text(text: str) -> str:
    """Reduce a post's text to what a reader sees, so re-typed copies compare equal.

    Steps: NFKC (fullwidth and mathematical alphanumerics become ASCII), drop invisible
    characters, case-fold, map Cyrillic/Greek homoglyphs by shape, emoji to tokens, unidecode
    (accents and other scripts), then leetspeak and punctuation per word.

    Numbers: a word made only of digits (and punctuation) is kept as a number, because numbers
    such as dates, amounts and coded hate numerals must not turn into letters; digits are read
    as letters only inside a word that also has a letter ("h4te", "1d10t").
    """
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).casefold().translate(_HOMOGLYPHS)
    text = "".join(
        _emoji_token(c) if ord(c) > 0x2000 and unicodedata.category(c) == "So" else c for c in text
    )
    text = unidecode(text).lower()
    words = []
    for word in text.split():
        if word.startswith("\x00"):
            words.append(f"emoji{word[1:]}")
            continue
        if _LETTER.search(word):
            # Trailing "!" is punctuation, not an "i"; interior and leading symbols are leet.
            word = word.rstrip("!").translate(_LEET)
        word = _NOT_WORD.sub(" ", word).strip()
        if word:
            words.append(word)
    return " ".join(" ".join(words).split())


@dataclass(frozen=True)
class TextFingerprint:
    """MinHash signature of a normalised text's character 4-grams."""

    signature: tuple[int, ...]

    def band_keys(self) -> list[str]:
        """One key per LSH band, ``"b{band}:{16 hex}"``; the band number keeps equal values in
        different bands apart. Texts with Jaccard >= 0.7 share one with probability > 0.99."""
        return list(self._band_keys)

    @functools.cached_property
    def _band_keys(self) -> tuple[str, ...]:
        # Worked out once per fingerprint (fingerprints are cached per text: a viral post's
        # copies share one).
        values = np.asarray(self.signature, dtype="<u4")
        keys = []
        for band in range(BANDS):
            chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
            keys.append(f"b{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        return tuple(keys)

    def similarity(self, other: TextFingerprint) -> float:
        """Estimated Jaccard similarity of the two shingle sets (share of equal hash values)."""
        a = np.asarray(self.signature, dtype=np.uint32)
        b = np.asarray(other.signature, dtype=np.uint32)
        if a.shape != b.shape:
            raise ValueError("signatures of different lengths cannot be compared")
        return float(np.count_nonzero(a == b)) / len(a)

    def to_bytes(self) -> bytes:
        """520 bytes: 130 little-endian 32-bit values (datasketch's values are 32-bit)."""
        return np.asarray(self.signature, dtype="<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> TextFingerprint:
        if len(data) != NUM_PERM * 4:
            raise ValueError(f"a text signature is {NUM_PERM * 4} bytes, got {len(data)}")
        return cls(tuple(np.frombuffer(data, dtype="<u4").tolist()))


def _shingles(normalised: str) -> set[str]:
    padded = f" {normalised} "  # so the first and last words form shingles of their own
    return {padded[i : i + SHINGLE_SIZE] for i in range(len(padded) - SHINGLE_SIZE + 1)}


# The permutations are drawn from MINHASH_SEED once per process, not per text (drawing them is
# most of the cost of a short text's fingerprint); every MinHash below reuses them.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
_PERMUTATIONS = _TEMPLATE.permutations
_SCHEME = _TEMPLATE.scheme
# Distinct quotes fingerprinted once per process: a surge or a re-match sees the same
# copy-pasted words thousands of times. Bounded, so a million distinct quotes do not pile up.
TEXT_CACHE_SIZE = 65_536


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def text_fingerprint(text: str) -> TextFingerprint | None:
    """The fingerprint of a post's text, or None when it is too short to tell posts apart
    (under four words or ten characters: "ok", "so true" would match thousands of reports).
    Cached per process by text (a `TextFingerprint` is immutable)."""
    normalised = normalise_text(text)
    if len(normalised.split()) < MIN_TOKENS or len(normalised) < MIN_CHARS:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=MINHASH_SEED, permutations=_PERMUTATIONS, scheme=_SCHEME
    )
    minhash.update_batch([s.encode() for s in sorted(_shingles(normalised))])
    return TextFingerprint(tuple(int(v) for v in minhash.hashvalues))


# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------

IMAGE_MATCH_THRESHOLD = 0.74
"""Line-profile correlation at or above which two screenshots show the same post. Measured on
synthetic screenshots (see tests): variants >= 0.77, different posts of one layout <= 0.70."""
IMAGE_POSSIBLE_THRESHOLD = 0.62
PHASH_SCALE = 32
"""Pictures without text lines compare by pHash as 1 - distance/32: unrelated pictures differ in
about 32 of 64 bits (0.0), a match needs <= 8 bits (0.75), "possible" <= 12 bits."""

MAX_LINES = 6  # lines kept in the signature (the ones with most ink)
KEY_LINES = 3  # lines that give match keys: 3 lines x 2 grids + 2 pHash halves = 8 keys
WINDOW = 64  # profile samples per line ...
STEP = 0.75  # ... every 0.75 line-heights (sigma), i.e. the last 48 sigma (~18 characters)
MIN_OVERLAP = 16  # samples two lines must share to be compared
INK_FLOOR = 12  # grey levels of JPEG noise ignored when measuring ink
MIN_SIGMA = 0.6  # thinner "lines" are rules/borders, not text
MAX_SIDE = 3000  # larger pictures are halved first: text survives, time does not explode
QUANTILE_BIN = 0.04
_SCALES = np.arange(0.88, 1.1201, 0.01)  # relative size error of the line-height estimate
_SHIFTS = np.arange(-2.0, 2.01, 0.5)  # right-anchor error, in samples
_LINE_BYTES = 1 + 2 * WINDOW


@dataclass(frozen=True)
class ImageFingerprint:
    """Text-line profiles of a picture plus its whole-image pHash.

    ``lines``: up to six entries of 129 bytes: the number of samples inside the picture, then
    two rows (upper and lower half of the line) of 64 ink samples, 0-255, read leftwards from the
    line's right end at 0.75 line-heights apart. ``phash``: 64-bit pHash of the whole picture.
    """

    phash: int
    lines: tuple[bytes, ...] = ()

    def keys(self) -> list[str]:
        """At most eight candidate keys, tolerant by design (verification decides).

        Per line (the three with most ink): where the ink mass of the line's right end reaches
        25 % and 50 %, relative to where it reaches 75 %; these ratios need neither the scale nor
        a pixel-exact anchor and survive JPEG and resizing. Each is quantised on two grids offset
        by half a bin, so values near a bin edge still share one key. Plus the two 32-bit halves
        of the pHash, which find re-compressed copies of pictures without text.
        """
        keys = []
        for line in _key_lines(self.lines):
            ratios = _ink_quantile_ratios(line)
            if ratios is None:
                continue
            for grid in (0, 1):
                a, b = (int(np.floor(r / QUANTILE_BIN + grid / 2)) for r in ratios)
                keys.append(f"l{grid}:{a}.{b}")
        keys += [f"p0:{self.phash >> 32:08x}", f"p1:{self.phash & 0xFFFFFFFF:08x}"]
        return list(dict.fromkeys(keys))

    def similarity(self, other: ImageFingerprint, at_least: float = 0.0) -> float:
        """1.0 same picture .. 0.0 unrelated.

        With text lines on both sides: for each line of the picture with fewer lines (a crop
        loses lines), the best correlation with any line of the other, searched over +-12 %
        scale and +-2 samples of anchor shift; the mean of those. Otherwise (a picture without
        text lines) 1 - pHash distance / 32, floored at 0.

        ``self`` is the picture being matched against many (a new report's screenshot against
        its candidates): what is worked out from its lines is cached, the other's lines are
        read as they are. Either way round the score is the same.

        ``at_least``: a score below it is of no use to the caller (a matching threshold), so
        the lines stop being compared, and 0.0 is returned, as soon as the mean could not reach
        it even if every line left scored 1.0. Most candidate pairs are unrelated pictures, and
        two or three lines show it.
        """
        mine, theirs = self.lines, other.lines
        if mine and theirs:
            if len(mine) > len(theirs):
                # Their lines are the targets, ours are resampled (cached).
                targets, best_of = theirs, functools.partial(_best_resampling, mine)
            else:
                # Our lines are the targets (their weights cached), theirs are read as they are.
                targets, best_of = mine, _Weighing(theirs).best
            total, needed = 0.0, at_least * len(targets)
            for done, a in enumerate(targets, start=1):
                total += best_of(a)
                if total + (len(targets) - done) < needed:
                    return 0.0
            return max(0.0, total / len(targets))
        return max(0.0, 1.0 - bin(self.phash ^ other.phash).count("1") / PHASH_SCALE)

    def to_bytes(self) -> bytes:
        """8 bytes of pHash, 1 byte line count, 129 bytes per line (at most 783 bytes)."""
        return struct.pack("<QB", self.phash, len(self.lines)) + b"".join(self.lines)

    @classmethod
    def from_bytes(cls, data: bytes) -> ImageFingerprint:
        if len(data) < 9:
            raise ValueError("truncated image fingerprint")
        phash, count = struct.unpack_from("<QB", data)
        body = data[9:]
        if len(body) != count * _LINE_BYTES:
            raise ValueError("image fingerprint length does not match its line count")
        lines = tuple(body[i * _LINE_BYTES : (i + 1) * _LINE_BYTES] for i in range(count))
        return cls(phash=phash, lines=lines)


def image_fingerprint(data: bytes) -> ImageFingerprint | None:
    """The fingerprint of a picture, or None when ``data`` is not a decodable raster image
    (PDFs, executables, truncated files) or is a decompression bomb."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                opened.seek(0)  # first frame of an animation
                image = opened.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):  # fmt: skip
        return None
    if min(image.size) < 16:
        return None
    while max(image.size) > MAX_SIDE:
        image = image.reduce(2)
    phash = int(str(imagehash.phash(image)), 16)
    return ImageFingerprint(phash=phash, lines=_line_profiles(image.convert("L")))


def _line_profiles(gray: Image.Image) -> tuple[bytes, ...]:
    """Find text lines and encode each one's right-anchored ink profile.

    Hand-written because imagehash hashes whole (square) pictures; nothing in the listed
    libraries segments text lines. Background is each row's median grey level, which also
    handles coloured header bars and brightness changes; "ink" is the difference from it.
    """
    pixels = np.asarray(gray, dtype=np.float32)
    height, width = pixels.shape
    ink = np.clip(np.abs(pixels - np.median(pixels, axis=1, keepdims=True)) - INK_FLOOR, 0, 255)
    row_ink = ink.sum(axis=1)
    if row_ink.max() <= 0:
        return ()
    on = row_ink > 0.02 * row_ink.max()
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
    found = []
    for y0, y1 in zip(edges[::2], edges[1::2], strict=True):
        profile, ys = row_ink[y0:y1], np.arange(y0, y1)
        centre = float((profile * ys).sum() / profile.sum())
        sigma = float(np.sqrt((profile * (ys - centre) ** 2).sum() / profile.sum()))
        if sigma < MIN_SIGMA:
            continue
        top = max(int(np.floor(centre - 3 * sigma)), 0)
        bottom = min(int(np.ceil(centre + 3 * sigma)) + 1, height)
        middle = min(max(int(round(centre)), top + 1), bottom - 1)
        rows = (ink[top:middle].sum(axis=0), ink[middle:bottom].sum(axis=0))
        columns = rows[0] + rows[1]
        inked = np.flatnonzero(columns > 0.15 * columns.max())
        right = inked[-1] + 1
        box = max(1, int(round(STEP * sigma)))
        positions = right - 0.5 - np.arange(WINDOW) * STEP * sigma
        valid = int(np.count_nonzero(positions >= 0))
        samples = np.stack(
            [
                np.interp(
                    positions,
                    np.arange(width),
                    np.convolve(row, np.ones(box) / box, mode="same"),
                    left=0,
                    right=0,
                )
                for row in rows
            ]
        )
        peak = samples.max()
        if valid < MIN_OVERLAP or peak <= 0:
            continue
        quantised = np.round(samples / peak * 255).astype(np.uint8)
        found.append((float(columns.sum()), bytes([valid]) + quantised.tobytes()))
    strongest = sorted(range(len(found)), key=lambda i: -found[i][0])[:MAX_LINES]
    return tuple(found[i][1] for i in sorted(strongest))


def _decode_lines(lines: tuple[bytes, ...]) -> list[tuple[int, np.ndarray]]:
    return [
        (line[0], np.frombuffer(line[1:], dtype=np.uint8).reshape(2, WINDOW).astype(np.float32))
        for line in lines
    ]


def _key_lines(lines: tuple[bytes, ...]) -> list[tuple[int, np.ndarray]]:
    decoded = _decode_lines(lines)
    decoded.sort(key=lambda line: -float(line[1].sum()))
    return decoded[:KEY_LINES]


def _ink_quantile_ratios(line: tuple[int, np.ndarray]) -> tuple[float, float] | None:
    valid, samples = line
    mass = samples.sum(axis=0)[:valid]
    cumulative = np.cumsum(mass)
    if cumulative[-1] <= 0:
        return None
    cumulative /= cumulative[-1]
    points = np.interp([0.25, 0.5, 0.75], cumulative, np.arange(len(cumulative)))
    if points[2] <= 0:
        return None
    return float(points[0] / points[2]), float(points[1] / points[2])


def _overlaps(line: bytes, others: tuple[bytes, ...]) -> dict[int, list[int]]:
    """The others grouped by how many samples each shares with ``line`` (the fewer of the two
    lines' counts), leaving out those that share too few (they score 0.0): each group is
    compared in one matrix product."""
    groups: dict[int, list[int]] = defaultdict(list)
    for at, other in enumerate(others):
        count = min(line[0], other[0])
        if count >= MIN_OVERLAP:
            groups[count].append(at)
    return groups


def _unscored(groups: dict[int, list[int]], others: tuple[bytes, ...]) -> float:
    """0.0 when some of the others share too few samples to be compared (they score 0.0),
    else minus infinity: the best correlation found, even below 0, is the line's score."""
    compared = sum(len(ats) for ats in groups.values())
    return 0.0 if compared < len(others) else -np.inf


def _best_resampling(others: tuple[bytes, ...], line: bytes) -> float:
    """Best normalised cross-correlation of ``line`` with any of ``others`` over the
    scale/shift grid: ``line``'s first ``count`` samples (both rows, zero-mean, unit length)
    against each (scale, shift) resampling of the other's, zero-mean and unit length, where
    ``count`` is the samples both lines have. The others' resamplings are cached."""
    groups = _overlaps(line, others)
    best = _unscored(groups, others)
    for count, ats in groups.items():
        target = _normalised(line, count, np.float32)
        if target is None:
            best = max(best, 0.0)  # a flat line correlates with nothing
            continue
        resampled = _resampled(tuple(others[at] for at in ats), count)
        best = max(best, float((resampled @ target).max()))
    return best


def _normalised(line: bytes, count: int, dtype: type) -> np.ndarray | None:
    """A line's first ``count`` samples, both rows one after the other, zero-mean and unit
    length; None for a flat line."""
    target = np.frombuffer(line[1:], dtype=np.uint8).reshape(2, WINDOW)[:, :count]
    target = target.astype(dtype).ravel()
    target -= target.mean()
    norm = float(np.sqrt(target @ target))
    return None if norm == 0 else target / norm


# An entry is the resamplings of up to six lines (up to 0.7 MB); the cache serves one new
# picture's comparisons with its candidates, so a few hundred entries are plenty.
@functools.lru_cache(maxsize=512)
def _resampled(lines: tuple[bytes, ...], count: int) -> np.ndarray:
    """Every (scale, shift) resampling of each line's first ``count`` samples, each row
    zero-mean and unit-length, the lines' rows one after another."""
    samples = np.frombuffer(b"".join(line[1:] for line in lines), dtype=np.uint8)
    samples = samples.reshape(len(lines), 2 * WINDOW).astype(np.float32)
    resampled = _resampling_matrix(count) @ samples.T  # (trials x 2 count, lines)
    resampled = resampled.reshape(-1, 2 * count, len(lines)).transpose(2, 0, 1)
    resampled = resampled.reshape(-1, 2 * count)
    resampled -= resampled.mean(axis=1, keepdims=True)
    norms = np.sqrt(np.einsum("ij,ij->i", resampled, resampled))
    norms[norms == 0] = np.inf  # a flat resampling correlates with nothing
    return resampled / norms[:, None]


class _Weighing:
    """The same correlation as `_best_resampling`, with what is worked out from the line being
    compared cached instead of from the others (the lines of a stored picture, read once here).

    Resampling is linear interpolation, so nothing of the others needs resampling: the dot
    products with the line are the others' samples times a matrix made from the line (cached: a
    new picture's lines are compared with every candidate's), and each resampling's sum and sum
    of squares are the others' samples (and products of neighbouring samples) times matrices
    that depend only on ``count``. As the line is zero-mean, its dot product with a resampling
    is that with the resampling minus its mean.
    """

    def __init__(self, others: tuple[bytes, ...]):
        self.others = others
        rows = np.frombuffer(b"".join(line[1:] for line in others), dtype=np.uint8)
        rows = rows.reshape(len(others), 2, WINDOW).astype(np.float64)
        self.samples = rows.reshape(len(others), 2 * WINDOW)
        self.rows = rows
        self.spreads: dict[int, np.ndarray] = {}

    def spread(self, count: int) -> np.ndarray:
        """(trials, others): each resampling's sum of squares about its mean; infinite for a
        flat one, which correlates with nothing."""
        if count not in self.spreads:
            rows = self.rows
            sums_of, squares_of, neighbours_of = _resampling_weights(count)
            sums = sums_of @ (rows[:, 0] + rows[:, 1]).T
            squares = (
                squares_of @ (rows[:, 0] ** 2 + rows[:, 1] ** 2).T
                + neighbours_of
                @ (rows[:, 0, :-1] * rows[:, 0, 1:] + rows[:, 1, :-1] * rows[:, 1, 1:]).T
            )
            spread = squares - sums * sums / (2 * count)
            flat = spread <= 1e-9 * np.maximum(squares, 1.0)
            self.spreads[count] = np.where(flat, np.inf, spread)
        return self.spreads[count]

    def best(self, line: bytes) -> float:
        groups = _overlaps(line, self.others)
        best = _unscored(groups, self.others)
        for count, ats in groups.items():
            dots_of = _target_weights(line, count)
            if dots_of is None:
                best = max(best, 0.0)  # a flat line correlates with nothing
                continue
            dots = dots_of @ self.samples[ats].T
            correlation = dots / np.sqrt(self.spread(count)[:, ats])
            best = max(best, float(correlation.max()))
        return best


@functools.lru_cache(maxsize=4096)
def _target_weights(line: bytes, count: int) -> np.ndarray | None:
    """For each (scale, shift) trial, the weight of each of the other line's 2 x WINDOW samples
    in the dot product with this line's first ``count`` samples (zero-mean, unit length), or
    None for a flat line."""
    target = _normalised(line, count, np.float64)
    if target is None:
        return None
    return (_interpolation(count) @ target).reshape(-1, 2 * WINDOW)


@functools.cache
def _interpolation(count: int) -> sparse.csr_array:
    """How each of a line's 2 x WINDOW samples weighs in each (scale, shift) trial's resampling
    of its first ``count`` samples per row: row ``trial x 2 WINDOW + sample`` (the line's
    samples, both rows), column ``resampled sample`` (both rows, ``2 x count``)."""
    trial, sample, resampled, weight = _interpolation_entries(count)
    return sparse.coo_array(
        (weight, (trial * 2 * WINDOW + sample, resampled)),
        shape=(len(_resampling(count)[0]) * 2 * WINDOW, 2 * count),
    ).tocsr()  # a sample both below and above a position (the last one) is summed


@functools.cache
def _resampling_matrix(count: int) -> sparse.csr_array:
    """`_interpolation` the other way round: row ``trial x 2 count + resampled sample``, column
    the line's sample; times a line's samples, every trial's resampling of it."""
    trial, sample, resampled, weight = _interpolation_entries(count)
    return sparse.coo_array(
        (weight.astype(np.float32), (trial * 2 * count + resampled, sample)),
        shape=(len(_resampling(count)[0]) * 2 * count, 2 * WINDOW),
    ).tocsr()


def _interpolation_entries(count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Linear interpolation as (trial, line sample, resampled sample, weight) entries, both
    rows of a line (samples ``row x WINDOW + i``, resampled ``row x count + i``): each
    resampled sample mixes the sample below its position and the one above."""
    low, high, fraction = _resampling(count)
    trial = np.arange(len(low))[:, None].repeat(count, axis=1).ravel()
    position = np.broadcast_to(np.arange(count), low.shape).ravel()
    entries = [
        (trial, row * WINDOW + sample.ravel(), row * count + position, weight.ravel())
        for row in (0, 1)
        for sample, weight in ((low, 1 - fraction), (high, fraction))
    ]
    trials, samples, resampled, weights = (np.concatenate(p) for p in zip(*entries, strict=True))
    return trials, samples, resampled, weights


@functools.cache
def _resampling_weights(count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per trial, the weights that give a resampling's sum from a row's samples, its sum of
    squares from their squares, and the rest of it from the products of neighbouring samples
    (linear interpolation mixes only a sample and the next one)."""
    low, high, fraction = _resampling(count)
    same = low == high
    sums = _spread(low, 1 - fraction) + _spread(high, fraction)
    squares = _spread(low, np.where(same, 1.0, (1 - fraction) ** 2))
    squares += _spread(high, np.where(same, 0.0, fraction**2))
    cross = np.where(same, 0.0, 2 * fraction * (1 - fraction))
    neighbours = _spread(np.minimum(low, WINDOW - 2), cross)[:, : WINDOW - 1]
    return sums, squares, neighbours


def _spread(samples: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Per trial (row), each sample's total weight: shape (trials, WINDOW)."""
    trials = len(samples)
    flat = (samples + np.arange(trials)[:, None] * WINDOW).ravel()
    return np.bincount(flat, weights.ravel(), minlength=trials * WINDOW).reshape(trials, WINDOW)


@functools.cache
def _resampling(count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where each (scale, shift) trial reads a line for its first ``count`` samples: the sample
    below and the one above each position and the fraction between them, shape (trials, count).
    """
    positions = np.arange(count)[None, None, :] * _SCALES[:, None, None] + _SHIFTS[None, :, None]
    positions = np.clip(positions.reshape(-1, count), 0, WINDOW - 1)
    low = np.floor(positions).astype(np.intp)
    high = np.minimum(low + 1, WINDOW - 1)
    return low, high, positions - low
