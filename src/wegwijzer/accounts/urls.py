from django.urls import path
from django.utils.translation import gettext_lazy as _

from wegwijzer.accounts import views

app_name = "accounts"
urlpatterns = [
    path(_("account/log-in/"), views.LoginView.as_view(), name="login"),
    path(_("account/second-factor/"), views.second_factor, name="second-factor"),
    path(_("account/log-out/"), views.logout, name="logout"),
]
