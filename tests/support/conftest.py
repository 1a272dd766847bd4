import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from hatehub.cases.models import Allocation, Case
from hatehub.cases.services import accept, allocate
from hatehub.reports.models import Report, Strand
from hatehub.support.models import SupportService

LONDON = ZoneInfo("Europe/London")


def make_service(name: str, *, strands=(), forces=(), **fields) -> SupportService:
    values = {
        "scope": SupportService.Scope.LOCAL if forces else SupportService.Scope.NATIONAL,
        "referral_method": SupportService.Method.EMAIL,
        "contact_email": f"{name.lower().replace(' ', '-')}@support.example.org",
        "example_contact": True,
        "notes": "[SYNTHETIC]",
    }
    values.update(fields)
    service = SupportService.objects.create(name=name, **values)
    service.strands.set(Strand.objects.filter(code__in=strands))
    service.forces.set(forces)
    return service


@pytest.fixture
def directory(forces):
    """A national service for everyone, a national one for religion only, a Merseyside one,
    a Kent one, a web-form one and a self-referral one."""
    return {
        "national": make_service("Example National Support"),
        "religion": make_service("Example Faith Support", strands=["religion"]),
        "merseyside": make_service(
            "Example Merseyside Support", forces=[forces["merseyside"]], postcode_areas="L, CH"
        ),
        "kent": make_service("Example Kent Support", forces=[forces["kent"]]),
        "web_form": make_service(
            "Example Web Form Support",
            referral_method=SupportService.Method.WEB_FORM,
            contact_email="",
            contact_url="https://web-form.example.org/refer",
        ),
        "self": make_service(
            "Example Self Referral Line",
            referral_method=SupportService.Method.SELF_REFERRAL,
            contact_email="",
            contact_url="https://self.example.org/",
        ),
    }


@pytest.fixture
def consenting(make_report):
    """A victim in Liverpool (L1), targeted because of race, who agreed to a referral."""

    def make(**overrides):
        values = {"support_referral_consent": True, "strands": ["race"]}
        values.update(overrides)
        return make_report(**values)

    return make


def set_submitted(report: Report, local: dt.datetime) -> Report:
    Report.objects.filter(pk=report.pk).update(submitted_at=local.replace(tzinfo=LONDON))
    report.refresh_from_db()
    return report


def owned_by(case: Case, force, user) -> Case:
    allocate(case, force=force, reason="[SYNTHETIC] test")
    offer_id = Allocation.objects.get(case=case, state=Allocation.State.OFFERED).pk
    accept(Case.objects.get(pk=case.pk), by=user, offer_id=offer_id)
    return Case.objects.select_related("allocated_force").get(pk=case.pk)
