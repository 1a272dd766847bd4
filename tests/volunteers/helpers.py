import csv
import io
import random

from hatehub.accounts.models import Role, User
from hatehub.demo.synthetic import PLATFORM_URLS

BAD_ROWS = [
    ({"url": "ftp://x.com/a/status/1"}, "url", "must start with https://"),
    ({"url": "x.com/someone/status/1"}, "url", "must start with https://"),
    ({"url": ""}, "url", "Enter the web address"),
    ({"url": "https://localhost/post/1"}, "url", "not a website on the public internet"),
    ({"url": "https://10.0.0.7/post/1"}, "url", "not an IP address"),
    ({"url": "https://exa mple.org/x"}, "url", "not a web address"),
    ({"platform": "myspace"}, "platform", "not a platform the hub knows"),
    ({"platform": "facebook"}, "platform", "not Facebook"),  # the address is on X
    ({"date": "31/02/2026"}, "date", "is not a date"),
    ({"date": "2999-01-01"}, "date", "today or in the past"),
    ({"date": "1999-12-31"}, "date", "in or after the year 2000"),
    ({"strand": "football"}, "strand", "is not a strand"),
    ({"strand": "race;weather"}, "strand", "is not a strand"),
    ({"notes": "x" * 2001}, "notes", "2000 characters or fewer"),
    ({"quoted_text": "y" * 5001}, "quoted_text", "5000 characters or fewer"),
    ({"url": "mailto:someone@example.org"}, "url", "must start with https://"),
    ({"url": "https://"}, "url", ""),
    ({"platform": "tiktok"}, "platform", "not TikTok"),
    ({"date": "yesterday"}, "date", "is not a date"),
    ({"strand": "Religion; astrology"}, "strand", "is not a strand"),
]


def volunteer_in(organisation, username="volunteer-org", **extra) -> User:
    return User.objects.create_user(
        username=username,
        password="correct horse battery staple",
        role=Role.VOLUNTEER,
        organisation=organisation,
        first_name="Vol",
        last_name="Unteer",
        email=f"{username}@example.org",
        **extra,
    )


def x_url(rng: random.Random) -> str:
    return PLATFORM_URLS["x"].format(
        handle=f"user{rng.randint(1, 10**6)}", id=rng.randint(10**15, 10**16)
    )


def good_row(rng: random.Random, url: str | None = None) -> dict:
    return {
        "url": url or x_url(rng),
        "platform": "x",
        "date": "2026-01-31",
        "strand": rng.choice(["race", "religion", "disability", "race;religion"]),
        "notes": "[SYNTHETIC] hostile reply found while monitoring",
        "quoted_text": "",
    }


def csv_bytes(rows: list[dict], *, bom: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=["url", "platform", "date", "strand", "notes", "quoted_text"]
    )
    writer.writeheader()
    writer.writerows(rows)
    data = out.getvalue().encode()
    return (b"\xef\xbb\xbf" + data) if bom else data


def file_of_500(existing_urls: list[str], seed: int = 7) -> tuple[bytes, dict[int, tuple]]:
    """500 data rows: 20 bad ones (their row numbers -> (column, reason fragment)), the rest
    good, a few of them naming posts the hub already has (in another spelling)."""
    rng = random.Random(seed)
    rows = [good_row(rng) for _ in range(500)]
    bad_positions = sorted(rng.sample(range(500), 20))
    bad: dict[int, tuple] = {}
    for position, (change, column, reason) in zip(bad_positions, BAD_ROWS, strict=True):
        rows[position] = {**rows[position], **change}
        bad[position + 2] = (column, reason)  # the header is row 1
    good_positions = [i for i in range(500) if i not in bad_positions]
    for position, url in zip(good_positions[::97], existing_urls, strict=False):
        rows[position]["url"] = url
    return csv_bytes(rows, bom=True), bad
