from django.urls import path

from wegwijzer.indicators.api import views

urlpatterns = [
    path("signals/", views.SignalList.as_view(), name="api-signals"),
    path("assessments/", views.Assessments.as_view(), name="api-assessments"),
]
