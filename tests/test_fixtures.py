"""The suite's own shortcuts give what they stand in for: the demo written back is the demo
loaded, and the stand-in PDF is a PDF that differs when the HTML differs."""

import shutil
import subprocess
from datetime import datetime

import pytest
import time_machine
from django.db import connection, transaction

from demo.loader import demo_load
from tests.dbsnapshot import DemoSnapshot, _rows, _tables
from tests.factories import EnterpriseFactory
from tests.fakepdf import minimal_pdf

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the snapshot is for SQLite only")
@time_machine.travel(datetime(2023, 3, 1, 9, 30), tick=False)
def test_the_demo_written_back_is_the_demo_loaded():
    loads = []
    snapshot = DemoSnapshot(lambda: loads.append(1) or demo_load(password="x"))
    tables = _tables()
    results = []
    for _ in range(2):
        with transaction.atomic():
            results.append(snapshot())
            results.append(_rows(tables))
            transaction.set_rollback(True)
    assert len(loads) == 1  # the second time written back, not loaded
    loaded, written = results[1], results[3]
    assert sum(len(rows) for _, rows in loaded.values()) > 1_000
    assert written == loaded
    assert results[0] is results[2]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the snapshot is for SQLite only")
def test_the_demo_is_loaded_when_the_database_stands_elsewhere(enterprise_a):
    loads = []
    snapshot = DemoSnapshot(lambda: loads.append(1) or demo_load(password="x"))
    with transaction.atomic():
        snapshot()
        transaction.set_rollback(True)
    EnterpriseFactory()
    enterprise_a.delete()  # as many enterprises as at the start, not the same ones
    snapshot()
    assert len(loads) == 2


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils not installed")
def test_the_stand_in_pdf_is_a_pdf_whose_bytes_follow_the_html(tmp_path, pdf_renders):
    from socialeconomy.pdf import html_to_pdf

    first, again, other = html_to_pdf("<p>a</p>"), html_to_pdf("<p>a</p>"), html_to_pdf("<p>b</p>")
    assert first == again != other and pdf_renders == ["<p>a</p>", "<p>a</p>", "<p>b</p>"]
    path = tmp_path / "fake.pdf"
    path.write_bytes(first)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    assert minimal_pdf("x").startswith(b"%PDF-1.7")
