from django.urls import path

from enterprises import views

app_name = "enterprises"

urlpatterns = [
    path("virksomheder/", views.enterprise_list, name="list"),
    path("virksomheder/ny/", views.enterprise_create, name="create"),
    path("virksomheder/<int:pk>/", views.enterprise_detail, name="detail"),
    path("virksomheder/<int:pk>/rediger/", views.enterprise_edit, name="edit"),
    path(
        "virksomheder/<int:pk>/aarsbeskrivelse/", views.enterprise_year_create, name="year_create"
    ),
    path("aarsbeskrivelser/<int:pk>/", views.enterprise_year_edit, name="year_edit"),
]
for kind, segment in (("grant", "fundraising"), ("hire", "ansaettelser"), ("placement", "praktik")):
    urlpatterns += [
        path(f"{segment}/", views.dated_list, {"kind": kind}, name=f"{kind}_list"),
        path(f"{segment}/ny/", views.dated_create, {"kind": kind}, name=f"{kind}_create"),
        path(f"{segment}/<int:pk>/", views.dated_edit, {"kind": kind}, name=f"{kind}_edit"),
    ]
