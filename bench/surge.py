"""Synthetic report surges with known truth, for measuring duplicate-report matching.

A "surge" is what the hub sees when a post goes viral: thousands of reports about one post,
dozens about others, and a trickle of unrelated reports. Each generated report carries the id
of the post it is really about (`truth`), so a matcher's clusters can be scored against it
(see `bench.scoring`).

The reports are deliberately messy in the ways real ones are, because a benchmark of clean
data would flatter any matcher:

* URLs are variants of the post's canonical URL (alternate, mobile and short domains, tracking
  parameters, schemes dropped, case changed where the platform ignores case), and about a
  quarter of reports give no URL at all.
* Quoted text is copied badly (typos, case, spacing, leetspeak, look-alike letters, invisible
  characters, words dropped or added, truncation) or not at all.
* Accounts are typed as @handle, handle, profile URL or display name, in any case.
* Screenshots are re-compressed, resized, cropped and re-encoded per reporter.
* Hard negatives: one account posting several different posts, near-identical "sibling"
  posts of similar length on the same topic, several posts in one 4chan or forum thread
  (where only the fragment tells them apart), and 4chan posters who are all "Anonymous".
* Copy-paste campaigns: the same words posted by several accounts (the viral post's words
  always among them). Each account's copy is a different post: a negative for "same case",
  a positive for "same campaign" (`SurgePost.campaign`).
* Reports that name the account and quote the words but give no link
  (`ACCOUNT_QUOTE_NO_LINK_RATE` of all reports).

Post texts are synthetic: hostile in tone but built around placeholders such as [SLUR] and
[GROUP], never real slurs. Names and handles are invented; websites use reserved example
domains. Everything is deterministic for a seed.
"""

import io
import random
import string
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from PIL import Image

from hatehub.demo.synthetic import Synthetic, SyntheticPost

PLATFORMS: tuple[str, ...] = (
    "x",
    "facebook",
    "instagram",
    "threads",
    "tiktok",
    "youtube",
    "reddit",
    "telegram",
    "bluesky",
    "snapchat",
    "linkedin",
    "twitch",
    "discord",
    "kick",
    "rumble",
    "gab",
    "truth_social",
    "4chan",
    "website",
)
# Rough share of UK online hate reports per platform: every platform appears, big ones dominate.
PLATFORM_WEIGHTS: dict[str, int] = {
    "x": 20,
    "facebook": 14,
    "instagram": 10,
    "threads": 3,
    "tiktok": 12,
    "youtube": 8,
    "reddit": 6,
    "telegram": 5,
    "bluesky": 3,
    "snapchat": 3,
    "linkedin": 2,
    "twitch": 2,
    "discord": 2,
    "kick": 2,
    "rumble": 2,
    "gab": 2,
    "truth_social": 2,
    "4chan": 2,
    "website": 4,
}
STRANDS = ("race", "religion", "sexual_orientation", "disability", "transgender")

# Distribution knobs (module constants so the README and the tests can refer to them).
VIRAL_SHARE = 0.4  # of all reports, about the single viral post
TAIL_EXPONENT = 1.1  # Zipf exponent for the other posts (each gets at least one report)
URL_COUNT_WEIGHTS = {0: 25, 1: 65, 2: 10}  # ~25% of reports give no URL (screenshot only)
SIBLING_RATE = 0.15  # posts that are near-identical rewordings of an earlier post
AUTHOR_REUSE_RATE = 0.25  # posts by an account that already posted in the surge
QUOTE_EMPTY_RATE = 0.2
CAMPAIGN_COPY_RATE = 0.12  # surge posts that copy another post's words from another account
CAMPAIGN_COPY_EXACT = 0.7  # copies word for word; the rest change the closing hashtag/emoji
ACCOUNT_QUOTE_NO_LINK_RATE = 0.2  # reports naming the account and quoting, with no link
QUOTE_EXACT_RATE = 0.3  # of the non-empty quotes

B62 = string.ascii_letters + string.digits
B64URL = B62 + "-_"
B36 = string.digits + string.ascii_lowercase
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
TID32 = "234567abcdefghijklmnopqrstuvwxyz"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
EPOCH_MS = (1_704_067_200_000, 1_756_684_800_000)  # 2024-01-01 .. 2025-09-01
DISCORD_EPOCH = 1_420_070_400_000
X_EPOCH = 1_288_834_974_657


@dataclass(frozen=True)
class SurgeReport:
    """One report as the hub receives it, plus the id of the post it is really about."""

    truth: str
    platform: str
    description: str
    quoted_text: str
    urls: list[str]
    accounts: list[str]
    screenshot: bytes | None
    shape: str = ""  # "account_quote_no_link" for that shape of report, else ""


@dataclass(frozen=True)
class SurgePost:
    """The truth behind a surge: one real post (kept apart from reports so matchers can't peek)."""

    truth: str
    platform: str
    post_id: str
    canonical_url: str
    author: str  # stable account key, "platform:user-id": same key = same account
    handle: str
    text: str
    strand: str
    reports: int
    sibling_of: str | None  # truth of the post this one is a near-identical rewording of
    campaign: str | None = None  # copy-paste campaign: the truth of the post first worded so


@dataclass(frozen=True)
class Surge:
    reports: list[SurgeReport]
    posts: dict[str, SurgePost]


def generate_surge(
    seed: int,
    *,
    posts: int,
    reports: int,
    unrelated_fraction: float = 0.2,
    with_screenshots: bool = True,
) -> list[SurgeReport]:
    """The reports of a surge; see `build_surge` for the posts behind them."""
    return build_surge(
        seed,
        posts=posts,
        reports=reports,
        unrelated_fraction=unrelated_fraction,
        with_screenshots=with_screenshots,
    ).reports


def build_surge(
    seed: int,
    *,
    posts: int,
    reports: int,
    unrelated_fraction: float = 0.2,
    with_screenshots: bool = True,
) -> Surge:
    """A surge: `reports` reports, `unrelated_fraction` of them singletons about other posts,
    the rest spread over `posts` posts (one viral post with ~40% of all reports, then a Zipf
    tail, every post reported at least once), in random arrival order.

    Screenshots are decided by the main random stream and drawn from a per-report one, so
    `with_screenshots=False` gives exactly the same reports minus the images (and is fast).
    """
    if posts < 1:
        raise ValueError("a surge needs at least one post")
    if not 0 <= unrelated_fraction < 1:
        raise ValueError("unrelated_fraction must be in [0, 1)")
    unrelated = round(reports * unrelated_fraction)
    about_posts = reports - unrelated
    if about_posts < posts:
        raise ValueError("too few reports to report every post at least once")
    return _Generator(seed, with_screenshots).run(posts, about_posts, unrelated)


# --------------------------------------------------------------------------------------------
# Internals


@dataclass
class _Author:
    key: str
    platform: str
    handle: str
    display: str
    uid: str
    extra: dict = field(default_factory=dict)


@dataclass
class _Post:
    truth: str
    platform: str
    author: _Author
    post_id: str
    canonical_url: str
    text: str
    strand: str
    parts: dict
    extra: dict
    sibling_of: str | None = None
    shot_size: tuple[int, int] = (900, 600)
    reports: int = 0
    campaign: str | None = None


def _chars(rng: random.Random, alphabet: str, k: int) -> str:
    return "".join(rng.choices(alphabet, k=k))


def _pick(rng: random.Random, weighted: dict):
    return rng.choices(list(weighted), weights=list(weighted.values()))[0]


def _snowflake(rng: random.Random, ms: int, epoch: int) -> int:
    return ((ms - epoch) << 22) | rng.getrandbits(22)


def _vary_case(rng: random.Random, text: str, chance: float = 0.25) -> str:
    """Case as people type it; only ever applied to parts the platform treats case-blind."""
    if rng.random() >= chance:
        return text
    r = rng.random()
    if r < 0.5:
        return text.lower()
    if r < 0.7:
        return text.upper()
    if r < 0.85:
        return text[:1].upper() + text[1:]
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in text)


# ---- handles ---------------------------------------------------------------------------------

_HANDLE_A = (
    "Oak River North Steel Echo Falcon Stone Red Blue Iron Kestrel Harbour Moor Pine Frost "
    "Copper Lantern Marsh Brook Raven Tide Heath Ember Flint Vale Grey Thistle Anchor Bramble"
).split()
_HANDLE_B = (
    "Walker Rider Smith Fox Hawk Wolf Lad Speaks Says Daily Views Banter Watch Talks Bloke "
    "Mum Dad Guy Corner Post Report Takes Voice Fella"
).split()
_LOWER_HANDLES = {"instagram", "threads", "tiktok", "bluesky", "discord", "linkedin"}
_LOWER_HANDLES |= {"snapchat", "twitch", "kick"}


def _raw_handle(rng: random.Random, faker) -> tuple[str, str]:
    """A (handle, display name) pair in one of the styles people pick."""
    style = rng.random()
    digits = str(rng.randint(1, 99)) if rng.random() < 0.7 else str(rng.randint(1950, 2009))
    if style < 0.45:
        a, b = rng.choice(_HANDLE_A), rng.choice(_HANDLE_B)
        return f"{a}{b}{digits}", f"{a} {b}"
    first = "".join(c for c in faker.first_name() if c.isalnum())
    last = "".join(c for c in faker.last_name() if c.isalnum())
    if style < 0.8:
        sep = rng.choice(["", "_", ".", ""])
        return f"{first}{sep}{last}{digits}", f"{first} {last}"
    return f"{first[0]}{last}_{digits}".lower(), f"{first} {last[0]}."


def _shape_handle(platform: str, raw: str) -> str:
    """Fit a raw handle to the platform's rules (allowed characters, case, length)."""
    handle = raw
    if platform in _LOWER_HANDLES:
        handle = handle.lower()
    if platform in ("bluesky", "linkedin"):
        handle = handle.replace("_", "-").replace(".", "-")
    elif platform in ("x", "telegram", "gab", "truth_social", "twitch", "kick", "reddit"):
        handle = handle.replace(".", "_").replace("-", "_")
    elif platform == "facebook":
        handle = handle.replace("_", ".")
    handle = handle[:15] if platform == "x" else handle[:28]
    if platform == "telegram" and len(handle) < 5:
        handle += "_chan"
    return handle


# ---- post texts ------------------------------------------------------------------------------

_PLACES = (
    "Ashford Vale,Northbridge,Eastmere,Kingsholt,Westbury Cross,Millbrook,Harrowfield,"
    "Stanmoor,Redcliffe End,Oakhampton Green,Bramley Heath,Coldwater,Fenwick Park,Hollins Cross"
).split(",")
_STREETS = (
    "the High Street,Station Road,Church Lane,Market Square,Victoria Road,the retail park,"
    "Mill Lane,the precinct,Queen Street,the leisure centre"
).split(",")
_WHEN = (
    "tonight,this weekend,on Saturday,after the match,tomorrow,first thing Monday,"
    "on Friday night,after school"
).split(",")
_TRANSPORT = ("bus", "train", "tram", "school run", "night bus")
_OPENERS = (
    "",
    "",
    "",
    "Honestly,",
    "Wake up people.",
    "Said it before and I'll say it again:",
    "Nobody wants to say it but",
    "Thread 🧵",
    "Reminder:",
    "Can't believe nobody's talking about this.",
    "Every single time.",
    "Sick of it.",
    "Right, listen up.",
    "Not even sorry:",
    "Unpopular opinion:",
)
_BODIES = (
    "[GROUP] are ruining {place} and the council does nothing about it",
    "get every last [SLUR] out of {place} {when}",
    "[GROUP] shouldn't be allowed anywhere near the schools in {place}",
    "if you see a [SLUR] on the {transport} {when} you know what to do",
    "{place} was decent before the [GROUP] turned up",
    "[GROUP] are vermin and deserve to be treated like it",
    "nobody in {place} should rent a flat to [GROUP], they're all [SLUR]s",
    "the [SLUR] running the shop on {street} needs a visit {when}",
    "meet at {street} {when}, let's show the [GROUP] who runs {place}",
    "[GROUP] spreading their filth round {place} again, I'm done being polite",
    "another [SLUR] moved in on {street}, won't be there for long",
    "[GROUP] don't deserve the same rights as the rest of us, simple as",
    "watch what happens to the next [SLUR] who walks down {street}",
    "every [GROUP] family in {place} should be made to leave",
    "funny how the [GROUP] always play the victim in {place}",
    "someone needs to sort out the [SLUR]s hanging round {street} {when}",
)
_EXTRAS = (
    "",
    "",
    "",
    "Share before they delete it.",
    "They know where to find us.",
    "The police won't do anything.",
    "Don't say you weren't told.",
    "I know where they live.",
    "Pass it on.",
    "Bring your mates.",
)
_CLOSERS = (
    "",
    "",
    "#EnoughIsEnough",
    "#TakeBack{tag}",
    "😡😡",
    "🤮",
    "☠️",
    "⚠️ share this",
    "RT if you agree",
    "You've been warned.",
    "👇👇",
    "No more.",
    "#WakeUp{tag}",
    "✊",
)
_SLOTS = {
    "opener": _OPENERS,
    "body": _BODIES,
    "extra": _EXTRAS,
    "closer": _CLOSERS,
    "place": _PLACES,
    "street": _STREETS,
    "when": _WHEN,
    "transport": _TRANSPORT,
}


def _render_text(parts: dict) -> str:
    tag = parts["place"].replace(" ", "")
    body = parts["body"].format(
        place=parts["place"],
        street=parts["street"],
        when=parts["when"],
        transport=parts["transport"],
    )
    body = body[:1].upper() + body[1:] if not parts["opener"].endswith((":", "but")) else body
    pieces = [parts["opener"], body + "." if parts["extra"] or parts["closer"] else body]
    pieces += [parts["extra"], parts["closer"].format(tag=tag)]
    return " ".join(p for p in pieces if p)


# ---- per-platform posts and URL variants ----------------------------------------------------

_SUBREDDITS = ("BritishTalk", "LocalNewsUK", "CityBanter", "TownCentreChat", "northernpolitics")
_BOARDS = ("pol", "b", "int", "news")
_FORUMS = ("forum.example.net", "community.example.org", "talk.example.com")
_TWITCH_WORDS = (
    "Abstruse Witty Goshawk Brave Tiny Sleepy Lazy Crispy Odd Fancy Jolly Salmon Otter Badger "
    "Pigeon Walrus Heron Kappa PogChamp Kreygasm Jebaited"
).split()
_SLUG_WORDS = (
    "this is what they want you to ignore local news council meeting video town "
    "watch until end shocking footage street"
).split()
# Opaque share links: resolving them needs the network, so only other signals can match them.
_SHORT_LINKS = {
    "facebook": ("www.facebook.com", "/share/p/{code}/", B62, 16),
    "tiktok": ("vm.tiktok.com", "/ZM{code}/", B62, 7),
    "reddit": ("www.reddit.com", "/r/{sub}/s/{code}", B62, 10),
    "snapchat": ("t.snapchat.com", "/{code}", B62, 8),
    "linkedin": ("lnkd.in", "/e{code}", B62, 7),
}


def _new_author(rng: random.Random, faker, platform: str, raw=None) -> _Author:
    raw_handle, display = raw or _raw_handle(rng, faker)
    handle = _shape_handle(platform, raw_handle)
    extra: dict = {}
    uid = str(rng.randint(10**8, 10**10))
    if platform == "4chan":
        handle, display, uid = "Anonymous", "Anonymous", _chars(rng, B62 + "+/", 8)
    elif platform == "facebook":
        uid = "1000" + str(rng.randint(10**10, 10**11 - 1))
    elif platform == "discord":
        uid = str(_snowflake(rng, rng.randint(*EPOCH_MS) - 10**11, DISCORD_EPOCH))
    elif platform == "bluesky":
        uid = "did:plc:" + _chars(rng, TID32, 24)
    elif platform == "youtube":
        uid = "UC" + _chars(rng, B64URL, 22)
    elif platform == "website":
        extra["domain"] = rng.choice(_FORUMS)
    return _Author(f"{platform}:{uid}", platform, handle, display, uid, extra)


def _new_post_location(rng: random.Random, platform: str, author: _Author, near=None):
    """(post id, canonical URL, extra) for a new post; `near` puts 4chan and forum posts in the
    same thread as an earlier post, where only the post number tells them apart."""
    ms = rng.randint(*EPOCH_MS)
    h = author.handle
    extra: dict = {}
    if platform == "x":
        pid = str(_snowflake(rng, ms, X_EPOCH))
        url = f"https://x.com/{h}/status/{pid}"
    elif platform == "facebook":
        if rng.random() < 0.6:
            pid = "pfbid02" + _chars(rng, B58, 46)
        else:
            pid = str(rng.randint(10**15, 10**17))
        url = f"https://www.facebook.com/{h}/posts/{pid}"
    elif platform in ("instagram", "threads"):
        pid = rng.choice("CD") + _chars(rng, B64URL, 10)
        extra["kind"] = "reel" if rng.random() < 0.4 else "p"
        if platform == "instagram":
            url = f"https://www.instagram.com/{extra['kind']}/{pid}/"
        else:
            url = f"https://www.threads.net/@{h}/post/{pid}"
    elif platform == "tiktok":
        pid = str(((ms // 1000) << 32) | rng.getrandbits(32))
        url = f"https://www.tiktok.com/@{h}/video/{pid}"
    elif platform == "youtube":
        pid = _chars(rng, B64URL, 10) + rng.choice("AEIMQUYcgkosw048")
        extra["kind"] = "shorts" if rng.random() < 0.35 else "watch"
        url = f"https://www.youtube.com/watch?v={pid}"
    elif platform == "reddit":
        pid = "1" + _chars(rng, B36, 6)
        extra["sub"] = rng.choice(_SUBREDDITS)
        extra["slug"] = "_".join(rng.sample(_SLUG_WORDS, rng.randint(3, 6)))
        url = f"https://www.reddit.com/r/{extra['sub']}/comments/{pid}/{extra['slug']}/"
    elif platform == "telegram":
        pid = str(rng.randint(100, 250_000))
        url = f"https://t.me/{h}/{pid}"
    elif platform == "bluesky":
        pid = rng.choice(["3k", "3l", "3m"]) + _chars(rng, TID32, 11)
        url = f"https://bsky.app/profile/{h}.bsky.social/post/{pid}"
    elif platform == "snapchat":
        pid = _chars(rng, B64URL, 54)
        url = f"https://www.snapchat.com/spotlight/{pid}"
    elif platform == "linkedin":
        pid = str(_snowflake(rng, ms, 0))
        extra["slug"] = "-".join(rng.sample(_SLUG_WORDS, rng.randint(3, 6)))
        extra["tail"] = _chars(rng, B64URL, 4)
        url = f"https://www.linkedin.com/feed/update/urn:li:activity:{pid}/"
    elif platform == "twitch":
        words = "".join(rng.sample(_TWITCH_WORDS, 4))
        pid = f"{words}-{_chars(rng, B64URL, 16)}"
        url = f"https://www.twitch.tv/{h}/clip/{pid}"
    elif platform == "discord":
        if near is not None:
            extra.update(guild=near.extra["guild"], channel=near.extra["channel"])
        else:
            guild_ms = ms - rng.randint(10**9, 10**11)
            extra["guild"] = str(_snowflake(rng, guild_ms, DISCORD_EPOCH))
            extra["channel"] = str(_snowflake(rng, rng.randint(guild_ms, ms), DISCORD_EPOCH))
        pid = str(_snowflake(rng, ms, DISCORD_EPOCH))
        url = f"https://discord.com/channels/{extra['guild']}/{extra['channel']}/{pid}"
    elif platform == "kick":
        pid = "clip_01" + _chars(rng, CROCKFORD, 24)
        url = f"https://kick.com/{h}/clips/{pid}"
    elif platform == "rumble":
        pid = "v" + rng.choice("456") + _chars(rng, B36, 5)
        extra["slug"] = "-".join(rng.sample(_SLUG_WORDS, rng.randint(3, 6)))
        url = f"https://rumble.com/{pid}-{extra['slug']}.html"
    elif platform in ("gab", "truth_social"):
        pid = str(rng.randint(112 * 10**15, 115 * 10**15))
        if platform == "gab":
            url = f"https://gab.com/{h}/posts/{pid}"
        else:
            url = f"https://truthsocial.com/@{h}/posts/{pid}"
    elif platform == "4chan":
        if near is not None:
            extra.update(board=near.extra["board"], thread=near.extra["thread"])
            extra["slug"] = near.extra["slug"]
            pid = str(int(near.post_id) + rng.randint(1, 4000))
        else:
            extra["board"] = rng.choice(_BOARDS)
            extra["thread"] = str(rng.randint(480_000_000, 520_000_000))
            extra["slug"] = "-".join(rng.sample(_SLUG_WORDS, 3))
            # Half the reported 4chan posts are replies, half the thread's opening post.
            pid = extra["thread"] if rng.random() < 0.5 else str(int(extra["thread"]) + 37)
        url = f"https://boards.4chan.org/{extra['board']}/thread/{extra['thread']}#p{pid}"
    else:  # website: a forum post (several posts can share a thread)
        if near is not None:
            extra.update(domain=near.extra["domain"], slug=near.extra["slug"])
            extra["thread"] = near.extra["thread"]
        else:
            extra["domain"] = author.extra.get("domain", rng.choice(_FORUMS))
            extra["slug"] = "-".join(rng.sample(_SLUG_WORDS, rng.randint(3, 5)))
            extra["thread"] = str(rng.randint(1000, 99_999))
        pid = str(rng.randint(100_000, 9_999_999))
        url = f"https://{extra['domain']}/threads/{extra['slug']}.{extra['thread']}/post-{pid}"
    if platform in _SHORT_LINKS:
        _, _, alphabet, k = _SHORT_LINKS[platform]
        extra["short"] = [_chars(rng, alphabet, k) for _ in range(rng.randint(1, 3))]
    return pid, url, extra


def _weighted(rng: random.Random, options: list[tuple[int, object]]):
    return rng.choices([o for _, o in options], weights=[w for w, _ in options])[0]


def _url_parts(rng: random.Random, post: _Post) -> tuple[str, str, list | None, str | None]:
    """(host, path, query params, fragment) of one way of writing the post's URL; an opaque
    share link comes back with the params list None (nothing gets appended to it)."""
    p, pid, ex = post.platform, post.post_id, post.extra
    h = _vary_case(rng, post.author.handle)
    if ex.get("short") and rng.random() < 0.07:
        host, path, _, _ = _SHORT_LINKS[p]
        return host, path.format(code=rng.choice(ex["short"]), sub=ex.get("sub")), None, None
    if p == "x":
        host = _pick(rng, {"x.com": 45, "twitter.com": 30, "mobile.twitter.com": 8})
        host = host if rng.random() < 0.9 else rng.choice(["www.twitter.com", "mobile.x.com"])
        path = _weighted(
            rng,
            [
                (86, f"/{h}/status/{pid}"),
                (5, f"/{h}/status/{pid}/photo/1"),
                (5, f"/i/web/status/{pid}"),
                (4, f"/i/status/{pid}"),
            ],
        )
        return host, path, [], None
    if p == "facebook":
        host = _pick(rng, {"www.facebook.com": 50, "m.facebook.com": 25, "facebook.com": 15})
        host = (
            host if rng.random() < 0.9 else rng.choice(["web.facebook.com", "mbasic.facebook.com"])
        )
        uid = post.author.uid
        r = rng.random()
        if r < 0.7:
            return host, f"/{h}/posts/{pid}", [], None
        if r < 0.8:
            return host, f"/{uid}/posts/{pid}/", [], None
        page = "story.php" if host.startswith("m") else "permalink.php"
        return host, f"/{page}", [("story_fbid", pid), ("id", uid)], None
    if p == "instagram":
        kind = ex["kind"] if rng.random() < 0.8 else rng.choice(["p", "reel", "reels"])
        if rng.random() < 0.08:
            return "instagr.am", f"/p/{pid}/", [], None
        host = _pick(rng, {"www.instagram.com": 70, "instagram.com": 30})
        if rng.random() < 0.1:
            return host, f"/{h}/{kind}/{pid}/", [], None
        return host, f"/{kind}/{pid}/", [], None
    if p == "threads":
        host = _pick(rng, {"www.threads.net": 55, "threads.net": 15, "www.threads.com": 30})
        if rng.random() < 0.1:
            return host, f"/t/{pid}", [], None
        return host, f"/@{h}/post/{pid}", [], None
    if p == "tiktok":
        if rng.random() < 0.08:
            return "m.tiktok.com", f"/v/{pid}.html", [], None
        host = _pick(rng, {"www.tiktok.com": 75, "tiktok.com": 20, "m.tiktok.com": 5})
        return host, f"/@{h}/video/{pid}", [], None
    if p == "youtube":
        shorts = ex["kind"] == "shorts"
        form = _pick(
            rng,
            {"watch": 30 if shorts else 55, "youtu.be": 30, "shorts": 35 if shorts else 3},
        )
        form = form if rng.random() < 0.93 else rng.choice(["embed", "live", "m"])
        if form == "youtu.be":
            return "youtu.be", f"/{pid}", [], None
        host = _pick(rng, {"www.youtube.com": 70, "youtube.com": 20, "m.youtube.com": 10})
        if form in ("shorts", "embed", "live"):
            return host, f"/{form}/{pid}", [], None
        params = [("v", pid)]
        if rng.random() < 0.15:
            params.insert(0, ("feature", "share"))
        return ("m.youtube.com" if form == "m" else host), "/watch", params, None
    if p == "reddit":
        sub = _vary_case(rng, ex["sub"])
        if rng.random() < 0.1:
            return "redd.it", f"/{pid}", [], None
        host = _pick(
            rng,
            {"www.reddit.com": 60, "reddit.com": 12, "old.reddit.com": 15, "new.reddit.com": 4},
        )
        host = host if rng.random() < 0.95 else rng.choice(["np.reddit.com", "sh.reddit.com"])
        path = _weighted(
            rng,
            [
                (70, f"/r/{sub}/comments/{pid}/{ex['slug']}/"),
                (20, f"/r/{sub}/comments/{pid}/"),
                (10, f"/comments/{pid}"),
            ],
        )
        return host, path, [], None
    if p == "telegram":
        host = _pick(rng, {"t.me": 85, "telegram.me": 12, "telegram.dog": 3})
        path = f"/s/{h}/{pid}" if rng.random() < 0.1 else f"/{h}/{pid}"
        return host, path, [], None
    if p == "bluesky":
        owner = post.author.uid if rng.random() < 0.15 else f"{h}.bsky.social"
        return "bsky.app", f"/profile/{owner}/post/{pid}", [], None
    if p == "snapchat":
        host = _pick(rng, {"www.snapchat.com": 75, "snapchat.com": 15, "story.snapchat.com": 10})
        if rng.random() < 0.3:
            return host, f"/@{h}/spotlight/{pid}", [], None
        return host, f"/spotlight/{pid}", [], None
    if p == "linkedin":
        host = _pick(rng, {"www.linkedin.com": 80, "linkedin.com": 10, "uk.linkedin.com": 10})
        if rng.random() < 0.5:
            return host, f"/posts/{h}_{ex['slug']}-activity-{pid}-{ex['tail']}/", [], None
        return host, f"/feed/update/urn:li:activity:{pid}/", [], None
    if p == "twitch":
        r = rng.random()
        if r < 0.4:
            return "clips.twitch.tv", f"/{pid}", [], None
        host = _pick(rng, {"www.twitch.tv": 70, "twitch.tv": 15, "m.twitch.tv": 15})
        return host, f"/{h}/clip/{pid}", [], None
    if p == "discord":
        host = _pick(rng, {"discord.com": 80, "discordapp.com": 10, "ptb.discord.com": 5})
        host = host if rng.random() < 0.97 else "canary.discord.com"
        return host, f"/channels/{ex['guild']}/{ex['channel']}/{pid}", [], None
    if p == "kick":
        host = "kick.com" if rng.random() < 0.85 else "www.kick.com"
        if rng.random() < 0.2:
            return host, f"/{h}", [("clip", pid)], None
        return host, f"/{h}/clips/{pid}", [], None
    if p == "rumble":
        host = "rumble.com" if rng.random() < 0.85 else "www.rumble.com"
        return host, f"/{pid}-{ex['slug']}.html", [], None
    if p == "gab":
        host = "gab.com" if rng.random() < 0.85 else "www.gab.com"
        return host, f"/{h}/posts/{pid}", [], None
    if p == "truth_social":
        host = "truthsocial.com" if rng.random() < 0.9 else "www.truthsocial.com"
        path = _weighted(
            rng,
            [(70, f"/@{h}/posts/{pid}"), (20, f"/@{h}/{pid}"), (10, f"/users/{h}/statuses/{pid}")],
        )
        return host, path, [], None
    if p == "4chan":
        board, thread = ex["board"], ex["thread"]
        is_op = pid == thread
        # The OP's link often has no fragment; a reply's sometimes loses it too (the reporter
        # copied the thread link), which makes it look like the OP or any other reply.
        frag = rng.choice(["p", "p", "p", "q"]) + pid
        if rng.random() < (0.6 if is_op else 0.1):
            frag = None
        r = rng.random()
        if r < 0.1:
            return "archived.moe", f"/{board}/thread/{thread}/", [], pid if frag else None
        host = "boards.4chan.org" if r < 0.85 else "boards.4channel.org"
        path = f"/{board}/thread/{thread}" + (f"/{ex['slug']}" if rng.random() < 0.3 else "")
        return host, path, [], frag
    # website (XenForo-style forum)
    domain = ex["domain"] if rng.random() < 0.8 else "www." + ex["domain"]
    base = f"/threads/{ex['slug']}.{ex['thread']}/"
    r = rng.random()
    if r < 0.05:  # just the thread link: says nothing about which post in it
        return domain, base, [], None
    if r < 0.5:
        return domain, f"{base}post-{pid}", [], None
    if r < 0.75:
        return domain, base, [], f"post-{pid}"
    if r < 0.9:
        return domain, f"{base}page-{rng.randint(2, 9)}", [], f"post-{pid}"
    return domain, "/goto/post", [("id", pid)], f"post-{pid}"


def _trackers(rng: random.Random, platform: str) -> list[tuple[str, str | None]]:
    """The tracking parameters a share button or app adds on this platform."""
    tok = _chars
    if platform == "x":
        return _weighted(
            rng,
            [
                (5, [("s", rng.choice(["20", "46", "19", "21"]))]),
                (4, [("s", "46"), ("t", tok(rng, B64URL, 22))]),
                (1, [("ref_src", "twsrc%5Etfw")]),
            ],
        )
    if platform == "facebook":
        return _weighted(
            rng,
            [
                (4, [("mibextid", tok(rng, B62, 16))]),
                (3, [("fbclid", "IwAR" + tok(rng, B64URL, 40))]),
                (2, [("rdid", tok(rng, B62, 16)), ("share_url", "1")]),
                (1, [("ref", "share")]),
            ],
        )
    if platform in ("instagram", "threads"):
        return _weighted(
            rng,
            [
                (4, [("igsh", tok(rng, B62, 16) + "==")]),
                (3, [("igshid", tok(rng, B62, 12))]),
                (3, [("utm_source", "ig_web_copy_link")]),
                (
                    1,
                    [("img_index", "1")]
                    if platform == "instagram"
                    else [("xmt", tok(rng, B62, 20))],
                ),
            ],
        )
    if platform == "tiktok":
        return _weighted(
            rng,
            [
                (5, [("is_from_webapp", "1"), ("sender_device", rng.choice(["pc", "mobile"]))]),
                (3, [("_r", "1"), ("_t", "8" + tok(rng, B62, 10))]),
                (1, [("lang", "en")]),
            ],
        )
    if platform == "youtube":
        return _weighted(
            rng,
            [
                (6, [("si", tok(rng, B64URL, 16))]),
                (2, [("t", f"{rng.randint(3, 600)}" + rng.choice(["s", ""]))]),
                (1, [("feature", rng.choice(["shared", "youtu.be"]))]),
                (1, [("pp", "ygU" + tok(rng, B64URL, 8))]),
            ],
        )
    if platform == "reddit":
        medium = rng.choice(["web2x", "ios_app", "android_app", "web3x"])
        return _weighted(
            rng,
            [
                (5, [("utm_source", "share"), ("utm_medium", medium), ("context", "3")]),
                (2, [("share_id", tok(rng, B64URL, 21))]),
                (1, [("rdt", str(rng.randint(10000, 99999)))]),
            ],
        )
    if platform == "telegram":
        return _weighted(rng, [(3, [("single", None)]), (1, [("embed", "1")])])
    if platform == "snapchat":
        return [("share_id", tok(rng, B64URL, 22)), ("locale", rng.choice(["en-GB", "en_GB"]))]
    if platform == "linkedin":
        medium = rng.choice(["member_desktop", "member_android", "member_ios"])
        return [("utm_source", "share"), ("utm_medium", medium)]
    if platform == "twitch":
        return _weighted(
            rng,
            [
                (2, [("filter", "clips"), ("range", "7d"), ("sort", "time")]),
                (1, [("tt_content", "url"), ("tt_medium", "clips_api")]),
            ],
        )
    if platform == "rumble":
        return [("mref", tok(rng, B36, 5)), ("mc", tok(rng, B36, 5))]
    return [
        ("utm_source", rng.choice(["facebook", "whatsapp", "twitter"])),
        ("utm_medium", "social"),
    ]


_SLASH_OK = {"x", "reddit", "instagram", "threads", "tiktok", "linkedin", "bluesky"}
_SLASH_OK |= {"gab", "truth_social", "kick", "telegram", "facebook", "twitch"}


def _url_variant(rng: random.Random, post: _Post) -> str:
    host, path, params, frag = _url_parts(rng, post)
    opaque = params is None
    params = list(params or [])
    if not opaque and rng.random() < 0.45:
        params += _trackers(rng, post.platform)
    if rng.random() < 0.04:
        params.append(("fbclid", "IwAR" + _chars(rng, B64URL, 40)))
    if rng.random() < 0.03:
        params += [("utm_source", "whatsapp"), ("utm_campaign", "share")]
    if len(params) > 1 and rng.random() < 0.15:
        rng.shuffle(params)
    if path.endswith("/") and len(path) > 1 and rng.random() < 0.2:
        path = path[:-1]
    elif post.platform in _SLASH_OK and not path.endswith("/") and rng.random() < 0.08:
        path += "/"
    if frag is None and rng.random() < 0.03:
        first_words = " ".join(post.text.split()[:3])
        frag = rng.choice(["", "comments", ":~:text=" + quote(first_words)])
    r = rng.random()
    scheme = "https://" if r < 0.62 else ("http://" if r < 0.7 else "")
    if not scheme and host.startswith("www.") and rng.random() < 0.5:
        host = host[4:]
    host = _vary_case(rng, host, chance=0.07)
    query = "&".join(k if v is None else f"{k}={v}" for k, v in params)
    return (
        scheme
        + host
        + path
        + ("?" + query if query else "")
        + ("#" + frag if frag is not None else "")
    )


_PROFILE_URLS: dict[str, tuple[str, ...]] = {
    "x": ("x.com/{h}", "twitter.com/{h}", "mobile.twitter.com/{h}"),
    "facebook": ("www.facebook.com/{h}", "m.facebook.com/{h}", "facebook.com/profile.php?id={uid}"),
    "instagram": ("www.instagram.com/{h}/", "instagram.com/{h}"),
    "threads": ("www.threads.net/@{h}", "threads.com/@{h}"),
    "tiktok": ("www.tiktok.com/@{h}", "tiktok.com/@{h}?lang=en"),
    "youtube": ("www.youtube.com/@{h}", "youtube.com/channel/{uid}", "m.youtube.com/@{h}"),
    "reddit": ("www.reddit.com/user/{h}/", "reddit.com/u/{h}", "old.reddit.com/user/{h}"),
    "telegram": ("t.me/{h}", "telegram.me/{h}"),
    "bluesky": ("bsky.app/profile/{h}.bsky.social", "bsky.app/profile/{uid}"),
    "snapchat": ("www.snapchat.com/add/{h}", "snapchat.com/add/{h}"),
    "linkedin": ("www.linkedin.com/in/{h}/", "uk.linkedin.com/in/{h}"),
    "twitch": ("www.twitch.tv/{h}", "twitch.tv/{h}"),
    "discord": ("discord.com/users/{uid}",),
    "kick": ("kick.com/{h}",),
    "rumble": ("rumble.com/c/{h}", "rumble.com/user/{h}"),
    "gab": ("gab.com/{h}",),
    "truth_social": ("truthsocial.com/@{h}",),
    "4chan": (),
    "website": ("{domain}/members/{h}.{uid}/",),
}


def _typed_accounts(rng: random.Random, post: _Post) -> list[str]:
    author = post.author
    r = rng.random()
    count = 0 if r < 0.2 else (1 if r < 0.88 else 2)
    out: list[str] = []
    for _ in range(count):
        if post.platform == "4chan":
            typed = _weighted(rng, [(6, "Anonymous"), (2, "anon"), (2, f"ID:{author.uid}")])
        else:
            h = _vary_case(rng, author.handle, 0.3)
            form = _pick(rng, {"at": 35, "bare": 30, "url": 25, "display": 10})
            if post.platform == "bluesky" and form in ("at", "bare"):
                h += ".bsky.social" if rng.random() < 0.6 else ""
            if post.platform == "reddit" and form == "at":
                typed = rng.choice(["u/", "/u/", "@"]) + h
            elif form == "at":
                typed = "@" + h
            elif form == "bare":
                typed = h
            elif form == "display":
                typed = author.display
            else:
                template = rng.choice(_PROFILE_URLS[post.platform])
                url = template.format(h=h, uid=author.uid, domain=author.extra.get("domain", ""))
                typed = rng.choice(["https://", "https://", "http://", ""]) + url
        if typed not in out:
            out.append(typed)
    return out


# ---- quoted text: how reporters copy a post -------------------------------------------------

_HOMOGLYPHS = {
    "a": "аɑ",
    "e": "е",
    "o": "оο",
    "p": "р",
    "c": "с",
    "x": "хχ",
    "y": "у",
    "i": "іι",
    "s": "ѕ",
    "A": "АΑ",
    "B": "ВΒ",
    "C": "С",
    "E": "ЕΕ",
    "H": "НΗ",
    "I": "ІΙ",
    "K": "КΚ",
    "M": "МΜ",
    "O": "ОΟ",
    "P": "РΡ",
    "T": "ТΤ",
    "X": "ХΧ",
}
_LEET = {"a": "4@", "e": "3", "i": "1!", "o": "0", "s": "5$", "t": "7", "g": "9", "l": "1"}
# Letters next to each other on a QWERTY keyboard, for fat-finger typos.
_KEY_NEIGHBOURS = dict(
    pair.split(":")
    for pair in (
        "q:wa w:qes e:wrd r:etf t:ryg y:tuh u:yij i:uok o:ipl p:ol a:qsz s:adwx d:sfec f:dgrv "
        "g:fhtb h:gjyn j:hkum k:jlim l:kop z:xas x:zcsd c:xvdf v:cbfg b:vngh n:bmhj m:njk"
    ).split()
)
_FILLERS = ("just", "literally", "all", "the", "so", "really", "like", "lol", "and", "now")


def _typos(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        spots = [i for i, c in enumerate(chars) if c.isalpha() and c.islower()]
        if not spots:
            break
        i = rng.choice(spots)
        op = rng.randrange(4)
        if op == 0 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op == 1:
            del chars[i]
        elif op == 2:
            chars.insert(i, chars[i])
        else:
            chars[i] = rng.choice(_KEY_NEIGHBOURS.get(chars[i], chars[i]))
    return "".join(chars)


def _case(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.5:
        return text.lower()
    if r < 0.65:
        return text.upper()
    if r < 0.8:
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
    return " ".join(w.upper() if rng.random() < 0.2 else w for w in text.split(" "))


def _spaces(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    sep = rng.choice(["  ", "   ", "\n", "\u00a0", "\t"])
    out = words[0]
    for w in words[1:]:
        out += (sep if rng.random() < 0.3 else " ") + w
    return rng.choice(["", " ", "\n"]) + out + rng.choice(["", " ", "  ", "\n"])


def _leet(rng: random.Random, text: str) -> str:
    return "".join(rng.choice(_LEET[c]) if c in _LEET and rng.random() < 0.5 else c for c in text)


def _homoglyphs(rng: random.Random, text: str) -> str:
    chance = rng.choice([0.1, 0.3, 0.8])
    return "".join(
        rng.choice(_HOMOGLYPHS[c]) if c in _HOMOGLYPHS and rng.random() < chance else c
        for c in text
    )


def _invisibles(rng: random.Random, text: str) -> str:
    """Emoji variation selectors toggled, or zero-width characters slipped between letters."""
    if rng.random() < 0.5 and any(ord(c) > 0x2000 for c in text):
        if "\ufe0f" in text:
            return text.replace("\ufe0f", "")
        return "".join(c + "\ufe0f" if ord(c) > 0x2000 else c for c in text)
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(["\u200b", "\u200d", "\ufe0f"]))
    return "".join(chars)


def _strip_emoji(rng: random.Random, text: str) -> str:
    return " ".join("".join(c for c in text if ord(c) < 0x2000).split())


def _drop_word(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    if len(words) > 4:
        del words[rng.randrange(len(words))]
    return " ".join(words)


def _add_word(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    words.insert(rng.randrange(len(words) + 1), rng.choice(_FILLERS))
    return " ".join(words)


def _truncate(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    if len(words) <= 5:
        return text
    return " ".join(words[: rng.randint(4, len(words) - 1)]) + rng.choice(["", "...", "…", " ..."])


def _smart_quotes(rng: random.Random, text: str) -> str:
    return text.replace("'", "’")


def _wrap(rng: random.Random, text: str) -> str:
    return rng.choice(['"{}"', "'{}'", "“{}”", "It said: {}", "it says {}", "{} (sic)"]).format(
        text
    )


_PERTURBATIONS: dict[Callable[[random.Random, str], str], int] = {
    _typos: 20,
    _case: 15,
    _spaces: 12,
    _leet: 6,
    _homoglyphs: 8,
    _invisibles: 8,
    _strip_emoji: 6,
    _drop_word: 10,
    _add_word: 6,
    _truncate: 10,
    _smart_quotes: 5,
    _wrap: 5,
}


def _quote(rng: random.Random, text: str) -> str:
    if rng.random() < QUOTE_EMPTY_RATE:
        return ""
    if rng.random() < QUOTE_EXACT_RATE:
        return text
    funcs = rng.choices(list(_PERTURBATIONS), weights=list(_PERTURBATIONS.values()), k=3)
    for func in funcs[: _weighted(rng, [(60, 1), (30, 2), (10, 3)])]:
        text = func(rng, text)
    return text


# ---- descriptions: the reporter's own words -------------------------------------------------

_PLATFORM_NAMES = {
    "x": ("Twitter", "X", "twitter", "X (twitter)", "Twitter/X", "x"),
    "facebook": ("Facebook", "FB", "facebook", "fb"),
    "instagram": ("Instagram", "Insta", "IG", "instagram"),
    "threads": ("Threads", "threads", "Threads app"),
    "tiktok": ("TikTok", "tiktok", "Tik Tok", "tik tok"),
    "youtube": ("YouTube", "YT", "youtube", "Youtube"),
    "reddit": ("Reddit", "reddit"),
    "telegram": ("Telegram", "a Telegram channel", "telegram"),
    "bluesky": ("Bluesky", "bsky", "BlueSky"),
    "snapchat": ("Snapchat", "Snap", "snapchat", "snap"),
    "linkedin": ("LinkedIn", "linkedin", "Linked In"),
    "twitch": ("Twitch", "a Twitch stream", "twitch"),
    "discord": ("Discord", "a Discord server", "discord"),
    "kick": ("Kick", "a Kick stream", "kick"),
    "rumble": ("Rumble", "rumble"),
    "gab": ("Gab", "gab"),
    "truth_social": ("Truth Social", "TruthSocial", "truth social"),
    "4chan": ("4chan", "4chan /{board}/", "a 4chan thread"),
    "website": ("a forum", "a local forum", "a website", "{domain}"),
}
_THINGS = {
    "x": ("tweet", "post", "tweet"),
    "youtube": ("video", "video", "comment"),
    "tiktok": ("video", "tiktok", "video"),
    "instagram": ("post", "reel", "story"),
    "reddit": ("post", "comment", "thread"),
    "telegram": ("message", "post"),
    "twitch": ("clip", "stream"),
    "kick": ("clip", "stream"),
    "discord": ("message", "message"),
    "4chan": ("post", "thread"),
    "website": ("post", "comment"),
    "snapchat": ("snap", "video"),
    "rumble": ("video",),
}
_STRAND_ADJ = {
    "race": ("racist", "racially abusive", "racist"),
    "religion": ("antisemitic", "anti-Muslim", "religiously hateful", "anti-Sikh"),
    "sexual_orientation": ("homophobic", "homophobic", "anti-gay"),
    "disability": ("disablist", "ableist", "disability hate"),
    "transgender": ("transphobic", "transphobic", "anti-trans"),
}
_STRAND_WHO = {
    "race": ("people because of their race", "ethnic minorities", "my community", "Black people"),
    "religion": ("Muslims", "Jewish people", "my faith community", "Sikhs"),
    "sexual_orientation": ("gay people", "the LGBT community", "gay men", "lesbians"),
    "disability": ("disabled people", "people with learning disabilities", "wheelchair users"),
    "transgender": ("trans people", "the trans community", "trans women"),
}
_GENERAL_ADJ = ("hateful", "abusive", "disgusting", "threatening", "vile", "offensive", "nasty")
_DESC_TEMPLATES = (
    "{saw} a {thing} on {pname} that is {adj} towards {who}.",
    "This {thing} on {pname} is {adj} and needs {action}.",
    "Reporting {acct} on {pname} for a {adj} {thing}.",
    "{rel} sent me this {thing}, it's {gen}. {please}",
    "There's a {thing} going round on {pname} {calling}. {please}",
    "{Adj} {thing} from {acct}. It's been shared {loads}.",
    "I want to report a {adj} {thing} I saw on {pname}.",
    "{pname} {thing} targeting {who}, {see}",
    "{saw} this on {pname}. {Gen} and {adj}. {please}",
    "{acct} posted a {gen} {thing} about {who}. {please}",
    "Hi, {saw} a {thing} which is {adj}. {see} {please}",
)
_SAW = ("Saw", "I saw", "Came across", "I came across", "Found", "I've just seen", "Spotted")
_ACTIONS = ("taking down", "looking at", "investigating", "removing", "to be dealt with")
_RELATIVES = ("My friend", "My neighbour", "My daughter", "A colleague", "My son", "My mum")
_PLEASE = (
    "Please do something.",
    "Please look into it.",
    "Can you get it taken down?",
    "This needs stopping.",
    "Please help.",
    "",
    "",
)
_CALLING = (
    "calling for people to attack {who}",
    "telling people to target {who}",
    "saying {who} should be driven out",
    "abusing {who}",
)
_LOADS = ("loads", "thousands of times", "everywhere", "all over my feed", "hundreds of times")
_SEE = ("see screenshot.", "screenshot attached.", "link above.", "see attached.", "")


def _describe(rng: random.Random, post: _Post, has_shot: bool) -> str:
    adj = rng.choice(_STRAND_ADJ[post.strand] + _GENERAL_ADJ[:2])
    who = rng.choice(_STRAND_WHO[post.strand])
    pname = rng.choice(_PLATFORM_NAMES[post.platform]).format(
        board=post.extra.get("board", ""), domain=post.extra.get("domain", "")
    )
    acct = "@" + post.author.handle if rng.random() < 0.6 else "this account"
    gen = rng.choice(_GENERAL_ADJ)
    values = {
        "saw": rng.choice(_SAW),
        "thing": rng.choice(_THINGS.get(post.platform, ("post", "post", "comment"))),
        "pname": pname,
        "adj": adj,
        "Adj": adj[:1].upper() + adj[1:],
        "who": who,
        "action": rng.choice(_ACTIONS),
        "acct": acct,
        "rel": rng.choice(_RELATIVES),
        "gen": gen,
        "Gen": gen[:1].upper() + gen[1:],
        "please": rng.choice(_PLEASE),
        "calling": rng.choice(_CALLING).format(who=who),
        "loads": rng.choice(_LOADS),
        "see": rng.choice(_SEE) if has_shot else "",
    }
    text = rng.choice(_DESC_TEMPLATES).format(**values)
    if rng.random() < 0.2:
        snippet = " ".join(post.text.split()[: rng.randint(3, 7)])
        text += f' It says "{snippet}..."'
    if rng.random() < 0.15:
        text += (
            rng.choice([" Happened in ", " Posted about ", " About "]) + post.parts["place"] + "."
        )
    r = rng.random()
    if r < 0.15:
        text = text.lower().replace(".", "")
    elif r < 0.25:
        text = _typos(rng, text)
    return " ".join(text.split())


# ---- screenshots -----------------------------------------------------------------------------

_PORTRAIT = {"tiktok", "instagram", "snapchat", "threads", "x"}


def _shot_variant(rng: random.Random, base: Image.Image) -> bytes:
    """One reporter's copy of the screenshot: maybe forwarded through a chat app (JPEG at
    quality 40-90), cropped up to 5% per edge, resized 60-150%, saved as JPEG, PNG or WebP."""
    image = base
    if rng.random() < 0.6:
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=rng.randint(40, 90))
        buffer.seek(0)
        image = Image.open(buffer)
        image.load()
    w, h = image.size
    box = (
        int(w * rng.uniform(0, 0.05)),
        int(h * rng.uniform(0, 0.05)),
        w - int(w * rng.uniform(0, 0.05)),
        h - int(h * rng.uniform(0, 0.05)),
    )
    scale = rng.uniform(0.6, 1.5)
    size = (max(1, round((box[2] - box[0]) * scale)), max(1, round((box[3] - box[1]) * scale)))
    image = image.resize(size, Image.Resampling.BILINEAR, box=box)  # crop and resize in one go
    fmt = _pick(rng, {"JPEG": 55, "PNG": 25, "WEBP": 20})
    out = io.BytesIO()
    if fmt == "PNG":
        image.save(out, format="PNG", compress_level=1)  # level only trades size for speed
    elif fmt == "WEBP":
        image.save(out, format="WEBP", quality=rng.randint(40, 90), method=0)
    else:
        image.save(out, format="JPEG", quality=rng.randint(40, 90))
    return out.getvalue()


# ---- the generator ---------------------------------------------------------------------------


class _Generator:
    def __init__(self, seed: int, with_screenshots: bool):
        self.seed = seed
        self.rng = random.Random(seed)
        self.synthetic = Synthetic(seed=seed)
        self.with_screenshots = with_screenshots
        self.authors: dict[str, list[_Author]] = {}
        self.texts: set[str] = set()
        self.shots: dict[str, Image.Image] = {}
        self.all_authors: list[_Author] = []
        self.threaded: dict[str, list[_Post]] = {"4chan": [], "website": []}

    def run(self, posts: int, about_posts: int, unrelated: int) -> Surge:
        rng = self.rng
        surge_posts = self._surge_posts(posts)
        counts = self._counts(posts, about_posts, unrelated)
        targets: list[_Post] = []
        for post, count in zip(surge_posts, counts, strict=True):
            post.reports = count
            targets += [post] * count
        unrelated_posts = [self._unrelated_post(n, surge_posts) for n in range(unrelated)]
        for post in unrelated_posts:
            post.reports = 1
        targets += unrelated_posts
        rng.shuffle(targets)
        reports = [self._report(i, post) for i, post in enumerate(targets)]
        return Surge(
            reports,
            {
                p.truth: SurgePost(
                    p.truth,
                    p.platform,
                    p.post_id,
                    p.canonical_url,
                    p.author.key,
                    p.author.handle,
                    p.text,
                    p.strand,
                    p.reports,
                    p.sibling_of,
                    p.campaign,
                )
                for p in surge_posts + unrelated_posts
            },
        )

    def _counts(self, posts: int, about_posts: int, unrelated: int) -> list[int]:
        """Viral post ~VIRAL_SHARE of all reports; the rest one each plus a Zipf tail."""
        total = about_posts + unrelated
        viral = min(max(1, round(VIRAL_SHARE * total)), about_posts - (posts - 1))
        counts = [viral] + [1] * (posts - 1)
        spare = about_posts - viral - (posts - 1)
        if posts > 1 and spare > 0:
            weights = [1 / (k + 1) ** TAIL_EXPONENT for k in range(1, posts)]
            for k, n in Counter(self.rng.choices(range(1, posts), weights, k=spare)).items():
                counts[k] += n
        elif spare > 0:
            counts[0] += spare
        return counts

    def _author(self, platform: str, reuse: float) -> _Author:
        rng = self.rng
        pool = self.authors.setdefault(platform, [])
        if pool and platform != "4chan" and rng.random() < reuse:
            return rng.choice(pool)
        raw = None
        if self.all_authors and rng.random() < 0.1:  # same person, same handle, another platform
            donor = rng.choice(self.all_authors)
            if donor.platform not in (platform, "4chan"):
                raw = (donor.handle, donor.display)
        author = _new_author(rng, self.synthetic.faker, platform, raw)
        pool.append(author)
        self.all_authors.append(author)
        return author

    def _fresh_parts(self) -> dict:
        return {slot: self.rng.choice(options) for slot, options in _SLOTS.items()}

    def _new_post(self, truth: str, platform: str, author: _Author, like: _Post | None) -> _Post:
        rng = self.rng
        for _ in range(200):
            if like is None:
                parts = self._fresh_parts()
            else:  # a sibling: same body and framing, one or two details changed
                parts = dict(like.parts)
                for slot in rng.sample(["place", "street", "when", "extra", "closer"], 2):
                    parts[slot] = rng.choice(_SLOTS[slot])
            text = _render_text(parts)
            if text not in self.texts:
                break
        else:
            parts["extra"] = f"Part {len(self.texts)}."
            text = _render_text(parts)
        self.texts.add(text)
        same_thread = (
            like if like is not None and platform in ("4chan", "website", "discord") else None
        )
        if same_thread is None and platform in ("4chan", "website") and rng.random() < 0.3:
            candidates = self.threaded[platform]
            same_thread = rng.choice(candidates) if candidates else None
        pid, url, extra = _new_post_location(rng, platform, author, near=same_thread)
        strand = like.strand if like is not None else rng.choice(STRANDS)
        portrait = platform in _PORTRAIT and rng.random() < 0.7
        size = (
            (rng.randint(560, 720), rng.randint(980, 1280))
            if portrait
            else (
                rng.randint(860, 1200),
                rng.randint(560, 820),
            )
        )
        post = _Post(truth, platform, author, pid, url, text, strand, parts, extra)
        post.sibling_of = like.truth if like is not None else None
        post.shot_size = size
        if platform in self.threaded:
            self.threaded[platform].append(post)
        return post

    def _copy_post(self, truth: str, source: _Post) -> _Post:
        """Another account posts `source`'s words: copied word for word, or with the closing
        hashtag or emoji changed. A different post, of the same campaign."""
        rng = self.rng
        platform = source.platform if rng.random() < 0.7 else self._platform()
        while True:
            author = self._author(platform, 0.0)
            if author.key != source.author.key:
                break
        parts = dict(source.parts)
        if rng.random() >= CAMPAIGN_COPY_EXACT:
            parts["closer"] = rng.choice([c for c in _CLOSERS if c != source.parts["closer"]])
        text = _render_text(parts)
        pid, url, extra = _new_post_location(rng, platform, author)
        post = _Post(truth, platform, author, pid, url, text, source.strand, parts, extra)
        post.shot_size = source.shot_size if platform == source.platform else (900, 600)
        source.campaign = source.campaign or source.truth
        post.campaign = source.campaign
        return post

    def _platform(self) -> str:
        return _pick(self.rng, PLATFORM_WEIGHTS)

    def _surge_posts(self, count: int) -> list[_Post]:
        rng = self.rng
        posts: list[_Post] = []
        for k in range(count):
            truth = f"post-{k:04d}"
            like = None
            # Copy-paste campaigns: post 1 always copies the viral post's words (a guaranteed
            # hard case), later ones copy the viral post or any earlier post.
            if (k == 1 and count > 2) or (k > 2 and rng.random() < CAMPAIGN_COPY_RATE):
                source = posts[0] if k == 1 or rng.random() < 0.4 else rng.choice(posts)
                posts.append(self._copy_post(truth, source))
                continue
            if k == min(2, count - 1) and k > 0:
                like = posts[0]  # the viral account posted a near-copy: a guaranteed hard case
            elif k > 0 and rng.random() < SIBLING_RATE:
                like = rng.choice(posts)
            if like is not None:
                same_author = rng.random() < 0.6 or like is posts[0]
                author = like.author if same_author else self._author(like.platform, 0.0)
                posts.append(self._new_post(truth, like.platform, author, like))
                continue
            if k > 0 and rng.random() < 0.1:  # the viral account again, a different post
                platform, author = posts[0].platform, posts[0].author
            else:
                platform = self._platform()
                author = self._author(platform, AUTHOR_REUSE_RATE if k else 0.0)
            posts.append(self._new_post(truth, platform, author, None))
        return posts

    def _unrelated_post(self, n: int, surge_posts: list[_Post]) -> _Post:
        """A report about some other post: mostly fresh, sometimes by a surge account or a
        rewording of a surge post (near misses a matcher must keep apart)."""
        rng = self.rng
        r = rng.random()
        if r < 0.05:
            like = rng.choice(surge_posts)
            return self._new_post(f"unrelated-{n}", like.platform, like.author, like)
        if r < 0.12:
            like = rng.choice(surge_posts)
            return self._new_post(f"unrelated-{n}", like.platform, like.author, None)
        platform = self._platform()
        return self._new_post(f"unrelated-{n}", platform, self._author(platform, 0.05), None)

    def _report(self, index: int, post: _Post) -> SurgeReport:
        rng = self.rng
        if rng.random() < ACCOUNT_QUOTE_NO_LINK_RATE:
            return self._account_quote_report(index, post)
        url_count = _pick(rng, URL_COUNT_WEIGHTS)
        urls: list[str] = []
        for _ in range(url_count * 3):
            if len(urls) == url_count:
                break
            url = _url_variant(rng, post)
            if url not in urls:
                urls.append(url)
        has_shot = rng.random() < (0.85 if not urls else 0.45)
        accounts = _typed_accounts(rng, post)
        quoted = _quote(rng, post.text)
        description = _describe(rng, post, has_shot)
        screenshot = None
        if has_shot and self.with_screenshots:
            screenshot = _shot_variant(random.Random(f"{self.seed}:{index}"), self._base(post))
        return SurgeReport(
            post.truth, post.platform, description, quoted, urls, accounts, screenshot
        )

    def _account_quote_report(self, index: int, post: _Post) -> SurgeReport:
        """No link: the account in some written form, and the words as the reporter copied
        them; sometimes a screenshot as well."""
        rng = self.rng
        accounts: list[str] = []
        for _ in range(3):
            accounts = [a for a in _typed_accounts(rng, post) if a != post.author.display]
            if accounts:
                break
        else:
            accounts = ["@" + post.author.handle]
        quoted = ""
        while not quoted.strip():
            quoted = _quote(rng, post.text)
        has_shot = rng.random() < 0.3
        description = _describe(rng, post, has_shot)
        screenshot = None
        if has_shot and self.with_screenshots:
            screenshot = _shot_variant(random.Random(f"{self.seed}:{index}"), self._base(post))
        return SurgeReport(
            post.truth,
            post.platform,
            description,
            quoted,
            [],
            accounts,
            screenshot,
            "account_quote_no_link",
        )

    def _base(self, post: _Post) -> Image.Image:
        """The post's screenshot, rendered once by the demo helper and reused per reporter."""
        if post.truth not in self.shots:
            shown = SyntheticPost(
                post.platform,
                post.author.handle,
                post.canonical_url,
                "\n".join(textwrap.wrap(post.text, 60)),
                post.strand,
            )
            # BMP: the same pixels as the helper's PNG, without paying for compression twice.
            raw = self.synthetic.screenshot(shown, format="BMP", size=post.shot_size)
            image = Image.open(io.BytesIO(raw))
            image.load()
            self.shots[post.truth] = image
        return self.shots[post.truth]
