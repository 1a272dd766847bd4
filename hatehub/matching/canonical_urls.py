"""Turn any spelling of a reported address into one stable key.

Two people reporting the same post rarely paste the same text: one shares from the app
(``https://twitter.com/Some_User/status/1234?s=20&t=abc``), another copies from a browser
(``https://x.com/some_user/status/1234/photo/1``). Matching on the raw text would miss that
they are one item, and matching on something too loose would merge different items. This
module applies the per-platform table in ``platform_rules`` and, for sites it does not know,
a conservative generic normalisation that only removes differences which cannot change the
page (scheme, ``www.``, default port, tracking parameters, parameter order, fragment).

Pure Python on purpose: it runs inside intake, matching jobs and management commands alike,
and must be testable without a database.

Deliberate choices
------------------
* The key has no scheme: ``http`` and ``https`` versions of a page are the same item.
* Fragments are dropped, except the post anchors of 4chan and its archives (``#p<n>``,
  ``#q<n>``, an archive's ``#<n>``), which name the reply the reporter meant (see
  ``platform_rules.FOURCHAN``). An archive's copy of a post gives the board's key.
* Short links (t.co, vm.tiktok.com, youtu.be is *not* one: it carries the video id) cannot be
  resolved without the network, so each keeps its own key, with the platform known.
* Unknown sites keep short generic parameters (``s``, ``t``, ``ref``, ``p``...): there they are
  often what selects the page, and a false merge is worse than a missed one.
"""

from __future__ import annotations

import ipaddress
import re
import string
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qsl, quote, unquote, unquote_to_bytes, urlsplit

from hatehub.matching import platform_rules as rules
from hatehub.matching.handles import normalise_handle

try:  # the idna package (a tldextract dependency) implements current IDNA rules (UTS #46)
    import idna as _idna
except ImportError:  # pragma: no cover - fall back to the stdlib's IDNA 2003 codec
    _idna = None

__all__ = ["CanonicalURL", "canonicalise", "platform_for_host"]

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters left unescaped in path segments and query parts of a generic key (RFC 3986
# unreserved + sub-delims that are harmless in a key); everything else is %-encoded so that
# "café" and "caf%C3%A9" give the same key.
_PATH_SAFE = "!$&'()*+,;=:@~-._"
_QUERY_SAFE = "!$'()*,;:@~-._/?"
_MAX_REDIRECT_DEPTH = 3


@dataclass(frozen=True)
class CanonicalURL:
    """The matching key for an address and what we could read from it.

    ``kind`` (one of ``platform_rules.CONTENT``, ``SHORTLINK``, ``PROFILE``, ``OTHER``) is kept
    so that ``identifies_content`` does not have to re-parse ``canonical``.
    """

    canonical: str
    platform: str | None
    content_id: str | None
    account: str | None
    kind: str = rules.CONTENT

    @property
    def identifies_content(self) -> bool:
        """True when the address points at one piece of content (a post, video, message,
        comment, a short link to one, or a page on an unknown site) rather than at a profile,
        a home page or a listing: only then does a shared key mean "the same item"."""
        return self.kind in rules.CONTENT_KINDS


@dataclass(frozen=True)
class _Parts:
    scheme: str
    host: str
    port: int | None
    raw_path: str
    match_path: str
    query: tuple[tuple[str, str], ...]
    fragment: str


def canonicalise(url: str) -> CanonicalURL:
    """The canonical key of ``url``. A bare ``x.com/a/status/1`` is read as https.

    Raises ``ValueError`` with a readable message when ``url`` is not an http(s) address.
    """
    return _canonicalise(url, depth=0)


def platform_for_host(host: str) -> tuple[rules.Platform | None, bool]:
    """The platform a (lower-case, punycode) host belongs to, and whether it is one of the
    platform's main hosts (where its general patterns apply)."""
    host = host.lower().rstrip(".")
    for platform in rules.PLATFORMS:
        if host in platform.extra_hosts:
            return platform, False
        if any(host.startswith(prefix) for prefix in platform.host_prefixes):
            return platform, True
        for domain in platform.domains:
            if host == domain:
                return platform, True
            if host.endswith("." + domain):
                sub = host[: -len(domain) - 1]
                return platform, re.fullmatch(platform.alias_subdomains, sub) is not None
    return None, False


def _canonicalise(url: str, depth: int) -> CanonicalURL:
    parts = _parse(url)
    platform, main = platform_for_host(parts.host)
    if platform is None:
        return _generic(parts, drop=frozenset())
    if parts.fragment.startswith("!/") and parts.match_path == "":
        # Old "#!/user/status/1" hash-bang links carry the real path in the fragment.
        hashbang = parts.fragment[1:].split("?", 1)[0]
        parts = _replace_path(parts, hashbang)
    found = _match(platform, main, parts, depth)
    if found is not None:
        return found
    host = platform.canonical_host if main else _strip_www(parts.host)
    generic = _generic(parts, drop=platform.tracking_params, host=host)
    return CanonicalURL(generic.canonical, platform.slug, None, None, rules.OTHER)


def _parse(url: str) -> _Parts:
    if not isinstance(url, str):
        raise ValueError(f"expected a web address as text, got {type(url).__name__}")
    text = url.strip()
    if not text:
        raise ValueError("empty web address")
    if any(ch.isspace() for ch in text):
        raise ValueError(f"not a web address (contains spaces): {text!r}")
    schemeless = False
    scheme_match = _SCHEME.match(text)
    if text.startswith("//"):
        text, schemeless = "https:" + text, True
    elif scheme_match and text[scheme_match.end() :].startswith("//"):
        if scheme_match.group(1).lower() not in _DEFAULT_PORTS:
            raise ValueError(f"only http and https addresses are accepted, not {text!r}")
    elif scheme_match and scheme_match.group(1).lower() in _DEFAULT_PORTS:
        raise ValueError(f"web address is missing '//' after '{scheme_match.group(0)}': {text!r}")
    elif scheme_match and not text[scheme_match.end() : scheme_match.end() + 1].isdigit():
        # "mailto:...", "javascript:...", "at://...": a scheme, and not a web one.
        raise ValueError(f"only http and https addresses are accepted, not {text!r}")
    else:
        text, schemeless = "https://" + text, True
    try:
        split = urlsplit(text)
        port = split.port
    except ValueError as error:
        raise ValueError(f"not a valid web address: {url.strip()!r} ({error})") from None
    if not split.hostname:
        raise ValueError(f"web address has no host: {url.strip()!r}")
    host = _normalise_host(split.hostname, url.strip())
    if schemeless and not _is_public_host(host):
        raise ValueError(f"does not look like a web address: {url.strip()!r}")
    scheme = split.scheme.lower()
    if port == _DEFAULT_PORTS.get(scheme):
        port = None
    query = tuple(parse_qsl(split.query, keep_blank_values=True))
    parts = _Parts(scheme, host, port, split.path, "", query, unquote(split.fragment))
    return _replace_path(parts, split.path)


def _replace_path(parts: _Parts, raw_path: str) -> _Parts:
    """Record both the path as written (for generic keys) and the decoded, tidied form the
    platform patterns are matched against."""
    decoded = _remove_dot_segments(unquote(raw_path))
    decoded = re.sub(r"/{2,}", "/", decoded).rstrip("/")
    return _Parts(
        parts.scheme, parts.host, parts.port, raw_path, decoded, parts.query, parts.fragment
    )


def _normalise_host(hostname: str, original: str) -> str:
    host = hostname.rstrip(".")
    if ":" in host:
        try:
            return "[" + ipaddress.IPv6Address(host).compressed + "]"
        except ValueError:
            raise ValueError(f"invalid host in {original!r}") from None
    if not host.isascii():
        try:
            if _idna is not None:
                host = _idna.encode(host, uts46=True).decode("ascii")
            else:  # pragma: no cover
                host = host.encode("idna").decode("ascii")
        except (UnicodeError, ValueError):
            raise ValueError(f"invalid international host name in {original!r}") from None
    host = host.lower()
    if not all(_LABEL.fullmatch(label) for label in host.split(".")):
        raise ValueError(f"invalid host name in {original!r}")
    return host


@cache
def _suffix_extractor():
    """tldextract with its bundled public-suffix snapshot only: never touches the network or
    writes a cache, so canonicalisation is deterministic and works offline."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def _is_public_host(host: str) -> bool:
    """A scheme-less string is only taken as an address when its host could be on the public
    web (a known suffix, or an IP): otherwise "some.user" or "hello" would become URLs."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    if platform_for_host(host)[0] is not None:
        return True
    extracted = _suffix_extractor()(host)
    return bool(extracted.suffix and extracted.domain)


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, so /a/./b/../c and /a/c give one key."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        if segment == ".":
            if index == len(segments) - 1:
                output.append("")
            continue
        if segment == "..":
            if len(output) > 1:
                output.pop()
            if index == len(segments) - 1:
                output.append("")
            continue
        output.append(segment)
    return "/".join(output)


def _strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


def is_tracking_param(name: str, platform: rules.Platform | None = None) -> bool:
    """True if a query parameter only tracks (who shared a link, from where), on any site or on
    this platform: safe to drop from a link without changing what it shows."""
    return _is_tracking(name, platform.tracking_params if platform else frozenset())


def _is_tracking(name: str, extra: frozenset[str]) -> bool:
    lowered = name.lower()
    return (
        lowered in rules.GLOBAL_TRACKING_PARAMS
        or lowered.startswith(rules.GLOBAL_TRACKING_PREFIXES)
        or name in extra
        or lowered in extra
    )


def _generic(parts: _Parts, drop: frozenset[str], host: str | None = None) -> CanonicalURL:
    """The key for a page we have no rule for: only differences that cannot change the page
    are removed. Path case is kept (paths are case-sensitive on most servers)."""
    host = host or _strip_www(parts.host)
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    segments = _remove_dot_segments(parts.raw_path).split("/")
    path = "/".join(quote(unquote_to_bytes(segment), safe=_PATH_SAFE) for segment in segments)
    path = path.rstrip("/")
    pairs = sorted(
        (quote(name, safe=_QUERY_SAFE), quote(value, safe=_QUERY_SAFE))
        for name, value in parts.query
        if name and not _is_tracking(name, drop)
    )
    query = "&".join(f"{name}={value}" if value else name for name, value in pairs)
    canonical = host + path + (f"?{query}" if query else "")
    kind = rules.CONTENT if (path or query) else rules.OTHER
    return CanonicalURL(canonical, None, None, None, kind)


@cache
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _query_value(parts: _Parts, param: rules.Param) -> str | None:
    for name, value in parts.query:
        if name == param.name:
            found = _regex(param.value).fullmatch(value)
            if found is None:
                return None
            return found.group(1) if found.re.groups else found.group(0)
    return None


def _match(platform: rules.Platform, main: bool, parts: _Parts, depth: int) -> CanonicalURL | None:
    for pattern in platform.patterns:
        if pattern.hosts:
            if _strip_www(parts.host) not in pattern.hosts:
                continue
        elif not main:
            continue
        found = _regex(pattern.path).fullmatch(parts.match_path)
        if found is None:
            continue
        groups = {name: value for name, value in found.groupdict().items() if value}
        missing = False
        for param in pattern.query:
            value = _query_value(parts, param)
            if value is None:
                missing = True
                break
            groups[param.group] = value
        if missing:
            continue
        for param in pattern.optional_query:
            value = _query_value(parts, param)
            if value is not None:
                groups.setdefault(param.group, value)
        if pattern.fragment and parts.fragment:
            anchor = _regex(pattern.fragment).fullmatch(parts.fragment)
            if anchor is not None:
                groups.update({k: v for k, v in anchor.groupdict().items() if v})
        if pattern.kind == rules.REDIRECT:
            if depth < _MAX_REDIRECT_DEPTH:
                try:
                    return _canonicalise(groups["target"], depth + 1)
                except ValueError:
                    pass
            continue
        result = _build(platform, pattern, groups)
        if result is not None:
            return result
    return None


def _build(
    platform: rules.Platform, pattern: rules.Pattern, groups: dict[str, str]
) -> CanonicalURL | None:
    values: dict[str, str] = {}
    for name, value in groups.items():
        if name == "account":
            handle = normalise_handle(platform.slug, value)
            if handle is not None:
                values[name] = handle
        elif name in pattern.content:
            values[name] = value if platform.content_ids_case_sensitive else value.lower()
        elif name in platform.lower_groups:
            values[name] = value.lower()
        else:
            values[name] = value
    content_id = next((values[name] for name in pattern.content if name in values), None)
    if content_id is not None:
        values["content_id"] = content_id
    canonical = _render(pattern.canonical, values)
    if canonical is None:
        return None
    return CanonicalURL(canonical, platform.slug, content_id, values.get("account"), pattern.kind)


def _render(templates: tuple[str, ...], values: dict[str, str]) -> str | None:
    """Fill the first template (all its fields required) and each later one whose fields are
    all present. Values are %-encoded so a key never contains a stray '/', '?' or space."""
    rendered = []
    for index, template in enumerate(templates):
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        if not all(name in values for name in fields):
            if index == 0:
                return None
            continue
        encoded = {name: quote(values[name], safe=_PATH_SAFE) for name in fields}
        rendered.append(template.format(**encoded))
    return "".join(rendered)
