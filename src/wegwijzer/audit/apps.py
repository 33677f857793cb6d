from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The append-only, hash-chained record of every access to person-level data."""

    name = "wegwijzer.audit"
    verbose_name = _("Audit trail")
