"""Signalling organisations and the people who work for them."""

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
