from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    """Act: help organisations, regions and care coordinators, for the right contact nearby."""

    name = "wegwijzer.directory"
    verbose_name = _("Help directory")
