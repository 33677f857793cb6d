"""Signalling organisations, the people who work for them, and their systems' API tokens."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijzer.accounts.constants import (
    PERSON_LEVEL_ROLES,
    SECOND_FACTOR_ROLES,
    OrganisationType,
    Role,
)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationType.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("signalling organisation")
        verbose_name_plural = _("signalling organisations")

    def __str__(self):
        return self.name


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A signaller registers for their own organisation, so they must have one.
            models.CheckConstraint(
                condition=~models.Q(role=Role.SIGNALLER) | models.Q(organisation__isnull=False),
                name="signaller_has_organisation",
            )
        ]

    @property
    def sees_person_data(self) -> bool:
        return self.is_active and self.role in PERSON_LEVEL_ROLES

    @property
    def needs_second_factor(self) -> bool:
        return self.role in SECOND_FACTOR_ROLES or self.is_staff or self.is_superuser


class ApiToken(models.Model):
    """A key with which an organisation's system submits registrations, and nothing else.

    Only a digest is stored; the key is shown once. A token can create registrations but
    never read them: reading person-level data takes a person with a second factor.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("prefix"), max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user) -> tuple["ApiToken", str]:
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, digest=cls.digest_of(key), prefix=key[:8])
        return token, key
