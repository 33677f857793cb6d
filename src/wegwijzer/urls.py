from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django_otp.admin import OTPAdminSite
from drf_spectacular.views import SpectacularAPIView

from wegwijzer.web import views as web_views

# The admin hands out roles, so it asks for the second factor too.
admin.site.__class__ = OTPAdminSite

handler404 = "wegwijzer.web.views.page_not_found"

# "/" has no view of its own: LocaleMiddleware redirects it to /nl/ or /en/.
urlpatterns = [
    path("api/v1/", include("wegwijzer.knowledge.api.urls")),
    path("api/v1/", include("wegwijzer.indicators.api.urls")),
    path("api/v1/", include("wegwijzer.directory.api.urls")),
    path("api/v1/", include("wegwijzer.registry.api.urls")),
    path("api/v1/", include("wegwijzer.estimation.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("beheer/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", web_views.home, name="home"),
    path("", include("wegwijzer.knowledge.urls")),
    path("", include("wegwijzer.indicators.urls")),
    path("", include("wegwijzer.cases.urls")),
    path("", include("wegwijzer.accounts.urls")),
    path("", include("wegwijzer.registry.urls")),
    path("", include("wegwijzer.linkage.urls")),
    path("", include("wegwijzer.stats.urls")),
    path("", include("wegwijzer.estimation.urls")),
    prefix_default_language=True,
)
