"""The words of a takedown referral, from the facts the hub holds. Pure: no Django.

A referral gives the platform knowledge of illegal content (DOMAIN.md s10), so it states
exactly what the content is (canonical addresses and the address as reported), why the police
believe it is illegal in the UK (the offences the officer decided, with their legal source),
the evidence hashes the hub holds, the hub's reference for each item and where to reply.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Offence:
    id: str
    act: str
    section: str
    name: str
    source: str

    @property
    def citation(self) -> str:
        return f"{self.act} {self.section}: {self.name}"


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


def canonical_address(canonical_url: str) -> str:
    """Canonical keys have no scheme; a platform needs a link it can open."""
    if canonical_url.startswith(("http://", "https://")):
        return canonical_url
    return f"https://{canonical_url}"


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
            f"  Content: {canonical_address(item.canonical_url)}",
        ]
        if item.url and canonical_address(item.url) != canonical_address(item.canonical_url):
            lines.append(f"  As reported: {item.url}")
        lines.append("  Believed offences (law of England and Wales):")
        for offence in item.offences:
            lines.append(f"    - {offence.citation} (source: {offence.source})")
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
                "url": canonical_address(item.canonical_url),
                "reported_url": item.url,
                "offences": [
                    {
                        "id": o.id,
                        "act": o.act,
                        "section": o.section,
                        "name": o.name,
                        "source": o.source,
                    }
                    for o in item.offences
                ],
                "evidence_sha256": list(item.evidence_sha256),
            }
            for item in draft.items
        ],
    }
