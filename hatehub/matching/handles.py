"""Normalise account names the way each platform compares them.

Reporters name the account behind abuse in many ways: ``@SomeUser``, ``someuser``, a pasted
profile link, ``u/SomeUser`` on Reddit. Reports about the same account should link up, so we
reduce each to the form the platform itself treats as identical: ``@`` and whitespace
removed, case folded where the platform's names are case-insensitive, Facebook's ignored
dots removed. The per-platform facts (allowed characters, case rules) live in
``platform_rules``; this module only interprets them. No Django imports: it must run
anywhere and be testable without a database.

Names that cannot be valid on the stated platform give None rather than a guess, so that a
typo or a sentence typed in the handle box never links unrelated reports.
"""

from __future__ import annotations

import re
import unicodedata

from hatehub.matching import platform_rules as rules

__all__ = ["handle_from_text", "normalise_handle"]

_WEB_SCHEME = re.compile(r"(?i)(?:https?:)?//")
_REDDIT_USER = re.compile(r"(?i)/?u(?:ser)?/([^/\s]+)/?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise_handle(platform: str | None, raw: str | None) -> str | None:
    """The platform's comparison form of an account name, or None when empty or invalid.

    ``raw`` may be a pasted profile link; it must then be a link to ``platform`` (a link to
    another platform gives None: use ``handle_from_text`` when the platform is not known).
    ``platform`` values that are not a single platform (None, ``website``, ``whatsapp``...)
    keep the name as written apart from ``@`` and surrounding whitespace, since we do not
    know that site's case rules.
    """
    text = _clean(raw)
    if not text:
        return None
    rule = rules.platform_by_slug(platform)
    if _looks_like_url(text):
        # canonical_urls imports this module, so import it here
        from hatehub.matching.canonical_urls import canonicalise

        try:
            found = canonicalise(text)
        except ValueError:
            return None
        if found.platform is None or (rule is not None and found.platform != rule.slug):
            return None
        return found.account
    reddit = _REDDIT_USER.fullmatch(text)
    if reddit and (rule is None or rule.slug == "reddit"):
        return _normalise_plain(rules.platform_by_slug("reddit"), reddit.group(1))
    return _normalise_plain(rule, text)


def handle_from_text(raw: str | None, platform_hint: str | None) -> tuple[str | None, str | None]:
    """``(platform, handle)`` read from what a reporter typed in an "account" box.

    A profile (or post) link on a known platform decides the platform itself, whatever the
    hint says; ``u/Name`` is Reddit's own notation and means Reddit. Anything else is taken
    as a plain name on ``platform_hint``. A link to a site we do not know gives
    ``(platform_hint, None)``: we cannot tell which part of it is the account.
    """
    text = _clean(raw)
    if not text:
        return platform_hint, None
    if _looks_like_url(text):
        from hatehub.matching.canonical_urls import canonicalise

        try:
            found = canonicalise(text)
        except ValueError:
            return platform_hint, None
        if found.platform is None:
            return platform_hint, None
        return found.platform, found.account
    reddit = _REDDIT_USER.fullmatch(text)
    if reddit:
        return "reddit", _normalise_plain(rules.platform_by_slug("reddit"), reddit.group(1))
    return platform_hint, normalise_handle(platform_hint, text)


def _clean(raw: str | None) -> str:
    """NFKC folds look-alike forms (full-width letters, ligatures) that phones produce."""
    if not isinstance(raw, str):
        return ""
    return unicodedata.normalize("NFKC", raw).strip()


def _looks_like_url(text: str) -> bool:
    """Only unmistakable links count: an explicit http(s) scheme, a ``www.`` prefix, or a
    known platform host followed by a path. "some.user" or a Bluesky "name.bsky.social" is
    a handle, not an address."""
    if _WEB_SCHEME.match(text) or text.lower().startswith("www."):
        return True
    host, slash, _ = text.partition("/")
    if not slash or not host:
        return False
    from hatehub.matching.canonical_urls import platform_for_host

    return platform_for_host(host.split(":", 1)[0])[0] is not None


def _normalise_plain(rule: rules.Platform | None, text: str) -> str | None:
    text = text.strip()
    if text.startswith("@"):
        text = text[1:].strip()
    if not text or _CONTROL.search(text):
        return None
    if rule is None:
        return " ".join(text.split())
    if rule.handle_keep_case_pattern and re.fullmatch(rule.handle_keep_case_pattern, text):
        return text
    if not re.fullmatch(rule.handle_pattern, text):
        return None
    if rule.handles_case_insensitive:
        text = text.lower()
    for char in rule.handle_ignored_chars:
        text = text.replace(char, "")
    if not text:
        return None
    if rule.handle_default_suffix and "." not in text and not text.startswith("did:"):
        text += rule.handle_default_suffix
    return text
