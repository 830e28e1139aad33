"""scripts/user_snapshot.py: what it blanks, how it names pages, and how it compares two
snapshots (the whole run, a minute on the demo, is left to the command itself)."""

import importlib.util
import json
from pathlib import Path

import pytest

from background.models import Job

_spec = importlib.util.spec_from_file_location(
    "user_snapshot", Path(__file__).resolve().parent.parent / "scripts" / "user_snapshot.py"
)
user_snapshot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(user_snapshot)


def test_slug_names_a_page_file_by_its_path_and_query():
    assert user_snapshot.slug("/") == "root"
    assert user_snapshot.slug("/forloeb/1/") == "forloeb__1"
    assert user_snapshot.slug("/?dato=31.12.2022") == "root__dato-31.12.2022"
    assert user_snapshot.slug("/forloeb/?status=ongoing&per_page=200") == (
        "forloeb__status-ongoing-per_page-200"
    )


@pytest.mark.django_db
def test_normalise_blanks_csrf_tokens_and_names_jobs_by_id():
    job = Job.objects.create(kind=Job.Kind.PDF, title="x")
    page = (
        '<input type="hidden" name="csrfmiddlewaretoken" value="a1B2c3">'
        f'<a href="/opgaver/{job.token}/">Udgivet 01.12.2026 12.00</a>'
    )
    assert user_snapshot.normalise(page) == (
        '<input type="hidden" name="csrfmiddlewaretoken" value="CSRF">'
        f'<a href="/opgaver/JOB{job.pk}/">Udgivet 01.12.2026 12.00</a>'
    )


def _snapshot(root: Path, matrix: dict, files: dict) -> Path:
    root.mkdir()
    (root / "matrix.json").write_text(json.dumps(matrix))
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_compare_same_snapshots_exit_0(tmp_path, capsys):
    files = {"pages/consultant/root.html": "<p>Det venter</p>\n"}
    before = _snapshot(tmp_path / "a", {"/": {"consultant": 200}}, files)
    after = _snapshot(tmp_path / "b", {"/": {"consultant": 200}}, files)
    assert user_snapshot.compare([str(before), str(after)]) == 0
    assert "The same" in capsys.readouterr().out


def test_compare_reports_a_changed_status_and_a_changed_figure(tmp_path, capsys):
    before = _snapshot(tmp_path / "a", {"/": {"staff_a": 200}}, {"f.json": '{"n": 5}\n'})
    after = _snapshot(tmp_path / "b", {"/": {"staff_a": 404}}, {"f.json": '{"n": 6}\n'})
    assert user_snapshot.compare([str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert "matrix: / staff_a: 200 → 404" in out
    assert '-{"n": 5}' in out and '+{"n": 6}' in out


def test_compare_html_differing_in_blank_lines_only_is_the_same_unless_strict(tmp_path, capsys):
    matrix = {"/": {"consultant": 200}}
    before = _snapshot(tmp_path / "a", matrix, {"p.html": "<p>\n  Tekst</p>\n"})
    after = _snapshot(tmp_path / "b", matrix, {"p.html": "\n<p>\n    Tekst</p>\n\n"})
    assert user_snapshot.compare([str(before), str(after)]) == 0
    assert "blank lines or spaces only" in capsys.readouterr().out
    assert user_snapshot.compare([str(before), str(after), "--strict"]) == 1
