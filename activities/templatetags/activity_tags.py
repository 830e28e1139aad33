from django import template

register = template.Library()


@register.filter
def track_rows(activities: dict | None, key: str) -> list:
    """The activities of one track of the report (``activities.tracks[key]``)."""
    return ((activities or {}).get("tracks") or {}).get(key, [])


@register.filter
def with_states(activities):
    """Activities with their states fetched at once (each line shows its current state)."""
    return activities.prefetch_related("states")
