from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.registry import views

app_name = "registry"
urlpatterns = [
    path(_("registry/"), views.registration_list, name="list"),
    path(_("registry/new/"), views.registration_new, name="new"),
    path(_("registry/import/"), views.import_file, name="import"),
    path(_("registry/import/<int:pk>/"), views.import_report, name="import-report"),
    path(_("registry/<uuid:public_id>/"), views.registration_detail, name="detail"),
    path(
        _("registry/<uuid:public_id>/withdraw-consent/"),
        views.withdraw_consent,
        name="withdraw-consent",
    ),
    path(_("registry/<uuid:public_id>/erase/"), views.erase, name="erase"),
]
