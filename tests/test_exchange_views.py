"""Excel in the browser: upload, a job with progress, preview, confirm; download.
Consultants only, and an import job only for the consultant who started it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Course
from background.models import Job
from exchange import imports
from socialeconomy import roles
from tests.factories import UserFactory
from tests.test_exchange import GOOD, workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(settings, tmp_path):
    """Nothing of an import may land in the data folder: it is all in the database."""
    settings.DATA_DIR = tmp_path / "var"
    yield settings.DATA_DIR
    assert not (settings.DATA_DIR / "uploads").exists()


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
    assert Job.objects.get(token=token).upload is None  # the workbook is gone
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
    assert Job.objects.get(token=token).upload is None


def test_not_a_workbook_is_refused_with_a_message(client, consultant, tmp_path, data_dir):
    fake = tmp_path / "x.xlsx"
    fake.write_text("ikke excel")
    client.force_login(consultant)
    page = client.get(_upload(client, fake)).content.decode()
    assert "ikke en Excel-projektmappe" in page


def _job(consultant, **fields):
    return Job.objects.create(
        kind=Job.Kind.IMPORT_CHECK, user=consultant, title="stor.xlsx", **fields
    )


def test_a_running_job_shows_its_progress_and_polls_for_more(client, consultant, data_dir):
    job = _job(consultant, state="running", stage="Forløb: læser rækker", rows=12_000, total=40_000)
    client.force_login(consultant)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Forløb: læser rækker: 12.000 af 40.000 rækker" in page
    assert '<progress max="100" value="30" data-job-bar>' in page
    assert 'aria-live="polite"' in page and "js/progress.js" in page
    status = client.get(reverse("background:status", args=[job.token])).json()
    assert status == {
        "state": "running",
        "running": True,
        "text": "Forløb: læser rækker: 12.000 af 40.000 rækker",
        "percent": 30,
    }


def test_a_job_that_stopped_hearing_from_its_worker_says_so(client, consultant, data_dir):
    job = _job(consultant, state="running", updated=timezone.now() - timedelta(minutes=11))
    client.force_login(consultant)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "gået i stå" in page and "progress.js" not in page
    assert client.get(reverse("background:status", args=[job.token])).json()["running"] is False


def test_a_job_no_worker_took_says_so(client, consultant, data_dir):
    job = _job(consultant, updated=timezone.now() - timedelta(minutes=6))
    client.force_login(consultant)
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Venter på en ledig arbejder" in page and "Kører arbejderen" in page


def test_import_reports_progress_with_totals(tmp_path, monkeypatch):
    monkeypatch.setattr(imports, "PROGRESS_EVERY", 1)
    seen = []
    imports.workbook_import(
        workbook(tmp_path), progress=lambda stage, rows, total=0: seen.append((stage, rows, total))
    )
    assert ("Forløb: læser rækker", 2, 2) in seen
    assert ("Forløb: gemt", 2, 2) in seen and seen[-1][0].endswith(": gemt")


def test_only_the_consultant_who_started_a_job_sees_it(client, consultant, tmp_path, data_dir):
    client.force_login(consultant)
    job_url = _upload(client, workbook(tmp_path))
    other = UserFactory(roles=[roles.CONSULTANT])
    client.force_login(other)
    assert client.get(job_url).status_code == 404
    assert client.get("/opgaver/..%2F..%2Fetc%2Fpasswd/").status_code == 404
    assert client.get(reverse("background:job", args=["0" * 32])).status_code == 404


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


def test_a_checked_workbook_with_errors_is_not_queued_for_writing(consultant):
    """Confirming a check that found errors is refused before the job changes, even while its
    upload is still kept (the moment before the check clears it): no job is left queued
    without a task."""
    from exchange.jobs import job_confirm

    job = Job.objects.create(
        kind=Job.Kind.IMPORT_CHECK,
        state=Job.State.DONE,
        user=consultant,
        title="fejl.xlsx",
        upload=b"PK",
        result={"errors": ["Forløb!C2 (Start): «i går» er ikke en dato"]},
    )
    with pytest.raises(ValueError):
        job_confirm(job=job)
    job.refresh_from_db()
    assert (job.kind, job.state) == (Job.Kind.IMPORT_CHECK, Job.State.DONE)
