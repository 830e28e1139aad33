from django.db.models import Q

from audit.models import AccessLog, Action


def access_log_for_reference(reference: str):
    """Everything logged about one reference: its views, changes and exports, and the
    searches whose term contains it."""
    reference = reference.strip()
    return AccessLog.objects.filter(
        Q(reference=reference) | Q(action=Action.SEARCH, detail__icontains=reference)
    ).order_by("-at", "-pk")
