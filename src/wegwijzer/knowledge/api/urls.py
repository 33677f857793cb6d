from django.urls import path

from wegwijzer.knowledge.api import views

urlpatterns = [
    path("pages/", views.PageList.as_view(), name="api-pages"),
    path("search/", views.Search.as_view(), name="api-search"),
]
