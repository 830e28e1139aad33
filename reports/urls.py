from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("rapporter/", views.report_list, name="list"),
    path("rapporter/<int:pk>/", views.report_detail, name="detail"),
    path("rapporter/<int:pk>/pdf/", views.report_pdf, name="pdf"),
    path("rapporter/<int:pk>/resume/", views.summary_detail, name="summary"),
    path("rapporter/<int:pk>/resume/pdf/", views.summary_pdf, name="summary_pdf"),
]
