"""Logging in: Argon2, the second factor for person-level roles, and the login throttle."""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp

from wegwijzer.accounts.constants import Role
from wegwijzer.accounts.tests import factories
from wegwijzer.conf import base

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2_outside_the_test_settings():
    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    with override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS):
        assert make_password("a long pass phrase").startswith("argon2$argon2id$")


def test_a_signaller_must_pass_the_second_factor_before_seeing_registrations(client):
    signaller = factories.user(Role.SIGNALLER, factories.organisation())
    response = client.post(
        reverse("accounts:login"), {"username": signaller.username, "password": factories.PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second-factor"))
    listing = client.get(reverse("registry:list"))
    assert listing.status_code == 302
    assert listing["Location"].startswith(reverse("accounts:second-factor"))


def test_first_login_enrols_an_authenticator_and_a_right_code_opens_the_registry(client):
    signaller = factories.user(Role.SIGNALLER, factories.organisation())
    client.force_login(signaller)
    page = client.get(reverse("accounts:second-factor"))
    assert page.context["enrolling"] is True
    assert page.context["qr_data_uri"].startswith("data:image/svg+xml")
    device = signaller.totpdevice_set.get()
    wrong = client.post(reverse("accounts:second-factor"), {"token": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    code = f"{totp(device.bin_key):06d}"
    throttled = client.post(reverse("accounts:second-factor"), {"token": code})
    assert "Wacht een minuut" in throttled.context["form"].errors["token"][0]
    device.refresh_from_db()
    device.throttle_reset()  # as if the wait had passed
    right = client.post(reverse("accounts:second-factor"), {"token": code})
    assert right.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("registry:list")).status_code == 200


def test_an_analyst_needs_no_second_factor_but_never_sees_registrations(client):
    analyst = factories.user(Role.ANALYST)
    response = client.post(
        reverse("accounts:login"), {"username": analyst.username, "password": factories.PASSWORD}
    )
    assert not response["Location"].startswith(reverse("accounts:second-factor"))
    assert client.get(reverse("registry:list")).status_code == 403


def test_five_wrong_passwords_lock_the_account_with_a_dutch_message(client):
    signaller = factories.user(Role.SIGNALLER, factories.organisation())
    url = "/nl/account/inloggen/"
    for _ in range(5):
        client.post(url, {"username": signaller.username, "password": "wrong"})
    locked = client.post(url, {"username": signaller.username, "password": factories.PASSWORD})
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_says_so_and_logs_nobody_in(client):
    signaller = factories.user(Role.SIGNALLER, factories.organisation())
    response = client.post(
        reverse("accounts:login"), {"username": signaller.username, "password": "nope"}
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "_auth_user_id" not in client.session
