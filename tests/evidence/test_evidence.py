"""Evidence is checked by content, kept byte-for-byte, and never silently altered."""

import hashlib
import io

import pytest
from django.test import override_settings
from django.utils import timezone
from PIL import Image

from hatehub.demo.synthetic import fake_executable, minimal_pdf
from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile
from hatehub.evidence.services import make_thumbnail, receive
from hatehub.evidence.validation import EvidenceRejected, check_bytes

MB = 1024 * 1024


def _image(fmt: str) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(output, format=fmt)
    return output.getvalue()


@pytest.mark.parametrize(
    ("fmt", "media_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
)
def test_screenshots_are_accepted_by_their_content(fmt, media_type):
    assert check_bytes(_image(fmt), name="anything.bin", max_bytes=MB).media_type == media_type


def test_a_pdf_is_accepted():
    assert check_bytes(minimal_pdf(), name="chat.pdf", max_bytes=MB).media_type == "application/pdf"


def test_an_executable_renamed_png_is_refused_saying_what_it_is():
    with pytest.raises(
        EvidenceRejected,
        match=r"virus\.png must be a PNG, JPEG or WebP image, or a PDF \(it is an EXE file\)",
    ):
        check_bytes(fake_executable(), name="virus.png", max_bytes=MB)


def test_text_pretending_to_be_an_image_is_refused():
    with pytest.raises(EvidenceRejected, match="not a recognised image"):
        check_bytes(b"<html><script>alert(1)</script></html>", name="shot.jpg", max_bytes=MB)


def test_a_cut_short_image_is_refused():
    with pytest.raises(EvidenceRejected, match="damaged or not a real image"):
        check_bytes(_image("PNG")[:60], name="shot.png", max_bytes=MB)


def test_a_cut_short_pdf_is_refused():
    with pytest.raises(EvidenceRejected, match="not a complete PDF"):
        check_bytes(minimal_pdf()[:-10], name="doc.pdf", max_bytes=MB)


def test_a_50_mb_file_is_refused_with_its_size_and_the_limit():
    with pytest.raises(
        EvidenceRejected, match="big.png is 50 MB: each file must be smaller than 20 MB"
    ):
        check_bytes(_image("PNG") + b"\0" * (50 * MB), name="big.png", max_bytes=20 * MB)


def test_an_empty_file_is_refused():
    with pytest.raises(EvidenceRejected, match="empty"):
        check_bytes(b"", name="empty.png", max_bytes=MB)


def test_the_store_keeps_bytes_exactly_and_once(settings):
    data = _image("PNG")
    sha256, size = store.put_bytes(data)
    again, _ = store.put_bytes(data)
    assert sha256 == again == hashlib.sha256(data).hexdigest() and size == len(data)
    with store.open_blob(sha256) as blob:
        assert blob.read() == data


@pytest.mark.django_db
def test_thumbnails_are_separate_files_with_their_own_hash(
    make_report, png_bytes, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = make_report(evidence_bytes=[png_bytes])
    original = report.evidence.get(kind=EvidenceFile.Kind.ORIGINAL)
    thumbnail = original.derivatives.get(kind=EvidenceFile.Kind.THUMBNAIL)  # made by the task
    assert thumbnail.sha256 != original.sha256
    assert store.sha256_of_stored(original.sha256) == hashlib.sha256(png_bytes).hexdigest()
    with store.open_blob(thumbnail.sha256) as blob, Image.open(blob) as image:
        assert max(image.size) <= 480
    assert make_thumbnail(original) == thumbnail  # a retried task makes nothing new
    assert report.evidence.count() == 2


@pytest.mark.django_db
@override_settings(EVIDENCE_MAX_FILE_BYTES=MB)
def test_pdfs_get_no_thumbnail(make_report):
    pdf = minimal_pdf()
    received = receive(io.BytesIO(pdf), name="a.pdf", size=len(pdf), received_at=timezone.now())
    report = make_report(evidence=[received])
    assert list(report.evidence.values_list("kind", flat=True)) == ["original"]
