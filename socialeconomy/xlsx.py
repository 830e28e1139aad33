"""Writing Excel cells safely, for every download: real dates shown dd.mm.yyyy, numbers as
numbers, and text always as text, never run as a formula whatever it starts with. Used by
the exchange workbook (exchange.exports) and by every list page's «Hent som Excel»
(socialeconomy.records)."""

import re
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ooxml_escape(text: str) -> str:
    """A carriage return does not survive XML as itself: OOXML writes it `_x000D_` (and a
    literal `_xHHHH_` as `_x005F_xHHHH_`), as Excel does."""
    text = _OOXML_ESCAPE.sub(lambda m: "_x005F" + m.group(0), text)
    return text.replace("\r", "_x000D_")


def ooxml_unescape(text: str) -> str:
    """What a cell read back from a workbook says: `_xHHHH_` is the character HHHH."""
    return _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(sheet, value, kind: str):
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


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, date):
        return "date"
    if isinstance(value, int):
        return "number"
    return "text"


def sheet_with_header(workbook, title: str, columns: list[tuple[str, int]]):
    """A new sheet of a write-only workbook: the header row in bold and frozen, each column
    (header, width) as wide as given."""
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for index, (text, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


def rows_export(target, *, title: str, headers: list[str], rows) -> int:
    """One sheet of any list (a filtered list page): the same safe cells as the workbook."""
    workbook = Workbook(write_only=True)
    sheet = sheet_with_header(workbook, title, [(text, 18) for text in headers])
    count = 0
    for row in rows:
        sheet.append([safe_cell(sheet, "" if v is None else v, _kind_of(v)) for v in row])
        count += 1
    workbook.save(target)
    return count
