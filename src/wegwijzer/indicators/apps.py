from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    """Recognise: the signal catalogue and the checker built on the assessment engine."""

    name = "wegwijzer.indicators"
    verbose_name = _("Signals")
