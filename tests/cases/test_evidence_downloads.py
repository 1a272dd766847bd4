"""Evidence leaves the hub byte-for-byte, only after a fresh hash check, and always logged."""

import hashlib

import pytest
from django.core.files.storage import storages

from hatehub.audit.models import AuditEvent
from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile

from .helpers import case_with_evidence, unique_png


def _download(case, evidence) -> str:
    return f"/hub/cases/{case.reference}/evidence/{evidence.pk}/"


def _thumbnail(case, evidence) -> str:
    return f"/hub/cases/{case.reference}/evidence/{evidence.pk}/thumbnail"


def _body(response) -> bytes:
    # Reading to the end closes the response the way a WSGI server would (the test client's
    # wrapper); closing it again would end the test's database connection on PostgreSQL.
    return b"".join(response.streaming_content)


@pytest.fixture
def officer(signed_in, users):
    return signed_in(users["hub_officer"])


def test_download_is_the_exact_original_as_an_attachment_and_is_logged(officer, users, make_report):
    png = unique_png("download")
    case, original = case_with_evidence(make_report, png=png)

    response = officer.get(_download(case, original))

    assert response.status_code == 200
    body = _body(response)
    assert body == png
    assert hashlib.sha256(body).hexdigest() == original.sha256
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="screenshot-0.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(png)
    assert "no-store" in response["Cache-Control"]
    export = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (export.object_type, export.object_id) == ("evidence", str(original.pk))
    assert export.actor == users["hub_officer"]
    assert case.reference in export.summary
    assert export.details["sha256"] == original.sha256


def test_thumbnail_is_served_inline_and_logged(officer, make_report):
    case, original = case_with_evidence(make_report)
    thumbnail = original.derivatives.get(kind=EvidenceFile.Kind.THUMBNAIL)

    response = officer.get(_thumbnail(case, original))

    assert response.status_code == 200
    assert hashlib.sha256(_body(response)).hexdigest() == thumbnail.sha256
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.VIEW, object_type="evidence", object_id=str(thumbnail.pk)
    ).exists()


def test_thumbnail_not_made_yet_is_not_found(officer, make_report):
    case, original = case_with_evidence(make_report, thumbnail=False)

    assert officer.get(_thumbnail(case, original)).status_code == 404


def test_evidence_from_another_case_is_not_found(officer, three_cases):
    mersey_case, _ = three_cases["merseyside"]
    _, kent_evidence = three_cases["kent"]

    assert officer.get(_download(mersey_case, kent_evidence)).status_code == 404
    assert officer.get(_thumbnail(mersey_case, kent_evidence)).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_the_original_route_does_not_serve_a_derivative(officer, three_cases):
    case, original = three_cases["merseyside"]
    thumbnail = original.derivatives.get()

    assert officer.get(_download(case, thumbnail)).status_code == 404


def test_a_tampered_file_is_refused_with_an_explanation_and_logged(officer, make_report):
    png = unique_png("tamper")
    case, original = case_with_evidence(make_report, png=png)
    path = storages["evidence"].path(store.path_for(original.sha256))
    with open(path, "wb") as stored:
        stored.write(png[:-10] + b"0123456789")  # same size, different bytes

    response = officer.get(_download(case, original))

    assert response.status_code == 409
    html = response.content.decode()
    assert "This evidence file cannot be opened" in html
    assert original.sha256 in html
    assert png[:-10] not in response.content
    failure = AuditEvent.objects.get(object_type="evidence", summary__startswith="INTEGRITY")
    assert failure.object_id == str(original.pk)
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_a_file_missing_from_the_store_is_refused_and_logged(officer, make_report):
    case, original = case_with_evidence(make_report, png=unique_png("missing"))
    storages["evidence"].delete(store.path_for(original.sha256))

    response = officer.get(_download(case, original))

    assert response.status_code == 409
    assert "This evidence file cannot be opened" in response.content.decode()
    failure = AuditEvent.objects.get(object_type="evidence", summary__startswith="INTEGRITY")
    assert "missing" in failure.summary


def test_a_force_user_downloads_their_forces_evidence_only(signed_in, users, three_cases):
    client = signed_in(users["force_user"])
    mersey_case, mersey_evidence = three_cases["merseyside"]
    kent_case, kent_evidence = three_cases["kent"]

    own = client.get(_download(mersey_case, mersey_evidence))
    other = client.get(_download(kent_case, kent_evidence))
    other_thumbnail = client.get(_thumbnail(kent_case, kent_evidence))

    assert own.status_code == 200
    _body(own)
    assert other.status_code == 404
    assert other_thumbnail.status_code == 404
    denied = AuditEvent.objects.filter(
        action=AuditEvent.Action.DENIED, object_id=kent_case.reference
    )
    assert denied.count() == 2
    assert AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).count() == 1


@pytest.mark.parametrize("role", ["partner", "volunteer"])
def test_partners_and_volunteers_cannot_download(signed_in, users, three_cases, role):
    case, original = three_cases["merseyside"]

    assert signed_in(users[role]).get(_download(case, original)).status_code == 403
