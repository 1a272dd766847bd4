"""Partner API keys: who may call the API, rotation with a grace period, no CSRF for header auth."""

from datetime import timedelta

from django.conf import settings
from django.test import Client
from django.utils import timezone

from hatehub.accounts.models import ApiKey
from hatehub.audit.models import AuditEvent
from hatehub.reports.models import Report

from .test_api import PARTNER, post_report, problem_of, report_body

ROTATE_URL = "/api/v1/keys/rotate"


def rotate(client: Client, key: str):
    return client.post(ROTATE_URL, headers={"Authorization": f"Bearer {key}"})


def test_request_without_a_key_is_challenged(db, client, synthetic):
    problem = problem_of(post_report(client, None, report_body(synthetic)), 401)

    assert "Authorization: Bearer" in problem["detail"]
    assert not Report.objects.exists()


def test_wrong_key_is_refused_with_a_bearer_challenge(client, api_key, synthetic):
    wrong = api_key[:-4] + "XXXX"

    response = post_report(client, wrong, report_body(synthetic))

    problem_of(response, 401)
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert 'error="invalid_token"' in response["WWW-Authenticate"]
    assert not Report.objects.exists()


def test_missing_key_response_carries_a_bearer_challenge(client, synthetic):
    response = post_report(client, None, report_body(synthetic))

    assert response["WWW-Authenticate"] == 'Bearer realm="hatehub"'


def test_key_in_x_api_key_header_is_accepted(client, api_key, synthetic):
    response = client.post(
        "/api/v1/reports",
        data=report_body(synthetic),
        content_type="application/json",
        headers={"X-API-Key": api_key},
    )

    assert response.status_code == 201


def test_expired_key_is_refused(client, api_key, synthetic):
    ApiKey.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    problem_of(post_report(client, api_key, report_body(synthetic)), 401)


def test_key_of_a_deactivated_organisation_is_refused(client, api_key, organisation, synthetic):
    organisation.is_active = False
    organisation.save()

    problem_of(post_report(client, api_key, report_body(synthetic)), 401)


def test_header_auth_needs_no_csrf_token(api_key, synthetic):
    strict = Client(enforce_csrf_checks=True)

    response = post_report(strict, api_key, report_body(synthetic))

    assert response.status_code == 201


def test_rotated_key_works_and_old_key_lasts_only_the_grace_period(client, api_key, synthetic):
    response = rotate(client, api_key)

    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    rotated = response.json()
    new_key = rotated["key"]
    assert new_key.startswith(f"ohh_{rotated['prefix']}_") and new_key != api_key
    grace_ends = timezone.now() + timedelta(hours=settings.API_KEY_ROTATION_GRACE_HOURS)
    expires = ApiKey.objects.get(prefix=rotated["previous_prefix"]).expires_at
    assert abs(expires - grace_ends) < timedelta(minutes=1)
    assert rotated["previous_key_expires_at"].startswith(expires.strftime("%Y-%m-%dT%H:%M"))
    assert post_report(client, new_key, report_body(synthetic)).status_code == 201
    assert post_report(client, api_key, report_body(synthetic)).status_code == 201  # grace

    ApiKey.objects.filter(prefix=rotated["previous_prefix"]).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    problem_of(post_report(client, api_key, report_body(synthetic)), 401)
    assert post_report(client, new_key, report_body(synthetic)).status_code == 201


def test_rotation_is_audited_as_the_partner(client, api_key):
    rotated = rotate(client, api_key).json()

    events = AuditEvent.objects.filter(object_type="api_key").order_by("sequence")
    assert [(event.action, event.actor_label) for event in events] == [
        ("create", "system"),  # the key the fixture issued
        ("create", PARTNER),
        ("change", PARTNER),
    ]
    assert rotated["prefix"] in events[1].summary
    assert rotated["previous_prefix"] in events[2].summary
    assert events[2].ip_address == "127.0.0.1"


def test_rotation_needs_a_valid_key(db, client):
    problem_of(client.post(ROTATE_URL), 401)
    assert ApiKey.objects.count() == 0
