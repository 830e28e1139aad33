from django.urls import path

from background import views

app_name = "background"

urlpatterns = [
    path("opgaver/<str:token>/", views.job_page, name="job"),
    path("opgaver/<str:token>/status/", views.job_status, name="status"),
]
