from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.linkage import views

app_name = "linkage"
urlpatterns = [
    path(_("linkage/"), views.review_queue, name="queue"),
    path(_("linkage/<uuid:left>/<uuid:right>/"), views.pair, name="pair"),
    path(_("linkage/decision/<int:pk>/withdraw/"), views.withdraw, name="withdraw"),
    path(_("linkage/person/<int:pk>/"), views.person, name="person"),
]
