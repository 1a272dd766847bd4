"""Drafting a takedown referral of reported items to one platform."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from hatehub.assessment.models import Assessment
from hatehub.assessment.rules import load_rules
from hatehub.audit.services import Action, record
from hatehub.cases.models import CaseEvent
from hatehub.cases.services import add_event
from hatehub.evidence.models import EvidenceFile
from hatehub.reports.models import ContentItem

from .. import composition, directory
from ..models import Platform, Referral, ReferralItem
from ..selectors import crime_decision, open_item_for, platform_domains
from .directory import callback_url, hub_name, reply_address
from .errors import ReferralRefused


def _offences(assessment: Assessment) -> list[dict]:
    by_id = {offence.id: offence for offence in load_rules().offences}
    found = []
    for offence_id in assessment.decided_offences:
        offence = by_id.get(offence_id)
        if offence is None:
            found.append(
                {"id": offence_id, "act": "", "section": "", "name": offence_id, "source": ""}
            )
        else:
            found.append(
                {
                    "id": offence.id,
                    "act": offence.act,
                    "section": offence.section,
                    "name": offence.name,
                    "source": offence.source,
                    "law": composition.law_of(offence.nations),
                }
            )
    return found


def _evidence_hashes(report_ids: set[int]) -> dict[int, list[str]]:
    hashes: dict[int, list[str]] = {}
    originals = EvidenceFile.objects.filter(
        report_id__in=report_ids, kind=EvidenceFile.Kind.ORIGINAL
    ).order_by("pk")
    for report_id, sha256 in originals.values_list("report_id", "sha256"):
        if sha256 not in hashes.setdefault(report_id, []):
            hashes[report_id].append(sha256)
    return hashes


def _draft(referral: Referral, items: list[ReferralItem]) -> composition.Draft:
    return composition.Draft(
        reference=referral.reference,
        platform_name=referral.platform.name,
        hub_name=hub_name(),
        reply_to=referral.reply_to,
        callback_url=callback_url(referral.platform) if referral.channel == "api" else "",
        items=tuple(
            composition.Item(
                number=item.number,
                url=item.url,
                canonical_url=item.canonical_url,
                case_reference=item.case.reference,
                offences=tuple(composition.Offence(**o) for o in item.offences),
                evidence_sha256=tuple(item.evidence_sha256),
            )
            for item in items
        ),
    )


@transaction.atomic
def create_referral(*, platform: Platform, content_item_ids: Iterable[int], by) -> Referral:
    """Draft a referral of these reported items to `platform`. Each item's case must have an
    officer's decision that the content is a crime, each must be on this platform, and none
    may already be referred and still open."""
    ids = sorted(set(content_item_ids))
    if not ids:
        raise ReferralRefused("Select at least one item to refer")
    if not platform.active:
        raise ReferralRefused(f"{platform.name} is not active in the directory")
    if not platform.address:
        raise ReferralRefused(f"The directory has no address for {platform.name}'s channel")
    # Locked, so two officers referring the same item at once cannot both pass the check below.
    contents = list(
        ContentItem.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("report__case")
        .order_by("pk")
    )
    if len(contents) != len(ids):
        raise ReferralRefused("One of the selected items does not exist")
    domains = platform_domains()
    decisions: dict[int, Assessment] = {}
    problems = []
    for content in contents:
        case = content.report.case
        if case.pk not in decisions:
            decision = crime_decision(case)
            if decision is None:
                problems.append(
                    f"Case {case.reference} has no officer's decision that the content is a crime"
                )
                continue
            decisions[case.pk] = decision
        slug = directory.platform_slug_for(content.url, content.platform or None, domains)
        if slug != platform.slug:
            problems.append(f"{content.url} is not on {platform.name}")
        open_item = open_item_for(content)
        if open_item is not None:
            problems.append(f"{content.url} is already in referral {open_item.label}")
    if problems:
        raise ReferralRefused("; ".join(dict.fromkeys(problems)))
    now = timezone.now()
    referral = Referral.objects.create(
        platform=platform,
        channel=platform.channel,
        address=platform.address,
        reply_to=reply_address(),
        subject="",
        body="",
        created_at=now,
        created_by=by,
    )
    referral.reference = f"TR-{now.year}-{referral.pk:06d}"
    hashes = _evidence_hashes({c.report_id for c in contents})
    items = ReferralItem.objects.bulk_create(
        ReferralItem(
            referral=referral,
            number=number,
            case=content.report.case,
            content_item=content,
            assessment=decisions[content.report.case_id],
            url=content.url,
            canonical_url=content.canonical_url or content.url,
            offences=_offences(decisions[content.report.case_id]),
            evidence_sha256=hashes.get(content.report_id, []),
            status_changed_at=now,
        )
        for number, content in enumerate(contents, start=1)
    )
    draft = _draft(referral, items)
    referral.subject = composition.subject(draft)
    referral.body = composition.body(draft)
    referral.payload = composition.payload(draft)
    referral.save(update_fields=["reference", "subject", "body", "payload"])
    record(
        Action.CREATE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} drafted to {platform.name}",
        details={
            "platform": platform.slug,
            "items": len(items),
            "cases": sorted({c.report.case.reference for c in contents}),
        },
    )
    for case in {content.report.case for content in contents}:
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            f"Takedown referral {referral.reference} to {platform.name} drafted",
            details={"referral": referral.reference},
        )
    return referral
