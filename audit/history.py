"""The change history of a record (django-simple-history) as rows a consultant can read:
when, who, and for each changed field its value before and after."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models
from django.utils import timezone

KINDS = {"+": "Oprettet", "~": "Ændret", "-": "Slettet"}


@dataclass
class HistoryRow:
    when: datetime
    who: str
    kind: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    earliest: bool = False  # the oldest version kept: what came before is not known


def _shown(model_field, value, names: dict) -> str:
    if value in (None, ""):
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):  # looked up once per value and call
        key = (model_field.related_model, value)
        if key not in names:
            related = model_field.related_model.objects.filter(pk=value).first()
            names[key] = str(related) if related else f"#{value}"
        return names[key]
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%d.%m.%Y %H.%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def history_rows(obj, limit: int = 50) -> list[HistoryRow]:
    """Newest first: each saved version of obj against the one before it."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    rows, names = [], {}
    for newer, older in zip(records, [*records[1:], None], strict=True):
        if len(rows) == limit:
            break
        row = HistoryRow(
            when=newer.history_date,
            who=str(newer.history_user or "systemet (import eller kommando)"),
            kind=KINDS.get(newer.history_type, newer.history_type),
        )
        if older is None:
            row.earliest = True
        else:
            for change in newer.diff_against(older).changes:
                model_field = obj._meta.get_field(change.field)
                row.changes.append(
                    (
                        str(model_field.verbose_name),
                        _shown(model_field, change.old, names),
                        _shown(model_field, change.new, names),
                    )
                )
        rows.append(row)
    return rows
