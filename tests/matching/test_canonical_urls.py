"""Every spelling of one reported item must give one key, and different items different keys.

Each ``Item`` below is one (synthetic) post, video, message or profile and the ways a
reporter might paste it. The tests check that all variants agree on the key, platform,
content id and account, and that no two items share a key: a missed match leaves two cases
where there should be one, a false match links unrelated victims' reports.
"""

from dataclasses import dataclass
from urllib.parse import quote

import pytest

from hatehub.matching import platform_rules as rules
from hatehub.matching.canonical_urls import CanonicalURL, canonicalise, platform_for_host


@dataclass(frozen=True)
class Item:
    name: str
    canonical: str
    platform: str | None
    content_id: str | None
    account: str | None
    variants: tuple[str, ...]
    content: bool = True


ITEMS = [
    # --- X / Twitter ------------------------------------------------------------------------
    Item(
        "x-post",
        "x.com/status/1790000000000000001",
        "x",
        "1790000000000000001",
        "synth_user",
        (
            "https://x.com/Synth_User/status/1790000000000000001",
            "https://twitter.com/synth_user/status/1790000000000000001?s=20&t=AbCdEf",
            "http://www.twitter.com/SYNTH_USER/status/1790000000000000001/",
            "https://mobile.twitter.com/synth_user/status/1790000000000000001",
            "https://m.twitter.com/synth_user/statuses/1790000000000000001",
            "x.com/synth_user/status/1790000000000000001/photo/1",
            "https://x.com/synth_user/status/1790000000000000001/video/1?ref_src=twsrc",
            "https://x.com/synth_user/status/1790000000000000001/analytics",
            "https://fxtwitter.com/synth_user/status/1790000000000000001",
            "https://vxtwitter.com/synth_user/status/1790000000000000001",
            "https://fixupx.com/synth_user/status/1790000000000000001",
            "https://nitter.net/synth_user/status/1790000000000000001#m",
            "https://nitter.example.org/synth_user/status/1790000000000000001#m",
            "https://xcancel.com/synth_user/status/1790000000000000001",
            "https://twitter.com/#!/synth_user/status/1790000000000000001",
            "https://x.com/synth_user/status/1790000000000000001?utm_source=share&fbclid=abc",
        ),
    ),
    Item(
        "x-post-no-author",
        "x.com/status/1790000000000000002",
        "x",
        "1790000000000000002",
        None,
        (
            "https://x.com/i/web/status/1790000000000000002",
            "https://twitter.com/i/status/1790000000000000002",
            "https://mobile.twitter.com/i/web/status/1790000000000000002?s=19",
        ),
    ),
    Item(
        "x-space",
        "x.com/i/spaces/1AbCdEfGhIjKl",
        "x",
        "1AbCdEfGhIjKl",
        None,
        ("https://x.com/i/spaces/1AbCdEfGhIjKl", "https://twitter.com/i/spaces/1AbCdEfGhIjKl/peek"),
    ),
    Item(
        "x-profile",
        "x.com/synth_user",
        "x",
        None,
        "synth_user",
        (
            "https://x.com/Synth_User",
            "https://twitter.com/synth_user/with_replies",
            "https://mobile.twitter.com/SYNTH_USER/media",
            "x.com/synth_user/",
            "https://twitter.com/intent/user?screen_name=Synth_User",
        ),
        content=False,
    ),
    Item("x-short", "t.co/AbC123xYz", "x", None, None, ("https://t.co/AbC123xYz",)),
    # --- Facebook ---------------------------------------------------------------------------
    Item(
        "facebook-post",
        "facebook.com/posts/1234567890123456",
        "facebook",
        "1234567890123456",
        "synthpage",
        (
            "https://www.facebook.com/SynthPage/posts/1234567890123456",
            "https://m.facebook.com/synthpage/posts/1234567890123456?mibextid=abc&rdid=X",
            "https://www.facebook.com/synth.page/posts/1234567890123456/",
            "https://mbasic.facebook.com/SynthPage/posts/1234567890123456?__tn__=R",
            "https://web.facebook.com/SynthPage/posts/1234567890123456",
            "https://fb.com/SynthPage/posts/1234567890123456",
        ),
    ),
    Item(
        "facebook-permalink",
        "facebook.com/posts/2234567890123456",
        "facebook",
        "2234567890123456",
        "100000000000001",
        (
            "https://www.facebook.com/permalink.php?story_fbid=2234567890123456&id=100000000000001",
            "https://m.facebook.com/story.php?id=100000000000001&story_fbid=2234567890123456&_rdr",
            "https://facebook.com/story.php?story_fbid=2234567890123456&id=100000000000001&ref=x",
        ),
    ),
    Item(
        "facebook-pfbid",
        "facebook.com/posts/pfbid02SynthAbCdEf",
        "facebook",
        "pfbid02SynthAbCdEf",
        "synthpage",
        (
            "https://www.facebook.com/synthpage/posts/pfbid02SynthAbCdEf",
            "https://m.facebook.com/SynthPage/posts/pfbid02SynthAbCdEf/?mibextid=Nif5oz",
        ),
    ),
    Item(
        "facebook-comment",
        "facebook.com/posts/1234567890123456?comment_id=5550001",
        "facebook",
        "5550001",
        "synthpage",
        (
            "https://www.facebook.com/SynthPage/posts/1234567890123456?comment_id=5550001",
            "https://m.facebook.com/synthpage/posts/1234567890123456/?comment_id=5550001&__cft__[0]=x",
        ),
    ),
    Item(
        "facebook-group-post",
        "facebook.com/posts/3234567890123456",
        "facebook",
        "3234567890123456",
        None,
        (
            "https://www.facebook.com/groups/synthgroup/posts/3234567890123456/",
            "https://m.facebook.com/groups/synthgroup/permalink/3234567890123456/?ref=share",
        ),
    ),
    Item(
        "facebook-photo",
        "facebook.com/photo/4234567890123456",
        "facebook",
        "4234567890123456",
        None,
        (
            "https://www.facebook.com/photo.php?fbid=4234567890123456&set=a.1&type=3",
            "https://www.facebook.com/photo/?fbid=4234567890123456&set=a.99",
            "https://m.facebook.com/photo.php?fbid=4234567890123456",
            "https://www.facebook.com/photos/a.111/4234567890123456/",
        ),
    ),
    Item(
        "facebook-video",
        "facebook.com/videos/5234567890123456",
        "facebook",
        "5234567890123456",
        None,
        (
            "https://www.facebook.com/watch/?v=5234567890123456",
            "https://www.facebook.com/watch?v=5234567890123456&ref=sharing",
            "https://m.facebook.com/video.php?v=5234567890123456",
            "https://www.facebook.com/reel/5234567890123456",
            "https://www.facebook.com/videos/5234567890123456/",
        ),
    ),
    Item(
        "facebook-page-video",
        "facebook.com/videos/6234567890123456",
        "facebook",
        "6234567890123456",
        "synthpage",
        (
            "https://www.facebook.com/SynthPage/videos/6234567890123456/",
            "https://www.facebook.com/synthpage/videos/some-title/6234567890123456",
        ),
    ),
    Item(
        "facebook-profile",
        "facebook.com/synthperson",
        "facebook",
        None,
        "synthperson",
        (
            "https://www.facebook.com/Synth.Person",
            "https://m.facebook.com/synthperson/about",
            "https://facebook.com/synth.person/?ref=bookmarks",
        ),
        content=False,
    ),
    Item(
        "facebook-numeric-profile",
        "facebook.com/100000000000009",
        "facebook",
        None,
        "100000000000009",
        (
            "https://www.facebook.com/profile.php?id=100000000000009",
            "https://m.facebook.com/profile.php?id=100000000000009&sk=photos",
        ),
        content=False,
    ),
    Item(
        "facebook-fb-watch",
        "fb.watch/AbC-dEf1",
        "facebook",
        None,
        None,
        ("https://fb.watch/AbC-dEf1/", "fb.watch/AbC-dEf1?mibextid=x"),
    ),
    Item(
        "facebook-share",
        "facebook.com/share/p/1AbCdEfG",
        "facebook",
        None,
        None,
        ("https://www.facebook.com/share/p/1AbCdEfG/", "https://m.facebook.com/share/p/1AbCdEfG"),
    ),
    # --- Instagram --------------------------------------------------------------------------
    Item(
        "instagram-post",
        "instagram.com/p/CsYnTh3t1cA",
        "instagram",
        "CsYnTh3t1cA",
        None,
        (
            "https://www.instagram.com/p/CsYnTh3t1cA/",
            "https://instagram.com/p/CsYnTh3t1cA?igsh=MzRlODBiNWFlZA==",
            "https://www.instagram.com/reel/CsYnTh3t1cA/?igshid=abc&utm_source=ig_web",
            "https://www.instagram.com/reels/CsYnTh3t1cA/",
            "https://www.instagram.com/tv/CsYnTh3t1cA",
            "https://m.instagram.com/p/CsYnTh3t1cA/?img_index=2",
            "https://instagr.am/p/CsYnTh3t1cA/",
            "https://l.instagram.com/?u=https%3A%2F%2Fwww.instagram.com%2Fp%2FCsYnTh3t1cA%2F",
        ),
    ),
    Item(
        "instagram-post-with-author",
        "instagram.com/p/DsYnTh3t1cB",
        "instagram",
        "DsYnTh3t1cB",
        "synth.user",
        (
            "https://www.instagram.com/synth.user/p/DsYnTh3t1cB/",
            "https://www.instagram.com/Synth.User/reel/DsYnTh3t1cB/?igsh=x",
        ),
    ),
    Item(
        "instagram-story",
        "instagram.com/stories/synth.user/3100000000000000001",
        "instagram",
        "3100000000000000001",
        "synth.user",
        (
            "https://www.instagram.com/stories/Synth.User/3100000000000000001/",
            "https://instagram.com/stories/synth.user/3100000000000000001?utm_source=ig_story",
        ),
    ),
    Item(
        "instagram-profile",
        "instagram.com/synth.user",
        "instagram",
        None,
        "synth.user",
        (
            "https://www.instagram.com/synth.user/",
            "https://instagram.com/Synth.User?hl=en",
            "https://www.instagram.com/synth.user/tagged/",
        ),
        content=False,
    ),
    # --- Threads ----------------------------------------------------------------------------
    Item(
        "threads-post",
        "threads.com/post/C9SynThAbC1",
        "threads",
        "C9SynThAbC1",
        "synth.user",
        (
            "https://www.threads.net/@synth.user/post/C9SynThAbC1",
            "https://www.threads.com/@Synth.User/post/C9SynThAbC1?xmt=abc&slof=1",
            "https://threads.net/@synth.user/post/C9SynThAbC1/media",
        ),
    ),
    Item(
        "threads-profile",
        "threads.com/@synth.user",
        "threads",
        None,
        "synth.user",
        ("https://www.threads.net/@Synth.User", "https://threads.com/@synth.user/replies"),
        content=False,
    ),
    # --- TikTok -----------------------------------------------------------------------------
    Item(
        "tiktok-video",
        "tiktok.com/video/7300000000000000001",
        "tiktok",
        "7300000000000000001",
        "synth.user",
        (
            "https://www.tiktok.com/@synth.user/video/7300000000000000001",
            "https://www.tiktok.com/@Synth.User/video/7300000000000000001?is_from_webapp=1&sender_device=pc",
            "https://m.tiktok.com/@synth.user/video/7300000000000000001?_r=1&_t=8abc",
            "https://tiktok.com/@synth.user/photo/7300000000000000001",
        ),
    ),
    Item(
        "tiktok-video-no-author",
        "tiktok.com/video/7300000000000000002",
        "tiktok",
        "7300000000000000002",
        None,
        (
            "https://m.tiktok.com/v/7300000000000000002.html",
            "https://www.tiktok.com/embed/v2/7300000000000000002",
            "https://www.tiktok.com/embed/7300000000000000002",
        ),
    ),
    Item(
        "tiktok-vm-short",
        "vm.tiktok.com/ZMSynth123",
        "tiktok",
        None,
        None,
        ("https://vm.tiktok.com/ZMSynth123/", "vm.tiktok.com/ZMSynth123"),
    ),
    Item(
        "tiktok-vt-short",
        "vt.tiktok.com/ZSSynth456",
        "tiktok",
        None,
        None,
        ("https://vt.tiktok.com/ZSSynth456/",),
    ),
    Item(
        "tiktok-t-short",
        "tiktok.com/t/ZTSynth789",
        "tiktok",
        None,
        None,
        ("https://www.tiktok.com/t/ZTSynth789/",),
    ),
    Item(
        "tiktok-profile",
        "tiktok.com/@synth.user",
        "tiktok",
        None,
        "synth.user",
        ("https://www.tiktok.com/@Synth.User", "https://www.tiktok.com/@synth.user?lang=en"),
        content=False,
    ),
    # --- YouTube ----------------------------------------------------------------------------
    Item(
        "youtube-video",
        "youtube.com/watch?v=SyNtH_vId-1",
        "youtube",
        "SyNtH_vId-1",
        None,
        (
            "https://www.youtube.com/watch?v=SyNtH_vId-1",
            "https://youtube.com/watch?feature=share&v=SyNtH_vId-1&t=42s",
            "https://m.youtube.com/watch?v=SyNtH_vId-1&si=AbCdEf&pp=ygU",
            "https://music.youtube.com/watch?v=SyNtH_vId-1&list=RDAMVM",
            "https://youtu.be/SyNtH_vId-1?si=AbCdEf&t=10",
            "youtu.be/SyNtH_vId-1",
            "https://www.youtube.com/shorts/SyNtH_vId-1?feature=share",
            "https://www.youtube.com/embed/SyNtH_vId-1?start=5",
            "https://www.youtube-nocookie.com/embed/SyNtH_vId-1",
            "https://www.youtube.com/live/SyNtH_vId-1?si=x",
            "https://www.youtube.com/v/SyNtH_vId-1",
            "http://youtube.com/watch?v=SyNtH_vId-1#t=30",
            "https://www.youtube.com/redirect?q=https%3A%2F%2Fyoutu.be%2FSyNtH_vId-1",
        ),
    ),
    Item(
        "youtube-comment",
        "youtube.com/watch?v=SyNtH_vId-1&lc=UgzSynthComment1",
        "youtube",
        "UgzSynthComment1",
        None,
        (
            "https://www.youtube.com/watch?v=SyNtH_vId-1&lc=UgzSynthComment1",
            "https://youtube.com/watch?lc=UgzSynthComment1&v=SyNtH_vId-1&si=abc",
        ),
    ),
    Item(
        "youtube-community-post",
        "youtube.com/post/UgkxSynthPost1",
        "youtube",
        "UgkxSynthPost1",
        None,
        (
            "https://www.youtube.com/post/UgkxSynthPost1",
            "https://www.youtube.com/channel/UCsynthchannelid0000001/community?lb=UgkxSynthPost1",
        ),
    ),
    Item(
        "youtube-handle",
        "youtube.com/@synthchannel",
        "youtube",
        None,
        "synthchannel",
        (
            "https://www.youtube.com/@SynthChannel",
            "https://m.youtube.com/@synthchannel/videos",
            "https://youtube.com/@SYNTHCHANNEL/featured?si=x",
        ),
        content=False,
    ),
    Item(
        "youtube-channel-id",
        "youtube.com/channel/UCsYnThChannelIdAbCdEf12",
        "youtube",
        None,
        "UCsYnThChannelIdAbCdEf12",
        (
            "https://www.youtube.com/channel/UCsYnThChannelIdAbCdEf12",
            "https://m.youtube.com/channel/UCsYnThChannelIdAbCdEf12/videos",
        ),
        content=False,
    ),
    # --- Reddit -----------------------------------------------------------------------------
    Item(
        "reddit-post",
        "reddit.com/comments/1sy9nth",
        "reddit",
        "1sy9nth",
        None,
        (
            "https://www.reddit.com/r/SynthSub/comments/1sy9nth/a_synthetic_title/",
            "https://old.reddit.com/r/synthsub/comments/1sy9nth/a_synthetic_title/?context=3",
            "https://new.reddit.com/r/synthsub/comments/1sy9nth/",
            "https://np.reddit.com/r/synthsub/comments/1sy9nth/a_synthetic_title",
            "https://m.reddit.com/r/synthsub/comments/1sy9nth?utm_source=share&utm_medium=web2x",
            "https://i.reddit.com/r/synthsub/comments/1sy9nth",
            "https://redd.it/1sy9nth",
            "https://www.reddit.com/comments/1sy9nth",
            "https://reddit.com/comments/1sy9nth/a_synthetic_title/",
            "https://www.reddit.com/gallery/1sy9nth",
        ),
    ),
    Item(
        "reddit-comment",
        "reddit.com/comments/1sy9nth/comment/kq7synt",
        "reddit",
        "kq7synt",
        None,
        (
            "https://www.reddit.com/r/synthsub/comments/1sy9nth/a_synthetic_title/kq7synt/",
            "https://old.reddit.com/r/synthsub/comments/1sy9nth/a_synthetic_title/kq7synt/?context=3",
            "https://www.reddit.com/r/SynthSub/comments/1sy9nth/comment/kq7synt/?share_id=x",
            "https://www.reddit.com/comments/1sy9nth/_/kq7synt",
        ),
    ),
    Item(
        "reddit-user-post",
        "reddit.com/comments/1sy9nu0",
        "reddit",
        "1sy9nu0",
        "synth_redditor",
        (
            "https://www.reddit.com/user/Synth_Redditor/comments/1sy9nu0/my_post/",
            "https://www.reddit.com/u/synth_redditor/comments/1sy9nu0",
        ),
    ),
    Item(
        "reddit-profile",
        "reddit.com/user/synth_redditor",
        "reddit",
        None,
        "synth_redditor",
        (
            "https://www.reddit.com/user/Synth_Redditor/",
            "https://old.reddit.com/u/synth_redditor/submitted/",
            "https://reddit.com/user/SYNTH_REDDITOR/comments",
        ),
        content=False,
    ),
    Item(
        "reddit-share",
        "reddit.com/r/synthsub/s/AbCdEf123",
        "reddit",
        None,
        None,
        (
            "https://www.reddit.com/r/SynthSub/s/AbCdEf123",
            "https://reddit.com/r/synthsub/s/AbCdEf123/",
        ),
    ),
    Item(
        "reddit-subreddit",
        "reddit.com/r/synthsub",
        "reddit",
        None,
        None,
        ("https://www.reddit.com/r/SynthSub/", "https://old.reddit.com/r/synthsub/new/"),
        content=False,
    ),
    # --- Telegram ---------------------------------------------------------------------------
    Item(
        "telegram-message",
        "t.me/synthchannel/1234",
        "telegram",
        "1234",
        "synthchannel",
        (
            "https://t.me/SynthChannel/1234",
            "https://t.me/s/synthchannel/1234",
            "https://telegram.me/synthchannel/1234?single",
            "t.me/synthchannel/1234/",
            "https://telegram.dog/SynthChannel/1234",
            "https://t.me/synthchannel/1234?embed=1&mode=tme",
        ),
    ),
    Item(
        "telegram-topic-message",
        "t.me/synthforum/77",
        "telegram",
        "77",
        "synthforum",
        ("https://t.me/synthforum/5/77", "https://t.me/SynthForum/77"),
    ),
    Item(
        "telegram-comment",
        "t.me/synthchannel/1234?comment=55",
        "telegram",
        "55",
        "synthchannel",
        ("https://t.me/synthchannel/1234?comment=55",),
    ),
    Item(
        "telegram-private",
        "t.me/c/1555555555/88",
        "telegram",
        "88",
        None,
        ("https://t.me/c/1555555555/88", "https://t.me/c/1555555555/3/88"),
    ),
    Item(
        "telegram-channel",
        "t.me/synthchannel",
        "telegram",
        None,
        "synthchannel",
        ("https://t.me/SynthChannel", "https://t.me/s/synthchannel", "telegram.me/synthchannel"),
        content=False,
    ),
    Item(
        "telegram-invite",
        "t.me/+AbCdEfSynth",
        "telegram",
        None,
        None,
        ("https://t.me/+AbCdEfSynth", "https://t.me/joinchat/AbCdEfSynth"),
        content=False,
    ),
    # --- Bluesky ----------------------------------------------------------------------------
    Item(
        "bluesky-post",
        "bsky.app/profile/synth.bsky.social/post/3ksynthabc2x",
        "bluesky",
        "3ksynthabc2x",
        "synth.bsky.social",
        (
            "https://bsky.app/profile/synth.bsky.social/post/3ksynthabc2x",
            "https://bsky.app/profile/Synth.BSKY.social/post/3ksynthabc2x/",
            "bsky.app/profile/synth.bsky.social/post/3ksynthabc2x?ref_src=embed",
        ),
    ),
    Item(
        "bluesky-profile",
        "bsky.app/profile/synth.bsky.social",
        "bluesky",
        None,
        "synth.bsky.social",
        ("https://bsky.app/profile/Synth.bsky.social",),
        content=False,
    ),
    # --- Snapchat ---------------------------------------------------------------------------
    Item(
        "snapchat-spotlight",
        "snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth",
        "snapchat",
        "W7_EDlXWTBiXAEEniNoMPwAAYSynth",
        None,
        (
            "https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth",
            "https://snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth?share_id=x&locale=en-GB",
            "https://story.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth?share_id=x",
        ),
    ),
    Item(
        "snapchat-spotlight-of-account",
        "snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth2",
        "snapchat",
        "W7_EDlXWTBiXAEEniNoMPwAAYSynth2",
        "synthsnap",
        (
            "https://www.snapchat.com/@SynthSnap/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth2",
            "https://story.snapchat.com/@synthsnap/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYSynth2",
        ),
    ),
    Item(
        "snapchat-profile",
        "snapchat.com/add/synthsnap",
        "snapchat",
        None,
        "synthsnap",
        (
            "https://www.snapchat.com/add/SynthSnap",
            "https://snapchat.com/add/synthsnap?share_id=abc",
            "https://www.snapchat.com/@synthsnap",
            "https://story.snapchat.com/@SynthSnap",
        ),
        content=False,
    ),
    Item(
        "snapchat-short",
        "t.snapchat.com/AbCd1234",
        "snapchat",
        None,
        None,
        ("https://t.snapchat.com/AbCd1234",),
    ),
    # --- LinkedIn ---------------------------------------------------------------------------
    Item(
        "linkedin-post",
        "linkedin.com/feed/update/urn:li:activity:7100000000000000001",
        "linkedin",
        "7100000000000000001",
        None,
        (
            "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001/",
            "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7100000000000000001",
            "https://linkedin.com/feed/update/urn:li:activity:7100000000000000001?utm_source=share",
            "https://www.linkedin.com/embed/feed/update/urn:li:activity:7100000000000000001",
        ),
    ),
    Item(
        "linkedin-post-slug",
        "linkedin.com/feed/update/urn:li:activity:7100000000000000002",
        "linkedin",
        "7100000000000000002",
        "synth-person-0a1b2c",
        (
            "https://www.linkedin.com/posts/synth-person-0a1b2c_some-synthetic-words-activity-7100000000000000002-AbCd",
            "https://uk.linkedin.com/posts/Synth-Person-0a1b2c_some-synthetic-words-activity-7100000000000000002-AbCd?utm_source=share&utm_medium=member_desktop",
            "https://www.linkedin.com/posts/synth-person-0a1b2c_activity-7100000000000000002-XyZ1/",
        ),
    ),
    Item(
        "linkedin-profile",
        "linkedin.com/in/synth-person-0a1b2c",
        "linkedin",
        None,
        "synth-person-0a1b2c",
        (
            "https://www.linkedin.com/in/Synth-Person-0a1b2c/",
            "https://uk.linkedin.com/in/synth-person-0a1b2c?trk=people",
        ),
        content=False,
    ),
    Item(
        "linkedin-short", "lnkd.in/eSyNtH12", "linkedin", None, None, ("https://lnkd.in/eSyNtH12",)
    ),
    # --- Twitch -----------------------------------------------------------------------------
    Item(
        "twitch-video",
        "twitch.tv/videos/2000000001",
        "twitch",
        "2000000001",
        None,
        (
            "https://www.twitch.tv/videos/2000000001",
            "https://m.twitch.tv/videos/2000000001?t=1h2m3s",
            "https://player.twitch.tv/?video=v2000000001&parent=example.org",
        ),
    ),
    Item(
        "twitch-clip",
        "twitch.tv/clip/SyntheticClipSlug-AbC123",
        "twitch",
        "SyntheticClipSlug-AbC123",
        None,
        (
            "https://clips.twitch.tv/SyntheticClipSlug-AbC123",
            "https://clips.twitch.tv/embed?clip=SyntheticClipSlug-AbC123&parent=example.org",
        ),
    ),
    Item(
        "twitch-channel-clip",
        "twitch.tv/clip/SyntheticClipSlug-XyZ789",
        "twitch",
        "SyntheticClipSlug-XyZ789",
        "synthstreamer",
        (
            "https://www.twitch.tv/SynthStreamer/clip/SyntheticClipSlug-XyZ789",
            "https://m.twitch.tv/synthstreamer/clip/SyntheticClipSlug-XyZ789?filter=clips",
        ),
    ),
    Item(
        "twitch-channel",
        "twitch.tv/synthstreamer",
        "twitch",
        None,
        "synthstreamer",
        ("https://www.twitch.tv/SynthStreamer", "https://twitch.tv/synthstreamer/videos"),
        content=False,
    ),
    # --- Discord ----------------------------------------------------------------------------
    Item(
        "discord-message",
        "discord.com/channels/900000000000000001/900000000000000002/900000000000000003",
        "discord",
        "900000000000000003",
        None,
        (
            "https://discord.com/channels/900000000000000001/900000000000000002/900000000000000003",
            "https://discordapp.com/channels/900000000000000001/900000000000000002/900000000000000003",
            "https://ptb.discord.com/channels/900000000000000001/900000000000000002/900000000000000003",
            "https://canary.discord.com/channels/900000000000000001/900000000000000002/900000000000000003",
        ),
    ),
    Item(
        "discord-dm",
        "discord.com/channels/@me/900000000000000004/900000000000000005",
        "discord",
        "900000000000000005",
        None,
        ("https://discord.com/channels/@me/900000000000000004/900000000000000005",),
    ),
    Item(
        "discord-invite",
        "discord.gg/SynthInv1",
        "discord",
        None,
        None,
        ("https://discord.gg/SynthInv1", "https://discord.com/invite/SynthInv1"),
        content=False,
    ),
    Item(
        "discord-attachment",
        "cdn.discordapp.com/attachments/900000000000000002/900000000000000006/Synth_Image.png",
        "discord",
        "900000000000000006",
        None,
        (
            "https://cdn.discordapp.com/attachments/900000000000000002/900000000000000006/Synth_Image.png?ex=65a&is=659&hm=abc&",
            "https://cdn.discordapp.com/attachments/900000000000000002/900000000000000006/Synth_Image.png?ex=77b&is=76a&hm=def",
        ),
    ),
    # --- Kick -------------------------------------------------------------------------------
    Item(
        "kick-video",
        "kick.com/video/0a1b2c3d-0000-4000-8000-00000000abcd",
        "kick",
        "0a1b2c3d-0000-4000-8000-00000000abcd",
        None,
        (
            "https://kick.com/video/0a1b2c3d-0000-4000-8000-00000000abcd",
            "https://kick.com/video/0A1B2C3D-0000-4000-8000-00000000ABCD",
        ),
    ),
    Item(
        "kick-clip",
        "kick.com/clip/clip_01hsynth0000000000000000ab",
        "kick",
        "clip_01hsynth0000000000000000ab",
        "synthkicker",
        (
            "https://kick.com/SynthKicker/clips/clip_01HSYNTH0000000000000000AB",
            "https://kick.com/synthkicker?clip=clip_01HSYNTH0000000000000000AB",
        ),
    ),
    Item(
        "kick-channel",
        "kick.com/synthkicker",
        "kick",
        None,
        "synthkicker",
        ("https://kick.com/SynthKicker", "https://www.kick.com/synthkicker/about"),
        content=False,
    ),
    # --- Rumble -----------------------------------------------------------------------------
    Item(
        "rumble-video",
        "rumble.com/v4synth1",
        "rumble",
        "v4synth1",
        None,
        (
            "https://rumble.com/v4synth1-a-synthetic-title.html",
            "https://www.rumble.com/v4synth1-a-synthetic-title.html?mref=abc&mc=x",
            "https://rumble.com/v4synth1.html",
        ),
    ),
    Item(
        "rumble-channel",
        "rumble.com/c/synthchannel",
        "rumble",
        None,
        "synthchannel",
        ("https://rumble.com/c/SynthChannel", "https://rumble.com/c/synthchannel/videos"),
        content=False,
    ),
    # --- Gab --------------------------------------------------------------------------------
    Item(
        "gab-post",
        "gab.com/posts/111000000000000001",
        "gab",
        "111000000000000001",
        "synthgabber",
        (
            "https://gab.com/SynthGabber/posts/111000000000000001",
            "https://www.gab.com/synthgabber/posts/111000000000000001/",
            "https://gab.ai/synthgabber/posts/111000000000000001",
        ),
    ),
    Item(
        "gab-profile",
        "gab.com/synthgabber",
        "gab",
        None,
        "synthgabber",
        ("https://gab.com/SynthGabber",),
        content=False,
    ),
    # --- Truth Social -----------------------------------------------------------------------
    Item(
        "truth-post",
        "truthsocial.com/posts/112000000000000001",
        "truth_social",
        "112000000000000001",
        "synthtruther",
        (
            "https://truthsocial.com/@SynthTruther/posts/112000000000000001",
            "https://truthsocial.com/@synthtruther/112000000000000001",
            "https://truthsocial.com/users/synthtruther/statuses/112000000000000001",
            "https://www.truthsocial.com/@synthtruther/posts/112000000000000001?utm_source=x",
        ),
    ),
    Item(
        "truth-profile",
        "truthsocial.com/@synthtruther",
        "truth_social",
        None,
        "synthtruther",
        ("https://truthsocial.com/@SynthTruther",),
        content=False,
    ),
    # --- 4chan ------------------------------------------------------------------------------
    Item(
        "4chan-thread",
        "4chan.org/pol/post/400000001",
        "4chan",
        "400000001",
        None,
        (
            "https://boards.4chan.org/pol/thread/400000001",
            "https://boards.4channel.org/pol/thread/400000001/a-synthetic-thread",
            "http://boards.4chan.org/POL/thread/400000001/",
            "https://boards.4chan.org/pol/thread/400000001#p400000001",
            "https://boards.4chan.org/pol/res/400000001.html",
            # Archive copies (FoolFuuka, Fuuka) keep the board and the post numbers.
            "https://archived.moe/pol/thread/400000001/",
            "https://archived.moe/pol/thread/400000001",
            "ARCHIVED.MOE/pol/thread/400000001/#400000001",
            "https://desuarchive.org/pol/thread/400000001/",
            "https://archive.4plebs.org/pol/thread/400000001/#q400000001",
            "https://archive.palanq.win/pol/post/400000001/",
            "https://warosu.org/pol/thread/400000001",
        ),
    ),
    Item(
        "4chan-reply",
        "4chan.org/pol/post/400000077",
        "4chan",
        "400000077",
        None,
        (
            "https://boards.4chan.org/pol/thread/400000001#p400000077",
            "https://boards.4channel.org/pol/thread/400000001/a-synthetic-thread#p400000077",
            # "#q<n>" is the "reply to this post" link on the post's number: the same post.
            "https://boards.4chan.org/pol/thread/400000001#q400000077",
            "https://archived.moe/pol/thread/400000001/#400000077",
            "https://archived.moe/pol/thread/400000001/#q400000077",
            "https://www.archived.moe/pol/thread/400000001/#p400000077",
            "https://desuarchive.org/pol/thread/400000001/#400000077",
            "https://archive.4plebs.org/pol/post/400000077/",
            "https://arch.b4k.dev/pol/thread/400000001/#400000077",
            "https://warosu.org/pol/thread/400000001#p400000077",
        ),
    ),
    # --- Unknown sites ----------------------------------------------------------------------
    Item(
        "generic-article",
        "example.org/Forum/Topic-42?b=2&page=3",
        None,
        None,
        None,
        (
            "https://example.org/Forum/Topic-42?page=3&b=2",
            "http://www.example.org/Forum/Topic-42/?b=2&page=3&utm_source=x&utm_medium=y",
            "HTTPS://WWW.EXAMPLE.ORG:443/Forum/Topic-42?page=3&b=2#comments",
            "https://example.org/Forum/./other/../Topic-42?page=3&b=2&fbclid=IwAR0",
            "example.org/Forum/Topic-42?b=2&page=3&gclid=abc",
            "https://example.org./Forum/Topic-42?b=2&page=3",
            "https://example.org/%46orum/Topic-42?b=2&page=3",
        ),
    ),
    Item(
        "generic-phpbb-topic",
        "forum.example.net/viewtopic.php?t=123",
        None,
        None,
        None,
        ("https://forum.example.net/viewtopic.php?t=123", "forum.example.net/viewtopic.php?t=123"),
    ),
    Item(
        "generic-port",
        "example.net:8080/board",
        None,
        None,
        None,
        ("http://example.net:8080/board", "https://www.example.net:8080/board/"),
    ),
    Item(
        "generic-idn",
        "xn--bcher-kva.example/Seite",
        None,
        None,
        None,
        (
            "https://bücher.example/Seite",
            "https://xn--bcher-kva.example/Seite",
            "http://BÜCHER.example/Seite",
        ),
    ),
    Item(
        "generic-unicode-path",
        "example.com/caf%C3%A9",
        None,
        None,
        None,
        (
            "https://example.com/café",
            "https://example.com/caf%c3%a9",
            "https://example.com/caf%C3%A9",
        ),
    ),
    Item(
        "generic-home",
        "example.com",
        None,
        None,
        None,
        ("https://example.com", "http://www.example.com/", "example.com/"),
        content=False,
    ),
]

VARIANTS = [(item, variant) for item in ITEMS for variant in item.variants]


@pytest.mark.parametrize(
    ("item", "url"), VARIANTS, ids=[f"{item.name}:{n}" for n, (item, _) in enumerate(VARIANTS)]
)
def test_every_variant_gives_the_items_key(item: Item, url: str) -> None:
    found = canonicalise(url)
    assert found == CanonicalURL(
        item.canonical,
        item.platform,
        item.content_id,
        item.account,
        found.kind,
    )
    assert found.identifies_content is item.content


def test_distinct_items_have_distinct_keys() -> None:
    keys = [item.canonical for item in ITEMS]
    assert len(keys) == len(set(keys))


def test_every_platform_in_the_table_is_covered_by_a_test_item() -> None:
    tested = {item.platform for item in ITEMS}
    assert {platform.slug for platform in rules.PLATFORMS} <= tested


def test_platform_slugs_are_the_intake_forms_choices() -> None:
    from hatehub.reports.choices import PLATFORMS

    form_codes = {code for code, _ in PLATFORMS} - {"whatsapp", "website", "other"}
    assert {platform.slug for platform in rules.PLATFORMS} == form_codes


def test_canonicalising_a_key_again_gives_the_same_key() -> None:
    """Keys are stored; re-reading one (for example in a re-match job) must be a fixed point."""
    for item in ITEMS:
        again = canonicalise("https://" + item.canonical)
        assert again.canonical == item.canonical, item.name
        assert (again.platform, again.content_id) == (item.platform, item.content_id), item.name


# --- case rules ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://youtu.be/SyNtH_vId-1", "https://youtu.be/synth_vid-1"),
        ("https://www.instagram.com/p/CsYnTh3t1cA/", "https://www.instagram.com/p/csynth3t1ca/"),
        ("https://www.reddit.com/comments/1sY9nth", "https://www.reddit.com/comments/1sy9nth"),
        ("https://www.tiktok.com/t/ZTSynth789/", "https://www.tiktok.com/t/ztsynth789/"),
        ("https://vm.tiktok.com/ZMSynth123/", "https://vm.tiktok.com/zmsynth123/"),
        ("https://clips.twitch.tv/SynthClip-AbC", "https://clips.twitch.tv/synthclip-abc"),
        ("https://www.threads.net/t/C9SynThAbC1", "https://www.threads.net/t/c9synthabc1"),
        ("https://example.org/Page", "https://example.org/page"),
        (
            "https://www.facebook.com/x/posts/pfbid0AbC",
            "https://www.facebook.com/x/posts/pfbid0abc",
        ),
        ("https://t.co/AbC123", "https://t.co/abc123"),
        ("https://discord.gg/AbCd", "https://discord.gg/abcd"),
    ],
)
def test_case_sensitive_ids_keep_their_case(first: str, second: str) -> None:
    assert canonicalise(first).canonical != canonicalise(second).canonical


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://x.com/SomeOne", "https://x.com/someone"),
        ("https://www.instagram.com/Some.One/", "https://www.instagram.com/some.one/"),
        ("https://www.tiktok.com/@Some.One", "https://www.tiktok.com/@some.one"),
        ("https://www.threads.net/@Some.One", "https://www.threads.net/@some.one"),
        ("https://www.reddit.com/user/Some_One", "https://www.reddit.com/user/some_one"),
        ("https://www.twitch.tv/SomeOne", "https://www.twitch.tv/someone"),
        ("https://bsky.app/profile/Some.One.social", "https://bsky.app/profile/some.one.social"),
        ("https://t.me/SomeOneChan", "https://t.me/someonechan"),
        ("https://www.youtube.com/@SomeOne", "https://www.youtube.com/@someone"),
        ("https://www.facebook.com/Some.One.Page", "https://www.facebook.com/someonepage"),
        ("https://EXAMPLE.org/Page", "https://example.org/Page"),
    ],
)
def test_case_insensitive_names_fold(first: str, second: str) -> None:
    assert canonicalise(first).canonical == canonicalise(second).canonical


def test_youtube_channel_ids_keep_case_but_handles_fold() -> None:
    channel = canonicalise("https://www.youtube.com/channel/UCsYnThChannelIdAbCdEf12")
    assert channel.account == "UCsYnThChannelIdAbCdEf12"
    assert canonicalise("https://www.youtube.com/@SynthChannel").account == "synthchannel"


# --- distinctness -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Same numeric id on different platforms is different content.
        ("https://x.com/a/status/1234567890", "https://gab.com/a/posts/1234567890"),
        ("https://gab.com/a/posts/1234567890", "https://truthsocial.com/@a/posts/1234567890"),
        # Telegram message numbers are per channel.
        ("https://t.me/synth_one/5", "https://t.me/synth_two/5"),
        # A reply is not its thread; a comment is not its post.
        ("https://boards.4chan.org/pol/thread/1#p2", "https://boards.4chan.org/pol/thread/1"),
        ("https://boards.4chan.org/pol/thread/1", "https://boards.4chan.org/b/thread/1"),
        ("https://archived.moe/pol/thread/1/#2", "https://archived.moe/pol/thread/1/"),
        ("https://archived.moe/pol/thread/1/#q2", "https://archived.moe/b/thread/1/#q2"),
        ("https://boards.4chan.org/pol/thread/1#q2", "https://boards.4chan.org/pol/thread/1#q3"),
        ("https://redd.it/abc1", "https://www.reddit.com/comments/abc1/_/def2"),
        ("https://youtu.be/SyNtH_vId-1", "https://www.youtube.com/watch?v=SyNtH_vId-1&lc=Ugz1"),
        # A profile is not a post by it.
        ("https://x.com/synth_user", "https://x.com/synth_user/status/1"),
        # Identity query parameters on unknown sites are kept.
        (
            "https://forum.example.net/viewtopic.php?t=1",
            "https://forum.example.net/viewtopic.php?t=2",
        ),
        ("https://example.org/search?s=a", "https://example.org/search?s=b"),
        ("https://example.org/a?x=1", "https://example.org/a?x=2"),
        ("https://example.org/a%2Fb", "https://example.org/a/b"),
        ("https://m.example.org/page", "https://example.org/page"),
        ("https://example.org:8443/page", "https://example.org/page"),
        # YouTube legacy names are their own namespace, not @handles.
        ("https://www.youtube.com/c/SynthName", "https://www.youtube.com/@synthname"),
        # Rumble embed ids are a different namespace from page ids.
        ("https://rumble.com/embed/v4abc/", "https://rumble.com/v4abc-title.html"),
        # Short links cannot be resolved offline, so they do not match what they point to.
        (
            "https://vm.tiktok.com/ZMSynth123/",
            "https://www.tiktok.com/@a/video/7300000000000000001",
        ),
    ],
)
def test_different_items_get_different_keys(first: str, second: str) -> None:
    assert canonicalise(first).canonical != canonicalise(second).canonical


# --- platform pages no rule recognises ----------------------------------------------------
@pytest.mark.parametrize(
    ("url", "canonical", "platform"),
    [
        (
            "https://www.facebook.com/groups/SynthGroup/",
            "facebook.com/groups/SynthGroup",
            "facebook",
        ),
        ("https://www.facebook.com/events/123/?ref=x", "facebook.com/events/123", "facebook"),
        ("https://x.com/search?q=synth&src=typed_query", "x.com/search?q=synth", "x"),
        ("https://help.x.com/en/rules", "help.x.com/en/rules", "x"),
        (
            "https://www.youtube.com/results?search_query=synth&si=x",
            "youtube.com/results?search_query=synth",
            "youtube",
        ),
        ("https://discord.com/channels/1/2", "discord.com/channels/1/2", "discord"),
        ("https://boards.4chan.org/pol/catalog", "4chan.org/pol", "4chan"),
        ("https://archived.moe/pol/", "archived.moe/pol", "4chan"),
        ("https://archived.moe/_/search/text/synth/", "archived.moe/_/search/text/synth", "4chan"),
        ("https://www.reddit.com/", "reddit.com", "reddit"),
        ("https://youtu.be/", "youtu.be", "youtube"),
    ],
)
def test_platform_pages_without_content_keep_platform_but_no_content(
    url: str, canonical: str, platform: str
) -> None:
    found = canonicalise(url)
    assert (found.canonical, found.platform, found.content_id) == (canonical, platform, None)
    assert not found.identifies_content


def test_link_shims_are_unwrapped() -> None:
    shim = "https://l.facebook.com/l.php?u=https%3A%2F%2Fx.com%2Fa_b%2Fstatus%2F42%3Fs%3D20&h=AT1"
    assert canonicalise(shim) == canonicalise("https://x.com/a_b/status/42")


def test_link_shim_to_an_unknown_site_gives_that_sites_key() -> None:
    shim = "https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fnews%3Futm_source%3Dfb"
    assert canonicalise(shim).canonical == "example.org/news"


def test_broken_link_shim_falls_back_to_its_own_key() -> None:
    found = canonicalise("https://l.facebook.com/l.php?u=javascript%3Aalert(1)")
    assert found.platform == "facebook"
    assert found.canonical == "l.facebook.com/l.php?u=javascript:alert(1)"


def test_unknown_site_query_is_sorted_and_tracking_dropped() -> None:
    found = canonicalise("https://news.example.co.uk/a/b/?z=1&a=2&utm_campaign=c&mc_eid=9&a=1")
    assert found.canonical == "news.example.co.uk/a/b?a=1&a=2&z=1"
    assert (found.platform, found.content_id, found.account) == (None, None, None)
    assert found.identifies_content


def test_unknown_site_keeps_short_generic_parameters() -> None:
    """s, t and ref are tracking on X but page identity on many forums and blogs."""
    found = canonicalise("https://forum.example.net/index.php?t=9&s=abc&ref=main")
    assert found.canonical == "forum.example.net/index.php?ref=main&s=abc&t=9"


def test_credentials_in_the_address_are_not_part_of_the_key() -> None:
    assert canonicalise("https://user:secret@example.org/page").canonical == "example.org/page"


def test_ipv4_and_ipv6_hosts() -> None:
    assert canonicalise("http://192.0.2.10/page/").canonical == "192.0.2.10/page"
    assert canonicalise("192.0.2.10/page").canonical == "192.0.2.10/page"
    assert canonicalise("http://[2001:DB8:0:0::1]:8080/x").canonical == "[2001:db8::1]:8080/x"


def test_platform_for_host() -> None:
    assert platform_for_host("mobile.twitter.com")[0].slug == "x"
    assert platform_for_host("help.x.com") == (rules.X, False)
    assert platform_for_host("vm.tiktok.com") == (rules.TIKTOK, False)
    assert platform_for_host("notx.com") == (None, False)
    assert platform_for_host("x.com.example.org") == (None, False)


def test_lookalike_domains_are_not_the_platform() -> None:
    for url in (
        "https://x.com.example.org/a/status/1",
        "https://notyoutube.com/watch?v=SyNtH_vId-1",
        "https://youtube.com.example.net/watch?v=SyNtH_vId-1",
        "https://faketwitter.com/a/status/1",
    ):
        assert canonicalise(url).platform is None, url


def test_redirect_depth_is_bounded() -> None:
    url = "https://x.com/a/status/7"
    for _ in range(6):
        url = "https://l.facebook.com/l.php?u=" + quote(url, safe="")
    assert canonicalise(url).platform == "facebook"  # gave up unwrapping, no deep recursion


# --- invalid input ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("not a url", "spaces"),
        ("hello", "does not look like a web address"),
        ("some.user", "does not look like a web address"),
        ("@synth_user", "does not look like a web address"),
        ("u/SynthName", "does not look like a web address"),
        ("mailto:someone@example.org", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("ftp://example.org/file", "only http and https"),
        ("file:///etc/hosts", "only http and https"),
        ("at://did:plc:abc/app.bsky.feed.post/3k", "only http and https"),
        ("data:text/html,hi", "only http and https"),
        ("https:example.org/page", "missing '//'"),
        ("https://", "no host"),
        ("https:///path", "no host"),
        ("https://example.org:99999/", "not a valid web address"),
        ("https://exa_mple..org/", "invalid host"),
        ("https://[::zz]/", "not a valid web address"),
    ],
)
def test_invalid_input_raises_a_clear_error(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        canonicalise(value)


def test_non_string_input_raises_value_error() -> None:
    with pytest.raises(ValueError, match="as text"):
        canonicalise(None)  # type: ignore[arg-type]


def test_table_patterns_use_only_declared_identity_params() -> None:
    """The table documents identity parameters per platform; patterns must not read others
    (redirect targets excepted), so a reviewer can trust the declared list."""
    for platform in rules.PLATFORMS:
        for pattern in platform.patterns:
            if pattern.kind == rules.REDIRECT:
                continue
            for param in (*pattern.query, *pattern.optional_query):
                assert param.name in platform.identity_params, (platform.slug, param.name)
