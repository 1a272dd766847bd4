"""Content fingerprints: re-typed or re-captured copies of one post match, different posts don't.

Pure unit tests (no database). Only synthetic text and synthetic screenshots are used.
"""

import io
import itertools
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageEnhance

from hatehub.demo.synthetic import Synthetic, fake_executable, minimal_pdf
from hatehub.matching.fingerprints import (
    BANDS,
    IMAGE_MATCH_THRESHOLD,
    IMAGE_POSSIBLE_THRESHOLD,
    ROWS,
    TEXT_MATCH_THRESHOLD,
    TEXT_POSSIBLE_THRESHOLD,
    ImageFingerprint,
    TextFingerprint,
    image_fingerprint,
    normalise_text,
    text_fingerprint,
)

# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

ORIGINAL = "[synthetic] people like them should be driven out of this town before summer"
TEXT_VARIANTS = {
    "case": ORIGINAL.upper(),
    "spacing": "  [synthetic]   people like them\nshould be driven out of this   town "
    "before summer ",
    "punctuation": "[synthetic] People... like THEM, should be driven out of this town; "
    "before summer!!",
    "leetspeak": "[synthetic] p30pl3 l1k3 th3m sh0uld b3 dr1v3n 0ut 0f th1$ t0wn b3f0r3 $umm3r",
    "homoglyphs": "[synthetic] реорlе likе them shоuld bе driven оut оf this tоwn bеfоrе summеr",
    "fullwidth": "[synthetic] ｐｅｏｐｌｅ ｌｉｋｅ ｔｈｅｍ should be driven out of this town "
    "before summer",
    "math letters": "[synthetic] 𝐩𝐞𝐨𝐩𝐥𝐞 𝐥𝐢𝐤𝐞 them should be driven out of this town before summer",
    "zero-width": "[synthetic] peo\u200bple like\u200d them should be dri\u2060ven out of this "
    "town before summer",
    "emoji variants": ORIGINAL + " 👊🏽 🔥\ufe0f",
    "two typos": "[synthetic] people lkie them should be driven out of tihs town before summer",
    "words added": "RT look: " + ORIGINAL + " share this",
}
# Different texts, same topic and length (placeholders written for the tests, not real abuse).
DIFFERENT_TEXTS = [
    ORIGINAL,
    "[synthetic] that family should pack up and leave our street before the winter comes",
    "[synthetic] nobody on this estate wants their kind living next door to our children",
    "[synthetic] we will make sure the new shop on the high street closes within a month",
    "[synthetic] everyone from that group should be banned from the town centre for good",
    "[synthetic] go back to where you came from, this country was never meant for people like you",
    "[synthetic] the council keeps housing them here and we are sick of it, time to act",
    "[synthetic] i know where you live and i know which school your kids go to every morning",
    "[synthetic] they are not welcome at our football club and they never will be",
]


def test_normalise_text_reduces_what_a_reader_sees_to_plain_words():
    assert normalise_text("Ｈｅｌｌｏ,   ＷＯＲＬＤ!") == "heiio worid"  # l folded into i
    assert normalise_text("Hеllо") == normalise_text("Hello")  # Cyrillic е and о
    assert normalise_text("ρеορlе") == normalise_text("people")  # Greek rho/omicron
    assert normalise_text("𝐡𝐚𝐭𝐞 𝘺𝘰𝘶") == "hate you"
    assert normalise_text("h@t3 y0u $cum") == "hate you scum"
    assert normalise_text("caf\u00e9 na\u00efve") == "cafe naive"
    assert normalise_text("so\u200bme\u200dthing \u2060here") == "something here"


def test_normalise_text_keeps_pure_numbers_and_emoji():
    # Digits are letters only inside words with letters; numbers (dates, coded numerals) stay.
    assert normalise_text("meet at 1488 on 14/08") == "meet at 1488 on 14 08"
    assert normalise_text("g0 h0m3 88") == "go home 88"
    # Skin tones and variation selectors go, the emoji itself stays as a word.
    assert normalise_text("you 🐒\ufe0f 👍🏿") == normalise_text("you 🐒 👍")
    assert normalise_text("you 🐒") != normalise_text("you")


@pytest.mark.parametrize("kind", sorted(TEXT_VARIANTS))
def test_text_variants_match_and_share_a_band(kind):
    original, variant = text_fingerprint(ORIGINAL), text_fingerprint(TEXT_VARIANTS[kind])
    assert variant.similarity(original) >= TEXT_MATCH_THRESHOLD
    assert set(variant.band_keys()) & set(original.band_keys())


def test_different_texts_stay_below_possible_and_share_no_band():
    prints = [text_fingerprint(text) for text in DIFFERENT_TEXTS]
    for a, b in itertools.combinations(prints, 2):
        assert a.similarity(b) < TEXT_POSSIBLE_THRESHOLD
        assert not set(a.band_keys()) & set(b.band_keys())


def test_synthetic_template_posts_with_different_numbers_are_possible_not_certain():
    """Two generator posts differ only in their number: one phrase, so at least 'possible'."""
    s = Synthetic(seed=3)
    posts = [s.post(strand="race") for _ in range(40)]
    same_template = [
        (a, b) for a, b in itertools.combinations(posts, 2) if a.text[:40] == b.text[:40]
    ]
    a, b = same_template[0]
    assert text_fingerprint(a.text).similarity(text_fingerprint(b.text)) >= 0.35


def test_short_or_empty_text_has_no_fingerprint():
    assert text_fingerprint("") is None
    assert text_fingerprint("so true!!") is None
    assert text_fingerprint("🔥🔥🔥") is None
    assert text_fingerprint("you are a monkey") is not None  # short hate is still fingerprinted


def test_band_keys_and_lsh_parameters():
    keys = text_fingerprint(ORIGINAL).band_keys()
    assert len(keys) == BANDS == len(set(keys))
    assert all(key.startswith(f"b{i}:") and len(key) <= 24 for i, key in enumerate(keys))

    def share(j):
        return 1 - (1 - j**ROWS) ** BANDS

    assert share(0.7) > 0.99
    assert share(0.3) < 0.07
    assert share(0.1) < 0.001


def test_text_fingerprint_round_trips_and_is_deterministic_across_processes():
    fingerprint = text_fingerprint(ORIGINAL)
    data = fingerprint.to_bytes()
    assert len(data) == 520
    assert TextFingerprint.from_bytes(data) == fingerprint
    assert text_fingerprint(ORIGINAL).to_bytes() == data
    code = (
        "import sys; from hatehub.matching.fingerprints import text_fingerprint; "
        "sys.stdout.write(text_fingerprint(sys.argv[1]).to_bytes().hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [sys.executable, "-c", code, ORIGINAL], capture_output=True, text=True, env=env, check=True
    )
    assert bytes.fromhex(other.stdout) == data
    with pytest.raises(ValueError):
        TextFingerprint.from_bytes(data[:-4])


# --------------------------------------------------------------------------------------------
# Images
# --------------------------------------------------------------------------------------------


def _save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **options)
    return out.getvalue()


def _crop(image: Image.Image, left: float, top: float, right: float, bottom: float):
    w, h = image.size
    return image.crop(
        (round(w * left), round(h * top), w - round(w * right), h - round(h * bottom))
    )


def _variants(png: bytes) -> dict[str, bytes]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    w, h = image.size
    return {
        "jpeg q40": _save(image, "JPEG", quality=40),
        "jpeg q90": _save(image, "JPEG", quality=90),
        "webp": _save(image, "WEBP", quality=75),
        "50%": _save(image.resize((w // 2, h // 2), Image.LANCZOS), "PNG"),
        "200% jpeg": _save(image.resize((w * 2, h * 2), Image.BICUBIC), "JPEG", quality=85),
        "crop 5% each edge": _save(_crop(image, 0.05, 0.05, 0.05, 0.05), "PNG"),
        "crop 8% top-left, jpeg": _save(_crop(image, 0.08, 0.08, 0, 0), "JPEG", quality=80),
        "crop 8% bottom-right": _save(_crop(image, 0, 0, 0.08, 0.08), "PNG"),
        "brighter jpeg": _save(ImageEnhance.Brightness(image).enhance(1.08), "JPEG", quality=85),
        "darker": _save(ImageEnhance.Brightness(image).enhance(0.92), "PNG"),
        "crop 5%, 63%, jpeg q60": _save(
            _crop(image, 0.05, 0.05, 0.05, 0.05).resize((int(w * 0.63), int(h * 0.63))),
            "JPEG",
            quality=60,
        ),
    }


@pytest.fixture(scope="module")
def screenshots() -> list[bytes]:
    """55 different posts on one platform: same layout, only the words differ (the hard case)."""
    s = Synthetic(seed=21)
    return [s.screenshot(s.post(platform="x")) for _ in range(55)]


@pytest.fixture(scope="module")
def image_prints(screenshots) -> list[ImageFingerprint]:
    return [image_fingerprint(png) for png in screenshots]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_image_variants_match_and_share_a_key(screenshots, image_prints, index):
    original = image_prints[index]
    for name, data in _variants(screenshots[index]).items():
        variant = image_fingerprint(data)
        assert variant is not None, name
        assert variant.similarity(original) >= IMAGE_MATCH_THRESHOLD, name
        assert set(variant.keys()) & set(original.keys()), name


def test_a_crop_scores_the_same_whichever_picture_is_being_matched(screenshots, image_prints):
    """A cropped screenshot (fewer text lines) against the original, and the original against
    the crop: the hub caches what it works out from the new report's picture, so the two ways
    round take different paths and must give the same score."""
    for index in range(3):
        original = image_prints[index]
        cropped = image_fingerprint(_variants(screenshots[index])["crop 8% bottom-right"])
        assert cropped is not None
        for other in [original, *image_prints[10:20]]:
            assert cropped.similarity(other) == pytest.approx(other.similarity(cropped), abs=1e-6)


def _score_by_definition(one: ImageFingerprint, other: ImageFingerprint) -> float:
    """The line-profile score worked out the slow way, as `ImageFingerprint.similarity` defines
    it: for each line of the picture with fewer lines, the best Pearson correlation with any
    line of the other over the scale/shift grid (each trial resampled with np.interp), both
    rows together over the samples both lines have; the mean of those, floored at 0."""
    targets, others = (one, other) if len(one.lines) <= len(other.lines) else (other, one)

    def rows(line: bytes) -> np.ndarray:
        return np.frombuffer(line[1:], dtype=np.uint8).reshape(2, 64).astype(np.float64)

    def pearson(x: np.ndarray, y: np.ndarray) -> float:
        x, y = x - x.mean(), y - y.mean()
        size = np.sqrt((x @ x) * (y @ y))
        return float(x @ y / size) if size > 1e-9 else 0.0

    scores = []
    for a in targets.lines:
        best = []
        for b in others.lines:
            count = min(a[0], b[0])
            if count < 16:
                best.append(0.0)
                continue
            target = rows(a)[:, :count].ravel()
            trials = [
                np.concatenate(
                    [
                        np.interp(
                            np.clip(np.arange(count) * scale + shift, 0, 63), np.arange(64), row
                        )
                        for row in rows(b)
                    ]
                )
                for scale in np.arange(0.88, 1.1201, 0.01)
                for shift in np.arange(-2.0, 2.01, 0.5)
            ]
            best.append(max(pearson(target, trial) for trial in trials))
        scores.append(max(best))
    return max(0.0, float(np.mean(scores)))


def test_the_screenshot_score_is_the_correlation_it_defines(screenshots, image_prints):
    """The hub compares a new picture's lines with all of a stored picture's lines at once, by
    matrix products; it must give the correlation worked out one trial at a time, either way
    round, for a crop (fewer lines) and for different posts."""
    cropped = image_fingerprint(_variants(screenshots[0])["crop 8% bottom-right"])
    assert cropped is not None
    pairs = [(cropped, image_prints[0]), (image_prints[0], cropped)]
    pairs += [(image_prints[i], image_prints[i + 20]) for i in range(4)]
    pairs += [(cropped, image_prints[5]), (image_prints[6], cropped)]
    for one, other in pairs:
        assert one.similarity(other) == pytest.approx(_score_by_definition(one, other), abs=1e-5)
    assert cropped.similarity(image_prints[0]) >= IMAGE_MATCH_THRESHOLD


def test_different_posts_in_one_layout_do_not_match(image_prints):
    similarities = [a.similarity(b) for a, b in itertools.combinations(image_prints, 2)]
    assert len(similarities) >= 50 * 49 // 2
    assert max(similarities) < IMAGE_MATCH_THRESHOLD
    # And "possible match" stays rare, so officers are not flooded.
    assert sum(s >= IMAGE_POSSIBLE_THRESHOLD for s in similarities) / len(similarities) < 0.02


def test_a_comparison_asked_for_a_floor_gives_the_same_verdict(screenshots, image_prints):
    """Matching asks only whether a candidate reaches the possible-match threshold: a picture
    that cannot is answered 0.0 early, one that can keeps its full score."""
    copies = [image_fingerprint(_variants(screenshots[i])["jpeg q40"]) for i in range(3)]
    pairs = [(a, b) for a in copies for b in image_prints[:20]]
    for a, b in pairs:
        full = a.similarity(b)
        floored = a.similarity(b, at_least=IMAGE_POSSIBLE_THRESHOLD)
        if full >= IMAGE_POSSIBLE_THRESHOLD:
            assert floored == full
        else:
            assert floored < IMAGE_POSSIBLE_THRESHOLD
    assert sum(a.similarity(b) >= IMAGE_MATCH_THRESHOLD for a, b in pairs) == 3


def test_whole_image_phash_alone_cannot_tell_these_posts_apart(image_prints):
    """Why the line profiles exist: one layout gives near-identical whole-image pHashes."""
    distances = [
        bin(a.phash ^ b.phash).count("1") for a, b in itertools.combinations(image_prints, 2)
    ]
    assert min(distances) <= 2


def test_image_keys_are_few_and_short(image_prints):
    for fingerprint in image_prints:
        keys = fingerprint.keys()
        assert 1 <= len(keys) <= 8
        assert all(len(key) <= 16 for key in keys)


@pytest.mark.parametrize(
    "data",
    [
        minimal_pdf(),
        fake_executable(),
        b"",
        b"just some text, not a picture",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 40,  # PNG signature, broken body
    ],
    ids=["pdf", "exe", "empty", "text", "broken png"],
)
def test_non_images_have_no_fingerprint(data):
    assert image_fingerprint(data) is None


def test_truncated_jpeg_has_no_fingerprint(screenshots):
    jpeg = _save(Image.open(io.BytesIO(screenshots[0])).convert("RGB"), "JPEG")
    assert image_fingerprint(jpeg[: len(jpeg) // 3]) is None


def test_image_fingerprint_round_trips_and_is_deterministic(screenshots, image_prints):
    fingerprint = image_prints[0]
    data = fingerprint.to_bytes()
    assert len(data) <= 8 + 1 + 6 * 129
    assert ImageFingerprint.from_bytes(data) == fingerprint
    assert image_fingerprint(screenshots[0]).to_bytes() == data
    assert fingerprint.similarity(fingerprint) == pytest.approx(1.0, abs=1e-5)
    with pytest.raises(ValueError):
        ImageFingerprint.from_bytes(data[:-1])


def test_pictures_without_text_fall_back_to_phash():
    image = Image.new("RGB", (400, 300), (30, 90, 40))
    draw = ImageDraw.Draw(image)
    for i in range(12):  # overlapping shapes: nothing that looks like lines of text
        draw.ellipse((i * 25, (i * 37) % 200, i * 25 + 140, (i * 37) % 200 + 120), fill=(
            (i * 53) % 256, (i * 97) % 256, (i * 31) % 256))  # fmt: skip
    other = Image.new("RGB", (400, 300), (200, 30, 30))
    ImageDraw.Draw(other).rectangle((50, 50, 250, 280), fill=(20, 20, 220))
    original = image_fingerprint(_save(image, "PNG"))
    copy = image_fingerprint(_save(image.resize((300, 225)), "JPEG", quality=50))
    unrelated = image_fingerprint(_save(other, "PNG"))
    assert copy.similarity(original) >= IMAGE_MATCH_THRESHOLD
    assert set(copy.keys()) & set(original.keys())
    assert unrelated.similarity(original) < IMAGE_POSSIBLE_THRESHOLD
