from django.urls import path

from agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.home, name="home"),
    path("aftaler/", views.agreement_list, name="list"),
    path("aftaler/ny/", views.agreement_create, name="create"),
    path("aftaler/<int:pk>/", views.agreement_detail, name="detail"),
    path("aftaler/<int:pk>/rediger/", views.agreement_edit, name="edit"),
    path("aftaler/<int:pk>/resultater/", views.agreement_outcomes, name="outcomes"),
    path("aftaler/<int:pk>/pause/", views.pause_create, name="pause_create"),
    path("pauser/<int:pk>/", views.pause_edit, name="pause_edit"),
    path("forloeb/", views.course_list, name="courses"),
    path("forloeb/nyt/", views.course_create, name="course_create"),
    path("forloeb/<int:pk>/", views.course_detail, name="course"),
    path("forloeb/<int:pk>/rediger/", views.course_edit, name="course_edit"),
    path("forloeb/<int:pk>/plan/", views.plan_edit, name="plan_edit"),
    path("forloeb/<int:pk>/evaluering/", views.evaluation_create, name="evaluation_create"),
    path("evalueringer/<int:pk>/rediger/", views.evaluation_edit, name="evaluation_edit"),
]
for kind, segment in (("plan", "planer"), ("evaluation", "evalueringer")):
    urlpatterns += [
        path(f"{segment}/<int:pk>/", views.document_detail, {"kind": kind}, name=kind),
        path(
            f"{segment}/<int:pk>/pdf/",
            views.document_detail,
            {"kind": kind, "pdf": True},
            name=f"{kind}_pdf",
        ),
        path(
            f"{segment}/<int:pk>/indsend/",
            views.document_submit,
            {"kind": kind},
            name=f"{kind}_submit",
        ),
        path(
            f"{segment}/<int:pk>/behandl/",
            views.document_handle,
            {"kind": kind},
            name=f"{kind}_handle",
        ),
    ]
