"""What the core's generic pages announce; the apps above listen. The core knows no app, so
the list and delete pages (socialeconomy.records) do not write the access log themselves:
they send ``records_accessed`` with the references they showed, exported or deleted, and the
access log (audit, connected in AuditConfig.ready()) records it."""

from django.dispatch import Signal

# Sent with: request, action ("list", "search", "export" or "change": audit.models.Action),
# references (an iterable of participant references), detail (a short text).
records_accessed = Signal()
