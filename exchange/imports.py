"""Import of the exchange workbook: all or nothing. Every error is collected (sheet, cell as
Excel shows it, column, a plain sentence); with any error nothing is written."""

import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agreements.models import Agreement, Course
from enterprises.models import Enterprise
from exchange.archive import archive_check
from exchange.preview import LISTED, row_changed, row_created
from exchange.rules import rows_check
from exchange.spec import (
    AGREEMENT,
    ENTERPRISE,
    SHEETS,
    SHEETS_BY_NAME,
    CellError,
    Column,
    Sheet,
)
from socialeconomy.vocabulary import ReferringUnit

MAX_BYTES = settings.UPLOAD_MAX_BYTES
MAX_ENTRIES = 2_000
BATCH = 2_000
PROGRESS_EVERY = 2_000  # rows between two progress reports


class WorkbookRefused(Exception):
    """The file is refused before it is parsed."""


def workbook_check_file(path: Path) -> None:
    """Refuse what is not an .xlsx workbook of a sane size, judged by content, not name."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise WorkbookRefused(
            f"Filen fylder {size / 1024 / 1024:.1f} MB; grænsen er {MAX_BYTES // 1024 // 1024} MB."
        )
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"PK\x03\x04" or not zipfile.is_zipfile(path):
        raise WorkbookRefused("Filen er ikke en Excel-projektmappe (.xlsx).")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
    except zipfile.BadZipFile:
        raise WorkbookRefused("Filen er ikke en Excel-projektmappe (.xlsx).") from None
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise WorkbookRefused("Filen er en zip-fil, men ikke en Excel-projektmappe (.xlsx).")
    if len(entries) > MAX_ENTRIES:
        raise WorkbookRefused(f"Filen rummer {len(entries)} dele; grænsen er {MAX_ENTRIES}.")
    if problem := archive_check(entries):
        raise WorkbookRefused(problem)


@dataclass
class SheetChanges:
    name: str
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    rows: list[str] = field(default_factory=list)  # the first rows' changes, as read


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    sheets: list[SheetChanges] = field(default_factory=list)
    written: bool = False
    references: list[str] = field(default_factory=list)  # of the rows created or changed

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def summary(self) -> str:
        return "; ".join(f"{s.name}: {s.created} nye, {s.changed} ændrede" for s in self.sheets)


@dataclass
class Row:
    number: int
    values: dict
    letters: dict  # field → column letter in the file


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _empty(column: Column):
    return {"date": None, "number": None, "bool": False}.get(column.kind, "")


class _Reader:
    def __init__(self, result: ImportResult):
        self.result = result

    def error(self, sheet: Sheet, letter: str, number: int, header: str, text: str) -> None:
        self.result.errors.append(f"{sheet.name}!{letter}{number} ({header}): {text}")

    def sheet(self, sheet: Sheet, worksheet, progress) -> list[Row]:
        rows = worksheet.iter_rows(values_only=True)
        header = next(rows, None) or ()
        positions = {}
        for index, title in enumerate(header):
            if isinstance(title, str) and title.strip():
                positions.setdefault(title.strip().casefold(), index)
        columns = []
        for column in sheet.columns:
            index = positions.get(column.header.casefold())
            if index is None:
                if column.required:
                    self.result.errors.append(
                        f"{sheet.name}!1 ({column.header}): kolonnen mangler i overskriftsrækken"
                    )
                continue
            columns.append((column, index, get_column_letter(index + 1)))
        if len(columns) < sum(c.required for c in sheet.columns):
            return []
        parsed: list[Row] = []
        seen: dict[str, int] = {}
        total = max((worksheet.max_row or 1) - 1, 0)  # as the file states it; may be off
        for number, cells in enumerate(rows, start=2):
            if not cells or all(_blank(c) for c in cells):
                continue
            row = Row(number, {}, {})
            for column, index, letter in columns:
                raw = cells[index] if index < len(cells) else None
                row.letters[column.field] = letter
                if _blank(raw):
                    if column.required:
                        self.error(sheet, letter, number, column.header, "skal udfyldes")
                    row.values[column.field] = _empty(column)
                    continue
                try:
                    row.values[column.field] = column.read(raw)
                except CellError as error:
                    self.error(sheet, letter, number, column.header, str(error))
            for column in sheet.columns:
                row.values.setdefault(column.field, _empty(column))
            key = sheet.row_key(row.values)
            if key:
                if key in seen:
                    shown = " / ".join(key) if isinstance(key, tuple) else key
                    self.error(
                        sheet,
                        row.letters[sheet.key.field],
                        number,
                        sheet.key.header,
                        f"«{shown}» står også i række {seen[key]}; en nøgle må kun stå én gang",
                    )
                else:
                    seen[key] = number
            self.rules(sheet, row)
            parsed.append(row)
            if progress and (number - 1) % PROGRESS_EVERY == 0:
                progress(f"{sheet.name}: læser rækker", number - 1, total)
        return parsed

    def rules(self, sheet: Sheet, row: Row) -> None:
        if sheet.model is Course:
            return  # the course rules, as the forms apply them: exchange.rules.rows_check
        v = row.values
        headers = {c.field: c.header for c in sheet.columns}

        def fail(name: str, text: str) -> None:
            self.error(sheet, row.letters.get(name, "A"), row.number, headers[name], text)

        start, end = ("joined", "left") if "joined" in v else ("start", "end")
        if v.get(start) and v.get(end) and v[end] < v[start]:
            fail(end, f"ligger før {headers[start]} ({v[start]:%d.%m.%Y})")


def sheet_records(sheet: Sheet) -> dict[str, dict]:
    """The stored records of a sheet's kind, by key, as the sheet's columns read them."""
    if sheet.records:
        return sheet.records()
    fields = [c.field for c in sheet.columns]
    names = {ENTERPRISE: "enterprise__name", AGREEMENT: "agreement__name"}
    lookups = [names.get(f, f) for f in fields]
    found = {}
    for values in sheet.model.objects.values("pk", *lookups).iterator(chunk_size=BATCH):
        record = {f: values[names.get(f, f)] for f in fields}
        for f in fields:
            if record[f] is None and f in ("outcome", "cvr", "purpose"):
                record[f] = ""
        record["pk"] = values["pk"]
        found[record[sheet.key.field]] = record
    return found


def _check_links(reader: _Reader, parsed: dict[str, list[Row]]) -> None:
    enterprises = {r.values["name"] for r in parsed.get("Virksomheder", [])}
    enterprises |= set(Enterprise.objects.values_list("name", flat=True))
    agreements = {r.values["name"] for r in parsed.get("Aftaler", [])}
    agreements |= set(Agreement.objects.values_list("name", flat=True))
    for name, rows in parsed.items():
        sheet = SHEETS_BY_NAME[name]
        for link, known, where in (
            (ENTERPRISE, enterprises, "Virksomheder"),
            (AGREEMENT, agreements, "Aftaler"),
        ):
            if link not in sheet.model_fields:
                continue
            header = next(c.header for c in sheet.columns if c.field == link)
            for row in rows:
                value = row.values.get(link)
                if value and value not in known:
                    reader.error(
                        sheet,
                        row.letters[link],
                        row.number,
                        header,
                        f"«{value}» findes hverken i arket {where} eller i systemet",
                    )


def _check_sheet_links(reader: _Reader, parsed: dict[str, list[Row]]) -> None:
    for name, rows in parsed.items():
        sheet = SHEETS_BY_NAME[name]
        if sheet.links:
            sheet.links(sheet, rows, parsed, reader)


def _read(path: Path, result: ImportResult, progress) -> dict[str, list[Row]]:
    reader = _Reader(result)
    handle = path.open("rb")  # a stream: the content decides, not the file name
    workbook = load_workbook(handle, read_only=True, data_only=True)
    try:
        parsed = {}
        for sheet in SHEETS:
            if sheet.name in workbook.sheetnames:
                parsed[sheet.name] = reader.sheet(sheet, workbook[sheet.name], progress)
                if progress:
                    count = len(parsed[sheet.name])
                    progress(f"{sheet.name}: læst", count, count)
    finally:
        workbook.close()
        handle.close()
    _check_links(reader, parsed)
    rows_check(reader, parsed)
    _check_sheet_links(reader, parsed)
    return parsed


def _plan(sheet: Sheet, rows: list[Row]) -> tuple[SheetChanges, list[dict], list[dict]]:
    existing = sheet_records(sheet)
    changes = SheetChanges(sheet.name)
    creates, updates = [], []
    for row in rows:
        record = existing.get(sheet.row_key(row.values))
        listed = len(changes.rows) < LISTED
        if record is None:
            creates.append(row.values)
            changes.created += 1
            if listed:
                changes.rows.append(row_created(sheet, row))
        elif any(record[f] != v for f, v in row.values.items()):
            updates.append({**row.values, "pk": record["pk"]})
            changes.changed += 1
            if listed:
                changes.rows.append(row_changed(sheet, row, record))
        else:
            changes.unchanged += 1
    return changes, creates, updates


def _instance_values(values: dict, links: dict) -> dict:
    out = dict(values)
    if ENTERPRISE in out:
        out["enterprise_id"] = links["enterprises"][out.pop(ENTERPRISE)]
    if AGREEMENT in out:
        out["agreement_id"] = links["agreements"][out.pop(AGREEMENT)]
    return out


def _write(sheet: Sheet, creates: list[dict], updates: list[dict], links: dict, user) -> None:
    """Write one sheet's new and changed rows. Every write leaves its history (who, when,
    before and after) for the models that keep one, and counts a course's version up."""
    if sheet.write:
        sheet.write(creates, updates, user)
        return
    model = sheet.model
    if model in (Enterprise, Agreement):  # few rows; save() keeps slugs, defaults, history
        for values in creates:
            values = _instance_values(values, links)
            if model is Agreement:
                values.setdefault("referring_unit", ReferringUnit.JOBCENTER)
            model(**values).save()
        for values in updates:
            values = _instance_values(values, links)
            instance = model.objects.get(pk=values.pop("pk"))
            for name, value in values.items():
                setattr(instance, name, value)
            instance.save()
        return
    tracked = hasattr(model, "history")
    objects = [model(**_instance_values(v, links)) for v in creates]
    if tracked:
        bulk_create_with_history(objects, model, batch_size=BATCH, default_user=user)
    else:
        model.objects.bulk_create(objects, batch_size=BATCH)
    if not updates:
        return
    rows = [_instance_values(v, links) for v in updates]
    fields = [f for f in rows[0] if f != "pk"]
    # The history copies whole objects: start from the stored ones.
    objects = _stored_with(model, rows) if tracked else [model(**r) for r in rows]
    if model is Course:  # counted up in the same UPDATE that writes the row: one write
        for course in objects:
            course.version = F("version") + 1
        fields.append("version")
    if tracked:
        bulk_update_with_history(objects, model, fields, batch_size=BATCH, default_user=user)
    else:
        model.objects.bulk_update(objects, fields, batch_size=BATCH)


def _stored_with(model, rows: list[dict]) -> list:
    """The stored records of rows, with the rows' values set. A record built from the row
    alone would carry empty values in the fields the sheet has no column for (a course's
    final evaluation date …), and the history would record them as changed to empty."""
    stored = {}
    ids = [r["pk"] for r in rows]
    for start in range(0, len(ids), BATCH):
        stored.update(model.objects.in_bulk(ids[start : start + BATCH]))
    objects = []
    for values in rows:
        instance = stored[values["pk"]]
        for name, value in values.items():
            setattr(instance, name, value)
        objects.append(instance)
    return objects


def workbook_import(
    path: Path, *, dry_run: bool = False, progress: Callable | None = None, user=None
) -> ImportResult:
    """Read, check and (unless dry_run or any error) write the workbook in one transaction.
    Raises WorkbookRefused for a file that is not a sane .xlsx workbook."""
    path = Path(path)
    workbook_check_file(path)
    result = ImportResult()
    parsed = _read(path, result, progress)
    if result.errors:
        return result
    plans = []
    if progress:
        progress("Sammenligner med registreringerne i systemet", 0)
    for sheet in SHEETS:
        if sheet.name in parsed:
            changes, creates, updates = _plan(sheet, parsed[sheet.name])
            result.sheets.append(changes)
            if sheet.key.field == "reference":
                result.references += [v["reference"] for v in (*creates, *updates)]
            plans.append((sheet, creates, updates))
    if dry_run:
        return result
    with transaction.atomic():
        for sheet, creates, updates in plans:
            links = {}  # names to ids, as they stand after the sheets written before
            if ENTERPRISE in sheet.model_fields:
                links["enterprises"] = dict(Enterprise.objects.values_list("name", "pk"))
            if AGREEMENT in sheet.model_fields:
                links["agreements"] = dict(Agreement.objects.values_list("name", "pk"))
            _write(sheet, creates, updates, links, user)
            if progress:
                count = len(creates) + len(updates)
                progress(f"{sheet.name}: gemt", count, count)
    result.written = True
    return result
