from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """Know: the public knowledge pages, their sources and their search."""

    name = "wegwijzer.knowledge"
    verbose_name = _("Knowledge")
