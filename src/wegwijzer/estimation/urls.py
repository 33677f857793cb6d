from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.estimation import views

app_name = "estimation"
urlpatterns = [path(_("estimate/"), views.estimate_page, name="page")]
