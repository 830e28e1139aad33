"""The exchange workbook's sheets and columns, as docs/exchange-workbook.md fixes
them, and how each cell is read and written."""

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError

from activities import exchange as activity_sheets
from activities.models import Activity, ActivityFigure, validate_track_key
from activities.periods import parse_period
from agreements.models import Agreement, Course
from enterprises.models import Enterprise, Grant, Hire, Placement
from socialeconomy.validators import cvr_is_valid, reference_problem, text_cpr_problem
from socialeconomy.vocabulary import (
    ActivityStatus,
    ActivityType,
    AgreementModel,
    EnterpriseType,
    FigureBasis,
    HireType,
    Outcome,
    PlacementType,
    StartingPoint,
    parse_choice,
)
from socialeconomy.xlsx import ooxml_unescape


class CellError(ValueError):
    """A cell that cannot be read; the message is a plain Danish sentence."""


def _quoted(value: Any) -> str:
    return f'"{value}"'


def read_text(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None:
        return ""
    return ooxml_unescape(str(value))


def read_date(value: Any) -> date:
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, str):
        text = value.strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise CellError(
                f"{_quoted(value)} er ikke en dato (brug en Excel-dato eller ÅÅÅÅ-MM-DD)"
            )
        try:
            value = date.fromisoformat(text)
        except ValueError:
            raise CellError(f"{_quoted(value)} er ikke en dato, der findes") from None
    elif not isinstance(value, date):
        raise CellError(f"{_quoted(value)} er ikke en dato (brug en Excel-dato eller ÅÅÅÅ-MM-DD)")
    if not 2000 <= value.year <= 2100:
        raise CellError(f"{value:%d.%m.%Y} ligger uden for årene 2000–2100")
    return value


def read_whole(value: Any) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CellError(f"{_quoted(value)} er ikke et helt tal på 0 eller mere")
    return value


def read_amount(value: Any) -> int:
    try:
        amount = read_whole(value)
    except CellError:
        amount = 0
    if amount <= 0:
        raise CellError(f"{_quoted(value)} er ikke et beløb i hele kroner over 0")
    return amount


def read_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = read_text(value).strip().casefold()
    if text in ("ja", "yes", "1", "true", "sand"):
        return True
    if text in ("nej", "no", "0", "false", "falsk", ""):
        return False
    raise CellError(f"{_quoted(value)} er hverken ja eller nej")


def choice_reader(choices, what: str):
    def read(value: Any) -> str:
        code = parse_choice(choices, value)
        if code is None:
            allowed = ", ".join(f"{c} ({label})" for c, label in choices.choices)
            raise CellError(f"{_quoted(value)} er ikke en kendt {what}; brug en af: {allowed}")
        return code

    read.choices = choices  # the export writes the Danish label, the import takes both
    return read


def cell_label(column, value):
    """A stored value as a consultant reads it: the Danish label of a code."""
    choices = getattr(column.read, "choices", None)
    if choices is not None and value not in (None, ""):
        return dict(choices.choices).get(value, value)
    return value


def read_reference(value: Any) -> str:
    text = read_text(value).strip()
    problem = reference_problem(text)  # a number cell is read as its digits first
    if problem:
        raise CellError(problem)
    if len(text) > 50:
        raise CellError("er længere end 50 tegn")
    return text


def read_free_text(value: Any) -> str:
    """Free text (a donor, a purpose): never a CPR number in it."""
    text = read_text(value)
    problem = text_cpr_problem(text)
    if problem:
        raise CellError(problem[0].lower() + problem[1:])
    return text


def read_cvr(value: Any) -> str:
    text = read_text(value).strip()
    if not cvr_is_valid(text):
        raise CellError(f"{_quoted(value)} er ikke et gyldigt CVR-nummer (8 cifre, modulus 11)")
    return text


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    read: Any
    required: bool = False
    kind: str = "text"  # how it is written: text, date, number, bool
    width: int = 16


@dataclass(frozen=True)
class Sheet:
    name: str
    model: type
    columns: tuple[Column, ...]
    key_fields: tuple[str, ...] = ()  # a key of several columns; default: the first column
    # Sheets whose rows are not one model's fields give their own stored records (by key),
    # link check and write (activities/exchange.py).
    records: Any = None
    links: Any = None
    write: Any = None

    @property
    def key(self) -> Column:
        return self.columns[0]

    def row_key(self, values: dict):
        """A row's key: the first column's value, or a tuple for a key of several columns
        (None while a part of it is missing)."""
        if not self.key_fields:
            return values.get(self.key.field)
        parts = tuple(values.get(f) for f in self.key_fields)
        return parts if all(parts) else None

    @property
    def model_fields(self) -> set[str]:
        return {c.field for c in self.columns}


def _name(value: Any) -> str:
    text = read_text(value).strip()
    if len(text) > 200:
        raise CellError("er længere end 200 tegn")
    return text


ENTERPRISE = "enterprise"
AGREEMENT = "agreement"

# The first columns of the grants, hires and placements sheets (enterprises' dated records).
DATED = (
    Column("Reference", "reference", read_reference, True, width=16),
    Column("Virksomhed", ENTERPRISE, _name, True, width=36),
    Column("Dato", "date", read_date, True, kind="date", width=12),
)

SHEETS = (
    Sheet(
        "Virksomheder",
        Enterprise,
        (
            Column("Navn", "name", _name, True, width=40),
            Column("Type", "type", choice_reader(EnterpriseType, "virksomhedstype"), True),
            Column("CVR", "cvr", read_cvr, width=10),
            Column("Fra", "joined", read_date, True, kind="date", width=12),
            Column("Til", "left", read_date, kind="date", width=12),
        ),
    ),
    Sheet(
        "Aftaler",
        Agreement,
        (
            Column("Navn", "name", _name, True, width=40),
            Column("Virksomhed", ENTERPRISE, _name, True, width=36),
            Column("Model", "model", choice_reader(AgreementModel, "model"), True, width=10),
            Column("Ramme", "capacity", read_whole, kind="number", width=8),
            Column("Start", "start", read_date, True, kind="date", width=12),
            Column("Slut", "end", read_date, kind="date", width=12),
        ),
    ),
    Sheet(
        "Forløb",
        Course,
        (
            Column("Reference", "reference", read_reference, True, width=16),
            Column("Aftale", AGREEMENT, _name, True, width=36),
            Column("Start", "start", read_date, True, kind="date", width=12),
            Column("Slut", "end", read_date, kind="date", width=12),
            Column("Resultat", "outcome", choice_reader(Outcome, "resultatkode"), width=24),
            Column("Veteran", "veteran", read_bool, kind="bool", width=9),
            Column("Plan modtaget", "plan_received", read_date, kind="date", width=14),
            Column(
                "Udgangspunkt",
                "starting_point",
                choice_reader(StartingPoint, "udgangspunktskode"),
                width=24,
            ),
        ),
    ),
    Sheet(
        "Fundraising",
        Grant,
        (
            *DATED,
            Column("Giver", "donor", read_free_text, True, width=36),
            Column("Beløb", "amount", read_amount, True, kind="number", width=14),
            Column("Formål", "purpose", read_free_text, width=40),
        ),
    ),
    Sheet(
        "Ansættelser",
        Hire,
        (
            *DATED,
            Column("Type", "type", choice_reader(HireType, "ansættelsestype"), True, width=14),
        ),
    ),
    Sheet(
        "Praktik og løntilskud",
        Placement,
        (
            *DATED,
            Column("Type", "type", choice_reader(PlacementType, "type"), True, width=14),
        ),
    ),
)


def read_track(value: Any) -> str:
    text = read_text(value).strip()
    try:
        validate_track_key(text)
    except ValidationError as error:
        raise CellError(f"{_quoted(value)}: {error.messages[0]}") from None
    return text


def read_period(value: Any) -> str:
    try:
        return str(parse_period(read_text(value)))
    except ValidationError as error:
        raise CellError(error.messages[0]) from None


SHEETS += (
    Sheet(
        "Aktiviteter",
        Activity,
        (
            Column("Navn", "name", _name, True, width=40),
            Column("Type", "type", choice_reader(ActivityType, "aktivitetstype"), True, width=18),
            Column("Spor", "track", read_track, width=14),
            Column("Indsatsområde", "focus_area", _name, width=24),
            Column("Ansvarlig", "responsible", _name, width=30),
            Column("Status", "state", choice_reader(ActivityStatus, "status"), True, width=12),
            Column("Start", "start", read_date, kind="date", width=12),
            Column("Slut", "end", read_date, kind="date", width=12),
        ),
        records=activity_sheets.activity_records,
        links=activity_sheets.activity_links,
        write=activity_sheets.write_activities,
    ),
    Sheet(
        "Aktivitetstal",
        ActivityFigure,
        (
            Column("Aktivitet", "activity", _name, True, width=40),
            Column("Tal", "name", _name, True, width=36),
            Column("Periode", "period", read_period, True, width=10),
            Column("Værdi", "value", read_whole, True, kind="number", width=10),
            Column("Opgørelse", "basis", choice_reader(FigureBasis, "opgørelse"), True, width=12),
            Column("Indberettet", "reported", read_date, kind="date", width=12),
            Column("Kilde", "source", _name, width=16),
        ),
        key_fields=("activity", "name", "period"),
        records=activity_sheets.figure_records,
        links=activity_sheets.figure_links,
        write=activity_sheets.write_figures,
    ),
)
SHEETS_BY_NAME = {s.name: s for s in SHEETS}
