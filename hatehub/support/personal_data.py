"""Personal data held by support, for `hatehub.privacy`: referrals of a victim to a support
service. The referral rows stay (service, dates, status) with their free text blanked; the
message that carried the victim's details is blanked by the outbox's module."""

ERASE_ORDER = 50


def erase_for_case(case) -> dict[str, int]:
    from hatehub.support.models import Referral

    return {
        "referrals_blanked": Referral.objects.filter(case=case).update(
            note="", failure="", finish_reason="", acknowledgement_token_hash=""
        )
    }


def export_for_complainant(complainant) -> dict:
    from hatehub.support.models import Referral

    referrals = Referral.objects.filter(report_id=complainant.report_id).select_related("service")
    return {
        "support_referrals": [
            {
                "service": r.service.name,
                "status": r.get_status_display(),
                "created_at": r.created_at.isoformat(),
                "sent_at": r.sent_at.isoformat() if r.sent_at else "",
                "note": r.note,
            }
            for r in referrals
        ]
    }
