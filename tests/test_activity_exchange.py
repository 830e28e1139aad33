"""The sheets Aktiviteter and Aktivitetstal of the exchange workbook: in, out, and refused
whole with every error named."""

from datetime import date

import pytest
import time_machine
from openpyxl import Workbook, load_workbook

from activities.models import Activity, ActivityFigure
from exchange.exports import workbook_export
from exchange.imports import workbook_import
from tests.factories import ActivityFactory, ActivityFigureFactory, EnterpriseFactory

pytestmark = pytest.mark.django_db

ACTIVITIES = ["Navn", "Type", "Spor", "Indsatsområde", "Ansvarlig", "Status", "Start", "Slut"]
FIGURES = ["Aktivitet", "Tal", "Periode", "Værdi", "Opgørelse", "Indberettet", "Kilde"]
EMPLOYMENT = "Håndholdt beskæftigelsesindsats 30+"
NAME = "Borgere i praktik og løntilskud"


def _book(tmp_path, activities, figures):
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in (
        ("Aktiviteter", ACTIVITIES, activities),
        ("Aktivitetstal", FIGURES, figures),
    ):
        if rows is None:
            continue
        sheet = book.create_sheet(title)
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "aktiviteter.xlsx"
    book.save(path)
    return path


GOOD_ACTIVITIES = [
    [EMPLOYMENT, "activity", "", "Beskæftigelse", "Slagelse Kommune", "I drift", "2022-01-01"],
    ["Genbrug af CD-covers", "Verdensmålsløsning", "sdgs", "", "Café Ærø", "igangsat", None],
]
GOOD_FIGURES = [
    [EMPLOYMENT, NAME, "2022-Q2", 45, "år til dato", date(2022, 7, 15), "CAI"],
    [EMPLOYMENT, NAME, "2022-q3", 3, "ytd", date(2022, 10, 20), "CAI"],
    ["Genbrug af CD-covers", "Covers genbrugt", "2022", 1200, "periode", None, None],
]


@time_machine.travel(date(2023, 1, 10))
def test_activities_and_figures_are_imported_and_a_second_import_changes_nothing(tmp_path):
    cafe = EnterpriseFactory(name="Café Ærø")
    path = _book(tmp_path, GOOD_ACTIVITIES, GOOD_FIGURES)
    result = workbook_import(path)
    assert result.ok, result.errors
    employment = Activity.objects.get(name=EMPLOYMENT)
    assert (employment.responsible, employment.enterprise) == ("Slagelse Kommune", None)
    assert employment.current_state.state == "running"
    assert employment.current_state.date == date(2022, 1, 1)
    covers = Activity.objects.get(name="Genbrug af CD-covers")
    assert (covers.enterprise, covers.type, covers.track) == (cafe, "sdg_solution", "sdgs")
    assert covers.current_state.date == date(2023, 1, 10)  # no start: dated the import
    q3 = ActivityFigure.objects.get(activity=employment, period="2022-Q3")
    assert (q3.value, q3.basis, q3.source) == (3, "ytd", "CAI")

    again = workbook_import(path)
    assert [(s.created, s.changed) for s in again.sheets] == [(0, 0), (0, 0)]


@time_machine.travel(date(2023, 1, 10))
def test_a_changed_state_is_a_new_step_of_the_history(tmp_path):
    EnterpriseFactory(name="Café Ærø")
    assert workbook_import(_book(tmp_path, GOOD_ACTIVITIES, None)).ok
    rows = [list(r) for r in GOOD_ACTIVITIES]
    rows[0][5] = "Gennemført"
    assert workbook_import(_book(tmp_path, rows, None)).ok
    states = Activity.objects.get(name=EMPLOYMENT).states.order_by("date")
    assert [(s.state, s.date) for s in states] == [
        ("running", date(2022, 1, 1)),
        ("done", date(2023, 1, 10)),
    ]


def test_bad_rows_are_refused_whole_each_named(tmp_path):
    activities = [
        [EMPLOYMENT, "workshop", "Ekstra Gear", "", "", "afsluttet", "2022-03-01", "2022-01-01"],
    ]
    figures = [
        [EMPLOYMENT, NAME, "2022-Q5", 4, "ytd", None, None],
        [EMPLOYMENT, NAME, "Q3 2022", 4, "ytd", None, None],
        [EMPLOYMENT, NAME, "2022-Q1", -3, "ytd", None, None],
        [EMPLOYMENT, NAME, "2022-Q2", 7, "løbende", None, None],
        ["Ukendt aktivitet", NAME, "2022-Q1", 2, "periode", None, None],
        [EMPLOYMENT, NAME, "2022-q1", 2, "periode", None, None],
    ]
    result = workbook_import(_book(tmp_path, activities, figures))
    errors = "\n".join(result.errors)
    assert not result.written and Activity.objects.count() == 0
    for expected in (
        'Aktiviteter!B2 (Type): "workshop" er ikke en kendt aktivitetstype',
        'Aktiviteter!C2 (Spor): "Ekstra Gear": Sporet skrives som en nøgle med små bogstaver',
        'Aktiviteter!F2 (Status): "afsluttet" er ikke en kendt status',
        "Aktiviteter!H2 (Slut): ligger før Start (01.03.2022)",
        "Aktivitetstal!C2 (Periode): «2022-Q5» er ikke en periode",
        "Aktivitetstal!C3 (Periode): «Q3 2022» er ikke en periode",
        'Aktivitetstal!D4 (Værdi): "-3" er ikke et helt tal på 0 eller mere',
        'Aktivitetstal!E5 (Opgørelse): "løbende" er ikke en kendt opgørelse',
        "Aktivitetstal!A6 (Aktivitet): «Ukendt aktivitet» findes hverken i arket Aktiviteter",
        f"Aktivitetstal!A7 (Aktivitet): «{EMPLOYMENT} / {NAME} / 2022-Q1» står også i række 4",
    ):
        assert expected in errors, errors
    assert len(result.errors) == 10


def test_export_writes_both_sheets_and_reads_back_the_same(tmp_path):
    activity = ActivityFactory(name="Skrivetimer", track="fundraising", state="running")
    ActivityFigureFactory(activity=activity, name="Skrivetimer afholdt", period="2022", value=2)
    first = tmp_path / "1.xlsx"
    workbook_export(first)
    book = load_workbook(first)
    assert [c.value for c in book["Aktiviteter"][1]] == ACTIVITIES
    assert [c.value for c in book["Aktivitetstal"][2]][:5] == [
        "Skrivetimer",
        "Skrivetimer afholdt",
        "2022",
        2,
        "år til dato",
    ]
    Activity.objects.all().delete()
    assert workbook_import(first).ok
    second = tmp_path / "2.xlsx"
    workbook_export(second)

    def contents(path):
        return {s.title: list(s.iter_rows(values_only=True)) for s in load_workbook(path)}

    assert contents(first) == contents(second)
