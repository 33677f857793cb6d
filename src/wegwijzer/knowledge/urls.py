from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path(_("knowledge/<slug:slug>/"), views.page_detail, name="page"),
    path(_("search/"), views.search, name="search"),
]
