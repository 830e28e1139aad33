"""Bounded requests and private files.

RequestSizeLimitMiddleware is the first middleware: a request whose Content-Length is over
REQUEST_MAX_BYTES is answered 413 before anything reads its body, before sessions and before
authentication, so a 1 GB upload is never spooled to disk. (Django then also bounds what it
reads: DATA_UPLOAD_MAX_MEMORY_SIZE for form fields, and uploads up to
FILE_UPLOAD_MAX_MEMORY_SIZE stay in memory; gunicorn bounds request lines and headers.)

private_sqlite_file makes the SQLite database file readable by its owner only."""

import os
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse

TOO_LARGE = (
    "Forespørgslen er for stor: {size} MB, grænsen er {limit} MB. "
    "Intet er modtaget; en Excel-fil må højst fylde {file_limit} MB."
)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = request.META.get("CONTENT_LENGTH") or "0"
        try:
            size = int(declared)
        except ValueError:
            return HttpResponse(
                "Ugyldig Content-Length.", status=400, content_type="text/plain; charset=utf-8"
            )
        limit = settings.REQUEST_MAX_BYTES
        if size > limit:
            text = TOO_LARGE.format(
                size=_mb(size),
                limit=_mb(limit),
                file_limit=settings.UPLOAD_MAX_BYTES // 1024 // 1024,
            )
            response = HttpResponse(text, status=413, content_type="text/plain; charset=utf-8")
            response["Connection"] = "close"  # do not read the rest of the body
            return response
        return self.get_response(request)


def private_sqlite_file(sender, connection, **kwargs) -> None:
    """connection_created: the SQLite file (and its journal files) mode 0600."""
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict.get("NAME") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(name + suffix)
        if path.exists() and (path.stat().st_mode & 0o077):
            os.chmod(path, 0o600)
