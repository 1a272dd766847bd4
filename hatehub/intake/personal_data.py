"""Personal data held by intake, for `hatehub.privacy`: the complainant's details (deleted on
erasure) and what each report says (blanked, so the report stays as a content-free skeleton:
reference, dates, platform, strands)."""

ERASE_ORDER = 90  # last: other apps read the complainant's details to find their own rows

REPORT_TEXT_FIELDS = {
    "description": "",
    "quoted_text": "",
    "poster_identity_details": "",
    "future_event_details": "",
    "poster_location": "",
    "strand_other": "",
    "partner_reference": "",
    "idempotency_key": None,
    "idempotency_fingerprint": "",
}


def erase_for_case(case) -> dict[str, int]:
    from hatehub.reports.models import AccountMention, Complainant, ContentItem, Report

    reports = Report.objects.filter(case=case)
    counts = {"complainants": Complainant.objects.filter(report__case=case).delete()[0]}
    counts["account_mentions"] = AccountMention.objects.filter(report__case=case).delete()[0]
    counts["content_items_blanked"] = ContentItem.objects.filter(report__case=case).update(
        url="", canonical_url="", content_id="", account=None
    )
    counts["reports_blanked"] = reports.update(**REPORT_TEXT_FIELDS)
    return counts


def erase_subject_for_case(case) -> dict[str, int]:
    """NCHI without personal data: what the reports say about who the poster is."""
    from hatehub.reports.models import Report

    return {
        "reports_poster_details_blanked": Report.objects.filter(case=case)
        .exclude(poster_identity_details="", poster_location="")
        .update(poster_identity_details="", poster_location="")
    }


def _report(report) -> dict:
    return {
        "reference": report.reference,
        "submitted_at": report.submitted_at.isoformat(),
        "how_reported": report.get_source_display(),
        "you_reported_as": report.get_reporter_role_display(),
        "what_happened": report.description,
        "what_the_post_said": report.quoted_text,
        "when_it_happened": report.occurred_on.isoformat() if report.occurred_on else "",
        "platform": report.platform_other or report.platform,
        "characteristics_targeted": [s.label for s in report.strands.all()],
        "other_characteristic": report.strand_other,
        "who_you_think_posted_it": report.poster_identity_details,
        "where_they_are": report.poster_location,
        "future_event": report.get_future_event_display(),
        "future_event_details": report.future_event_details,
        "anonymous": report.anonymous,
        "links_you_gave": [item.url for item in report.content_items.all()],
        "accounts_you_named": [f"{m.platform}:{m.handle}" for m in report.accounts.all()],
    }


def export_for_complainant(complainant) -> dict:
    return {
        "your_details": {
            "name": complainant.name,
            "email": complainant.email,
            "phone": complainant.phone,
            "contact_method": complainant.get_contact_method_display(),
            "safe_to_leave_message": complainant.safe_to_leave_message,
            "contact_notes": complainant.contact_notes,
            "postcode": complainant.victim_postcode,
            "town": complainant.victim_town,
            "support_referral_consent": complainant.support_referral_consent,
            "language": complainant.get_language_display(),
            "times_not_to_contact": complainant.avoid_contact_times,
            "letters_allowed": complainant.post_allowed,
            "postal_address": complainant.postal_address,
        },
        "your_report": _report(complainant.report),
    }
