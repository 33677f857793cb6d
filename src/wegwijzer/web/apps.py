from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The public shell: base layout, quick exit, privacy headers, home and error pages."""

    name = "wegwijzer.web"
    verbose_name = _("Public site")
