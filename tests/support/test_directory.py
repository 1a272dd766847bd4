"""The directory of support services: reading, filtering, editing by supervisors through the
form (validated per field, audited), and loading the shipped demo data."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hatehub.audit.models import AuditEvent
from hatehub.reports.models import Strand
from hatehub.support.models import SupportService

pytestmark = pytest.mark.django_db


def _valid(forces, /, **overrides):
    data = {
        "name": "Example Wirral Support",
        "scope": "local",
        "forces": [forces["merseyside"].pk],
        "postcode_areas": "ch",
        "strands": [Strand.objects.get(code="disability").pk],
        "referral_method": "email",
        "contact_email": "referrals@wirral.example.org",
        "contact_url": "",
        "contact_phone": "",
        "notes": "[SYNTHETIC]",
        "source": "Test data",
        "example_contact": "on",
        "active": "on",
    }
    data.update(overrides)
    return data


def test_hub_staff_read_the_directory_filtered_by_strand_and_area(client, users, directory, forces):
    client.force_login(users["hub_officer"])
    page = client.get("/hub/support/", {"strand": "religion", "force": "kent"}).content.decode()
    assert "Example National Support" in page  # national, every strand
    assert "Example Faith Support" in page  # national, religion
    assert "Example Kent Support" in page  # Kent, every strand
    assert "Example Merseyside Support" not in page  # another area
    assert "Add a service" not in page  # officers do not edit

    page = client.get("/hub/support/", {"strand": "race"}).content.decode()
    assert "Example Faith Support" not in page


def test_a_bad_filter_is_shown_as_an_error(client, users, directory):
    client.force_login(users["hub_officer"])
    page = client.get("/hub/support/", {"strand": "nonsense"}).content.decode()
    assert "Choose a characteristic from the list" in page


def test_a_supervisor_adds_a_service_through_the_form_and_it_is_audited(client, users, forces):
    client.force_login(users["hub_supervisor"])
    assert "Add a support service" in client.get("/hub/support/services/new/").content.decode()
    response = client.post("/hub/support/services/new/", _valid(forces))
    assert response.status_code == 302
    service = SupportService.objects.get(name="Example Wirral Support")
    assert service.postcode_areas == "CH"
    assert list(service.forces.all()) == [forces["merseyside"]]
    entry = AuditEvent.objects.get(object_type="support_service", object_id=str(service.pk))
    assert entry.action == AuditEvent.Action.CREATE
    assert entry.actor == users["hub_supervisor"]
    assert entry.details["strands"] == ["disability"]


def test_a_supervisor_changes_a_service_and_the_change_is_audited(client, users, directory):
    service = directory["kent"]
    client.force_login(users["hub_supervisor"])
    data = {
        "name": service.name,
        "scope": "local",
        "forces": [f.pk for f in service.forces.all()],
        "postcode_areas": "ME",
        "referral_method": "email",
        "contact_email": service.contact_email,
        "example_contact": "on",
    }  # "active" left out: unticked, the service is no longer in use
    assert client.post(f"/hub/support/services/{service.pk}/edit/", data).status_code == 302
    service.refresh_from_db()
    assert not service.active and service.postcode_areas == "ME"
    entry = AuditEvent.objects.filter(object_type="support_service").latest("sequence")
    assert entry.action == AuditEvent.Action.CHANGE
    assert set(entry.details["changed"]) >= {"postcode_areas", "active"}


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Enter the name of the service"),
        ({"name": "x" * 201}, "name", "Name must be 200 characters or fewer"),
        ({"scope": "galactic"}, "scope", "Choose national or local"),
        ({"referral_method": ""}, "referral_method", "Choose how referrals are made"),
        ({"contact_email": "not-an-email"}, "contact_email", "Enter an email address"),
        ({"contact_email": ""}, "contact_email", "Enter the referral email address"),
        ({"contact_url": "http://insecure.example.org"}, "contact_url", "starting https://"),
        ({"contact_phone": "call me"}, "contact_phone", "Enter a phone number"),
        ({"postcode_areas": "L1 8JQ"}, "postcode_areas", "is not a postcode area"),
        ({"forces": [], "postcode_areas": ""}, "forces", "Choose the force areas"),
        ({"scope": "national"}, "forces", "A national service covers everywhere"),
        (
            {"referral_method": "web_form", "contact_url": ""},
            "contact_url",
            "Enter the web form's address",
        ),
        ({"referral_method": "phone"}, "contact_phone", "Enter the phone number"),
        (
            {"referral_method": "self_referral", "contact_email": ""},
            "contact_url",
            "Enter at least one way",
        ),
        ({"strands": ["999"]}, "strands", "Choose characteristics from the list"),
    ],
)
def test_each_field_is_validated_and_nothing_is_saved(
    client, users, forces, overrides, field, message
):
    client.force_login(users["hub_supervisor"])
    before = AuditEvent.objects.count()
    response = client.post("/hub/support/services/new/", _valid(forces, **overrides))
    assert response.status_code == 400
    form = response.context["form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert f'href="#id_{field}' in response.content.decode()  # the GOV.UK error summary
    assert not SupportService.objects.exists()
    assert AuditEvent.objects.count() == before


def test_a_duplicate_name_is_refused(client, users, forces, directory):
    client.force_login(users["hub_supervisor"])
    response = client.post(
        "/hub/support/services/new/", _valid(forces, name="Example National Support")
    )
    assert "already in the directory" in response.content.decode()


def test_officers_and_force_users_cannot_edit(client, users, directory):
    for role in ("hub_officer", "force_user"):
        client.force_login(users[role])
        assert client.get("/hub/support/services/new/").status_code == 403
        assert client.get(f"/hub/support/services/{directory['kent'].pk}/edit/").status_code == 403


def test_the_shipped_demo_data_loads_with_example_contacts_only(forces):
    out = io.StringIO()
    call_command("load_support_services", stdout=out)
    assert "created" in out.getvalue()
    services = list(SupportService.objects.all())
    assert len(services) >= 6
    for service in services:
        assert service.example_contact
        assert not service.contact_email or service.contact_email.endswith("example.org")
        assert not service.contact_url or ".example.org" in service.contact_url
        assert not service.contact_phone or service.contact_phone.startswith("01632 960")
    local = SupportService.objects.get(name="Example Merseyside Hate Crime Support")
    assert list(local.forces.all()) == [forces["merseyside"]]
    assert local.postcode_areas == "L, CH, WA"
    # Loading again changes nothing and writes no new audit entries.
    before = AuditEvent.objects.count()
    call_command("load_support_services", stdout=io.StringIO())
    assert AuditEvent.objects.count() == before


def test_a_csv_file_loads_and_a_bad_row_loads_nothing(tmp_path: Path, forces):
    good = tmp_path / "services.csv"
    good.write_text(
        "name,scope,forces,strands,referral_method,contact_email\n"
        "Example CSV Service,local,kent,race;religion,email,csv@example.org\n"
    )
    call_command("load_support_services", str(good), stdout=io.StringIO())
    service = SupportService.objects.get(name="Example CSV Service")
    assert {s.code for s in service.strands.all()} == {"race", "religion"}

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,scope,forces,referral_method,contact_email\n"
        "Example Fine Service,national,,email,fine@example.org\n"
        "Example Broken Service,local,atlantis,email,broken@example.org\n"
    )
    with pytest.raises(CommandError, match="atlantis"):
        call_command("load_support_services", str(bad), stdout=io.StringIO())
    assert not SupportService.objects.filter(name="Example Fine Service").exists()
