"""Export of every record in the exchange format, readable in Excel: real dates, numbers as
numbers, column widths, the header row frozen. Text is always written as text, never as a
formula, whatever it starts with."""

from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from exchange.imports import sheet_records
from exchange.spec import SHEETS, cell_label, ooxml_escape

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(sheet, value, kind: str):
    if kind == "bool":
        value = "ja" if value else "nej"
    if value == "":
        value = None
    if isinstance(value, str):
        value = ooxml_escape(value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a string cell is never run as a formula
        if value.startswith(FORMULA_STARTS):
            cell.number_format = "@"  # and stays text when edited in Excel
    elif kind == "date" and value is not None:
        cell.number_format = "dd.mm.yyyy"  # a real date, shown the Danish way
    elif kind == "number" and value is not None:
        cell.number_format = "#,##0"
    return cell


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
                [_cell(sheet, cell_label(c, record[c.field]), c.kind) for c in spec.columns]
            )
        counts[spec.name] = len(records)
    workbook.save(target)
    return counts


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, date):
        return "date"
    if isinstance(value, int):
        return "number"
    return "text"


def rows_export(target, *, title: str, headers: list[str], rows) -> int:
    """One sheet of any list (a filtered list page): the same safe cells as the workbook."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for index in range(len(headers)):
        sheet.column_dimensions[get_column_letter(index + 1)].width = 18
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, "" if v is None else v, _kind_of(v)) for v in row])
        count += 1
    workbook.save(target)
    return count
