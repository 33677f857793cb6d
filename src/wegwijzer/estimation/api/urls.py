from django.urls import path

from wegwijzer.estimation.api import views

urlpatterns = [
    path("estimates/", views.Estimates.as_view(), name="api-estimates"),
]
