from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.cases import views

app_name = "cases"
urlpatterns = [
    path(_("reporting-code/"), views.overview, name="overview"),
    path(_("reporting-code/step-<int:number>/"), views.step_detail, name="step"),
    path(_("reporting-code/step-<int:number>/pdf/"), views.step_pdf, name="step-pdf"),
    path(_("reporting-code/weigh/"), views.weigh, name="weigh"),
]
