"""Uploads that could hurt the server are refused, and what the hub shows or shares of an
image carries no hidden metadata such as where the photo was taken; the original is kept
exactly as received."""

import io
import zlib

import pytest
from PIL import Image

from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile
from hatehub.evidence.services import make_thumbnail
from hatehub.evidence.validation import EvidenceRejected, check_bytes

GPS_IFD = 0x8825


def _png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge image (what a decompression bomb looks like)."""
    output = io.BytesIO()
    Image.new("L", (1, 1)).save(output, format="PNG")
    data = bytearray(output.getvalue())
    data[16:24] = width.to_bytes(4, "big") + height.to_bytes(4, "big")
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")  # the header's checksum
    return bytes(data)


@pytest.mark.parametrize("side", [10_000, 50_000])  # our limit; far past Pillow's own
def test_an_image_claiming_too_many_pixels_is_refused_before_it_is_decoded(side):
    with pytest.raises(EvidenceRejected, match="too large in pixels"):
        check_bytes(_png_header_claiming(side, side), name="bomb.png", max_bytes=10**6)


def _jpeg_with_location() -> bytes:
    image = Image.new("RGB", (640, 480), (120, 140, 160))
    exif = image.getexif()
    exif[0x010F] = "SyntheticCam"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (53.0, 24.0, 0.0), 3: "W", 4: (2.0, 59.0, 0.0)})
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


@pytest.mark.django_db
def test_a_thumbnail_has_no_location_but_the_original_keeps_every_byte(make_report):
    photo = _jpeg_with_location()
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(GPS_IFD)  # the test photo has GPS
    report = make_report(evidence_bytes=[photo])
    original = report.evidence.get(kind=EvidenceFile.Kind.ORIGINAL)
    thumbnail = make_thumbnail(original)

    with store.open_blob(original.sha256) as blob:
        assert blob.read() == photo
    with store.open_blob(thumbnail.sha256) as blob, Image.open(blob) as shown:
        exif = shown.getexif()
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
