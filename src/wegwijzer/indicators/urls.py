from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.indicators import views

app_name = "indicators"
urlpatterns = [path(_("check-signals/"), views.checker, name="checker")]
