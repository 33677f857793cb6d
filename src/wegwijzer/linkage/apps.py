from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkageConfig(AppConfig):
    """Links registrations of one person into persons, on keyed encodings only."""

    name = "wegwijzer.linkage"
    verbose_name = _("Record linkage")
