from django.utils.translation import gettext_lazy as _

ANSWERS = {
    "yes": _("Yes"),
    "no": _("No"),
    "acute": _("Yes, acute danger"),
    "structural": _("Yes, structural unsafety"),
}
