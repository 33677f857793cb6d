from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.stats import views

app_name = "stats"
urlpatterns = [
    path(_("figures/"), views.figures, name="figures"),
    path(_("figures/download.<str:kind>"), views.download, name="download"),
    path(_("figures/<int:year>/report.pdf"), views.yearly_report, name="report"),
    path(_("figures/extract.csv"), views.extract, name="extract"),
]
