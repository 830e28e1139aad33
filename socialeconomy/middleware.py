"""Session timeouts and no caching of pages with personal data."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.utils.cache import add_never_cache_headers

LOGIN_AT, SEEN_AT = "login_at", "seen_at"
TOUCH_EVERY = 60  # seconds: the idle clock is written at most once a minute


@receiver(user_logged_in)
def _stamp_login(sender, request, user, **kwargs):
    now = int(time.time())
    request.session[LOGIN_AT] = request.session[SEEN_AT] = now


class SessionTimeoutMiddleware:
    """Log out after SESSION_IDLE_MINUTES without a request, and SESSION_MAX_HOURS after login
    whatever the activity. A session from before this middleware (no stamp) ends too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            login_at = request.session.get(LOGIN_AT, 0)
            seen_at = request.session.get(SEEN_AT, 0)
            if now - seen_at > settings.SESSION_IDLE_MINUTES * 60:
                return self._end(
                    request, f"{settings.SESSION_IDLE_MINUTES} minutter uden aktivitet"
                )
            if now - login_at > settings.SESSION_MAX_HOURS * 3600:
                return self._end(request, f"{settings.SESSION_MAX_HOURS} timer")
            if now - seen_at >= TOUCH_EVERY:
                request.session[SEEN_AT] = now
        return self.get_response(request)

    @staticmethod
    def _end(request, after: str):
        logout(request)
        messages.info(request, f"Du er logget ud efter {after}. Log ind igen.")
        return redirect_to_login(request.get_full_path())


class NoStoreMiddleware:
    """Every page shown to a signed-in user may carry participant data: no browser or proxy
    may keep a copy (Cache-Control: no-store). Static files are served before this."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith(settings.LOGIN_URL):
            add_never_cache_headers(response)
        return response
