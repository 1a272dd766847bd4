"""Account names as reporters type them must reduce to the form the platform compares, so
reports naming one account link up, and nonsense must give None rather than a false link."""

import pytest

from hatehub.matching import platform_rules as rules
from hatehub.matching.handles import handle_from_text, normalise_handle


@pytest.mark.parametrize(
    ("platform", "raw", "expected"),
    [
        # X: case-insensitive, @ and whitespace stripped, pasted profile links accepted.
        ("x", "@Synth_User", "synth_user"),
        ("x", "  synth_user \n", "synth_user"),
        ("x", "SYNTH_USER", "synth_user"),
        ("x", "https://twitter.com/Synth_User/with_replies", "synth_user"),
        ("x", "x.com/synth_user", "synth_user"),
        ("x", "https://mobile.twitter.com/synth_user?s=20", "synth_user"),
        ("x", "https://x.com/Synth_User/status/1790000000000000001", "synth_user"),
        ("x", "@ｓｙｎｔｈ_ｕｓｅｒ", "synth_user"),  # full-width letters from a phone keyboard
        # Instagram, Threads, TikTok: dots allowed, case folded.
        ("instagram", "@Synth.User", "synth.user"),
        ("instagram", "instagram.com/synth.user/", "synth.user"),
        ("instagram", "https://www.instagram.com/Synth.User/?hl=en", "synth.user"),
        ("threads", "@Synth.User", "synth.user"),
        ("threads", "https://www.threads.net/@Synth.User", "synth.user"),
        ("tiktok", "@Synth.User", "synth.user"),
        ("tiktok", "tiktok.com/@synth.user", "synth.user"),
        ("tiktok", "https://www.tiktok.com/@Synth.User?lang=en", "synth.user"),
        # Reddit: u/ and /u/ notation, profile links.
        ("reddit", "u/Synth_Redditor", "synth_redditor"),
        ("reddit", "/u/Synth_Redditor", "synth_redditor"),
        ("reddit", "/user/Synth_Redditor/", "synth_redditor"),
        ("reddit", "reddit.com/user/Synth_Redditor", "synth_redditor"),
        ("reddit", "https://old.reddit.com/u/synth_redditor/submitted", "synth_redditor"),
        ("reddit", "Synth-Redditor", "synth-redditor"),
        # Telegram, Twitch, Gab, Truth Social, Kick, Snapchat: case folded.
        ("telegram", "@SynthChannel", "synthchannel"),
        ("telegram", "https://t.me/SynthChannel", "synthchannel"),
        ("twitch", "SynthStreamer", "synthstreamer"),
        ("twitch", "https://www.twitch.tv/SynthStreamer/videos", "synthstreamer"),
        ("gab", "@SynthGabber", "synthgabber"),
        ("truth_social", "@SynthTruther", "synthtruther"),
        ("truth_social", "https://truthsocial.com/@SynthTruther", "synthtruther"),
        ("kick", "SynthKicker", "synthkicker"),
        ("snapchat", "SynthSnap", "synthsnap"),
        ("snapchat", "https://www.snapchat.com/add/SynthSnap", "synthsnap"),
        ("linkedin", "https://www.linkedin.com/in/Synth-Person-0a1b2c/", "synth-person-0a1b2c"),
        ("rumble", "https://rumble.com/c/SynthChannel", "synthchannel"),
        ("discord", "Synth.Person", "synth.person"),
        ("discord", "SynthPerson#1234", "synthperson#1234"),
        # Bluesky: handles are domains; a bare name means the default bsky.social domain.
        ("bluesky", "@Synth.bsky.social", "synth.bsky.social"),
        ("bluesky", "synth", "synth.bsky.social"),
        ("bluesky", "Synth.Example.org", "synth.example.org"),
        ("bluesky", "did:plc:synth0abc123", "did:plc:synth0abc123"),
        ("bluesky", "https://bsky.app/profile/Synth.bsky.social", "synth.bsky.social"),
        # Facebook ignores dots and case in usernames.
        ("facebook", "Synth.Person", "synthperson"),
        ("facebook", "synthperson", "synthperson"),
        ("facebook", "https://www.facebook.com/synth.person/", "synthperson"),
        ("facebook", "https://m.facebook.com/profile.php?id=100000000000009", "100000000000009"),
        # YouTube: @handles fold, channel ids keep their case.
        ("youtube", "@SynthChannel", "synthchannel"),
        ("youtube", "UCsYnThChannelIdAbCdEf12", "UCsYnThChannelIdAbCdEf12"),
        ("youtube", "https://www.youtube.com/@SynthChannel/videos", "synthchannel"),
        # 4chan has no accounts: names/tripcodes kept exactly.
        ("4chan", "Anonymous !SynthTrip", None),  # a space: not one name
        ("4chan", "!SynthTrip", "!SynthTrip"),
        # Unknown or general platforms: only @ and outer whitespace removed, case kept.
        (None, "@Synth Person", "Synth Person"),
        (None, "  Synth   Person  ", "Synth Person"),
        ("website", "SynthForumUser", "SynthForumUser"),
        ("whatsapp", "Synth Group Chat", "Synth Group Chat"),
        # A profile link on a platform we know, with no platform given: the link decides.
        (None, "https://twitter.com/Synth_User", "synth_user"),
    ],
)
def test_normalise_handle(platform: str | None, raw: str, expected: str | None) -> None:
    assert normalise_handle(platform, raw) == expected


@pytest.mark.parametrize(
    ("platform", "raw"),
    [
        ("x", ""),
        ("x", "   "),
        ("x", "@"),
        ("x", "@ "),
        (None, ""),
        (None, "@"),
        ("x", "synth user"),  # spaces are not allowed in X names
        ("x", "a_name_that_is_far_too_long_for_x"),
        ("x", "synth-user"),  # X names have no hyphens
        ("x", "sÿnth"),  # X names are ASCII
        ("instagram", "synth user"),
        ("reddit", "ab"),  # too short for Reddit
        ("telegram", "abc"),  # too short for Telegram
        ("telegram", "1synth"),  # must start with a letter
        ("youtube", "@a"),
        ("bluesky", "-synth-"),
        # A link to another platform is not a name on this one.
        ("x", "https://www.instagram.com/synth.user/"),
        ("instagram", "https://x.com/synth_user"),
        # Links that carry no account, or are not web links at all.
        ("youtube", "https://youtu.be/SyNtH_vId-1"),
        ("x", "https://example.org/synth_user"),
        ("x", "https://"),
        ("x", "javascript:alert(1)"),
        (None, "https://example.org/profile/synth"),
        (None, "synth\x00user"),
        ("x", None),
    ],
)
def test_invalid_or_empty_gives_none(platform: str | None, raw: str | None) -> None:
    assert normalise_handle(platform, raw) is None


@pytest.mark.parametrize(
    ("raw", "hint", "expected"),
    [
        # Plain names take the hint.
        ("@Synth_User", "x", ("x", "synth_user")),
        ("Synth.User", "instagram", ("instagram", "synth.user")),
        ("Synth Person", None, (None, "Synth Person")),
        ("Synth Person", "website", ("website", "Synth Person")),
        ("synth", "bluesky", ("bluesky", "synth.bsky.social")),
        # A Bluesky domain handle is a name, not a link.
        ("synth.bsky.social", "bluesky", ("bluesky", "synth.bsky.social")),
        # Profile links: the platform in the link wins over the hint.
        ("https://twitter.com/Synth_User/with_replies", "instagram", ("x", "synth_user")),
        ("x.com/synth_user", None, ("x", "synth_user")),
        ("instagram.com/synth.user/", "x", ("instagram", "synth.user")),
        ("https://www.tiktok.com/@Synth.User", "tiktok", ("tiktok", "synth.user")),
        ("reddit.com/user/Synth_Redditor", None, ("reddit", "synth_redditor")),
        ("www.facebook.com/Synth.Person", None, ("facebook", "synthperson")),
        ("//t.me/SynthChannel", None, ("telegram", "synthchannel")),
        # Reddit's own u/ notation means Reddit.
        ("u/Synth_Redditor", None, ("reddit", "synth_redditor")),
        ("/u/Synth_Redditor", "x", ("reddit", "synth_redditor")),
        # A post link names its author where the link carries one.
        ("https://x.com/Synth_User/status/1790000000000000001", None, ("x", "synth_user")),
        # A link on a known platform that names no account: platform known, handle not.
        ("https://youtu.be/SyNtH_vId-1", "x", ("youtube", None)),
        # An unknown site's link: we cannot tell the account, the hint stands.
        ("https://forum.example.net/members/synth.123/", "website", ("website", None)),
        # Invalid for the hinted platform.
        ("not a handle", "x", ("x", None)),
        ("", "x", ("x", None)),
        ("   ", None, (None, None)),
        ("https://", "x", ("x", None)),
    ],
)
def test_handle_from_text(
    raw: str, hint: str | None, expected: tuple[str | None, str | None]
) -> None:
    assert handle_from_text(raw, hint) == expected


def test_every_platform_has_a_valid_handle_rule() -> None:
    """Every rule's handle regex compiles and accepts a plain synthetic name, so no platform
    silently rejects every handle."""
    for platform in rules.PLATFORMS:
        name = "synthuser1"
        assert normalise_handle(platform.slug, name) is not None, platform.slug


def test_case_rule_is_driven_by_the_table() -> None:
    for platform in rules.PLATFORMS:
        result = normalise_handle(platform.slug, "SynthUser1")
        if platform.slug == "bluesky":
            assert result == "synthuser1.bsky.social"
        elif platform.handles_case_insensitive:
            assert result == "synthuser1", platform.slug
        else:
            assert result == "SynthUser1", platform.slug


def test_handles_from_urls_agree_with_handles_typed() -> None:
    """A name typed and the same account's profile link must give the same handle."""
    pairs = [
        ("x", "@Synth_User", "https://x.com/synth_user"),
        ("instagram", "Synth.User", "https://www.instagram.com/synth.user/"),
        ("tiktok", "@synth.user", "https://www.tiktok.com/@Synth.User"),
        ("reddit", "u/synth_redditor", "https://www.reddit.com/user/Synth_Redditor/"),
        ("facebook", "synth.person", "https://www.facebook.com/SynthPerson"),
        ("bluesky", "synth", "https://bsky.app/profile/synth.bsky.social"),
    ]
    for platform, typed, link in pairs:
        assert normalise_handle(platform, typed) == normalise_handle(platform, link), platform
