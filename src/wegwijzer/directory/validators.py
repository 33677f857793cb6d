"""Checks on contact details, without any network call."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Dutch numbers as people write them: 112, 0800-2000, 0900-8844, 020 123 4567, +31 20 1234567.
PHONE = re.compile(r"^(112|\+?[0-9][0-9 \-]{2,17}[0-9])$")


def validate_phone(value: str) -> None:
    digits = re.sub(r"\D", "", value)
    if not PHONE.match(value) or not (3 <= len(digits) <= 13):
        raise ValidationError(
            _("“%(value)s” is not a phone number (for example 0800-2000 or +31 20 123 4567)."),
            params={"value": value},
        )


def validate_channel(channel_type: str, value: str) -> None:
    if channel_type == "phone":
        validate_phone(value)
    elif channel_type in ("chat", "web"):
        URLValidator(schemes=["https", "http"])(value)
    elif channel_type == "email":
        EmailValidator()(value)


@deconstructible
class SubsetValidator:
    """A list field may hold only values from a fixed vocabulary."""

    def __init__(self, allowed):
        self.allowed = tuple(allowed)

    def __call__(self, values):
        unknown = sorted(set(values or []) - set(self.allowed))
        if unknown:
            raise ValidationError(
                _("Unknown values: %(values)s"), params={"values": ", ".join(map(str, unknown))}
            )

    def __eq__(self, other):
        return isinstance(other, SubsetValidator) and other.allowed == self.allowed
