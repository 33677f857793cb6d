"""Schemathesis generates requests from the OpenAPI schema: none may cause a server error,
and every successful answer must have the shape the schema promises."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from wegwijzer.wsgi import application

# The schema as the app serves it, fetched in process.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def in_test_transaction():
    """Requests go through the real WSGI handler, which closes database connections when a
    request ends; inside a test that would close the test's own transaction (as Django's
    test client knows, and prevents the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_makes_a_server_error(case, in_test_transaction, directory, content):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
