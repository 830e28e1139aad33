"""Writing the access log: one call from each view that shows, searches, exports or changes
participant data (audit.services.access_record), so the log is complete by construction."""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from audit.models import AccessLog, Action
from socialeconomy.validators import looks_like_cpr

__all__ = ["Action", "access_buffer", "access_purge", "access_record"]


_BUFFER: ContextVar[list[AccessLog] | None] = ContextVar("access_log_buffer", default=None)
CPR_WITHHELD = "(et CPR-lignende tal; ikke gemt)"


def access_record(
    request_or_user, action: str, *, references: Iterable[str] = (), detail: str = ""
) -> None:
    """Log one action: a row per reference, or a single row when none (a list, a search).
    Within a request the rows wait in a buffer that AccessLogMiddleware writes in one bulk
    INSERT at the end; elsewhere (commands, import jobs) they are written at once.
    A search term or address that looks like a CPR number is never stored."""
    request = request_or_user if hasattr(request_or_user, "user") else None
    user = request.user if request else request_or_user
    user = user if user is not None and user.is_authenticated else None
    path = request.get_full_path() if request else ""
    if looks_like_cpr(detail):
        detail = CPR_WITHHELD
    if looks_like_cpr(path):
        path = request.path + "?" + CPR_WITHHELD
    base = {
        "user": user,
        "username": user.get_username() if user else "systemet",
        "action": action,
        "detail": detail[:500],
        "path": path[:500],
    }
    refs = list(dict.fromkeys(references)) or [""]
    rows = [AccessLog(reference=ref, **base) for ref in refs]
    buffer = _BUFFER.get()
    if buffer is not None:
        buffer.extend(rows)
    else:
        AccessLog.objects.bulk_create(rows, batch_size=5_000)


@contextmanager
def access_buffer():
    """Collect every access_record() of a block (a request) and write them together."""
    token = _BUFFER.set([])
    try:
        yield
    finally:
        rows = _BUFFER.get()
        _BUFFER.reset(token)
        if rows:
            AccessLog.objects.bulk_create(rows, batch_size=5_000)


def access_purge(*, older_than_days: int) -> int:
    """Delete entries older than the retention period; returns how many."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = AccessLog.objects.filter(at__lt=cutoff).delete()
    return deleted


def records_logged(sender, *, request, action, references, detail, **kwargs) -> None:
    """The core's generic list and delete pages announce what they showed (signal
    socialeconomy.signals.records_accessed); connected in AuditConfig.ready()."""
    access_record(request, action, references=references, detail=detail)


def history_logged(sender, instance, history_instance, **kwargs) -> None:
    """Every saved change of participant data (the history keeps what changed) is also an
    access-log entry: who, when, which reference. A model says which participant reference
    a record belongs to with a ``logged_reference()`` method (a course, its plan and its
    evaluations); the others are not logged. Connected in AuditConfig.ready()."""
    from simple_history.models import HistoricalRecords

    logged_reference = getattr(instance, "logged_reference", None)
    reference = logged_reference() if logged_reference else None
    if reference is None:
        return
    request = getattr(HistoricalRecords.context, "request", None)
    action = {"+": Action.CREATE, "~": Action.CHANGE, "-": Action.CHANGE}[
        history_instance.history_type
    ]
    detail = str(instance._meta.verbose_name)
    if history_instance.history_type == "-":
        detail += " slettet"
    access_record(
        request or history_instance.history_user, action, references=[reference], detail=detail
    )


def _reference_models():
    """The models whose records carry a participant reference in a field ``reference``;
    they say so with ``participant_reference = True`` (courses, grants, hires, placements)."""
    return [m for m in apps.get_models() if getattr(m, "participant_reference", False)]


def references_in(texts: Iterable[str]) -> list[str]:
    """The participant references that the texts name: for pages that show references
    inside sentences, such as the data-quality findings."""
    import re

    words = sorted(
        {w for text in texts for w in re.findall(r"[\w-]+", text) if any(c.isdigit() for c in w)}
    )
    found: list[str] = []
    for model in _reference_models():
        for start in range(0, len(words), 900):  # SQLite takes 999 parameters a statement
            chunk = words[start : start + 900]
            found += model.objects.filter(reference__in=chunk).values_list("reference", flat=True)
    return found


def all_references() -> list[str]:
    """Every participant reference in the system (the whole exchange workbook's export)."""
    found: list[str] = []
    for model in _reference_models():
        found += model.objects.values_list("reference", flat=True)
    return found
