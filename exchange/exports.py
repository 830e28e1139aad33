"""Export of every record in the exchange format, readable in Excel: real dates, numbers as
numbers, column widths, the header row frozen. Text is always written as text, never as a
formula, whatever it starts with."""

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from exchange.imports import sheet_records
from exchange.spec import SHEETS, cell_label
from socialeconomy.xlsx import safe_cell


def workbook_export(target) -> dict[str, int]:
    """Write the workbook to a path or a binary stream; returns rows per sheet."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    counts = {}
    for spec in SHEETS:
        sheet = workbook.create_sheet(spec.name)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(spec.columns, start=1):
            letter = chr(ord("A") + index - 1)
            sheet.column_dimensions[letter].width = column.width
        header = []
        for column in spec.columns:
            cell = WriteOnlyCell(sheet, value=column.header)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        records = sorted(sheet_records(spec).values(), key=spec.row_key)
        for record in records:
            sheet.append(
                [safe_cell(sheet, cell_label(c, record[c.field]), c.kind) for c in spec.columns]
            )
        counts[spec.name] = len(records)
    workbook.save(target)
    return counts
