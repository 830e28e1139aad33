"""The demo loaded once per test session and copied into each test's database after that.

Loading the demo takes about a second (a few thousand records through the ORM, with their
history); some fifty tests start from it. The first load records what it changed, table by
table; a later test whose database stands exactly where that first one stood gets the same
rows written back with plain INSERTs (and DELETEs of rows the load changed) in a few
milliseconds, inside the test's own transaction, so the rollback after the test undoes it
as before. Where the database stands elsewhere (a test made records before loading the
demo), or on another database than SQLite, the demo is loaded as usual.

"Exactly where": every table holds the same rows, value for value (before the demo, the
database holds few: content types, permissions, what the migrations write). The values are
read and written raw (`+column` has no declared type, so SQLite's
converters leave it alone) and come back byte for byte."""

from collections.abc import Callable

from django.apps import apps
from django.db import connection, transaction


def _tables() -> list[tuple[str, str]]:
    """(table, primary key column) of every model table, each once."""
    seen = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            seen.setdefault(meta.db_table, meta.pk.column)
    return sorted(seen.items())


def _rows(tables) -> dict[str, tuple[list[str], set[tuple]]]:
    q = connection.ops.quote_name
    out = {}
    with connection.cursor() as cursor:
        for table, _ in tables:
            cursor.execute(f"SELECT * FROM {q(table)} LIMIT 0")
            columns = [c[0] for c in cursor.description]
            cursor.execute(f"SELECT {', '.join('+' + q(c) for c in columns)} FROM {q(table)}")
            out[table] = (columns, set(cursor.fetchall()))
    return out


class DemoSnapshot:
    """Calls `load` (which returns the load's result) or writes back what an earlier call
    wrote, from the same starting point."""

    def __init__(self, load: Callable):
        self.load = load
        self.known: dict[tuple, tuple[list, object]] = {}

    def __call__(self):
        if connection.vendor != "sqlite":
            return self.load()
        tables = _tables()
        before = _rows(tables)
        start = frozenset((table, frozenset(rows)) for table, (_, rows) in before.items())
        if start in self.known:
            changes, result = self.known[start]
            _write(changes)
            return result
        result = self.load()
        after = _rows(tables)
        changes = []
        for table, pk in tables:
            columns, rows = after[table]
            gone, new = before[table][1] - rows, rows - before[table][1]
            if gone or new:
                changes.append((table, columns, columns.index(pk), gone, new))
        self.known[start] = (changes, result)
        return result


def _write(changes) -> None:
    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table, columns, pk, gone, new in changes:
            if gone:
                cursor.executemany(
                    f"DELETE FROM {q(table)} WHERE {q(columns[pk])} = %s",
                    [(row[pk],) for row in gone],
                )
            cursor.executemany(
                f"INSERT INTO {q(table)} ({', '.join(map(q, columns))}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})",
                sorted(new, key=lambda row: row[pk]),
            )
