"""The words of a takedown referral, from the facts the hub holds. Pure: no Django.

A referral gives the platform knowledge of illegal content (DOMAIN.md s10), so it states
exactly what the content is (an address the platform can open, and the address as reported),
why the police believe it is illegal in the UK (the offences the officer decided, cited by the
legislation itself: never the hub's internal documents or rule ids), the evidence hashes the
hub holds, the hub's reference for each item and where to reply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from hatehub.assessment.rules import NATION_NAMES
from hatehub.matching import platform_rules
from hatehub.matching.canonical_urls import canonicalise, is_tracking_param, platform_for_host

# The account segment of an X address (/<account>/status/<id>); "i" is X's own account-less
# form (/i/web/status/<id>), which is what we send when the account is not known.
_X_STATUS = re.compile(r"^/(?P<account>[A-Za-z0-9_]+)/status(?:es)?/(?P<id>\d+)", re.IGNORECASE)
_SECTION = re.compile(r"^s(?=\d)")


@dataclass(frozen=True)
class Offence:
    id: str
    act: str
    section: str
    name: str
    source: str
    # Where the offence is law, in words ("England and Wales"); empty on referrals drafted
    # before it was recorded.
    law: str = ""

    @property
    def legislation(self) -> str:
        """The Act and section in words, e.g. "Online Safety Act 2023, section 181"."""
        if not self.act:
            return ""
        section = _SECTION.sub("section ", self.section.strip())
        return f"{self.act}, {section}" if section else self.act

    @property
    def citation(self) -> str:
        """What an external notice says: the offence and the legislation that creates it."""
        if not self.legislation:
            return self.name
        return f"{self.name} ({self.legislation})"


@dataclass(frozen=True)
class Item:
    number: int
    url: str
    canonical_url: str
    case_reference: str
    offences: tuple[Offence, ...]
    evidence_sha256: tuple[str, ...] = ()


@dataclass(frozen=True)
class Draft:
    reference: str
    platform_name: str
    hub_name: str
    reply_to: str
    items: tuple[Item, ...]
    callback_url: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


def law_of(nations: tuple[str, ...]) -> str:
    """The jurisdictions an offence is law in, in words, for a notice read outside the police."""
    if set(nations) >= set(NATION_NAMES):
        return "the United Kingdom"
    return " and ".join(name for nation, name in NATION_NAMES.items() if nation in nations)


def canonical_address(canonical_url: str) -> str:
    """Canonical keys have no scheme; a platform needs a link it can open."""
    if canonical_url.startswith(("http://", "https://")):
        return canonical_url
    return f"https://{canonical_url}"


def content_address(url: str, canonical_url: str = "") -> str:
    """The address a platform can open for the content. Matching's canonical key is a key,
    not a link (for X it drops the account name, and x.com/status/<id> does not open), so the
    link is rebuilt from the address as reported: an X post as
    https://x.com/<account>/status/<id> (https://x.com/i/web/status/<id> when the reported
    address has no account); any other address as reported, on https, without tracking
    parameters (which can identify who shared it) or fragment. The canonical key is used only
    when there is no reported address."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return canonical_address(canonical_url) if canonical_url else url
    found = canonicalise(url)
    if found.platform == platform_rules.X.slug and found.content_id and found.identifies_content:
        account = _X_STATUS.match(parts.path)
        if account and account.group("id") == found.content_id and account["account"] != "i":
            return f"https://x.com/{account['account']}/status/{found.content_id}"
        if found.canonical == f"x.com/status/{found.content_id}":
            return f"https://x.com/i/web/status/{found.content_id}"
    platform, _ = platform_for_host(parts.hostname)
    query = urlencode(
        [
            (name, value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
            if name and not is_tracking_param(name, platform)
        ]
    )
    return urlunsplit(("https", parts.netloc, parts.path or "/", query, ""))


def item_reference(reference: str, number: int) -> str:
    return f"{reference}/{number}"


def subject(draft: Draft) -> str:
    count = len(draft.items)
    what = "1 item" if count == 1 else f"{count} items"
    return f"Police referral {draft.reference}: illegal content on {draft.platform_name} ({what})"


def body(draft: Draft) -> str:
    lines = [
        f"To the {draft.platform_name} trust and safety / law enforcement response team,",
        "",
        f"The {draft.hub_name} (a UK police unit) has assessed the content below and believes "
        "it is illegal in the United Kingdom. We ask you to review it under your terms of "
        "service and remove it, or restrict access to it in the UK.",
        "This referral gives you notice of the content for the purposes of the Online Safety "
        "Act 2023 duty to remove illegal content swiftly once aware of it.",
        "",
        f"Our reference: {draft.reference}",
        f"Reply to: {draft.reply_to}",
        "",
    ]
    for item in draft.items:
        lines += [
            f"Item {item_reference(draft.reference, item.number)}",
            f"  Content: {content_address(item.url, item.canonical_url)}",
        ]
        if item.url and item.url != content_address(item.url, item.canonical_url):
            lines.append(f"  As reported: {item.url}")
        laws = {offence.law for offence in item.offences}
        if len(laws) == 1 and "" not in laws:
            lines.append(f"  Believed offences (law of {laws.pop()}):")
            lines += [f"    - {offence.citation}" for offence in item.offences]
        else:
            lines.append("  Believed offences:")
            for offence in item.offences:
                where = f", law of {offence.law}" if offence.law else ""
                lines.append(f"    - {offence.citation}{where}")
        if item.evidence_sha256:
            lines.append("  Evidence held by the police (SHA-256):")
            lines += [f"    - {digest}" for digest in item.evidence_sha256]
        lines.append("")
    lines += [
        "Please tell us, for each item, whether you removed it, restricted it in the UK or "
        "decided not to act (with your reason), quoting the item reference.",
    ]
    if draft.callback_url:
        lines.append(
            f"If you have been given a callback key, you can report status to {draft.callback_url}"
        )
    lines += list(draft.notes)
    lines += ["", f"{draft.hub_name}", draft.reply_to]
    return "\n".join(lines) + "\n"


def payload(draft: Draft) -> dict:
    """The same referral as data, for a platform's API."""
    return {
        "type": "takedown_referral",
        "reference": draft.reference,
        "from": draft.hub_name,
        "reply_to": draft.reply_to,
        "callback_url": draft.callback_url or None,
        "items": [
            {
                "item": item.number,
                "reference": item_reference(draft.reference, item.number),
                "url": content_address(item.url, item.canonical_url),
                "reported_url": item.url,
                "offences": [
                    {
                        "name": o.name,
                        "act": o.act,
                        "section": o.section,
                        "legislation": o.legislation,
                        **({"law": o.law} if o.law else {}),
                    }
                    for o in item.offences
                ],
                "evidence_sha256": list(item.evidence_sha256),
            }
            for item in draft.items
        ],
    }
