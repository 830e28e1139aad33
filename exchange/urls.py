from django.urls import path

from exchange import views

app_name = "exchange"

urlpatterns = [
    path("", views.exchange_home, name="home"),
    path("indlaesning/<str:token>/gem/", views.exchange_confirm, name="confirm"),
    path("eksport/", views.exchange_export, name="export"),
]
