"""Personal data held by matching, for `hatehub.privacy`: the fingerprints and keys made from
a case's reports, and the online accounts its reports named (deleted when no other record
names them)."""

from django.db import transaction
from django.db.models.deletion import ProtectedError, RestrictedError

ERASE_ORDER = 80  # after suspects (which reads the case's accounts), before intake


def case_accounts(case) -> set[int]:
    """The ids of the online accounts the case's reports name or link to."""
    from hatehub.reports.models import AccountMention, ContentItem

    ids = set(
        AccountMention.objects.filter(report__case=case, account__isnull=False).values_list(
            "account_id", flat=True
        )
    )
    ids |= set(
        ContentItem.objects.filter(report__case=case, account__isnull=False).values_list(
            "account_id", flat=True
        )
    )
    return ids


def _still_named(account_id: int) -> bool:
    """A report names the account, or an app above matching does (its
    `personal_data.names_account`, e.g. an intelligence report)."""
    from hatehub.core.extensions import app_modules
    from hatehub.reports.models import AccountMention, ContentItem

    return (
        AccountMention.objects.filter(account_id=account_id).exists()
        or ContentItem.objects.filter(account_id=account_id).exists()
        or any(
            module.names_account(account_id)
            for module in app_modules("personal_data")
            if hasattr(module, "names_account")
        )
    )


def erase_for_case(case) -> dict[str, int]:
    from hatehub.matching.models import Fingerprint, MatchKey, OnlineAccount
    from hatehub.reports.models import AccountMention, ContentItem

    reports = case.reports.all()
    counts = {
        "match_keys": MatchKey.objects.filter(report__in=reports).delete()[0],
        "fingerprints": Fingerprint.objects.filter(report__in=reports).delete()[0],
    }
    accounts = case_accounts(case)
    AccountMention.objects.filter(report__case=case).update(account=None)
    ContentItem.objects.filter(report__case=case).update(account=None)
    deleted = 0
    for account in OnlineAccount.objects.filter(pk__in=accounts):
        if _still_named(account.pk):
            continue
        try:  # an account a suspect link or an identification request names is kept
            with transaction.atomic():
                account.delete()
            deleted += 1
        except (ProtectedError, RestrictedError):
            pass
    counts["online_accounts"] = deleted
    return counts


def export_for_person(person) -> dict:
    """The accounts a suspect is linked to and every handle each has used."""
    accounts = []
    for link in person.account_links.select_related("account"):
        account = link.account
        accounts.append(
            {
                "platform": account.platform,
                "handle": account.handle,
                "platform_user_id": account.platform_user_id or "",
                "handles_used": [h.handle for h in account.handles.all()],
            }
        )
    return {"online_accounts": accounts} if accounts else {}
