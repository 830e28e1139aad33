from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("aktiviteter/", views.activity_list, name="list"),
    path("aktiviteter/ny/", views.activity_create, name="create"),
    path("aktiviteter/<int:pk>/", views.activity_detail, name="detail"),
    path("aktiviteter/<int:pk>/rediger/", views.activity_edit, name="edit"),
    path("aktiviteter/<int:pk>/status/", views.state_create, name="state_create"),
    path("aktiviteter/<int:pk>/tal/", views.figure_create, name="figure_create"),
    path("aktivitetstal/<int:pk>/", views.figure_edit, name="figure_edit"),
    path("handleplan/", views.action_plan_view, name="action_plan"),
    path("ansoegninger/", views.application_list, name="application_list"),
    path("ansoegninger/ny/", views.application_create, name="application_create"),
    path("ansoegninger/<int:pk>/", views.application_edit, name="application_edit"),
]
