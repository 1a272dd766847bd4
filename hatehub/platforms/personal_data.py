"""Personal data held by platforms, for `hatehub.privacy`: takedown referrals name the content
(URLs that may identify a poster or a victim) and carry evidence hashes. Erasure blanks this
case's items, their status history and liveness checks; a referral's message is blanked when
every item in it is this case's, otherwise this case's addresses are cut out of it. Items stay
as skeletons (platform, dates, status) for the time-to-removal figures."""

ERASE_ORDER = 45  # before intake blanks the content items the referral items point at


def erase_for_case(case) -> dict[str, int]:
    from hatehub.platforms.models import LivenessCheck, Referral, ReferralItem, StatusChange

    items = ReferralItem.objects.filter(case=case)
    counts = {
        "liveness_checks_blanked": LivenessCheck.objects.filter(item__in=items).update(
            url="", final_url="", redirects=[], error=""
        ),
        "status_changes_blanked": StatusChange.objects.filter(item__in=items).update(
            reason="", evidence={}
        ),
    }
    urls = [url for pair in items.values_list("url", "canonical_url") for url in pair if url]
    referrals_blanked = referrals_trimmed = 0
    for referral in Referral.objects.filter(items__case=case).distinct():
        if not referral.items.exclude(case=case).exists():
            referral.subject = referral.body = referral.address = referral.reply_to = ""
            referral.payload, referral.delivery_error = {}, ""
            referrals_blanked += 1
        else:
            for url in sorted(set(urls), key=len, reverse=True):
                referral.body = referral.body.replace(url, "[erased]")
            referral.payload = {}
            referrals_trimmed += 1
        referral.save(
            update_fields=["subject", "body", "address", "reply_to", "payload", "delivery_error"]
        )
    counts["referrals_blanked"] = referrals_blanked
    counts["referrals_trimmed"] = referrals_trimmed
    counts["referral_items_blanked"] = items.update(
        url="", canonical_url="", evidence_sha256=[], status_reason=""
    )
    return counts
