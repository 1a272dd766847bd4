"""The pure modules: figures, message composition, signing, the directory file, hashes and the
liveness fetch (against a local HTTP server)."""

import hashlib
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image, ImageDraw

from hatehub.matching import platform_rules
from hatehub.platforms import composition, directory, figures, hashes, liveness, signing

from .helpers import http_server

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def times(status, hours=None, *, platform="p", sent=T0, sla=24):
    removed = sent + timedelta(hours=hours) if hours is not None else None
    return figures.ItemTimes(platform, status, sent, removed, sla)


# --- figures ------------------------------------------------------------------------------


def test_median_and_nearest_rank_percentile():
    assert figures.median([]) is None
    assert figures.median([5.0]) == 5.0
    assert figures.median([1.0, 3.0, 2.0]) == 2.0
    assert figures.median([1.0, 2.0, 3.0, 10.0]) == 2.5
    values = [float(v) for v in range(1, 11)]  # 1..10
    assert figures.nearest_rank(values, 90) == 9.0
    assert figures.nearest_rank(values, 100) == 10.0
    assert figures.nearest_rank([7.0], 90) == 7.0
    assert figures.nearest_rank([], 90) is None


def test_summary_per_platform_counts_rates_and_overdue():
    now = T0 + timedelta(hours=30)
    items = [
        times("removed", 2),
        times("removed", 30),  # removed, but later than the 24 hours expected
        times("geo_blocked", 4),
        times("refused"),
        times("sent"),  # 30 hours and still up: overdue
        times("acknowledged", sent=now - timedelta(hours=1)),  # within the service level
        figures.ItemTimes("p", "drafted", None, None, 24),  # not sent: not a referral yet
        times("removed", 1, platform="q", sla=12),
    ]
    rows = {row.platform: row for row in figures.summarise(items, now)}
    p = rows["p"]
    assert (p.referred, p.removed, p.geo_blocked, p.refused, p.acknowledged) == (6, 2, 1, 1, 1)
    assert p.open == 2 and p.overdue == 1 and p.removed_late == 1
    assert p.median_hours == 4.0  # of 2, 4 and 30
    assert p.p90_hours == 30.0
    assert p.removal_rate == pytest.approx(3 / 6)
    assert rows["q"].as_dict()["removal_rate"] == 1.0
    assert rows["q"].service_level_hours == 12


def test_an_officers_correction_back_to_sent_stops_the_clock_counting_as_removed():
    assert figures.hours_to_removal(times("sent", 5)) is None


# --- composition ----------------------------------------------------------------------------


def draft():
    offence = composition.Offence(
        "poa1986_s19", "Public Order Act 1986", "s19", "Publishing material", "legislation"
    )
    return composition.Draft(
        reference="TR-2026-000007",
        platform_name="Example Video",
        hub_name="Online Hate Crime Hub",
        reply_to="hub@example.police.uk",
        items=(
            composition.Item(
                1,
                "https://x.com/a/status/1?s=20",
                "x.com/status/1",
                "OHH-1",
                (offence,),
                ("a" * 64,),
            ),
            composition.Item(
                2, "https://video.example/w/2", "video.example/w/2", "OHH-2", (offence,), ()
            ),
        ),
    )


def test_the_message_states_urls_offences_hashes_reference_and_reply_address():
    text = composition.body(draft())
    assert "Item TR-2026-000007/1" in text and "Item TR-2026-000007/2" in text
    assert "Content: https://x.com/a/status/1\n" in text  # the working address, account kept
    assert "As reported: https://x.com/a/status/1?s=20" in text
    assert "As reported: https://video.example/w/2" not in text  # the same address
    assert "Publishing material (Public Order Act 1986, section 19)" in text
    assert "a" * 64 in text
    assert "Reply to: hub@example.police.uk" in text
    assert composition.subject(draft()).startswith("Police referral TR-2026-000007")
    data = composition.payload(draft())
    assert data["items"][0]["url"] == "https://x.com/a/status/1"
    assert data["items"][0]["offences"] == [
        {
            "name": "Publishing material",
            "act": "Public Order Act 1986",
            "section": "s19",
            "legislation": "Public Order Act 1986, section 19",
        }
    ]
    assert data["items"][0]["evidence_sha256"] == ["a" * 64]
    assert data["items"][1]["reference"] == "TR-2026-000007/2"


def test_an_external_notice_cites_the_legislation_never_internal_documents():
    offence = composition.Offence(
        "osa2023_s181",
        "Online Safety Act 2023",
        "s181",
        "Threatening communications offence",
        "DOMAIN.md s5: legislation.gov.uk ukpga/2023/50/part/10",
    )
    item = composition.Item(1, "https://x.com/a/status/1", "x.com/status/1", "OHH-1", (offence,))
    notice = composition.Draft("TR-1", "X", "Hub", "hub@example.police.uk", (item,))
    text = composition.body(notice) + json.dumps(composition.payload(notice))
    assert "Threatening communications offence (Online Safety Act 2023, section 181)" in text
    assert "DOMAIN.md" not in text and "osa2023_s181" not in text
    assert composition.Offence("x", "Communications Act 2003", "s127(1)", "n", "").legislation == (
        "Communications Act 2003, section 127(1)"
    )


def test_a_notice_names_the_law_each_offence_belongs_to_not_always_england_and_wales():
    """A Scottish case's offence is not cited as the law of England and Wales."""
    scots = composition.Offence(
        "hcpo2021_s4", "Hate Crime and Public Order (Scotland) Act 2021", "s4",
        "Stirring up hatred", "", law=composition.law_of(("scotland",)),
    )  # fmt: skip
    osa = composition.Offence(
        "osa2023_s181", "Online Safety Act 2023", "s181", "Threatening communications offence",
        "", law=composition.law_of(("england_wales", "northern_ireland")),
    )  # fmt: skip
    scottish = composition.Item(1, "https://x.com/a/status/1", "x.com/status/1", "OHH-1", (scots,))
    mixed = composition.Item(2, "https://x.com/a/status/2", "x.com/status/2", "OHH-2", (scots, osa))
    text = composition.body(
        composition.Draft("TR-1", "X", "Hub", "hub@example.police.uk", (scottish, mixed))
    )
    assert "Believed offences (law of Scotland):" in text
    assert "England and Wales" not in text.split("Item TR-1/2")[0]
    assert "section 181), law of England and Wales and Northern Ireland" in text
    assert composition.law_of(("england_wales", "scotland", "northern_ireland")) == (
        "the United Kingdom"
    )


@pytest.mark.parametrize(
    ("reported", "canonical", "link"),
    [
        ("https://x.com/synthetic_poster/status/1001?s=20", "x.com/status/1001",
         "https://x.com/synthetic_poster/status/1001"),
        ("https://mobile.twitter.com/someone/status/5/photo/1", "x.com/status/5",
         "https://x.com/someone/status/5"),
        ("https://twitter.com/i/web/status/77", "x.com/status/77",
         "https://x.com/i/web/status/77"),
        ("https://www.facebook.com/somebody/posts/123?fbclid=abc#top", "facebook.com/posts/123",
         "https://www.facebook.com/somebody/posts/123"),
        ("https://www.instagram.com/p/Cabc/?igshid=zz&utm_source=x", "instagram.com/p/Cabc",
         "https://www.instagram.com/p/Cabc/"),
        ("http://video.example/w/2?v=3", "video.example/w/2?v=3", "https://video.example/w/2?v=3"),
        ("", "video.example/w/2", "https://video.example/w/2"),
    ],
)  # fmt: skip
def test_the_content_link_is_the_platforms_working_address(reported, canonical, link):
    assert composition.content_address(reported, canonical) == link


# --- signing --------------------------------------------------------------------------------


def test_signature_checks():
    secret = signing.derive_secret("server-key", "example", "salt1")
    assert secret != signing.derive_secret("server-key", "example", "salt2")
    assert secret != signing.derive_secret("other-key", "example", "salt1")
    body, now = b'{"a": 1}', 1_800_000_000
    good = signing.signature(secret, now, body)
    signing.verify(secret, timestamp=str(now), signature_header=good, body=body, now=now)
    cases = [
        (str(now), None, body, "Send"),
        (str(now), good, b'{"a": 2}', "does not match"),
        (str(now + 1), good, body, "does not match"),  # the timestamp is signed too
        ("soon", good, body, "Unix time"),
    ]
    for stamp, header, sent, words in cases:
        with pytest.raises(signing.SignatureProblem, match=words):
            signing.verify(secret, timestamp=stamp, signature_header=header, body=sent, now=now)
    old = now - 301
    with pytest.raises(signing.SignatureProblem, match="300 seconds"):
        signing.verify(
            secret,
            timestamp=str(old),
            signature_header=signing.signature(secret, old, body),
            body=body,
            now=now,
        )
    with pytest.raises(signing.SignatureProblem):
        signing.derive_secret("server-key", "example", "")


# --- the directory file ---------------------------------------------------------------------


def test_the_shipped_directory_covers_every_platform_of_the_url_rules_with_example_contacts():
    entries = directory.read_directory()
    assert {e.slug for e in entries} == {p.slug for p in platform_rules.PLATFORMS}
    for entry in entries:
        addresses = [entry.referral_email, entry.referral_endpoint, entry.web_form_url]
        assert all(directory.is_example(a) for a in addresses if a), entry.slug
        assert not entry.extra_domains  # the rules give them their domains
    assert "twitter.com" in directory.domains_of("x")
    assert "t.co" in directory.domains_of("x")


def test_a_directory_file_with_a_real_looking_address_or_a_missing_platform_is_refused(tmp_path):
    text = directory.DIRECTORY_FILE.read_text().replace(
        "takedown-reddit@example.com", "abuse@reddit.com"
    )
    path = tmp_path / "platforms.yaml"
    path.write_text(text)
    with pytest.raises(directory.DirectoryError, match="not an example.com address"):
        directory.read_directory(path, examples_only=True)
    directory.read_directory(path, examples_only=False)  # a hub's own file may be real
    path.write_text(text.replace("slug: gab", "slug: gabby"))
    with pytest.raises(directory.DirectoryError, match="missing from the directory"):
        directory.read_directory(path, examples_only=False)


def test_domains_are_shared_with_the_canonicaliser_and_never_overlap():
    others = {"forum": ["forum.example.org"]}
    assert directory.domain_problems("new", ["board.example.net"], others) == []
    assert "belongs to x" in directory.domain_problems("new", ["twitter.com"], others)[0]
    assert (
        "already a domain of forum"
        in directory.domain_problems("new", ["a.forum.example.org"], others)[0]
    )
    assert "not a domain" in directory.domain_problems("new", ["not a domain"], others)[0]
    assert "URL rules" in directory.domain_problems("x", ["x.example.org"], {})[0]
    assert directory.platform_slug_for("https://mobile.twitter.com/a/status/1", None, {}) == "x"
    assert directory.platform_slug_for("https://forum.example.org/t/1", None, others) == "forum"
    assert directory.platform_slug_for("https://elsewhere.example/t/1", None, others) is None
    assert directory.platform_slug_for("https://anything", "tiktok", others) == "tiktok"


# --- hashes ---------------------------------------------------------------------------------


def png(size=(320, 240), fmt="PNG") -> bytes:
    image = Image.new("RGB", (320, 240), (250, 250, 250))
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, 200, 180), fill=(180, 20, 20))
    draw.ellipse((150, 60, 300, 220), fill=(20, 20, 160))
    image = image.resize(size)
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_pdq_md5_and_sha256_rows_and_a_resized_copy_still_matches():
    data = png()
    row = hashes.row_for(
        data,
        media_type="image/png",
        category="uk_illegal_hate:race",
        reference="TR-1/1",
        removed_at="2026-11-01T10:00:00+00:00",
    )
    assert len(row.pdq_hex) == 64 and 0 <= row.pdq_quality <= 100
    assert row.md5 == hashlib.md5(data).hexdigest()  # noqa: S324 (what the platforms use)
    assert row.sha256 == hashlib.sha256(data).hexdigest()
    smaller = hashes.pdq(png((200, 150), "JPEG"))
    assert hashes.pdq_distance(row.pdq_hex, smaller[0]) <= 31  # ThreatExchange's threshold
    pdf = hashes.row_for(
        b"%PDF-1.4", media_type="application/pdf", category="c", reference="r", removed_at=""
    )
    assert pdf.pdq_hex == "" and pdf.pdq_quality is None
    lines = hashes.to_csv([row, pdf]).splitlines()
    assert lines[0] == ",".join(hashes.COLUMNS)
    assert lines[1].startswith(row.pdq_hex + ",")
    assert lines[2].startswith(",,")


# --- liveness -------------------------------------------------------------------------------

POLICY = liveness.FetchPolicy(
    user_agent="TestHub-LivenessCheck/1.0", timeout=5, allow_loopback=True
)


def test_liveness_reads_404_410_451_and_200_with_the_body_hash():
    routes = {
        "/gone": (404, {}, b"no such post"),
        "/deleted": (410, {}, b""),
        "/blocked": (451, {}, b"withheld in the UK"),
        "/live": (200, {"Set-Cookie": "track=1"}, b"the post"),
        "/error": (503, {}, b""),
    }
    with http_server(routes) as (base, seen):
        results = {path: liveness.check(base + path, POLICY) for path in routes}
        liveness.check(base + "/live", POLICY)
    assert results["/gone"].outcome == "removed" and results["/gone"].http_status == 404
    assert results["/gone"].body_sha256 == hashlib.sha256(b"no such post").hexdigest()
    assert results["/deleted"].outcome == "removed"
    assert results["/blocked"].outcome == "geo_blocked"
    assert results["/live"].outcome == "live"
    assert results["/error"].outcome == "inconclusive"
    assert seen[0]["headers"]["User-Agent"] == "TestHub-LivenessCheck/1.0"
    assert all("Cookie" not in request["headers"] for request in seen)  # none kept or sent


def test_liveness_follows_a_few_redirects_only():
    routes = {
        "/a": (301, {"Location": "/b"}, b""),
        "/b": (302, {"Location": "/c"}, b""),
        "/c": (404, {}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
    }
    with http_server(routes) as (base, _):
        followed = liveness.check(base + "/a", POLICY)
        looping = liveness.check(base + "/loop", POLICY)
    assert followed.outcome == "removed" and followed.final_url == base + "/c"
    assert [r["status"] for r in followed.redirects] == [301, 302]
    assert looping.outcome == "inconclusive" and "redirects" in looping.error
    assert len(looping.redirects) == POLICY.max_redirects + 1


def test_liveness_never_fetches_other_schemes_or_private_addresses():
    production = liveness.FetchPolicy(user_agent="x", timeout=2)
    with http_server({"/gone": (404, {}, b"")}) as (base, seen):
        loopback = liveness.check(base + "/gone", production)
    assert loopback.outcome == "refused" and seen == []
    for url in (
        "file:///etc/passwd",
        "ftp://example.com/x",
        "http://10.0.0.1/x",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://user:pw@example.com/",
    ):
        assert liveness.check(url, POLICY if "::1" not in url else production).outcome == (
            "refused"
        ), url
