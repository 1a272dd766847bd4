"""The package PDF: an HTML template rendered by WeasyPrint. The document's creation and
modification dates are the package's recorded time (WeasyPrint takes them from the
`dcterms.created`/`dcterms.modified` meta tags), so the same content gives the same bytes."""

import logging
from datetime import UTC

from django.template.loader import render_to_string
from PIL import ImageFile
from weasyprint import HTML

from .bundle import PackageContent, utc_text

# Importing WeasyPrint tells Pillow, for the whole process, to accept truncated images. The hub
# opens untrusted uploads with Pillow and must refuse those, so the default goes back.
ImageFile.LOAD_TRUNCATED_IMAGES = False

# WeasyPrint reports every layout step at INFO; a package is one log line (the audit entry).
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(content: PackageContent) -> bytes:
    generated = content.generated_at.astimezone(UTC).replace(microsecond=0)
    html = render_to_string(
        "packages/package.html",
        {
            "c": content,
            "generated_iso": generated.isoformat().replace("+00:00", "Z"),
            "generated_text": utc_text(generated),
        },
    )
    return HTML(string=html, base_url=None).write_pdf(uncompressed_pdf=False, custom_metadata=False)
