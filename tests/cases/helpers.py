"""Cases for the hub's page tests, made through the real intake and case services."""

import io
import uuid

from PIL import Image, ImageDraw

from hatehub.cases.models import Case
from hatehub.cases.services import allocate
from hatehub.evidence.models import EvidenceFile
from hatehub.evidence.services import make_thumbnail


def unique_png(label: str = "") -> bytes:
    """A PNG no other test has stored: the evidence store is content-addressed and shared."""
    marker = f"{label} {uuid.uuid4()}"
    image = Image.new("RGB", (320, 200), (245, 248, 250))
    ImageDraw.Draw(image).text((10, 90), marker, fill=(11, 12, 12))
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def case_with_evidence(make_report, *, force=None, thumbnail=True, png=None, **overrides):
    """A case with one report and one screenshot (thumbnailed unless told not to), allocated
    to `force` if given. Returns (case, original evidence file)."""
    report = make_report(evidence_bytes=[png or unique_png()], **overrides)
    original = report.evidence.get(kind=EvidenceFile.Kind.ORIGINAL)
    if thumbnail:
        make_thumbnail(original)
    case = report.case
    if force is not None:
        allocate(case, force=force, reason="Fixture: victim lives in this force area")
    return Case.objects.get(pk=case.pk), original
