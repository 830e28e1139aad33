"""Portable SQL helpers."""

from django.db.models import Func, IntegerField


class DaysBetween(Func):
    """Whole days from ``start`` to ``end`` (end - start), computed natively by the database:
    integer date subtraction in PostgreSQL, julianday() in SQLite."""

    arity = 2
    output_field = IntegerField()

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="(%(expressions)s)", arg_joiner=" - ")

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
        )


class StaleEdit(Exception):
    """The record was saved by someone else after this copy was read (optimistic locking)."""


def reference_taken(model, reference: str, pk=None) -> str | None:
    """The message when another record of model has this reference, ignoring case (the
    database's unique index on Lower(reference) answers the lookup); None when free."""
    from django.db.models.functions import Lower

    other = (
        model.objects.alias(reference_lower=Lower("reference"))
        .filter(reference_lower=reference.lower())
        .exclude(pk=pk)
        .values_list("reference", flat=True)
        .first()
    )
    if other is None:
        return None
    return f"Referencen findes allerede som «{other}»; store og små bogstaver regnes for ens."


def unique_reference_ignoring_case(name: str):
    """The database's guard: one reference, whatever its case (a unique index on
    Lower(reference); SQLite and PostgreSQL both index the expression)."""
    from django.db.models import UniqueConstraint
    from django.db.models.functions import Lower

    return UniqueConstraint(
        Lower("reference"),
        name=name,
        violation_error_message="Referencen findes allerede (store og små bogstaver regnes "
        "for ens).",
    )
