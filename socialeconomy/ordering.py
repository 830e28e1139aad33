"""Sorting that pages correctly on every database.

Every ordering ends with the primary key, so rows with equal sort values (the same outcome,
agreement or plan date) have one fixed order and paging shows each row exactly once. A NULL
sorts as the largest value on SQLite as on PostgreSQL (PostgreSQL's own rule): an ongoing
course, with no end date, comes last when sorting by end date and first when sorting newest
first."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, OrderBy
from django.db.models.constants import LOOKUP_SEP


def _field(model, path: str):
    """The model field at the end of a lookup path, or None (an annotation, "pk", …)."""
    field = None
    for part in path.split(LOOKUP_SEP):
        if model is None:
            return None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model
    return field


def _term(model, term):
    if not isinstance(term, str):
        return term
    descending = term.startswith("-")
    path = term.lstrip("-")
    field = _field(model, path)
    if field is None or field.is_relation or not field.null:
        # Relations keep the related model's own ordering; NOT NULL columns need no rule.
        return term
    expression = F(path)
    return expression.desc(nulls_first=True) if descending else expression.asc(nulls_last=True)


def _ends_with_pk(terms) -> bool:
    if not terms:
        return False
    last = terms[-1]
    if isinstance(last, OrderBy):
        last = getattr(last.expression, "name", None)
    return isinstance(last, str) and last.lstrip("-") in {"pk", "id"}


def stable_order(queryset):
    """`queryset` in its current order (or the model's default), NULLs as the largest value,
    the primary key last."""
    query = queryset.query
    terms = list(query.order_by)
    if not terms and query.default_ordering:
        terms = list(queryset.model._meta.ordering)
    terms = [_term(queryset.model, term) for term in terms if term != "?"]
    if not _ends_with_pk(terms):
        terms.append("pk")
    return queryset.order_by(*terms)
