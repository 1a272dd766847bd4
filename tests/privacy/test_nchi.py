"""NCHI Code (DOMAIN.md s3): recorded without personal data, the subject's data is removed."""

import pytest
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.matching.models import OnlineAccount
from hatehub.privacy import services
from hatehub.privacy.models import ErasureLog
from hatehub.suspects.models import CaseIdentification, Person, PersonAccountLink
from tests.privacy.helpers import decide

pytestmark = pytest.mark.django_db


def person(reference: str, name: str) -> Person:
    return Person.objects.create(
        reference=reference,
        full_name=name,
        location_text="[SYNTHETIC] Example Town",
        notes="[SYNTHETIC] notes",
        created_at=timezone.now(),
    )


def link(person_, account) -> PersonAccountLink:
    return PersonAccountLink.objects.create(
        person=person_,
        account=account,
        source=PersonAccountLink.Source.OPEN_SOURCE,
        confidence=PersonAccountLink.Confidence.PROBABLE,
        linked_at=timezone.now(),
    )


@pytest.fixture
def nchi_case(make_report):
    """A case whose report names an account and the poster; two suspects linked to accounts:
    one only through this case, one also through an account another case names."""
    report = make_report(
        accounts=["@nchi_only_here"],
        poster_identity_known=True,
        poster_identity_details="[SYNTHETIC] Mallory Example from up the road",
        poster_location="[SYNTHETIC] Example Town",
    )
    other = make_report(accounts=["@nchi_shared"], description="[SYNTHETIC] other")
    assert other.case_id != report.case_id
    only_here = report.accounts.get().account
    shared = other.accounts.get().account
    # The case's report names the shared account too.
    from hatehub.reports.models import AccountMention

    AccountMention.objects.create(
        report=report, platform=shared.platform, handle="nchi_shared", account=shared
    )
    lone = person("P-NCHI-1", "[SYNTHETIC] Mallory Example")
    lone_link = link(lone, only_here)
    CaseIdentification.objects.create(
        person=lone, case=report.case, link=lone_link, identified_at=timezone.now()
    )
    kept = person("P-NCHI-2", "[SYNTHETIC] Trent Example")
    kept_link = link(kept, shared)
    CaseIdentification.objects.create(
        person=kept, case=report.case, link=kept_link, identified_at=timezone.now()
    )
    return report, only_here


def test_nchi_without_personal_data_removes_the_subjects_data(nchi_case):
    report, account = nchi_case
    case = report.case
    decide(case, "nchi", nchi_personal_data=False)
    result = services.sweep()
    assert result.nchi_cleared == 1
    # The suspect linked only through this case is gone with their links; the other is kept
    # but no longer identified in this case.
    assert not Person.objects.filter(reference="P-NCHI-1").exists()
    kept = Person.objects.get(reference="P-NCHI-2")
    assert kept.account_links.count() == 1
    assert not CaseIdentification.objects.filter(case=case).exists()
    report.refresh_from_db()
    assert (report.poster_identity_details, report.poster_location) == ("", "")
    assert report.description  # the report itself stays: only the subject's data goes
    assert OnlineAccount.objects.filter(pk=account.pk).exists()
    entry = ErasureLog.objects.get(record_id=case.pk, why="nchi")
    assert entry.counts["suspects.persons"] == 1
    assert entry.counts["intake.reports_poster_details_blanked"] == 1
    assert AuditEvent.objects.filter(
        action="delete", object_type="case_subject", object_id=case.reference
    ).exists()
    # Done once per decision.
    assert services.sweep().nchi_cleared == 0
    assert services.remove_nchi_subject_data(case) is None


def test_nchi_with_personal_data_keeps_it(nchi_case):
    report, _ = nchi_case
    decide(report.case, "nchi", nchi_personal_data=True)
    assert services.sweep().nchi_cleared == 0
    assert Person.objects.filter(reference="P-NCHI-1").exists()
    report.refresh_from_db()
    assert report.poster_identity_details


def test_a_later_crime_decision_is_not_an_nchi(nchi_case):
    report, _ = nchi_case
    decide(report.case, "nchi", nchi_personal_data=False)
    decide(report.case, "crime")
    assert services.remove_nchi_subject_data(report.case) is None
    assert Person.objects.filter(reference="P-NCHI-1").exists()
