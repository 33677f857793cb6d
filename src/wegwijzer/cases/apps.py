from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    """Act: the reporting code (meldcode) guide and its weighing framework."""

    name = "wegwijzer.cases"
    verbose_name = _("Reporting code")
