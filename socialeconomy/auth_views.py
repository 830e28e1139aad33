"""Signing out says so: the login page it leads to tells the user they are logged out."""

from django.contrib import messages
from django.contrib.auth import views as auth_views


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "Du er logget ud.")
        return response
