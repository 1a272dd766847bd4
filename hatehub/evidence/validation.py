"""Checking an uploaded file by what it contains, never by its name (no Django)."""

import io
from dataclasses import dataclass
from typing import BinaryIO

import filetype
from PIL import Image, UnidentifiedImageError

from hatehub.core.wording import a_or_an, file_size

ACCEPTED = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/webp": "WebP",
    "application/pdf": "PDF",
}
ACCEPTED_DESCRIPTION = "a PNG, JPEG or WebP image, or a PDF"
_PILLOW_FORMAT = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}


class EvidenceRejected(ValueError):
    """The message is written for the person who uploaded the file."""


@dataclass(frozen=True)
class Checked:
    media_type: str
    size_bytes: int


human_size = file_size  # one format for file sizes across the hub (hatehub.core.wording)


def check_file(stream: BinaryIO, *, name: str, size: int, max_bytes: int) -> Checked:
    if size == 0:
        raise EvidenceRejected(f"{name} is empty")
    if size > max_bytes:
        raise EvidenceRejected(
            f"{name} is {human_size(size)}: each file must be smaller than {human_size(max_bytes)}"
        )
    stream.seek(0)
    head = stream.read(8192)
    stream.seek(0)
    kind = filetype.guess(head)
    media_type = kind.mime if kind else None
    if media_type not in ACCEPTED:
        found = (
            f"it is {a_or_an(kind.extension.upper())} file"
            if kind
            else "its contents are not a recognised image or document"
        )
        raise EvidenceRejected(f"{name} must be {ACCEPTED_DESCRIPTION} ({found})")
    if media_type == "application/pdf":
        stream.seek(max(0, size - 2048))
        tail = stream.read()
        stream.seek(0)
        if b"%%EOF" not in tail:
            raise EvidenceRejected(f"{name} is not a complete PDF: it may be damaged or cut short")
    else:
        try:
            with Image.open(stream) as image:
                if image.format != _PILLOW_FORMAT[media_type]:
                    raise EvidenceRejected(f"{name} is damaged or not a real image")
                width, height = image.size  # from the header: nothing is decoded yet
                if width * height > MAX_PIXELS:
                    raise EvidenceRejected(_too_many_pixels(name))
                image.verify()
        except Image.DecompressionBombError as error:
            raise EvidenceRejected(_too_many_pixels(name)) from error
        except (UnidentifiedImageError, OSError, SyntaxError) as error:
            raise EvidenceRejected(f"{name} is damaged or not a real image") from error
        finally:
            stream.seek(0)
    return Checked(media_type=media_type, size_bytes=size)


# A screenshot, even of a long page, is far below this; a "decompression bomb" (a small file
# that expands to billions of pixels) is far above it.
MAX_PIXELS = 60_000_000


def _too_many_pixels(name: str) -> str:
    return (
        f"{name} is too large in pixels: images up to {MAX_PIXELS // 1_000_000} million pixels "
        "are accepted (a larger one could exhaust the server when it is opened)"
    )


def check_bytes(data: bytes, *, name: str, max_bytes: int) -> Checked:
    return check_file(io.BytesIO(data), name=name, size=len(data), max_bytes=max_bytes)
