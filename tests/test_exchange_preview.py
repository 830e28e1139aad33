"""The import preview shows what changes, row by row (field: before → after), and the export
writes Danish labels and real Excel dates (issue 15); the import takes codes and labels."""

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from agreements.models import Course
from exchange.exports import workbook_export
from exchange.imports import workbook_import
from tests.test_exchange import workbook
from tests.test_exchange_views import _upload, data_dir  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_the_preview_lists_each_new_and_changed_row_with_before_and_after(
    client,
    consultant,
    tmp_path,
    data_dir,  # noqa: F811
):
    workbook_import(workbook(tmp_path))
    sheets = {
        "Forløb": [
            ["Ø-002", "Ærø – periode 1", "2022-03-01", "2022-06-30", "education", "nej", None],
            ["Ø-003", "Ærø – periode 1", "2022-04-01", None, None, None, None],
        ]
    }
    client.force_login(consultant)
    job_url = _upload(client, workbook(tmp_path, sheets, name="ret.xlsx"))
    page = client.get(job_url).content.decode()
    assert "Række 2 (Ø-002): Slut: – → 30.06.2022; Resultat: – → Uddannelse" in page
    assert "Plan modtaget: 20.03.2022 → –" in page
    assert "Række 3: ny – Ø-003" in page
    assert Course.objects.get(reference="Ø-002").end is None  # a preview writes nothing


def test_the_export_writes_danish_labels_and_real_dates_and_reads_back(tmp_path):
    workbook_import(workbook(tmp_path))
    path = tmp_path / "ud.xlsx"
    workbook_export(path)
    book = load_workbook(path)
    course = next(row for row in book["Forløb"].iter_rows(min_row=2) if row[0].value == "Ø-001")
    assert course[4].value == "Fleksjob"  # the label, not the code "flexjob"
    assert isinstance(course[2].value, datetime) and course[2].number_format == "dd.mm.yyyy"
    assert book["Virksomheder"]["B2"].value == "Registreret socialøkonomisk virksomhed"
    before = list(Course.objects.order_by("reference").values("reference", "outcome", "start"))
    Course.objects.all().delete()
    result = workbook_import(path)
    assert result.written, result.errors
    after = list(Course.objects.order_by("reference").values("reference", "outcome", "start"))
    assert after == before and after[0]["start"] == date(2022, 2, 1)
