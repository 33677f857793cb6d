from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EstimationConfig(AppConfig):
    """Count: estimate the hidden number from the overlap between registration lists."""

    name = "wegwijzer.estimation"
    verbose_name = _("Estimation")
