from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("create")
    READ = "read", _("read")
    CHANGE = "change", _("change")
    LINK = "link", _("link")
    UNLINK = "unlink", _("unlink")
    EXPORT = "export", _("export")
    DELETE = "delete", _("delete")
