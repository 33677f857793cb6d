from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    """Aggregates and publication of the registry (no models; plain-Python core)."""

    name = "wegwijzer.stats"
    verbose_name = _("Statistics")
