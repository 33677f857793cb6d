"""Schemathesis generates requests from the OpenAPI schema: none may cause a server error,
and every successful answer must have the shape the schema promises."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from wegwijzer.wsgi import application

# The schema as the app serves it, fetched in process.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_makes_a_server_error(case, directory, content):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
