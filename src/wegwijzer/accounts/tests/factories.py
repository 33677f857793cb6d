"""Accounts for tests: one helper per role, and a session that has passed the second factor."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from wegwijzer.accounts.constants import OrganisationType
from wegwijzer.accounts.models import Organisation, User

PASSWORD = "correct horse battery staple 42"


def organisation(code="politie-oost", kind=OrganisationType.POLICE) -> Organisation:
    found, _ = Organisation.objects.get_or_create(
        code=code, defaults={"name": code.replace("-", " ").title(), "kind": kind}
    )
    return found


def user(role, org=None, username=None) -> User:
    return User.objects.create_user(
        username or f"{role}-{org.code if org else 'centre'}",
        password=PASSWORD,
        role=role,
        organisation=org,
    )


def totp_device(account) -> TOTPDevice:
    return TOTPDevice.objects.create(user=account, name="app", confirmed=True)


def log_in(client, account, *, verified=True):
    """Log `account` in on `client`; with `verified`, as if the TOTP code was just entered."""
    client.force_login(account)
    if verified and account.needs_second_factor:
        device = account.totpdevice_set.filter(confirmed=True).first() or totp_device(account)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
