from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wegwijzer.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from wegwijzer.accounts import schema  # noqa: F401  (registers the OpenAPI extension)
