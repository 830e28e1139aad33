"""Export of every record in the exchange format, readable in Excel: real dates, numbers as
numbers, column widths, the header row frozen. Text is always written as text, never as a
formula, whatever it starts with."""

from openpyxl import Workbook

from exchange.imports import sheet_records
from exchange.spec import SHEETS, cell_label
from socialeconomy.xlsx import safe_cell, sheet_with_header


def workbook_export(target) -> dict[str, int]:
    """Write the workbook to a path or a binary stream; returns rows per sheet."""
    workbook = Workbook(write_only=True)
    counts = {}
    for spec in SHEETS:
        sheet = sheet_with_header(workbook, spec.name, [(c.header, c.width) for c in spec.columns])
        records = sorted(sheet_records(spec).values(), key=spec.row_key)
        for record in records:
            sheet.append(
                [safe_cell(sheet, cell_label(c, record[c.field]), c.kind) for c in spec.columns]
            )
        counts[spec.name] = len(records)
    workbook.save(target)
    return counts
