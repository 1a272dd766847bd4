import io
from datetime import timedelta

import pytest
from django.utils import timezone

from hatehub.cases.models import Case
from hatehub.cases.services import allocate
from hatehub.suspects import services
from hatehub.suspects.models import IdentificationRequest


def account_of(report):
    return report.accounts.select_related("account").first().account


@pytest.fixture
def two_cases(forces, make_report):
    """A Merseyside case and a Kent case, each with its own account (made through intake)."""
    merseyside = make_report()
    kent = make_report()
    allocate(merseyside.case, force=forces["merseyside"], reason="[SYNTHETIC] fixture")
    allocate(kent.case, force=forces["kent"], reason="[SYNTHETIC] fixture")
    return {
        "merseyside": (Case.objects.get(pk=merseyside.case_id), account_of(merseyside)),
        "kent": (Case.objects.get(pk=kent.case_id), account_of(kent)),
    }


@pytest.fixture
def person(users):
    return services.people.create_person(
        services.people.PersonDetails(full_name="[SYNTHETIC] Alex Example", other_names=["AE"]),
        by=users["hub_officer"],
    )


def a_draft(case, **overrides) -> services.requests.RequestDraft:
    today = timezone.localdate()
    values = {
        "cases": [case],
        "data_wanted": [IdentificationRequest.DataWanted.SUBSCRIBER],
        "period_start": today - timedelta(days=30),
        "period_end": today,
        "necessity": "[SYNTHETIC] Threatening posts; the subscriber details identify the poster.",
        "proportionality": "[SYNTHETIC] Only subscriber data for the month of the posts.",
        "collateral_intrusion": "[SYNTHETIC] None expected: single-user account.",
        "provider_country": "US",
        "holder_location": "uk",
        "holder_country": "",
        "serious_crime": True,
    }
    values.update(overrides)
    return services.requests.RequestDraft(**values)


@pytest.fixture
def draft_for():
    return a_draft


@pytest.fixture
def authorised_request(users, two_cases):
    """A request for the Merseyside account, drafted by the officer, approved by the SPoC and
    authorised by OCDA today."""
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    services.requests.submit_for_review(request, by=users["hub_officer"])
    services.requests.review(request, decision="approve", comments="", by=users["spoc"])
    services.authorisation.record_authorisation(
        request,
        services.authorisation.AuthorisationDetails(
            body="ocda", reference="OCDA-[SYNTHETIC]-1", authorised_on=timezone.localdate()
        ),
        by=users["spoc"],
    )
    request.refresh_from_db()
    return request


def upload(name: str, data: bytes) -> services.responses.ReceivedAttachment:
    return services.responses.ReceivedAttachment(name=name, stream=io.BytesIO(data), size=len(data))
