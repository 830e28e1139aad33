from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "Socialøkonomi – administration"
admin.site.site_title = "Socialøkonomi"
admin.site.index_title = "Registre"

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/adgangskode/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/adgangskode/skiftet/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("admin/", admin.site.urls),
    path("excel/", include("exchange.urls")),
    path("adgangslog/", include("audit.urls")),
    path("", include("enterprises.urls")),
    path("", include("agreements.urls")),
    path("", include("reports.urls")),
    path("", include("activities.urls")),
]
