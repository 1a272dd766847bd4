"""Synthetic people, accounts, posts and screenshots for the demo and the tests.

Nothing here is a real person: names and contact details come from Faker's generators with
reserved domains (example.org) and Ofcom's drama phone ranges; handles are random.
"""

import io
import random
from dataclasses import dataclass

from faker import Faker
from PIL import Image, ImageDraw

from hatehub.reports.choices import PLATFORMS, STRANDS

PLATFORM_URLS = {
    "x": "https://x.com/{handle}/status/{id}",
    "facebook": "https://www.facebook.com/{handle}/posts/{id}",
    "instagram": "https://www.instagram.com/p/{code}/",
    "tiktok": "https://www.tiktok.com/@{handle}/video/{id}",
    "youtube": "https://www.youtube.com/watch?v={code}",
    "reddit": "https://www.reddit.com/r/unitedkingdom/comments/{code}/",
    "telegram": "https://t.me/{handle}/{short}",
    "bluesky": "https://bsky.app/profile/{handle}.bsky.social/post/{code}",
}
# Placeholder post texts: clearly marked as synthetic test content, not real abuse.
POST_TEMPLATES = [
    "[SYNTHETIC TEST POST] hostile message targeting {strand} #{n}",
    "[SYNTHETIC TEST POST] threatening reply about {strand} group #{n}",
    "[SYNTHETIC TEST POST] abusive comment referring to {strand} #{n}",
]
# Ofcom reserves 07700 900000-900999 for drama: never a real number.
DRAMA_MOBILE = "07700 900{:03d}"


@dataclass(frozen=True)
class SyntheticPost:
    platform: str
    handle: str
    url: str
    text: str
    strand: str


class Synthetic:
    def __init__(self, seed: int | None = None):
        self.random = random.Random(seed)
        self.faker = Faker("en_GB")
        if seed is not None:
            self.faker.seed_instance(seed)

    def person(self) -> dict:
        first, last = self.faker.first_name(), self.faker.last_name()
        return {
            "name": f"{first} {last}",
            "email": f"{first}.{last}.{self.random.randint(1, 9999)}@example.org".lower(),
            "phone": DRAMA_MOBILE.format(self.random.randint(0, 999)),
        }

    def handle(self) -> str:
        return f"{self.faker.user_name()}{self.random.randint(10, 99)}"

    def post(self, platform: str | None = None, strand: str | None = None) -> SyntheticPost:
        platform = platform or self.random.choice(list(PLATFORM_URLS))
        strand = strand or self.random.choice([code for code, _ in STRANDS[:5]])
        handle = self.handle()
        template = PLATFORM_URLS.get(platform, "https://forum.example.net/{handle}/{id}")
        url = template.format(
            handle=handle,
            id=self.random.randint(10**15, 10**18),
            code="".join(
                self.random.choices(
                    "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789", k=11
                )
            ),
            short=self.random.randint(1, 99999),
        )
        text = self.random.choice(POST_TEMPLATES).format(
            strand=dict(STRANDS)[strand].lower(), n=self.random.randint(1, 10**6)
        )
        return SyntheticPost(platform, handle, url, text, strand)

    def postcode(self, outcode: str) -> str:
        """A full postcode in a real district; the inward part is random, so no real address."""
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        inward = (
            f"{self.random.randint(1, 9)}{self.random.choice(letters)}{self.random.choice(letters)}"
        )
        return f"{outcode} {inward}"

    def platform(self) -> str:
        return self.random.choice([code for code, _ in PLATFORMS[:19]])

    def screenshot(self, post: SyntheticPost, *, format: str = "PNG", size=(900, 600)) -> bytes:
        """A picture of a (synthetic) post, as a victim's phone screenshot would look."""
        image = Image.new("RGB", size, (245, 248, 250))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, size[0], 60), fill=(29, 112, 184))
        draw.text((20, 20), f"{post.platform.upper()}  ·  @{post.handle}", fill="white")
        draw.text((20, 100), post.text, fill=(11, 12, 12))
        draw.text((20, size[1] - 40), post.url, fill=(80, 90, 95))
        output = io.BytesIO()
        image.save(output, format=format)
        return output.getvalue()


def url_variants(url: str) -> list[str]:
    """Ways different people write the same link: share-sheet tracking, mobile and older
    domains, no scheme, a trailing fragment."""
    bare = url.split("://", 1)[1]
    variants = [
        url,
        f"{url}{'&' if '?' in url else '?'}utm_source=share&utm_medium=ios_app",
        bare,
        f"{url}#comments",
    ]
    if bare.startswith("x.com/"):
        variants += [
            f"https://twitter.com/{bare[6:]}?s=20",
            f"https://mobile.twitter.com/{bare[6:]}",
        ]
    if bare.startswith("www."):
        variants += [f"https://m.{bare[4:]}", f"https://{bare[4:]}"]
    return variants


def minimal_pdf(text: str = "Synthetic evidence document") -> bytes:
    """A small, valid one-page PDF (written out by hand so tests need no PDF library)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def fake_executable() -> bytes:
    """The start of a Windows executable (MZ header), for "EXE renamed .png" tests."""
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 496
