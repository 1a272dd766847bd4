"""The API fuzzed from its own OpenAPI description (schemathesis): well over a thousand generated
requests, valid and broken, with a real partner key; none may answer with a server error or a
response that breaks the description (status code, content type, body schema)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hatehub.wsgi import application

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
MINIMUM_REQUESTS = 1000


@pytest.fixture
def connection_kept_open():
    """The requests go straight to the WSGI application, which closes the database connection
    as each request starts and ends; the test client stops that, and so does this."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_fuzzing_the_api_finds_no_server_error_and_no_response_outside_the_description(
    api_key, connection_kept_open
):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    examples_per_operation = -(-MINIMUM_REQUESTS * 11 // 10 // len(operations))  # 10% spare
    requests_made = 0

    for operation in operations:

        @settings(
            max_examples=examples_per_operation,
            deadline=None,
            derandomize=True,  # the same requests on every run, so a failure can be repeated
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy())
        def exercise(case):
            nonlocal requests_made
            requests_made += 1
            response = case.call(headers={"Authorization": f"Bearer {api_key}"})
            case.validate_response(response, checks=CHECKS)

        exercise()

    assert requests_made >= MINIMUM_REQUESTS, f"only {requests_made} requests"
