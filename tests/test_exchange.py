"""The exchange workbook (docs/exchange-workbook.md): every rule, all or nothing."""

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook, load_workbook

from activities.models import Activity, FundraisingApplication
from agreements.models import Agreement, Course
from enterprises.models import Enterprise, Grant, Hire, Placement
from exchange import imports
from exchange.exports import workbook_export
from exchange.imports import WorkbookRefused, workbook_import

pytestmark = pytest.mark.django_db

HEADERS = {
    "Virksomheder": ["Navn", "Type", "CVR", "Fra", "Til"],
    "Aftaler": ["Navn", "Virksomhed", "Model", "Ramme", "Start", "Slut"],
    "Forløb": [
        *("Reference", "Aftale", "Start", "Slut", "Resultat", "Veteran", "Plan modtaget"),
        "Udgangspunkt",
    ],
    "Fundraising": ["Reference", "Virksomhed", "Dato", "Giver", "Beløb", "Formål"],
    "Ansættelser": ["Reference", "Virksomhed", "Dato", "Type"],
    "Praktik og løntilskud": ["Reference", "Virksomhed", "Dato", "Type"],
    "Aktiviteter": [
        "Navn",
        "Type",
        "Spor",
        "Indsatsområde",
        "Ansvarlig",
        "Status",
        "Start",
        "Slut",
    ],
    "Aktivitetstal": ["Aktivitet", "Tal", "Periode", "Værdi", "Opgørelse", "Indberettet", "Kilde"],
}
GOOD = {
    "Virksomheder": [["Café Ærø", "registered", "", date(2021, 1, 1), None]],
    "Aftaler": [["Ærø – periode 1", "Café Ærø", "1", 6, "2022-01-01", None]],
    "Forløb": [
        ["Ø-001", "Ærø – periode 1", date(2022, 2, 1), date(2022, 5, 1), "Fleksjob", "ja", None],
        ["Ø-002", "Ærø – periode 1", "2022-03-01", None, None, None, "2022-03-20"],
    ],
    "Fundraising": [["F-1", "Café Ærø", date(2022, 6, 1), "Fonden", 25_000, "Køkken"]],
    "Ansættelser": [["A-1", "Café Ærø", date(2022, 7, 1), "Fuldtidsstilling"]],
    "Praktik og løntilskud": [["P-1", "Café Ærø", date(2022, 8, 1), "internship"]],
}


def workbook(tmp_path, sheets=None, headers=None, name="fil.xlsx"):
    book = Workbook()
    book.remove(book.active)
    for title, rows in (GOOD if sheets is None else sheets).items():
        sheet = book.create_sheet(title)
        sheet.append((headers or {}).get(title, HEADERS[title]))
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def counts():
    models = (Enterprise, Agreement, Course, Grant, Hire, Placement)
    return {m.__name__: m.objects.count() for m in models}


def test_a_good_workbook_creates_every_record(tmp_path):
    result = workbook_import(workbook(tmp_path))
    assert result.ok and result.written
    assert counts() == {
        "Enterprise": 1,
        "Agreement": 1,
        "Course": 2,
        "Grant": 1,
        "Hire": 1,
        "Placement": 1,
    }
    course = Course.objects.get(reference="Ø-001")
    assert (course.outcome, course.veteran, course.end) == ("flexjob", True, date(2022, 5, 1))
    assert Course.objects.get(reference="Ø-002").plan_received == date(2022, 3, 20)
    assert Hire.objects.get().type == "full_time"  # the Danish label is read as its code
    assert Agreement.objects.get().enterprise.name == "Café Ærø"


def test_the_same_file_twice_changes_nothing_the_second_time(tmp_path):
    path = workbook(tmp_path)
    workbook_import(path)
    before = list(Course.objects.order_by("pk").values())
    second = workbook_import(path)
    assert [(s.created, s.changed) for s in second.sheets] == [(0, 0)] * 6
    assert [s.unchanged for s in second.sheets] == [1, 1, 2, 1, 1, 1]
    assert list(Course.objects.order_by("pk").values()) == before


def test_a_known_key_updates_its_record(tmp_path):
    workbook_import(workbook(tmp_path))
    sheets = {"Forløb": [["Ø-002", "Ærø – periode 1", "2022-03-01", "2022-06-30", "education"]]}
    result = workbook_import(workbook(tmp_path, sheets, name="ret.xlsx"))
    assert [(s.name, s.created, s.changed) for s in result.sheets] == [("Forløb", 0, 1)]
    assert Course.objects.get(reference="Ø-002").outcome == "education"
    assert Course.objects.count() == 2  # an absent sheet or row changes nothing


def test_an_import_counts_a_changed_course_up_once_in_one_write(tmp_path):
    """Optimistic locking: a consultant's open form of a course the import changed is
    stale afterwards. The version rises by exactly one per import, written in the same
    UPDATE as the row; an unchanged course keeps its version."""
    workbook_import(workbook(tmp_path))
    before = dict(Course.objects.values_list("reference", "version"))
    sheets = {
        "Forløb": [
            ["Ø-001", "Ærø – periode 1", date(2022, 2, 1), date(2022, 5, 1), "Fleksjob", "ja"],
            ["Ø-002", "Ærø – periode 1", "2022-03-01", "2022-06-30", "education"],
        ]
    }
    with CaptureQueriesContext(connection) as queries:
        result = workbook_import(workbook(tmp_path, sheets, name="ret.xlsx"))
    assert [(s.changed, s.unchanged) for s in result.sheets] == [(1, 1)]
    after = dict(Course.objects.values_list("reference", "version"))
    assert after == {"Ø-001": before["Ø-001"], "Ø-002": before["Ø-002"] + 1}
    course_updates = [
        q["sql"] for q in queries if q["sql"].startswith('UPDATE "agreements_course"')
    ]
    assert len(course_updates) == 1 and '"version"' in course_updates[0]
    workbook_import(workbook(tmp_path, sheets, name="ret.xlsx"))  # nothing changed now
    assert dict(Course.objects.values_list("reference", "version")) == after


ERRORS = [
    ("Forløb", 2, 2, "31-02-2023", 'Forløb!C2 (Start): "31-02-2023" er ikke en dato'),
    ("Forløb", 2, 2, "2023-02-31", 'Forløb!C2 (Start): "2023-02-31" er ikke en dato, der'),
    ("Forløb", 2, 2, date(1999, 12, 31), "Forløb!C2 (Start): 31.12.1999 ligger uden for"),
    ("Forløb", 2, 0, "010190-1234", "Forløb!A2 (Reference): ligner et CPR-nummer"),
    ("Forløb", 2, 0, "0101901234", "Forløb!A2 (Reference): ligner et CPR-nummer"),
    ("Forløb", 2, 1, "Ukendt aftale", "Forløb!B2 (Aftale): «Ukendt aftale» findes hverken"),
    ("Forløb", 2, 4, "i job", 'Forløb!E2 (Resultat): "i job" er ikke en kendt resultatkode'),
    ("Forløb", 3, 4, "education", "Forløb!E3 (Resultat): et resultat kan kun registreres"),
    ("Forløb", 2, 3, date(2022, 1, 1), "Forløb!D2 (Slut): slutdatoen skal ligge på eller efter"),
    ("Forløb", 2, 5, "måske", 'Forløb!F2 (Veteran): "måske" er hverken ja eller nej'),
    ("Forløb", 3, 0, "Ø-001", "Forløb!A3 (Reference): «Ø-001» står også i række 2"),
    ("Forløb", 2, 2, None, "Forløb!C2 (Start): skal udfyldes"),
    ("Virksomheder", 2, 2, "12345678", 'Virksomheder!C2 (CVR): "12345678" er ikke et gyldigt'),
    ("Virksomheder", 2, 1, "bank", 'Virksomheder!B2 (Type): "bank" er ikke en kendt'),
    ("Aftaler", 2, 3, -2, 'Aftaler!D2 (Ramme): "-2" er ikke et helt tal'),
    ("Aftaler", 2, 2, "3", 'Aftaler!C2 (Model): "3" er ikke en kendt model'),
    ("Aftaler", 2, 1, "Ingen", "Aftaler!B2 (Virksomhed): «Ingen» findes hverken i arket"),
    ("Fundraising", 2, 4, 0, 'Fundraising!E2 (Beløb): "0" er ikke et beløb'),
    ("Fundraising", 2, 4, 99.5, 'Fundraising!E2 (Beløb): "99.5" er ikke et beløb'),
    ("Ansættelser", 2, 3, "chef", 'Ansættelser!D2 (Type): "chef" er ikke en kendt'),
]


@pytest.mark.parametrize(("sheet", "row", "column", "value", "message"), ERRORS)
def test_each_error_names_sheet_cell_column_and_writes_nothing(
    tmp_path, sheet, row, column, value, message
):
    sheets = {title: [list(r) for r in rows] for title, rows in GOOD.items()}
    sheets[sheet][row - 2][column] = value
    result = workbook_import(workbook(tmp_path, sheets))
    assert not result.written
    assert any(e.startswith(message) for e in result.errors), result.errors
    assert counts() == dict.fromkeys(counts(), 0)


def test_every_error_is_listed_not_just_the_first(tmp_path, capsys):
    sheets = {title: [list(r) for r in rows] for title, rows in GOOD.items()}
    sheets["Forløb"][0][2] = "i går"
    sheets["Forløb"][1][0] = "020202-2222"
    sheets["Fundraising"][0][4] = "mange"
    path = workbook(tmp_path, sheets)
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_workbook", str(path))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Forløb!C2 (Start)" in err and "Forløb!A3 (Reference)" in err
    assert "Fundraising!E2 (Beløb)" in err and "3 fejl; intet er skrevet" in err
    assert counts() == dict.fromkeys(counts(), 0)


def test_missing_required_column_and_header_case(tmp_path):
    headers = {"Forløb": ["  reference ", "AFTALE", "Slut"], **{}}
    sheets = {"Virksomheder": GOOD["Virksomheder"], "Aftaler": GOOD["Aftaler"], "Forløb": []}
    result = workbook_import(workbook(tmp_path, sheets, headers))
    assert result.errors == ["Forløb!1 (Start): kolonnen mangler i overskriftsrækken"]


def test_extra_columns_are_ignored_and_optional_ones_may_be_missing(tmp_path):
    headers = {"Virksomheder": ["Noter", "Navn", "Type", "Fra"]}
    sheets = {
        "Virksomheder": [["hvad som helst", "Kaffe & Co", "Frivillig organisation", "2020-05-01"]]
    }
    assert workbook_import(workbook(tmp_path, sheets, headers)).ok
    enterprise = Enterprise.objects.get()
    assert (enterprise.type, enterprise.cvr, enterprise.left) == ("voluntary", "", None)


def test_dry_run_counts_and_writes_nothing(tmp_path, capsys):
    call_command("import_workbook", str(workbook(tmp_path)), dry_run=True)
    out = capsys.readouterr().out
    assert "Forløb: 2 nye, 0 ændrede, 0 uændrede" in out and "Prøvekørsel" in out
    assert counts() == dict.fromkeys(counts(), 0)


FORMULAS = ["=1+1", "+45 12", "-minus", "@SUM(A1)", "\tfane", "\rretur", "Æble, øl & år", "_x0041_"]


def test_formula_looking_text_is_written_as_text_and_comes_back_unchanged(tmp_path):
    enterprise = Enterprise.objects.create(name="Ærø", type="registered", joined=date(2021, 1, 1))
    for i, text in enumerate(FORMULAS):
        Grant.objects.create(
            reference=f"G-{i}",
            enterprise=enterprise,
            date=date(2022, 1, 1),
            donor=text,
            amount=1,
            purpose=text,
        )
    path = tmp_path / "ud.xlsx"
    workbook_export(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet4.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    sheet = load_workbook(path)["Fundraising"]
    donors = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "_x000D_retur" in donors  # a carriage return as OOXML writes it, as Excel reads it
    assert len(donors) == len(FORMULAS) and "=1+1" in donors
    Grant.objects.all().delete()
    assert workbook_import(path).ok
    assert sorted(Grant.objects.values_list("donor", flat=True)) == sorted(FORMULAS)


def test_export_is_readable_in_excel(tmp_path, demo):
    path = tmp_path / "demo.xlsx"
    call_command("export_workbook", str(path))
    book = load_workbook(path)
    assert book.sheetnames == list(HEADERS)
    for title, headers in HEADERS.items():
        sheet = book[title]
        assert [c.value for c in sheet[1]] == headers
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 10
    courses = book["Forløb"]
    assert courses.max_row == 271
    first = next(courses.iter_rows(min_row=2, max_row=2, values_only=True))
    assert isinstance(first[2], datetime)  # a real date
    grants = book["Fundraising"]
    amounts = [r[4] for r in grants.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(a, int) for a in amounts) and sum(amounts) == 9_503_911


def test_round_trip_export_import_export_gives_the_same_workbook(tmp_path, demo):
    first = tmp_path / "1.xlsx"
    workbook_export(first)
    for model in (FundraisingApplication, Activity, Course, Agreement, Grant, Hire, Placement):
        model.objects.all().delete()
    Enterprise.objects.all().delete()
    assert workbook_import(first).ok
    second = tmp_path / "2.xlsx"
    workbook_export(second)

    def contents(path):
        book = load_workbook(path)
        return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book}

    assert contents(first) == contents(second)


def test_not_an_xlsx_is_refused_by_content_not_name(tmp_path):
    fake = tmp_path / "regneark.xlsx"
    fake.write_text("Navn;Type\nCafé;registered\n", encoding="utf-8")
    with pytest.raises(WorkbookRefused, match="ikke en Excel-projektmappe"):
        workbook_import(fake)
    archive = tmp_path / "andet.xlsx"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("noter.txt", "hej")
    with pytest.raises(WorkbookRefused, match="zip-fil, men ikke en Excel"):
        workbook_import(archive)


def test_real_workbook_with_another_name_is_read(tmp_path):
    assert workbook_import(workbook(tmp_path, name="data.bin")).ok


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    path = workbook(tmp_path)
    monkeypatch.setattr(imports, "MAX_BYTES", 1000)
    with pytest.raises(WorkbookRefused, match="grænsen er"):
        workbook_import(path)


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    path = workbook(tmp_path)
    bomb = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        for item in source.infolist():
            z.writestr(item, source.read(item.filename))
        z.writestr("xl/media/nul.bin", b"\0" * (50 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(WorkbookRefused, match="zip-bombe"):
        workbook_import(bomb)


def test_xml_is_parsed_with_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_the_command_says_what_is_wrong_with_a_refused_file(tmp_path):
    fake = tmp_path / "x.xlsx"
    fake.write_bytes(b"\x00" * 10)
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ikke en Excel-projektmappe"):
        call_command("import_workbook", str(fake))
    with pytest.raises(CommandError, match="findes ikke"):
        call_command("import_workbook", str(tmp_path / "nej.xlsx"))


def test_export_to_a_stream(demo):
    stream = io.BytesIO()
    counts_written = workbook_export(stream)
    assert counts_written["Forløb"] == 270 and stream.getvalue().startswith(b"PK")
