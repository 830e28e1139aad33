"""Excel in the browser: upload, a job with progress, preview, confirm; download.
Consultants only, and an import job only for the consultant who started it."""

import json
import threading

import pytest
from django.urls import reverse

from agreements.models import Course
from exchange import imports, jobs
from socialeconomy import roles
from tests.factories import UserFactory
from tests.test_exchange import GOOD, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "var"
    return settings.DATA_DIR


def _upload(client, path):
    with path.open("rb") as handle:
        response = client.post(reverse("exchange:home"), {"fil": handle})
    assert response.status_code == 302, response.content
    return response["Location"]


def test_upload_previews_then_confirm_writes(client, consultant, tmp_path, data_dir):
    client.force_login(consultant)
    job_url = _upload(client, workbook(tmp_path))
    page = client.get(job_url).content.decode()
    assert "Klar til at blive gemt" in page and Course.objects.count() == 0
    assert 'http-equiv="refresh"' not in page  # done: no more reloading
    token = job_url.rstrip("/").split("/")[-1]
    response = client.post(reverse("exchange:confirm", args=[token]))
    assert response["Location"] == job_url and Course.objects.count() == 2
    page = client.get(job_url).content.decode()
    assert "Indlæst og gemt" in page and "Gem i systemet" not in page
    assert [p.suffix for p in (data_dir / "uploads").iterdir()] == [".json"]  # workbook gone
    # confirming the same job again writes nothing twice
    client.post(reverse("exchange:confirm", args=[token]))
    assert Course.objects.count() == 2


def test_upload_with_errors_lists_them_and_writes_nothing(client, consultant, tmp_path, data_dir):
    sheets = {title: [list(r) for r in rows] for title, rows in GOOD.items()}
    sheets["Forløb"][0][2] = "i går"
    client.force_login(consultant)
    job_url = _upload(client, workbook(tmp_path, sheets))
    page = client.get(job_url).content.decode()
    assert "1 fejl – intet er gemt" in page and "Forløb!C2 (Start)" in page
    token = job_url.rstrip("/").split("/")[-1]
    response = client.post(reverse("exchange:confirm", args=[token]), follow=True)
    assert "ingen kontrolleret fil at gemme" in response.content.decode()
    assert Course.objects.count() == 0
    assert not list((data_dir / "uploads").glob("*.xlsx"))


def test_not_a_workbook_is_refused_with_a_message(client, consultant, tmp_path, data_dir):
    fake = tmp_path / "x.xlsx"
    fake.write_text("ikke excel")
    client.force_login(consultant)
    page = client.get(_upload(client, fake)).content.decode()
    assert "ikke en Excel-projektmappe" in page


def test_a_running_job_shows_its_progress_and_reloads(client, consultant, data_dir):
    job = jobs.ImportJob(token="b" * 32, user_id=consultant.pk, filename="stor.xlsx", dry_run=True)
    job.stage, job.rows, job.total = "Forløb: læser rækker", 12_000, 40_000
    jobs.job_save(job)
    client.force_login(consultant)
    page = client.get(reverse("exchange:job", args=[job.token])).content.decode()
    assert "Forløb: læser rækker: 12.000 af 40.000 rækker" in page
    assert '<progress max="100" value="30">' in page and 'http-equiv="refresh"' in page


def test_a_job_that_stopped_hearing_from_its_process_says_so(client, consultant, data_dir):
    job = jobs.ImportJob(token="c" * 32, user_id=consultant.pk, filename="stor.xlsx", dry_run=False)
    jobs.job_save(job)
    status = data_dir / "uploads" / f"{job.token}.json"
    state = json.loads(status.read_text())
    status.write_text(json.dumps({**state, "updated": job.updated - jobs.STALE_AFTER - 1}))
    client.force_login(consultant)
    page = client.get(reverse("exchange:job", args=[job.token])).content.decode()
    assert "gået i stå" in page and 'http-equiv="refresh"' not in page


def test_import_reports_progress_with_totals(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "PROGRESS_EVERY", 1)
    seen = []
    imports.workbook_import(
        workbook(tmp_path), progress=lambda stage, rows, total=0: seen.append((stage, rows, total))
    )
    assert ("Forløb: læser rækker", 2, 2) in seen
    assert ("Forløb: gemt", 2, 2) in seen and seen[-1][0].endswith(": gemt")


@pytest.mark.django_db(transaction=True)
def test_the_job_runs_in_a_thread_of_its_own(consultant, tmp_path, data_dir, settings):
    settings.EXCHANGE_IMPORT_IN_BACKGROUND = True
    job = jobs.ImportJob(token="d" * 32, user_id=consultant.pk, filename="x.xlsx", dry_run=True)
    jobs.job_workbook(job.token).write_bytes(workbook(tmp_path).read_bytes())
    thread = jobs.job_start(job)
    assert isinstance(thread, threading.Thread) and thread is not threading.current_thread()
    thread.join(timeout=30)
    done = jobs.job_for_user(consultant, job.token)
    assert done.state == jobs.DONE and done.ready_to_write, done
    assert [s["created"] for s in done.sheets if s["name"] == "Forløb"] == [2]


def test_only_the_consultant_who_started_a_job_sees_it(client, consultant, tmp_path, data_dir):
    client.force_login(consultant)
    job_url = _upload(client, workbook(tmp_path))
    other = UserFactory(roles=[roles.CONSULTANT])
    client.force_login(other)
    assert client.get(job_url).status_code == 404
    assert client.get("/excel/indlaesning/..%2F..%2Fetc%2Fpasswd/").status_code == 404
    assert client.get(reverse("exchange:job", args=["0" * 32])).status_code == 404


def test_export_download(client, consultant, demo):
    client.force_login(consultant)
    response = client.get(reverse("exchange:export"))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("name", ["home", "export"])
def test_others_get_404(client, committee_member, staff_a, name):
    for user in (committee_member, staff_a):
        client.force_login(user)
        assert client.get(reverse(f"exchange:{name}")).status_code == 404
