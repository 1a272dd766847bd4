"""Personal data held by suspects, for `hatehub.privacy`.

A suspect (`Person`) is erased with a case only when the case is the only thing that ties them
to the hub: every account they are linked to is named by this case's reports alone, they were
identified in no other case, and no intelligence report names them. Otherwise only this case's
identification of them goes. Identification requests are separate records (Investigatory
Powers Act) with their own retention and are not touched."""

ERASE_ORDER = 10  # first: needs the case's accounts, which matching removes


def _only_this_case(person, case, case_accounts: set[int]) -> bool:
    from hatehub.core.extensions import app_modules
    from hatehub.reports.models import AccountMention, ContentItem
    from hatehub.suspects.models import CaseIdentification

    accounts = set(person.account_links.values_list("account_id", flat=True))
    if not accounts <= case_accounts:
        return False
    if CaseIdentification.objects.filter(person=person).exclude(case=case).exists():
        return False
    if any(  # an app above suspects names them (intelligence: `personal_data.names_person`)
        module.names_person(person.pk)
        for module in app_modules("personal_data")
        if hasattr(module, "names_person")
    ):
        return False
    elsewhere = (
        AccountMention.objects.filter(account_id__in=accounts).exclude(report__case=case).exists()
        or ContentItem.objects.filter(account_id__in=accounts).exclude(report__case=case).exists()
    )
    return not elsewhere


def references_blob(sha256: str) -> bool:
    """A response attachment in the evidence store (for the evidence app's erasure)."""
    from hatehub.suspects.models import ResponseAttachment

    return ResponseAttachment.objects.filter(sha256=sha256).exists()


def erase_subject_for_case(case) -> dict[str, int]:
    """Suspects linked only through this case's accounts are deleted (their links go with
    them); this case's identifications of anyone else are removed."""
    from hatehub.matching.personal_data import case_accounts
    from hatehub.suspects.models import CaseIdentification, Person

    accounts = case_accounts(case)
    candidates = Person.objects.filter(account_links__account_id__in=accounts).distinct()
    persons = [person for person in candidates if _only_this_case(person, case, accounts)]
    counts = {
        "case_identifications": CaseIdentification.objects.filter(case=case).delete()[0],
        "persons": 0,
        "person_account_links": 0,
    }
    for person in persons:
        counts["person_account_links"] += person.account_links.count()
        CaseIdentification.objects.filter(person=person).delete()
        person.account_links.all().delete()
        person.delete()
        counts["persons"] += 1
    return counts


def erase_for_case(case) -> dict[str, int]:
    return erase_subject_for_case(case)


def export_for_person(person) -> dict:
    from hatehub.suspects.models import IdentificationRequest

    links = person.account_links.select_related("account")
    account_ids = [link.account_id for link in links]
    return {
        "person": {
            "reference": person.reference,
            "full_name": person.full_name,
            "other_names": person.other_names,
            "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else "",
            "location": person.location_text,
            "force": str(person.force) if person.force_id else "",
            "notes": person.notes,
            "recorded_at": person.created_at.isoformat(),
        },
        "account_links": [
            {
                "account": f"{link.account.platform}:{link.account.handle}",
                "how_we_know": link.get_source_display(),
                "confidence": link.get_confidence_display(),
                "note": link.note,
                "linked_at": link.linked_at.isoformat(),
                "unlinked_at": link.unlinked_at.isoformat() if link.unlinked_at else "",
            }
            for link in links
        ],
        "identified_in_cases": [
            {"case": i.case.reference, "identified_at": i.identified_at.isoformat()}
            for i in person.identifications.select_related("case")
        ],
        "identification_requests": [
            {
                "reference": r.reference,
                "status": r.get_status_display(),
                "data_wanted": r.data_wanted_labels(),
                "period": f"{r.period_start.isoformat()} to {r.period_end.isoformat()}",
                "sent_at": r.sent_at.isoformat() if r.sent_at else "",
            }
            for r in IdentificationRequest.objects.filter(account_id__in=account_ids)
        ],
    }
