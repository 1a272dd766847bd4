"""Fixtures for the intelligence tests: a case with an account and a linked person, recipients
with keys, and reports at each step of the workflow, made through the real services."""

import pytest
from django.utils import timezone

from hatehub.intelligence import selectors, services
from hatehub.suspects.models import Person, PersonAccountLink

SANITISED = "An account posted threats against a faith group in Liverpool [SYNTHETIC]."
CONDITIONS = "UK police forces only; no onward sharing without the hub's agreement"


@pytest.fixture
def case_report(make_report):
    """A report (and its case) whose poster's account is known."""
    return make_report()


@pytest.fixture
def case(case_report):
    return case_report.case


@pytest.fixture
def account(case_report):
    return case_report.accounts.first().account


@pytest.fixture
def person(account, forces, users):
    person = Person.objects.create(
        reference="P-SYN0001",
        full_name="Sam Example [SYNTHETIC]",
        force=forces["kent"],
        created_by=users["hub_officer"],
        created_at=timezone.now(),
    )
    PersonAccountLink.objects.create(
        person=person,
        account=account,
        source=PersonAccountLink.Source.PLATFORM_DISCLOSURE,
        confidence=PersonAccountLink.Confidence.PROBABLE,
        linked_by=users["hub_officer"],
        linked_at=timezone.now(),
    )
    return person


@pytest.fixture
def recipients(forces):
    return {
        "merseyside": services.add_recipient(
            name="Merseyside Force Intelligence Bureau", force=forces["merseyside"]
        ),
        "kent": services.add_recipient(name="Kent Force Intelligence Bureau", force=forces["kent"]),
        "national": services.add_recipient(name="National Intelligence System (test)"),
    }


@pytest.fixture
def recipient_keys(recipients):
    return {name: services.issue_key(r, reason="test") for name, r in recipients.items()}


@pytest.fixture
def make_draft(case, account, person, forces, users):
    def make(by=None, **overrides):
        values = dict(
            title="Threats against a faith group [SYNTHETIC]",
            draft_text="The complainant says the account holder lives nearby [SYNTHETIC].",
            nim_level=1,
            cases=[case],
            sanitised_text=SANITISED,
            places=["Liverpool city centre"],
            source_evaluation="2",
            intelligence_assessment="B",
            handling_code="P",
            persons=[person],
            accounts=[account],
            forces=[forces["merseyside"]],
        )
        values.update(overrides)
        return services.create_report(services.ReportDraft(**values), by=by or users["hub_officer"])

    return make


def approve(report, supervisor):
    services.submit_for_review(report, by=report.created_by)
    flags = selectors.sanitisation_flags(report)
    return services.review(
        report, by=supervisor, approve=True, checked=[flag.key for flag in flags]
    )


@pytest.fixture
def make_disseminated(make_draft, users, recipients):
    def make(to=("merseyside",), **overrides):
        report = approve(make_draft(**overrides), users["hub_supervisor"])
        services.disseminate(
            report, by=users["hub_officer"], recipients=[recipients[name] for name in to]
        )
        report.refresh_from_db()
        return report

    return make
