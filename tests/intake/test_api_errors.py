"""Every failure of the partner API is application/problem+json, and the API describes itself."""

from django.test import override_settings

from hatehub.intake.api_schemas import REPORT_EXAMPLE
from hatehub.reports.models import Report

from .test_api import post_report, problem_of, report_body


def test_malformed_json_gets_a_specific_400(client, api_key):
    body = '{"reporter_role": "victim",\n "description": "x"\n "platform": "x"}'

    problem = problem_of(post_report(client, api_key, body), 400)

    assert problem["detail"].startswith("The body is not valid JSON: Expecting ',' delimiter")
    assert problem["detail"].endswith("(line 3, column 2)")
    assert not Report.objects.exists()


def test_body_that_is_not_utf8_is_refused(client, api_key):
    problem = problem_of(post_report(client, api_key, b'{"description": "\xff\xfe"}'), 400)

    assert "UTF-8" in problem["detail"]


def test_empty_or_non_object_body_is_refused(client, api_key):
    for body in ("", "[]", '"a report"'):
        problem = problem_of(post_report(client, api_key, body), 400)
        assert "JSON object" in problem["detail"]


def test_missing_fields_are_listed(client, api_key):
    problem = problem_of(post_report(client, api_key, {"description": "Something"}), 422)

    missing = {error["field"] for error in problem["errors"]}
    assert missing == {"reporter_role", "platform", "strands"}
    assert {error["message"] for error in problem["errors"]} == {"This field is required"}


def test_null_for_optional_text_means_not_given(client, api_key, synthetic):
    body = report_body(synthetic, platform_other=None, strand_other=None)
    body["contact"]["contact_notes"] = None

    assert post_report(client, api_key, body).status_code == 201


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_body_over_the_size_limit_is_413(client, api_key, synthetic):
    body = report_body(synthetic, description="x" * 2000)

    problem = problem_of(post_report(client, api_key, body), 413)

    assert "smaller than 1 KB" in problem["detail"]
    assert not Report.objects.exists()


def test_wrong_method_is_405_problem(client, api_key):
    response = client.delete("/api/v1/reports", headers={"X-API-Key": api_key})

    problem = problem_of(response, 405)
    assert response["Allow"] == "POST"
    assert "DELETE" in problem["detail"]


def test_unknown_route_is_404_problem(client, api_key):
    for url in ("/api/v1/nothing-here", "/api/v1/reports/A/B", "/api/v1/"):
        problem_of(client.post(url, headers={"X-API-Key": api_key}), 404)


def test_blank_idempotency_key_is_refused(client, api_key, synthetic):
    response = post_report(client, api_key, report_body(synthetic), idempotency_key="  ")

    assert problem_of(response, 400)["type"] == "urn:hatehub:problem:invalid-idempotency-key"
    assert not Report.objects.exists()


def test_the_documented_example_is_accepted_as_it_is(client, api_key):
    response = post_report(client, api_key, REPORT_EXAMPLE, idempotency_key="example")

    assert response.status_code == 201
    assert response.json()["evidence"][0]["media_type"] == "image/png"


def test_openapi_description_documents_auth_idempotency_and_problems(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    submit = schema["paths"]["/api/v1/reports"]["post"]
    assert "Idempotency-Key" in [parameter["name"] for parameter in submit["parameters"]]
    for status in ("400", "401", "409", "413", "422"):
        content = submit["responses"][status]["content"]
        assert content["application/problem+json"]["example"]["status"] == int(status)
    assert submit["requestBody"]["content"]["application/json"]["example"]["strands"]
    schemes = schema["components"]["securitySchemes"]
    assert schemes["PartnerBearer"]["scheme"] == "bearer"
    assert schemes["PartnerKeyHeader"]["name"] == "X-API-Key"
    assert "/api/v1/reports/{reference}" in schema["paths"]
    assert "/api/v1/keys/rotate" in schema["paths"]


def test_interactive_docs_are_served(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content
