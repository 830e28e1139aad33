"""What an import will change, row by row, as a consultant reads it: «Række 14 (D22-0001):
Slut: – → 31.05.2022; Resultat: – → Fleksjob». Values are shown as the app shows them
(Danish dates and labels, ja/nej), not as codes."""

from datetime import date

from exchange.spec import cell_label
from socialeconomy.formatting import dk_int

#: Rows listed per sheet in the preview; the counts cover the rest.
LISTED = 200


def shown(column, value) -> str:
    value = cell_label(column, value)
    if value in (None, ""):
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, int):
        return dk_int(value)
    return str(value)


def row_created(sheet, row) -> str:
    return f"Række {row.number}: ny – {row.values[sheet.key.field]}"


def row_changed(sheet, row, record: dict) -> str:
    changes = [
        f"{c.header}: {shown(c, record.get(c.field))} → {shown(c, row.values.get(c.field))}"
        for c in sheet.columns
        if c.field != sheet.key.field and record.get(c.field) != row.values.get(c.field)
    ]
    return f"Række {row.number} ({row.values[sheet.key.field]}): " + "; ".join(changes)
