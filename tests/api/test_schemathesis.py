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


@pytest.fixture
def credentials(db):
    """A signaller's intake token, and a registrar's verified session with a CSRF pair."""
    from django.test import Client

    from wegwijzer.accounts.constants import Role
    from wegwijzer.accounts.models import ApiToken
    from wegwijzer.accounts.tests import factories as accounts
    from wegwijzer.registry.tests.factories import WITH_CONSENT, registration

    own = accounts.organisation()
    _token, key = ApiToken.issue(accounts.user(Role.SIGNALLER, own))
    registration(own, data=WITH_CONSENT)
    browser = accounts.log_in(Client(), accounts.user(Role.REGISTRAR))
    csrf = "s" * 32
    session = browser.cookies["sessionid"].value
    return {
        "token": {"Authorization": f"Token {key}"},
        "session": {"X-CSRFToken": csrf},
        "cookies": {"sessionid": session, "csrftoken": csrf},
    }


@pytest.mark.django_db
@schema.include(path_regex="registrations").parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_registry_requests_with_credentials_make_no_server_error(
    case, in_test_transaction, credentials
):
    """Logged in, so the generated bodies reach validation and the services behind it."""
    who = (
        "token"
        if case.method.upper() == "POST" and case.path.endswith("registrations/")
        else "session"
    )
    # Drop the credentials schemathesis makes up from the security schemes; ours go in.
    case.headers = {
        name: value
        for name, value in (case.headers or {}).items()
        if name.lower() not in ("authorization", "cookie", "x-csrftoken")
    }
    case.cookies = credentials["cookies"] if who == "session" else {}
    response = case.call_and_validate(
        headers=credentials[who], checks=[not_a_server_error, response_schema_conformance]
    )
    assert response.status_code not in (401, 403), "the credentials must get through"
