"""People the hub identifies as suspects, and the accounts linked to them."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.jurisdiction.services import force_for, place_from_text
from hatehub.matching.models import OnlineAccount
from hatehub.victims import services as victims

from .. import access, references
from ..models import (
    CaseIdentification,
    Person,
    PersonAccountLink,
)
from ..selectors import case_ids_by_account
from .errors import SuspectsRefused
from .steps import new_reference

IDENTIFYING = (PersonAccountLink.Confidence.CONFIRMED, PersonAccountLink.Confidence.PROBABLE)


@dataclass(frozen=True)
class PersonDetails:
    full_name: str
    other_names: list[str]
    date_of_birth: date | None = None
    location_text: str = ""
    notes: str = ""


def _force_for_location(text: str):
    place = place_from_text(text) if text else None
    if place is None or place.abroad or not place.known:
        return None
    return force_for(place.force)


@transaction.atomic
def create_person(details: PersonDetails, *, by) -> Person:
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can add a person")
    person = Person.objects.create(
        reference=new_reference(Person, references.PERSON),
        full_name=details.full_name.strip(),
        other_names=[name.strip() for name in details.other_names if name.strip()],
        date_of_birth=details.date_of_birth,
        location_text=details.location_text.strip(),
        force=_force_for_location(details.location_text),
        notes=details.notes.strip(),
        created_by=by,
        created_at=timezone.now(),
    )
    record(
        Action.CREATE,
        "person",
        person.reference,
        summary=f"Person {person.reference} added",
        details={"force": person.force.police_uk_id if person.force else None},
    )
    return person


@transaction.atomic
def link_account(
    person: Person,
    account: OnlineAccount,
    *,
    source: str,
    confidence: str,
    note: str = "",
    by,
) -> PersonAccountLink:
    """Link the person to the account. A confirmed or probable link identifies the person as a
    suspect in every case the account appears in (once per case), and tells the victim's
    timeline so the Victims' Code clock for "suspect identified" starts."""
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can link a person to an account")
    now = timezone.now()
    try:
        with transaction.atomic():
            link = PersonAccountLink.objects.create(
                person=person,
                account=account,
                source=source,
                confidence=confidence,
                note=note.strip(),
                linked_by=by,
                linked_at=now,
            )
    except IntegrityError as exists:
        raise SuspectsRefused(
            f"{person.reference} is already linked to {account.platform_name}: {account.handle}"
        ) from exists
    record(
        Action.CHANGE,
        "person",
        person.reference,
        summary=f"Person {person.reference} linked to account {account.platform}:{account.handle}",
        details={
            "link": link.pk,
            "account": account.pk,
            "source": source,
            "confidence": confidence,
        },
    )
    if confidence in IDENTIFYING:
        _identify_in_cases(person, link, by=by, at=now)
    return link


def _identify_in_cases(person: Person, link: PersonAccountLink, *, by, at: datetime) -> None:
    case_ids = case_ids_by_account([link.account_id]).get(link.account_id, set())
    already = set(
        CaseIdentification.objects.filter(person=person, case_id__in=case_ids).values_list(
            "case_id", flat=True
        )
    )
    for case in Case.objects.filter(pk__in=case_ids - already).order_by("pk"):
        CaseIdentification.objects.create(
            person=person, case=case, link=link, identified_at=at, identified_by=by
        )
        record(
            Action.CREATE,
            "case_identification",
            case.reference,
            summary=f"Suspect {person.reference} identified in case {case.reference}",
            details={"person": person.reference, "account": link.account_id, "link": link.pk},
        )
        _tell_victims(case, person, link, at, by)


def _tell_victims(case: Case, person: Person, link: PersonAccountLink, at: datetime, by) -> None:
    victims.events.record_event(
        case,
        "suspect_identified",
        at=at,
        details={
            "person": person.reference,
            "account": f"{link.account.platform}:{link.account.handle}",
            "confidence": link.confidence,
        },
        by=by,
    )


@transaction.atomic
def unlink_account(link: PersonAccountLink, *, reason: str, by) -> PersonAccountLink:
    """End the link, keeping the row: who linked, who unlinked, and why stay readable."""
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can unlink an account")
    if not reason.strip():
        raise SuspectsRefused("Say why the link is wrong or no longer holds")
    link = (
        PersonAccountLink.objects.select_for_update()
        .select_related("person", "account")
        .get(pk=link.pk)
    )
    if link.unlinked_at is not None:
        raise SuspectsRefused("That link has already been ended")
    link.unlinked_at = timezone.now()
    link.unlinked_reason = reason.strip()
    link.save(update_fields=["unlinked_at", "unlinked_reason"])
    record(
        Action.CHANGE,
        "person",
        link.person.reference,
        summary=(
            f"Person {link.person.reference} unlinked from account "
            f"{link.account.platform}:{link.account.handle}"
        ),
        details={"link": link.pk, "account": link.account_id, "reason": link.unlinked_reason},
    )
    return link
