from django.urls import path

from strategy import views

app_name = "strategy"

urlpatterns = [
    path("strategier/", views.strategy_list, name="list"),
    path("strategier/ny/", views.strategy_create, name="create"),
    path("strategier/<int:pk>/", views.strategy_edit, name="edit"),
    path("strategier/<int:pk>/slet/", views.strategy_delete_view, name="delete"),
]
