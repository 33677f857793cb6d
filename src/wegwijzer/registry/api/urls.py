from django.urls import path

from wegwijzer.registry.api import views

urlpatterns = [
    path("registrations/", views.RegistrationCollection.as_view(), name="api-registrations"),
    path(
        "registrations/<uuid:public_id>/",
        views.RegistrationItem.as_view(),
        name="api-registration",
    ),
    path(
        "registrations/<uuid:public_id>/withdraw-consent/",
        views.WithdrawConsent.as_view(),
        name="api-registration-withdraw-consent",
    ),
]
