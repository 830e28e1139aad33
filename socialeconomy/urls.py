from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from socialeconomy.auth_views import LogoutView
from socialeconomy.deletion import KINDS
from socialeconomy.records import record_delete

admin.site.site_header = "Socialøkonomi – administration"
admin.site.site_title = "Socialøkonomi"
admin.site.index_title = "Registre"

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", LogoutView.as_view(), name="logout"),
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
    path("", include("background.urls")),
    path("", include("enterprises.urls")),
    path("", include("agreements.urls")),
    path("", include("reports.urls")),
    path("", include("strategy.urls")),
    path("", include("activities.urls")),
]
urlpatterns += [
    path(f"slet/{kind}/<int:pk>/", record_delete, {"kind": kind}, name=f"delete_{kind}")
    for kind in KINDS
]
