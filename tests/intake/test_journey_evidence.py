"""The evidence page of the report journey: files checked by content as they arrive, stored
byte-for-byte, listed with a Remove button, and refused with a message that says why."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from hatehub.demo.synthetic import Synthetic, fake_executable, minimal_pdf
from hatehub.evidence import store
from hatehub.reports.models import Report
from tests.intake.test_journey import (
    CHECK_ANSWERS,
    answers,
    errors,
    reach,
    submit,
    title,
    walk,
)

EVIDENCE = "/report/evidence/"


@pytest.fixture
def at_evidence(client, db):
    """A client whose journey has reached the evidence page."""
    reach(client, "evidence")
    return client


def png(seed: int = 1) -> bytes:
    synthetic = Synthetic(seed=seed)
    return synthetic.screenshot(synthetic.post(platform="x"))


def upload(client, *files: tuple[str, bytes], action: str = "upload"):
    chosen = [SimpleUploadedFile(name, data) for name, data in files]
    return client.post(EVIDENCE, {"files": chosen, "action": action})


def test_the_page_uploads_several_files_without_javascript(at_evidence):
    page = at_evidence.get(EVIDENCE).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page and 'multiple="multiple"' in page
    assert "smaller than 20 MB" in page


def test_uploaded_files_are_listed_and_more_can_be_added(at_evidence):
    response = upload(at_evidence, ("first.png", png(1)), ("scan.pdf", minimal_pdf()))
    assert response["Location"] == EVIDENCE
    upload(at_evidence, ("second.png", png(2)))

    page = at_evidence.get(EVIDENCE).content.decode()
    for name in ["first.png", "scan.pdf", "second.png"]:
        assert name in page
        assert f'Remove<span class="govuk-visually-hidden"> {name}' in page


def test_a_removed_file_is_not_sent_with_the_report(at_evidence):
    keep, drop = png(1), png(2)
    upload(at_evidence, ("keep.png", keep), ("drop.png", drop))

    response = at_evidence.post(
        "/report/evidence/remove/", {"sha256": hashlib.sha256(drop).hexdigest()}
    )

    assert response["Location"] == EVIDENCE
    assert "drop.png" not in at_evidence.get(EVIDENCE).content.decode()
    walk(at_evidence, answers(), start=EVIDENCE)
    submit(at_evidence)
    originals = Report.objects.get().evidence.filter(kind="original")
    assert list(originals.values_list("original_filename", flat=True)) == ["keep.png"]


def test_a_real_50_mb_upload_is_refused_with_its_size_and_nothing_is_stored(at_evidence):
    huge = png() + b"\0" * (50 * 1024 * 1024 - len(png()))

    response = upload(at_evidence, ("huge.png", huge), action="continue")

    assert response.status_code == 200  # stays on the page
    assert errors(response) == ["huge.png is 50 MB: each file must be smaller than 20 MB"]
    assert title(response).startswith("Error: ")
    assert not store.exists(hashlib.sha256(huge).hexdigest())
    assert "Files you have uploaded" not in response.content.decode()


@override_settings(EVIDENCE_MAX_FILE_BYTES=10 * 1024)
def test_the_size_limit_comes_from_settings(at_evidence):
    big = png()
    assert len(big) > 10 * 1024

    response = upload(at_evidence, ("shot.png", big))

    assert errors(response) == [
        f"shot.png is {round(len(big) / 1024)} KB: each file must be smaller than 10 KB"
    ]


def test_an_executable_renamed_png_is_refused_and_not_stored(at_evidence):
    exe = fake_executable()

    response = upload(at_evidence, ("holiday.png", exe), action="continue")

    assert response.status_code == 200
    assert errors(response) == [
        "holiday.png must be a PNG, JPEG or WebP image, or a PDF (it is an EXE file)"
    ]
    assert not store.exists(hashlib.sha256(exe).hexdigest())


def test_good_files_in_the_same_batch_as_a_bad_one_are_kept(at_evidence):
    response = upload(at_evidence, ("good.png", png()), ("bad.png", fake_executable()))

    assert len(errors(response)) == 1 and errors(response)[0].startswith("bad.png")
    page = response.content.decode()
    assert "good.png" in page.split("Files you have uploaded")[1]


@override_settings(EVIDENCE_MAX_FILES=2)
def test_no_more_than_the_maximum_number_of_files(at_evidence):
    upload(at_evidence, ("one.png", png(1)))

    response = upload(at_evidence, ("two.png", png(2)), ("three.png", png(3)))

    assert errors(response) == [
        "You can upload up to 2 files. You have uploaded 1, so choose 1 or fewer"
    ]
    assert not store.exists(hashlib.sha256(png(3)).hexdigest())


def test_pressing_upload_without_choosing_a_file_says_so(at_evidence):
    response = at_evidence.post(EVIDENCE, {"action": "upload"})
    assert errors(response) == ["Select a screenshot or document to upload"]


def test_evidence_is_optional(at_evidence):
    response = at_evidence.post(EVIDENCE, {"action": "continue"})
    assert response["Location"] == "/report/contact/"
    walk(at_evidence, answers(), start="/report/contact/")
    assert "None uploaded" in at_evidence.get(CHECK_ANSWERS).content.decode()
