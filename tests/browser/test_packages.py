"""The evidence package in Chromium: an officer generates the package of a demo-like case
(synthetic reports, assessed, allocated to Merseyside), the Merseyside user downloads it; the
ZIP's SHA256SUMS verifies, page 1 of the PDF renders (pdftoppm) with the case reference on it,
a second generation is byte for byte the same, and the pages pass axe-core."""

import hashlib
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from hatehub.assessment.services import assess_case
from hatehub.packages.models import PackageVersion
from tests.cases.helpers import case_with_evidence
from tests.conftest import PASSWORD, require

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"


@pytest.fixture
def poppler():
    """pdftoppm and pdftotext (Debian's poppler-utils) check that the PDF really draws the
    reference."""
    require(
        Path(PDFTOPPM).exists() and Path(PDFTOTEXT).exists(),
        "pdftoppm and pdftotext not found: install them with `apt-get install poppler-utils`",
    )


def _sign_in(browser, live_server, user):
    # bypass_csp: axe-core is injected as an inline script, which the hub's CSP forbids.
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("h1").wait_for()
    return page


def _download(page, link_name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()).read_bytes()


def _reference_is_drawn_on_page_one(pdf: bytes, reference: str, folder: Path) -> None:
    """Render page 1 with pdftoppm, find where pdftotext says the (largest) case reference is,
    and check that box of the rendered image has ink: the reference is really on the page."""
    (folder / "package.pdf").write_bytes(pdf)
    dpi = 100
    subprocess.run(  # noqa: S603 (fixed tools on a file the test wrote)
        [PDFTOPPM, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile",
         "package.pdf", "page1"],
        cwd=folder, check=True,
    )  # fmt: skip
    bbox = subprocess.run(  # noqa: S603
        [PDFTOTEXT, "-f", "1", "-l", "1", "-bbox", "package.pdf", "-"],
        cwd=folder, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    boxes = [
        tuple(float(v) for v in match.groups())
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
            + re.escape(reference)
            + "</word>",
            bbox,
        )
    ]
    assert boxes, f"{reference} is not in page 1's text"
    x0, y0, x1, y1 = max(boxes, key=lambda b: b[3] - b[1])  # the big reference, not the header
    with Image.open(folder / "page1.png") as image:
        scale = dpi / 72
        crop = image.convert("L").crop(
            (int(x0 * scale), int(y0 * scale), int(x1 * scale) + 1, int(y1 * scale) + 1)
        )
        dark = sum(1 for value in crop.get_flattened_data() if value < 128)
        assert image.size[0] > 700  # A4 at 100 dpi is 827 pixels wide
    assert dark > 0.05 * crop.width * crop.height, "no ink where the reference should be"


def test_generate_download_verify_and_regenerate_a_package(
    poppler, browser, live_server, users, forces, make_report, tmp_path
):
    case, original = case_with_evidence(
        make_report,
        force=forces["merseyside"],
        quoted_text="[SYNTHETIC] People like you should be driven out",
        urls=["https://x.com/synthetic_poster/status/1001"],
    )
    assess_case(case, reason="First assessment")
    reference = case.reference

    officer = _sign_in(browser, live_server, users["hub_officer"])
    officer.goto(f"/hub/cases/{reference}/")
    # With no version yet, the panel is folded under its title.
    officer.get_by_text("Evidence package: nothing yet").click()
    officer.get_by_role("button", name="Generate evidence package").click()
    officer.locator(
        ".govuk-notification-banner--success", has_text="Evidence package version 1 generated"
    ).wait_for()
    assert axe_violations(officer) == []

    merseyside = _sign_in(browser, live_server, users["force_user"])
    merseyside.goto(f"/hub/cases/{reference}/")
    first = _download(merseyside, "ZIP of version 1")
    version = PackageVersion.objects.get(case__reference=reference)
    assert hashlib.sha256(first).hexdigest() == version.zip_sha256

    # The ZIP: SHA256SUMS lists and verifies every other file.
    root = f"{reference}-evidence-package-v1/"
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        files = {
            info.filename.removeprefix(root): archive.read(info) for info in archive.infolist()
        }
    sums = dict(
        reversed(line.split("  ", 1)) for line in files.pop("SHA256SUMS").decode().splitlines()
    )
    assert set(sums) == set(files)
    assert all(hashlib.sha256(files[path]).hexdigest() == digest for path, digest in sums.items())
    assert any(data == _stored(original) for data in files.values())

    # The PDF opens, page 1 shows the case reference, and the text has it too.
    pdf = files["package.pdf"]
    assert reference in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    _reference_is_drawn_on_page_one(pdf, reference, tmp_path)

    # A second generation changes nothing: the same version, byte for byte.
    officer.goto(f"/hub/cases/{reference}/")
    officer.get_by_role("button", name="Generate evidence package").click()
    officer.locator(
        ".govuk-notification-banner--success", has_text="byte for byte the same"
    ).wait_for()
    merseyside.goto(f"/hub/cases/{reference}/")
    assert _download(merseyside, "ZIP of version 1") == first
    call_command("evidence_package", reference, "--out", str(tmp_path / "out"))
    assert (tmp_path / "out" / f"{reference}-evidence-package-v1.zip").read_bytes() == first
    assert PackageVersion.objects.filter(case__reference=reference).count() == 1

    # The capture form and a continuity log pass axe-core too.
    for path in (
        f"/hub/cases/{reference}/captures/new/",
        f"/hub/cases/{reference}/evidence/{original.pk}/continuity/",
    ):
        merseyside.goto(path)
        assert axe_violations(merseyside) == [], path


def _stored(evidence) -> bytes:
    from hatehub.evidence import store

    with store.open_blob(evidence.sha256) as blob:
        return blob.read()
