from django.urls import path

from wegwijzer.directory.api import views

urlpatterns = [
    path("regions/<str:query>/", views.RegionLookup.as_view(), name="api-regions"),
    path("organisations/", views.OrganisationList.as_view(), name="api-organisations"),
]
