"""How each platform spells the address of a post, a video, a message or an account, as data.

Reports of the same post reach the hub through many doors (the public form, partner
organisations, volunteers) and each reporter pastes whatever their app gave them: a mobile
link, a share link full of tracking codes, an embed link, an old ``twitter.com`` address. To
spot that two reports are about the same thing we map every spelling to one key. The
knowledge of *how* each platform spells things lives here, as a table, so that a reviewer can
check a rule against the platform without reading parsing code, and so that a new spelling is
a one-line change. ``urls.py`` and ``handles.py`` interpret the table; nothing here imports
Django.

Reading a rule
--------------
* ``domains`` are the platform's main sites. A host is a main host when it is one of them or
  one of them behind an alias subdomain (``alias_subdomains``, a regex: ``www``, ``m``,
  ``mobile``, ``old`` ...). Other subdomains (``help.x.com``) belong to the platform but only
  patterns bound to them by ``hosts`` apply.
* ``extra_hosts`` are exact hosts that also belong to the platform (short links, CDNs); only
  patterns bound to them by ``hosts`` apply. ``host_prefixes`` catch families of mirrors
  (``nitter.<anything>``) that behave like main hosts.
* ``patterns`` are tried in order; the first that fits wins. ``path`` is a regex matched
  (case-insensitively, whole string) against the percent-decoded path with dot segments
  resolved, repeated slashes collapsed and no trailing slash. Named groups become fields:
  ``account`` is run through the platform's handle rules; groups named in ``content`` are
  content ids (the first present becomes ``content_id``, so a comment id outranks its post
  id); other groups (``code``, ``chan``...) are kept as written unless named in
  ``lower_groups``.
* ``query`` parameters are required identity; ``optional_query`` is identity when present.
  Everything else in the query string is dropped for a matched pattern: on a known platform
  only parameters a pattern names can change *what* is shown, the rest is tracking,
  timestamps, share ids and UI state.
* ``canonical`` is a tuple of templates: the first is required, each later one is appended
  only when every field it names is present. ``{content_id}`` is the chosen content id.
* ``kind`` says what the address points at: a piece of content, a short link we cannot
  resolve offline (it almost always points at content), a profile, or something else
  (a subreddit, an invite link, a channel list). ``redirect`` patterns unwrap a platform's
  link shim (``l.facebook.com/l.php?u=...``) and canonicalise the target instead.

Case rules
----------
``handles_case_insensitive`` says whether ``SomeUser`` and ``someuser`` are one account (true
for every platform here except 4chan, which has no accounts: names and tripcodes are kept as
written). ``content_ids_case_sensitive`` says whether ids such as YouTube video ids or
Instagram shortcodes must keep their case. Reddit ids are base36 and in practice always
lower-case, but we keep their case as written: preserving case can only miss a match on a
hand-retyped id, while folding it could in principle merge two different posts, and a false
merge (two unrelated reports treated as one) is the costlier mistake for the hub. Kick video
UUIDs and clip ULIDs are case-insensitive by their own specifications, so Kick folds them.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTENT = "content"
SHORTLINK = "shortlink"
PROFILE = "profile"
OTHER = "other"
REDIRECT = "redirect"

KINDS = frozenset({CONTENT, SHORTLINK, PROFILE, OTHER, REDIRECT})
# Kinds whose key stands for one piece of content (a short link is assumed to: see module doc).
CONTENT_KINDS = frozenset({CONTENT, SHORTLINK})


@dataclass(frozen=True)
class Param:
    """A query parameter a pattern reads: its value must fit ``value`` (a regex matched against
    the whole decoded value); if the regex has a capture group, that group is the field."""

    group: str
    name: str
    value: str = r".+"


@dataclass(frozen=True)
class Pattern:
    """One way a platform spells an address. See the module docstring for the fields."""

    kind: str
    path: str
    canonical: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    query: tuple[Param, ...] = ()
    optional_query: tuple[Param, ...] = ()
    fragment: str | None = None
    content: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown pattern kind {self.kind!r}")
        if self.kind != REDIRECT and not self.canonical:
            raise ValueError(f"pattern {self.path!r} needs a canonical template")


@dataclass(frozen=True)
class Platform:
    """Everything the hub knows about how one platform addresses content and accounts."""

    slug: str
    canonical_host: str
    domains: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    alias_subdomains: str = r"www|m|mobile"
    extra_hosts: tuple[str, ...] = ()
    host_prefixes: tuple[str, ...] = ()
    identity_params: frozenset[str] = frozenset()
    tracking_params: frozenset[str] = frozenset()
    lower_groups: frozenset[str] = frozenset()
    handles_case_insensitive: bool = True
    content_ids_case_sensitive: bool = True
    handle_pattern: str = r"[A-Za-z0-9_.-]{1,64}"
    handle_keep_case_pattern: str | None = None
    handle_ignored_chars: str = ""
    handle_default_suffix: str = ""


def content(path: str, *canonical: str, ids: tuple[str, ...] = ("id",), **kw) -> Pattern:
    """A pattern for a piece of content; ``ids`` are its content-id groups, most specific first."""
    return Pattern(CONTENT, path, canonical, content=ids, **kw)


def profile(path: str, *canonical: str, **kw) -> Pattern:
    return Pattern(PROFILE, path, canonical, **kw)


def short(path: str, *canonical: str, **kw) -> Pattern:
    return Pattern(SHORTLINK, path, canonical, **kw)


def other(path: str, *canonical: str, **kw) -> Pattern:
    return Pattern(OTHER, path, canonical, **kw)


def redirect(path: str, param: str, **kw) -> Pattern:
    return Pattern(REDIRECT, path, query=(Param("target", param),), **kw)


def not_reserved(*words: str) -> str:
    """A regex guard so a profile pattern ``/<name>`` does not swallow a site page like
    ``/settings``: the platform would never let anyone register those names."""
    return r"(?!(?:" + "|".join(words) + r")(?:/|$))"


TAIL = r"(?:/.*)?"  # anything after the part that identifies the item (/photo/1, /analytics)
ANY = r"[^/]+"

# Dropped from every URL, known platform or not: these names are used for tracking and
# (as far as we know) never to say which page is shown. Short, generic names that platforms
# use for tracking (s, t, ref, feature...) are NOT here: on an unknown site they can be the
# identity (phpBB's viewtopic.php?t=123 is the topic). Known platforms drop them because a
# matched pattern keeps only the parameters it names, and their ``tracking_params`` cover the
# pages no pattern recognises.
GLOBAL_TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "gclsrc",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "li_fat_id",
        "igshid",
        "igsh",
        "mibextid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref_src",
        "ref_url",
        "share_id",
        "si",
        "feature",
        "_rdr",
        "pk_campaign",
        "pk_kwd",
        "pk_source",
        "pk_medium",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wt_mc",
    }
)
GLOBAL_TRACKING_PREFIXES = ("utm_", "mtm_")

# --- X / Twitter ------------------------------------------------------------------------
X_RESERVED = not_reserved(
    "i", "home", "explore", "search", "settings", "notifications", "messages", "intent",
    "share", "hashtag", "tos", "privacy", "login", "logout", "signup", "compose", "account",
    "download", "jobs", "about", "rules", "help", "communities", "bookmarks", "topics",
    "status", "statuses", "lists", "jf", "x", "premium", "verified-choose",
)  # fmt: skip
X = Platform(
    slug="x",
    canonical_host="x.com",
    domains=(
        "x.com",
        "twitter.com",
        "fxtwitter.com",
        "vxtwitter.com",
        "fixupx.com",
        "fixvx.com",
        "twittpr.com",
        "xcancel.com",
        "nitter.net",
    ),
    alias_subdomains=r"www|m|mobile|d|g",
    extra_hosts=("t.co",),
    host_prefixes=("nitter.",),
    identity_params=frozenset({"screen_name"}),
    tracking_params=frozenset({"s", "t", "ref", "lang", "cxt", "src", "mx", "cn"}),
    handle_pattern=r"[A-Za-z0-9_]{1,15}",
    patterns=(
        short(r"/(?P<code>[A-Za-z0-9]+)", "t.co/{code}", hosts=("t.co",)),
        content(r"/i/(?:web/)?status(?:es)?/(?P<id>\d+)" + TAIL, "x.com/status/{id}"),
        content(r"/status(?:es)?/(?P<id>\d+)" + TAIL, "x.com/status/{id}"),
        content(r"/(?P<account>[^/]+)/status(?:es)?/(?P<id>\d+)" + TAIL, "x.com/status/{id}"),
        content(r"/i/spaces/(?P<id>[A-Za-z0-9]+)" + TAIL, "x.com/i/spaces/{id}"),
        content(r"/i/broadcasts/(?P<id>[A-Za-z0-9]+)" + TAIL, "x.com/i/broadcasts/{id}"),
        profile(r"/intent/(?:user|follow)", "x.com/{account}",
                query=(Param("account", "screen_name"),)),
        profile(r"/i/user/(?P<uid>\d+)", "x.com/i/user/{uid}"),
        profile(r"/" + X_RESERVED + r"(?P<account>[^/]+)" + TAIL, "x.com/{account}"),
    ),
)  # fmt: skip

# --- Facebook -----------------------------------------------------------------------------
FB_RESERVED = not_reserved(
    r"profile\.php", r"permalink\.php", r"story\.php", r"photo\.php", r"video\.php", "photo",
    "photos", "watch", "groups", "pages", "events", "marketplace", "gaming", "reel", "reels",
    "share", "sharer", r"sharer\.php", "login", r"login\.php", "help", "policies", "settings",
    "notifications", "messages", "friends", "people", "hashtag", "stories", "search",
    "bookmarks", "ads", "business", r"home\.php", r"l\.php", "dialog", "plugins", "privacy",
    "legal", "terms", "checkpoint", "recover", "live", "media", "fundraisers", "story",
    "permalink", "videos", "posts", "public", "directory", "latest", "memories", "saved",
    "feeds", "profile", "page", "watch", "me",
)  # fmt: skip
FB_ID = r"[A-Za-z0-9]+"  # numeric ids and the newer opaque pfbid... ids
FB_POST = ("facebook.com/posts/{id}", "?comment_id={comment}", "&reply_comment_id={reply}")
FB_COMMENTS = (
    Param("comment", "comment_id", r"(\d+)"),
    Param("reply", "reply_comment_id", r"(\d+)"),
)
FACEBOOK = Platform(
    slug="facebook",
    canonical_host="facebook.com",
    domains=("facebook.com", "fb.com"),
    alias_subdomains=r"www|m|mobile|mbasic|touch|web|business|free|[a-z]{2}-[a-z]{2}",
    extra_hosts=("fb.watch", "fb.me", "l.facebook.com", "lm.facebook.com"),
    identity_params=frozenset({"story_fbid", "id", "fbid", "v", "comment_id", "reply_comment_id"}),
    tracking_params=frozenset(
        {"mibextid", "rdid", "share_url", "__cft__[0]", "__tn__", "ref", "refid", "sfnsn",
         "paipv", "eav", "locale", "notif_id", "notif_t", "hc_ref", "fref", "acontext",
         "sk", "_fb_noscript", "s", "app"}
    ),
    handle_pattern=r"[A-Za-z0-9.]{1,50}",
    # Facebook ignores dots in usernames: john.smith and johnsmith are the same profile.
    handle_ignored_chars=".",
    patterns=(
        redirect(r"/l\.php", "u", hosts=("l.facebook.com", "lm.facebook.com")),
        short(r"/(?P<code>[A-Za-z0-9_-]+)", "fb.watch/{code}", hosts=("fb.watch",)),
        short(r"/(?P<code>[A-Za-z0-9_-]+)", "fb.me/{code}", hosts=("fb.me",)),
        short(r"/share/(?P<type>[a-z])/(?P<code>[A-Za-z0-9_-]+)",
              "facebook.com/share/{type}/{code}"),
        short(r"/share/(?P<code>[A-Za-z0-9_-]+)", "facebook.com/share/{code}"),
        content(r"/(?:permalink|story)\.php", *FB_POST, ids=("reply", "comment", "id"),
                query=(Param("id", "story_fbid", "(" + FB_ID + ")"),),
                optional_query=(Param("account", "id", r"(\d+)"), *FB_COMMENTS)),
        content(r"/groups/(?P<group>[^/]+)/(?:posts|permalink)/(?P<id>" + FB_ID + ")" + TAIL,
                *FB_POST, ids=("reply", "comment", "id"), optional_query=FB_COMMENTS),
        content(r"/(?P<account>[^/]+)/posts/(?P<id>" + FB_ID + ")" + TAIL,
                *FB_POST, ids=("reply", "comment", "id"), optional_query=FB_COMMENTS),
        # The hub's own keys (facebook.com/posts/ID, /photo/ID) read back to themselves.
        content(r"/posts/(?P<id>" + FB_ID + ")", *FB_POST, ids=("reply", "comment", "id"),
                optional_query=FB_COMMENTS),
        content(r"/photo/(?P<id>\d+)", "facebook.com/photo/{id}"),
        content(r"/photo(?:\.php)?", "facebook.com/photo/{id}",
                query=(Param("id", "fbid", r"(\d+)"),)),
        content(r"/(?:(?P<account>[^/]+)/)?photos/(?:[^/]+/)?(?P<id>\d+)" + TAIL,
                "facebook.com/photo/{id}"),
        content(r"/watch(?:/live)?", "facebook.com/videos/{id}",
                query=(Param("id", "v", r"(\d+)"),)),
        content(r"/video\.php", "facebook.com/videos/{id}", query=(Param("id", "v", r"(\d+)"),)),
        content(r"/(?:(?P<account>[^/]+)/)?videos/(?:[^/]+/)?(?P<id>\d+)" + TAIL,
                "facebook.com/videos/{id}"),
        content(r"/reels?/(?P<id>\d+)" + TAIL, "facebook.com/videos/{id}"),
        profile(r"/profile\.php", "facebook.com/{account}",
                query=(Param("account", "id", r"(\d+)"),)),
        profile(r"/(?:people|pages)/[^/]+/(?P<account>\d+)" + TAIL, "facebook.com/{account}"),
        other(r"/groups/(?P<group>[^/]+)", "facebook.com/groups/{group}"),
        profile(r"/" + FB_RESERVED + r"(?P<account>[^/]+)" + TAIL, "facebook.com/{account}"),
    ),
)  # fmt: skip

# --- Instagram ----------------------------------------------------------------------------
IG_RESERVED = not_reserved(
    "p", "reel", "reels", "tv", "stories", "explore", "accounts", "direct", "about", "legal",
    "developer", "web", "emails", "challenge", "session", "graphql", "api", "static", "oauth",
    "privacy", "terms", "ar", "create", "lite", "nametag", "your_activity", "directory",
    "topics", "s",
)  # fmt: skip
SHORTCODE = r"[A-Za-z0-9_-]+"
INSTAGRAM = Platform(
    slug="instagram",
    canonical_host="instagram.com",
    domains=("instagram.com", "instagr.am"),
    extra_hosts=("l.instagram.com",),
    identity_params=frozenset(),
    tracking_params=frozenset({"igsh", "igshid", "img_index", "hl", "utm_source"}),
    handle_pattern=r"[A-Za-z0-9._]{1,30}",
    patterns=(
        redirect(r"", "u", hosts=("l.instagram.com",)),
        # /p/, /reel/, /reels/ and /tv/ share one shortcode namespace; newer links put the
        # author first (/some.user/p/CODE/).
        content(r"/(?:(?P<account>[^/]+)/)?(?:p|reels?|tv)/(?!audio(?:/|$))(?P<id>" + SHORTCODE
                + ")" + TAIL, "instagram.com/p/{id}"),
        content(r"/stories/(?P<account>[^/]+)/(?P<id>\d+)" + TAIL,
                "instagram.com/stories/{account}/{id}"),
        profile(r"/" + IG_RESERVED + r"(?P<account>[^/]+)" + TAIL, "instagram.com/{account}"),
    ),
)  # fmt: skip

# --- Threads ------------------------------------------------------------------------------
THREADS = Platform(
    slug="threads",
    canonical_host="threads.com",
    domains=("threads.com", "threads.net"),
    handle_pattern=r"[A-Za-z0-9._]{1,30}",
    tracking_params=frozenset({"igsh", "igshid", "xmt", "slof", "hl"}),
    patterns=(
        content(r"/@(?P<account>[^/]+)/post/(?P<id>" + SHORTCODE + ")" + TAIL,
                "threads.com/post/{id}"),
        content(r"/(?:t|post)/(?P<id>" + SHORTCODE + ")" + TAIL, "threads.com/post/{id}"),
        profile(r"/@(?P<account>[^/]+)" + TAIL, "threads.com/@{account}"),
    ),
)  # fmt: skip

# --- TikTok -------------------------------------------------------------------------------
TIKTOK = Platform(
    slug="tiktok",
    canonical_host="tiktok.com",
    domains=("tiktok.com",),
    extra_hosts=("vm.tiktok.com", "vt.tiktok.com"),
    tracking_params=frozenset(
        {"is_from_webapp", "sender_device", "web_id", "is_copy_url", "_r", "_t", "lang",
         "share_app_id", "share_item_id", "share_link_id", "social_share_type", "tt_from",
         "u_code", "user_id", "sec_user_id", "checksum", "timestamp", "utm_campaign", "q", "t"}
    ),
    handle_pattern=r"[A-Za-z0-9._]{1,24}",
    patterns=(
        # vm./vt. short links redirect to a video, but only the platform knows which.
        short(r"/(?P<code>[A-Za-z0-9]+)", "vm.tiktok.com/{code}", hosts=("vm.tiktok.com",)),
        short(r"/(?P<code>[A-Za-z0-9]+)", "vt.tiktok.com/{code}", hosts=("vt.tiktok.com",)),
        short(r"/t/(?P<code>[A-Za-z0-9]+)", "tiktok.com/t/{code}"),
        content(r"/@(?P<account>[^/]+)/(?:video|photo)/(?P<id>\d+)" + TAIL,
                "tiktok.com/video/{id}"),
        content(r"/v/(?P<id>\d+)(?:\.html)?", "tiktok.com/video/{id}"),
        content(r"/video/(?P<id>\d+)", "tiktok.com/video/{id}"),
        content(r"/embed(?:/v2)?/(?P<id>\d+)", "tiktok.com/video/{id}"),
        content(r"/share/video/(?P<id>\d+)", "tiktok.com/video/{id}"),
        profile(r"/@(?P<account>[^/]+)" + TAIL, "tiktok.com/@{account}"),
    ),
)  # fmt: skip

# --- YouTube ------------------------------------------------------------------------------
YT_ID = r"(?P<id>[A-Za-z0-9_-]{11})"
YT_WATCH = ("youtube.com/watch?v={id}", "&lc={comment}")
YT_COMMENT = (Param("comment", "lc", r"([A-Za-z0-9_.-]+)"),)
YOUTUBE = Platform(
    slug="youtube",
    canonical_host="youtube.com",
    domains=("youtube.com", "youtube-nocookie.com"),
    alias_subdomains=r"www|m|mobile|music|gaming",
    extra_hosts=("youtu.be",),
    identity_params=frozenset({"v", "lc", "list", "lb"}),
    # t is a start time, si/feature/pp are share tracking: none changes which video it is.
    tracking_params=frozenset(
        {"t", "si", "feature", "pp", "ab_channel", "app", "start", "index", "time_continue",
         "embeds_referring_euri", "source_ve_path", "persist_app", "noapp", "cbrd", "ucbcb",
         "themeRefresh", "view_as", "sub_confirmation", "hl", "gl"}
    ),
    handle_pattern=r"[A-Za-z0-9._-]{3,30}|UC[A-Za-z0-9_-]{22}",
    # Channel ids (UC + 22 chars) are case-sensitive; @handles are not.
    handle_keep_case_pattern=r"UC[A-Za-z0-9_-]{22}",
    lower_groups=frozenset({"legacy", "name"}),
    patterns=(
        redirect(r"/redirect", "q"),
        content(r"/" + YT_ID, *YT_WATCH, ids=("comment", "id"), hosts=("youtu.be",),
                optional_query=YT_COMMENT),
        content(r"/watch", *YT_WATCH, ids=("comment", "id"),
                query=(Param("id", "v", r"([A-Za-z0-9_-]{11})"),), optional_query=YT_COMMENT),
        content(r"/(?:shorts|embed|live|v|e|watch)/" + YT_ID + TAIL, *YT_WATCH,
                ids=("comment", "id"), optional_query=YT_COMMENT),
        content(r"/clip/(?P<id>[A-Za-z0-9_-]+)", "youtube.com/clip/{id}"),
        content(r"/post/(?P<id>[A-Za-z0-9_-]+)", "youtube.com/post/{id}"),
        content(r"/channel/[^/]+/community", "youtube.com/post/{id}",
                query=(Param("id", "lb", r"([A-Za-z0-9_-]+)"),)),
        content(r"/playlist", "youtube.com/playlist?list={id}",
                query=(Param("id", "list", r"([A-Za-z0-9_-]+)"),)),
        profile(r"/@(?P<account>[^/]+)" + TAIL, "youtube.com/@{account}"),
        profile(r"/channel/(?P<account>UC[A-Za-z0-9_-]{22})" + TAIL,
                "youtube.com/channel/{account}"),
        # Legacy /c/ and /user/ names are a different namespace from @handles, so they get
        # their own key and no account (guessing they match the @handle could merge people).
        profile(r"/(?P<legacy>c|user)/(?P<name>[^/]+)" + TAIL, "youtube.com/{legacy}/{name}"),
    ),
)  # fmt: skip

# --- Reddit -------------------------------------------------------------------------------
RD_ID = r"[A-Za-z0-9]+"
RD_THREAD = r"/comments/(?P<id>" + RD_ID + r")(?:/[^/]*(?:/(?P<comment>" + RD_ID + r"))?)?" + TAIL
RD_POST = ("reddit.com/comments/{id}", "/comment/{comment}")
REDDIT = Platform(
    slug="reddit",
    canonical_host="reddit.com",
    domains=("reddit.com",),
    alias_subdomains=r"www|m|mobile|old|new|np|i|amp|sh|[a-z]{2}",
    extra_hosts=("redd.it", "v.redd.it", "i.redd.it"),
    identity_params=frozenset(),
    tracking_params=frozenset(
        {"context", "share_id", "rdt", "ref", "ref_source", "utm_name", "sort", "depth",
         "showmore", "showmedia", "$deep_link", "correlation_id", "post_index", "ref_campaign"}
    ),
    handle_pattern=r"[A-Za-z0-9_-]{3,20}",
    lower_groups=frozenset({"sub"}),
    patterns=(
        content(r"/(?P<id>" + RD_ID + ")", *RD_POST, hosts=("redd.it",)),
        short(r"/(?P<code>[A-Za-z0-9]+)" + TAIL, "v.redd.it/{code}", hosts=("v.redd.it",)),
        short(r"/(?P<code>[^/]+)", "i.redd.it/{code}", hosts=("i.redd.it",)),
        content(r"/r/[^/]+/comments/(?P<id>" + RD_ID + r")/comment/(?P<comment>" + RD_ID + ")"
                + TAIL, *RD_POST, ids=("comment", "id")),
        content(r"/r/[^/]+" + RD_THREAD, *RD_POST, ids=("comment", "id")),
        content(r"/(?:user|u)/(?P<account>[^/]+)" + RD_THREAD, *RD_POST, ids=("comment", "id")),
        content(RD_THREAD, *RD_POST, ids=("comment", "id")),
        content(r"/gallery/(?P<id>" + RD_ID + ")", *RD_POST),
        # Share links (/r/sub/s/CODE) redirect to a post or comment we cannot see offline.
        short(r"/r/(?P<sub>[^/]+)/s/(?P<code>[A-Za-z0-9]+)", "reddit.com/r/{sub}/s/{code}"),
        profile(r"/(?:user|u)/(?P<account>[^/]+)" + TAIL, "reddit.com/user/{account}"),
        other(r"/r/(?P<sub>[^/]+)(?:/(?:hot|new|top|rising|controversial))?", "reddit.com/r/{sub}"),
    ),
)  # fmt: skip

# --- Telegram -----------------------------------------------------------------------------
TG_RESERVED = not_reserved(
    "s", "c", "joinchat", "addstickers", "addemoji", "addtheme", "share", "proxy", "socks",
    "iv", "login", "setlanguage", "boost", "contact", "invoice", "m", "confirmphone", "bg",
    "addlist", "giftcode", "nft", r"\+.*",
)  # fmt: skip
TG_MESSAGE = ("t.me/{account}/{id}", "?comment={comment}")
TG_COMMENT = (Param("comment", "comment", r"(\d+)"),)
TELEGRAM = Platform(
    slug="telegram",
    canonical_host="t.me",
    domains=("t.me", "telegram.me", "telegram.dog"),
    alias_subdomains=r"www",
    identity_params=frozenset({"comment"}),
    tracking_params=frozenset(
        {"single", "embed", "mode", "userpic", "thread", "before", "after", "q"}
    ),
    handle_pattern=r"[A-Za-z][A-Za-z0-9_]{3,31}",
    patterns=(
        # Messages in forum topics carry the topic id too (/chan/TOPIC/MSG); message ids are
        # unique per channel, so the topic is dropped.
        content(r"/s/(?P<account>[^/]+)/(?:\d+/)?(?P<id>\d+)", *TG_MESSAGE,
                ids=("comment", "id"), optional_query=TG_COMMENT),
        content(r"/c/(?P<chan>\d+)/(?:\d+/)?(?P<id>\d+)", "t.me/c/{chan}/{id}"),
        content(r"/" + TG_RESERVED + r"(?P<account>[^/]+)/(?:\d+/)?(?P<id>\d+)", *TG_MESSAGE,
                ids=("comment", "id"), optional_query=TG_COMMENT),
        other(r"/(?:\+|joinchat/)(?P<code>[A-Za-z0-9_-]+)", "t.me/+{code}"),
        profile(r"/s/(?P<account>[^/]+)", "t.me/{account}"),
        profile(r"/" + TG_RESERVED + r"(?P<account>[^/]+)", "t.me/{account}"),
    ),
)  # fmt: skip

# --- Bluesky ------------------------------------------------------------------------------
BLUESKY = Platform(
    slug="bluesky",
    canonical_host="bsky.app",
    domains=("bsky.app",),
    alias_subdomains=r"www",
    # Handles are domain names (or a DID); a bare name means the default bsky.social domain.
    handle_pattern=r"did:[a-z0-9]+:[A-Za-z0-9._:%-]+|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?",
    handle_default_suffix=".bsky.social",
    patterns=(
        content(r"/profile/(?P<account>[^/]+)/post/(?P<id>[A-Za-z0-9]+)" + TAIL,
                "bsky.app/profile/{account}/post/{id}"),
        profile(r"/profile/(?P<account>[^/]+)" + TAIL, "bsky.app/profile/{account}"),
    ),
)  # fmt: skip

# --- Snapchat -----------------------------------------------------------------------------
SNAPCHAT = Platform(
    slug="snapchat",
    canonical_host="snapchat.com",
    domains=("snapchat.com",),
    extra_hosts=("t.snapchat.com", "story.snapchat.com"),
    tracking_params=frozenset(
        {"share_id", "locale", "sender_web_id", "device_type", "is_copy_url"}
    ),
    handle_pattern=r"[A-Za-z][A-Za-z0-9._-]{2,14}",
    patterns=(
        short(r"/(?P<code>[A-Za-z0-9_-]+)", "t.snapchat.com/{code}", hosts=("t.snapchat.com",)),
        short(r"/t/(?P<code>[A-Za-z0-9_-]+)", "snapchat.com/t/{code}"),
        content(r"/(?:@(?P<account>[^/]+)/)?spotlight/(?P<id>[A-Za-z0-9_-]+)" + TAIL,
                "snapchat.com/spotlight/{id}"),
        # The same Spotlight share links on story.snapchat.com (before its profile pattern,
        # whose TAIL would read "/@name/spotlight/<id>" as the account's profile).
        content(r"/(?:@(?P<account>[^/]+)/)?spotlight/(?P<id>[A-Za-z0-9_-]+)" + TAIL,
                "snapchat.com/spotlight/{id}", hosts=("story.snapchat.com",)),
        profile(r"/(?:add/|@)(?P<account>[^/]+)" + TAIL, "snapchat.com/add/{account}"),
        profile(r"/@(?P<account>[^/]+)" + TAIL, "snapchat.com/add/{account}",
                hosts=("story.snapchat.com",)),
    ),
)  # fmt: skip

# --- LinkedIn -----------------------------------------------------------------------------
LI_URN = r"(?P<urn>activity|ugcPost|share)"
LI_POST = "linkedin.com/feed/update/urn:li:{urn}:{id}"
LINKEDIN = Platform(
    slug="linkedin",
    canonical_host="linkedin.com",
    domains=("linkedin.com",),
    alias_subdomains=r"www|m|mobile|[a-z]{2}",
    extra_hosts=("lnkd.in",),
    tracking_params=frozenset({"trk", "trackingId", "lipi", "midToken", "midSig", "trkEmail",
                               "eid", "otpToken", "rcm", "originalSubdomain", "original_referer"}),
    handle_pattern=r"[\w-]{2,100}",
    lower_groups=frozenset({"urn"}),
    patterns=(
        short(r"/(?P<code>[A-Za-z0-9_-]+)", "lnkd.in/{code}", hosts=("lnkd.in",)),
        # /posts/<vanity>_<words-of-the-post>-activity-<id>-<4 chars>
        content(r"/posts/(?P<account>[^_/]+)_(?:[^/]*?-)?" + LI_URN + r"-(?P<id>\d+)(?:-[^/]*)?",
                LI_POST),
        content(r"/(?:embed/)?feed/update/urn:li:" + LI_URN + r":(?P<id>\d+)" + TAIL, LI_POST),
        content(r"/pulse/(?P<id>[^/]+)", "linkedin.com/pulse/{id}"),
        profile(r"/in/(?P<account>[^/]+)" + TAIL, "linkedin.com/in/{account}"),
        profile(r"/company/(?P<account>[^/]+)" + TAIL, "linkedin.com/company/{account}"),
    ),
)  # fmt: skip

# --- Twitch -------------------------------------------------------------------------------
TW_RESERVED = not_reserved(
    "videos", "directory", "settings", "p", "downloads", "jobs", "search", "subscriptions",
    "inventory", "wallet", "drops", "friends", "messages", "turbo", "prime", "store", "login",
    "signup", "popout", "moderator", "u", "clip", "embed", "broadcast", "privacy", "legal",
)  # fmt: skip
TWITCH = Platform(
    slug="twitch",
    canonical_host="twitch.tv",
    domains=("twitch.tv",),
    extra_hosts=("clips.twitch.tv", "player.twitch.tv"),
    identity_params=frozenset({"video", "channel", "clip"}),
    tracking_params=frozenset({"t", "tt_medium", "tt_content", "sr", "filter", "range", "sort",
                               "featured", "parent", "autoplay", "muted"}),
    handle_pattern=r"[A-Za-z0-9_]{1,25}",
    patterns=(
        content(r"/embed", "twitch.tv/clip/{id}", hosts=("clips.twitch.tv",),
                query=(Param("id", "clip", r"([A-Za-z0-9_-]+)"),)),
        content(r"/(?P<id>[A-Za-z0-9_-]+)", "twitch.tv/clip/{id}", hosts=("clips.twitch.tv",)),
        content(r"", "twitch.tv/videos/{id}", hosts=("player.twitch.tv",),
                query=(Param("id", "video", r"v?(\d+)"),)),
        profile(r"", "twitch.tv/{account}", hosts=("player.twitch.tv",),
                query=(Param("account", "channel"),)),
        content(r"/videos/(?P<id>\d+)" + TAIL, "twitch.tv/videos/{id}"),
        content(r"/clip/(?P<id>[A-Za-z0-9_-]+)", "twitch.tv/clip/{id}"),
        content(r"/(?P<account>[^/]+)/v(?:ideo)?/(?P<id>\d+)", "twitch.tv/videos/{id}"),
        content(r"/(?P<account>[^/]+)/clip/(?P<id>[A-Za-z0-9_-]+)" + TAIL, "twitch.tv/clip/{id}"),
        profile(r"/" + TW_RESERVED + r"(?P<account>[^/]+)" + TAIL, "twitch.tv/{account}"),
    ),
)  # fmt: skip

# --- Discord ------------------------------------------------------------------------------
DISCORD = Platform(
    slug="discord",
    canonical_host="discord.com",
    domains=("discord.com", "discordapp.com"),
    alias_subdomains=r"www|ptb|canary",
    extra_hosts=("discord.gg", "cdn.discordapp.com", "media.discordapp.net"),
    # Attachment links carry ex/is/hm: an expiry signature that differs per copy of the link.
    tracking_params=frozenset({"ex", "is", "hm", "width", "height", "format", "quality"}),
    content_ids_case_sensitive=False,
    handle_pattern=r"[\w.]{2,32}(?:#\d{4})?",
    lower_groups=frozenset({"guild"}),
    patterns=(
        other(r"/(?P<code>[A-Za-z0-9-]+)", "discord.gg/{code}", hosts=("discord.gg",)),
        content(r"/attachments/(?P<chan>\d+)/(?P<id>\d+)/(?P<file>[^/]+)",
                "cdn.discordapp.com/attachments/{chan}/{id}/{file}",
                hosts=("cdn.discordapp.com", "media.discordapp.net")),
        content(r"/channels/(?P<guild>\d+|@me)/(?P<chan>\d+)/(?P<id>\d+)",
                "discord.com/channels/{guild}/{chan}/{id}"),
        other(r"/channels/(?P<guild>\d+|@me)/(?P<chan>\d+)", "discord.com/channels/{guild}/{chan}"),
        other(r"/invite/(?P<code>[A-Za-z0-9-]+)", "discord.gg/{code}"),
        profile(r"/users/(?P<account>\d+)", "discord.com/users/{account}"),
    ),
)  # fmt: skip

# --- Kick ---------------------------------------------------------------------------------
KICK_RESERVED = not_reserved(
    "video", "videos", "categories", "category", "browse", "following", "search", "dashboard",
    "settings", "terms-of-service", "privacy-policy", "community-guidelines", "clips", "clip",
    "api",
)  # fmt: skip
KICK = Platform(
    slug="kick",
    canonical_host="kick.com",
    domains=("kick.com",),
    identity_params=frozenset({"clip"}),
    content_ids_case_sensitive=False,
    handle_pattern=r"[A-Za-z0-9_-]{1,25}",
    patterns=(
        content(r"/video/(?P<id>[A-Za-z0-9-]+)", "kick.com/video/{id}"),
        content(r"/(?P<account>[^/]+)/videos/(?P<id>[A-Za-z0-9-]+)", "kick.com/video/{id}"),
        content(r"/(?:(?P<account>[^/]+)/clips|clip)/(?P<id>clip_[A-Za-z0-9]+)",
                "kick.com/clip/{id}"),
        content(r"/" + KICK_RESERVED + r"(?P<account>[^/]+)", "kick.com/clip/{id}",
                query=(Param("id", "clip", r"(clip_[A-Za-z0-9]+)"),)),
        profile(r"/" + KICK_RESERVED + r"(?P<account>[^/]+)" + TAIL, "kick.com/{account}"),
    ),
)  # fmt: skip

# --- Rumble -------------------------------------------------------------------------------
RUMBLE = Platform(
    slug="rumble",
    canonical_host="rumble.com",
    domains=("rumble.com",),
    tracking_params=frozenset({"e9s", "mref", "mc", "start", "rel", "pub"}),
    handle_pattern=r"[A-Za-z0-9_.-]{1,64}",
    patterns=(
        content(r"/(?P<id>v[A-Za-z0-9]+)(?:-[^/]*)?\.html", "rumble.com/{id}"),
        # The bare id form (our own key): an id always has a digit, unlike /videos or /vote.
        content(r"/(?P<id>v(?=[A-Za-z]*\d)[A-Za-z0-9]+)", "rumble.com/{id}"),
        # Embed ids are a separate namespace from page ids, so they keep their own key.
        content(r"/embed/(?P<id>v[A-Za-z0-9]+)" + TAIL, "rumble.com/embed/{id}"),
        profile(r"/c/(?P<account>[^/]+)" + TAIL, "rumble.com/c/{account}"),
        profile(r"/user/(?P<account>[^/]+)" + TAIL, "rumble.com/user/{account}"),
    ),
)  # fmt: skip

# --- Gab ----------------------------------------------------------------------------------
GAB_RESERVED = not_reserved(
    "groups", "home", "explore", "search", "settings", "notifications", "about", "compose",
    "hashtag", "tags", "timeline", "news", "marketplace", "auth", "api", "g", "feeds", "shop",
    "posts",
)  # fmt: skip
GAB = Platform(
    slug="gab",
    canonical_host="gab.com",
    domains=("gab.com", "gab.ai"),
    content_ids_case_sensitive=False,
    handle_pattern=r"[A-Za-z0-9_]{1,30}",
    patterns=(
        content(r"/(?:(?P<account>[^/]+)/)?posts/(?P<id>\d+)" + TAIL, "gab.com/posts/{id}"),
        profile(r"/" + GAB_RESERVED + r"(?P<account>[^/]+)" + TAIL, "gab.com/{account}"),
    ),
)  # fmt: skip

# --- Truth Social -------------------------------------------------------------------------
TRUTH_SOCIAL = Platform(
    slug="truth_social",
    canonical_host="truthsocial.com",
    domains=("truthsocial.com",),
    content_ids_case_sensitive=False,
    handle_pattern=r"[A-Za-z0-9_]{1,30}",
    patterns=(
        content(r"/@(?P<account>[^/]+)/(?:posts/)?(?P<id>\d+)" + TAIL,
                "truthsocial.com/posts/{id}"),
        content(r"/posts/(?P<id>\d+)", "truthsocial.com/posts/{id}"),
        content(r"/users/(?P<account>[^/]+)/statuses/(?P<id>\d+)" + TAIL,
                "truthsocial.com/posts/{id}"),
        profile(r"/@(?P<account>[^/]+)" + TAIL, "truthsocial.com/@{account}"),
        profile(r"/users/(?P<account>[^/]+)", "truthsocial.com/@{account}"),
    ),
)  # fmt: skip

# --- 4chan --------------------------------------------------------------------------------
# A thread's id is its opening post's number and post numbers are unique per board, so the
# key is board + post: a thread link and a "#p<thread id>" anchor are one item, and a post
# anchor (the only fragment we keep anywhere) names the reply the reporter meant: "#p<n>" (the
# post) or "#q<n>" (the "reply to this post" link 4chan puts on its number).
#
# Threads are deleted within days, so reporters often give an archive's copy instead. The
# FoolFuuka archives (archived.moe, desuarchive, 4plebs, b4k, palanq, thebarchive,
# archiveofsins, nyafuu, alice.al) and Fuuka (warosu) keep 4chan's board names and post
# numbers: "/pol/thread/<thread>/#<n>" (a bare number: the post), "#q<n>", "#p<n>", and
# "/pol/post/<n>/" (which redirects to the thread at that post). They are the same post as the
# board's link, so they give its key.
FOURCHAN_ARCHIVES = (
    "archived.moe",
    "desuarchive.org",
    "archive.4plebs.org",
    "arch.b4k.dev",
    "arch.b4k.co",
    "archive.palanq.win",
    "thebarchive.com",
    "archiveofsins.com",
    "archive.nyafuu.org",
    "archive.alice.al",
    "boards.fireden.net",
    "warosu.org",
)
_FOURCHAN_POST_ANCHOR = r"[pq]?(?P<post>\d+)"
_FOURCHAN_THREAD = r"/(?P<board>[A-Za-z0-9]+)/(?:thread|res)/(?P<id>\d+)(?:\.html)?(?:/[^/]*)?"
_FOURCHAN_POST = r"/(?P<board>[A-Za-z0-9]+)/post/(?P<id>\d+)"
FOURCHAN = Platform(
    slug="4chan",
    canonical_host="4chan.org",
    domains=("4chan.org", "4channel.org"),
    alias_subdomains=r"www|boards",
    extra_hosts=FOURCHAN_ARCHIVES + tuple("www." + host for host in FOURCHAN_ARCHIVES),
    content_ids_case_sensitive=False,
    handles_case_insensitive=False,  # no accounts: names/tripcodes are kept exactly
    handle_pattern=r"[^\s/]{1,100}",
    lower_groups=frozenset({"board"}),
    patterns=(
        content(_FOURCHAN_THREAD, "4chan.org/{board}/post/{content_id}", ids=("post", "id"),
                fragment=_FOURCHAN_POST_ANCHOR),
        content(_FOURCHAN_POST, "4chan.org/{board}/post/{id}"),
        other(r"/(?P<board>[A-Za-z0-9]+)(?:/catalog|/archive|/\d+)?", "4chan.org/{board}"),
        content(_FOURCHAN_THREAD, "4chan.org/{board}/post/{content_id}", ids=("post", "id"),
                fragment=_FOURCHAN_POST_ANCHOR, hosts=FOURCHAN_ARCHIVES),
        content(_FOURCHAN_POST, "4chan.org/{board}/post/{id}", hosts=FOURCHAN_ARCHIVES),
    ),
)  # fmt: skip

PLATFORMS: tuple[Platform, ...] = (
    X,
    FACEBOOK,
    INSTAGRAM,
    THREADS,
    TIKTOK,
    YOUTUBE,
    REDDIT,
    TELEGRAM,
    BLUESKY,
    SNAPCHAT,
    LINKEDIN,
    TWITCH,
    DISCORD,
    KICK,
    RUMBLE,
    GAB,
    TRUTH_SOCIAL,
    FOURCHAN,
)
BY_SLUG: dict[str, Platform] = {platform.slug: platform for platform in PLATFORMS}


def platform_by_slug(slug: str | None) -> Platform | None:
    """The rule for a slug; None for no slug or for intake choices that are not one platform
    (``whatsapp``, ``website``, ``other``), which get the generic treatment."""
    return BY_SLUG.get(slug) if slug else None
