from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from wegwijzer.web import views as web_views

handler404 = "wegwijzer.web.views.page_not_found"

# "/" has no view of its own: LocaleMiddleware redirects it to /nl/ or /en/.
urlpatterns = [
    path("api/v1/", include("wegwijzer.knowledge.api.urls")),
    path("api/v1/", include("wegwijzer.indicators.api.urls")),
    path("api/v1/", include("wegwijzer.directory.api.urls")),
    path("api/v1/", include("wegwijzer.estimation.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("beheer/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", web_views.home, name="home"),
    path("", include("wegwijzer.knowledge.urls")),
    path("", include("wegwijzer.indicators.urls")),
    path("", include("wegwijzer.cases.urls")),
    prefix_default_language=True,
)
