"""Which platform a link belongs to, and the shipped directory file, checked.

The URL canonicaliser's table (`matching.platform_rules`) is the one place that knows a
platform's domains. The directory takes them from there for every platform the rules cover;
only a platform the rules do not cover (a forum the hub adds) has domains of its own, and they
may not overlap the rules or each other. Pure Python: no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from hatehub.matching import platform_rules
from hatehub.matching.canonical_urls import platform_for_host

DIRECTORY_FILE = Path(__file__).resolve().parent / "data" / "platforms.yaml"
CHANNELS = ("email", "api", "web_form")
_DOMAIN = re.compile(
    r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}"
    r"|\d{1,3}(?:\.\d{1,3}){3}"  # an IP address, for a test or an intranet forum
)


def rule_domains(slug: str) -> tuple[str, ...]:
    """The domains and extra hosts the URL rules give a platform (none for an unknown slug)."""
    rule = platform_rules.platform_by_slug(slug)
    return (*rule.domains, *rule.extra_hosts) if rule else ()


def domains_of(slug: str, extra_domains: Iterable[str] = ()) -> tuple[str, ...]:
    """A directory platform's domains: the rules' own if they cover it, else its extras."""
    return rule_domains(slug) or tuple(extra_domains)


def host_of(url: str) -> str:
    try:
        host = urlsplit(url if "//" in url else f"https://{url}").hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".")


def on_domain(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def platform_slug_for(
    url: str, matched_platform: str | None, extra_domains: Mapping[str, Iterable[str]]
) -> str | None:
    """The directory slug a reported item belongs to: the platform matching found (by the
    rules), else the directory platform whose own domains hold the link's host."""
    if matched_platform:
        return matched_platform
    host = host_of(url)
    if not host:
        return None
    rule, _ = platform_for_host(host)
    if rule is not None:
        return rule.slug
    for slug, domains in extra_domains.items():
        if any(on_domain(host, domain) for domain in domains):
            return slug
    return None


def domain_problems(
    slug: str, domains: Iterable[str], others: Mapping[str, Iterable[str]]
) -> list[str]:
    """Why these extra domains cannot be a platform's (empty list: they can)."""
    problems = []
    domains = list(domains)
    if platform_rules.platform_by_slug(slug) and domains:
        return [
            f"{slug} takes its domains from the URL rules (hatehub/matching/platform_rules.py); "
            "change them there"
        ]
    for domain in domains:
        if not _DOMAIN.fullmatch(domain):
            problems.append(f"{domain} is not a domain name (like forum.example.org)")
            continue
        rule, _ = platform_for_host(domain)
        if rule is not None:
            problems.append(f"{domain} belongs to {rule.slug} in the URL rules")
        for other, taken in others.items():
            if other != slug and any(on_domain(domain, t) or on_domain(t, domain) for t in taken):
                problems.append(f"{domain} is already a domain of {other}")
    return problems


@dataclass(frozen=True)
class DirectoryEntry:
    slug: str
    name: str
    channel: str
    referral_email: str = ""
    referral_endpoint: str = ""
    web_form_url: str = ""
    legal_contact: str = ""
    service_level_hours: int = 24
    notes: str = ""
    extra_domains: tuple[str, ...] = ()


class DirectoryError(ValueError):
    pass


def read_directory(
    path: str | Path = DIRECTORY_FILE, *, examples_only: bool | None = None
) -> list[DirectoryEntry]:
    """A directory file, checked: every platform in the URL rules is listed once and each has
    an address for its channel. The shipped file (and any with `examples_only`) may hold only
    example addresses (example.com), so nothing real is ever contacted by accident."""
    if examples_only is None:
        examples_only = Path(path).resolve() == DIRECTORY_FILE
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entries: list[DirectoryEntry] = []
    problems: list[str] = []
    seen: set[str] = set()
    fields = set(DirectoryEntry.__dataclass_fields__)
    for raw in doc.get("platforms", []):
        slug = str(raw.get("slug", ""))
        unknown = set(raw) - fields
        if unknown:
            problems.append(f"{slug}: unknown fields {sorted(unknown)}")
            continue
        if slug in seen:
            problems.append(f"{slug}: listed twice")
        seen.add(slug)
        entry = DirectoryEntry(**{**raw, "extra_domains": tuple(raw.get("extra_domains", ()))})
        problems += [f"{slug}: {p}" for p in entry_problems(entry)]
        if examples_only:
            problems += [f"{slug}: {p}" for p in example_problems(entry)]
        entries.append(entry)
    missing = {p.slug for p in platform_rules.PLATFORMS} - seen
    if missing:
        problems.append(f"platforms in the URL rules missing from the directory: {sorted(missing)}")
    others = {e.slug: e.extra_domains for e in entries}
    for entry in entries:
        problems += [
            f"{entry.slug}: {p}" for p in domain_problems(entry.slug, entry.extra_domains, others)
        ]
    if problems:
        raise DirectoryError("; ".join(problems))
    return entries


def is_example(address: str) -> bool:
    """An address at example.com (RFC 2606): clearly not a real contact."""
    host = (
        address.rsplit("@", 1)[-1] if "@" in address and "//" not in address else host_of(address)
    )
    return on_domain(host.lower(), "example.com")


def example_problems(entry: DirectoryEntry) -> list[str]:
    addresses = (
        entry.referral_email,
        entry.referral_endpoint,
        entry.web_form_url,
        entry.legal_contact,
    )
    return [f"{a} is not an example.com address" for a in addresses if a and not is_example(a)]


def entry_problems(entry: DirectoryEntry) -> list[str]:
    problems = []
    if entry.channel not in CHANNELS:
        problems.append(f"channel must be one of {CHANNELS}")
        return problems
    address = {
        "email": entry.referral_email,
        "api": entry.referral_endpoint,
        "web_form": entry.web_form_url,
    }[entry.channel]
    if not address:
        problems.append(f"a {entry.channel} platform needs its address")
    if entry.channel == "api" and not entry.referral_endpoint.startswith("https://"):
        problems.append("an API endpoint must be https")
    if entry.service_level_hours < 1:
        problems.append("service_level_hours must be at least 1")
    return problems
