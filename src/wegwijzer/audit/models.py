"""Audit entries: appended, never changed. The database refuses updates and deletes too."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wegwijzer.audit.constants import Action


class AppendOnly(Exception):
    pass


class AuditEntry(models.Model):
    at = models.DateTimeField(_("when"))
    # The actor is kept as plain values, so the entry outlives the account.
    actor_id = models.BigIntegerField(_("actor id"), null=True)
    actor = models.CharField(_("actor"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=60)
    object_id = models.CharField(_("object id"), max_length=64)
    # Which fields were touched, never their values.
    fields = models.JSONField(_("fields"), default=list)
    address = models.GenericIPAddressField(_("from address"), null=True)
    previous_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("audit entries cannot be deleted")

    def chained_fields(self) -> dict:
        """What the hash covers (everything but the hashes themselves)."""
        return {
            "at": self.at.isoformat(),
            "actor_id": self.actor_id,
            "actor": self.actor,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "fields": list(self.fields),
            "address": self.address,
        }


class ChainHead(models.Model):
    """One row holding the newest hash; locking it puts appends in a single line."""

    hash = models.CharField(max_length=64)

    def __str__(self):
        return self.hash
