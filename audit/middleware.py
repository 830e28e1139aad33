"""The access log of a request is written once, at its end: one bulk INSERT for every line
the views asked for (audit.services.access_record)."""

from audit.services import access_buffer


class AccessLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with access_buffer():
            return self.get_response(request)
