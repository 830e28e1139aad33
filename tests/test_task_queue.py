"""The task queue itself: with django-tasks' database backend (as in production) an upload
only queues its job; nothing runs in the web process and no thread is started. The queue and
the upload are in the database, so a web process that restarts loses nothing: a worker run
in-process here (`db_worker --batch`, as django-tasks suggests for tests) takes the job
later and finishes it."""

import threading

import pytest
from django.urls import reverse

from agreements.models import Course
from background.models import Job
from tests.test_exchange import workbook

pytestmark = pytest.mark.django_db


def test_an_upload_waits_on_the_queue_and_a_worker_finishes_it(
    client, consultant, tmp_path, work_the_queue
):
    from django_tasks_db.models import DBTaskResult

    threads = threading.active_count()
    client.force_login(consultant)
    with workbook(tmp_path).open("rb") as handle:
        response = client.post(reverse("exchange:home"), {"fil": handle})
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert threading.active_count() == threads  # no thread started by the application
    assert job.state == Job.State.QUEUED and job.upload  # the workbook is in the database
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.args_kwargs["args"] == [job.pk]
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Venter på en ledig arbejder" in page

    # ... the web process restarts here: all it knew is in the database ...
    client.logout()
    client.force_login(consultant)

    work_the_queue()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.ready_to_write, job.message
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Course.objects.count() == 0  # a check writes nothing

    client.post(reverse("exchange:confirm", args=[job.token]))
    assert Course.objects.count() == 0  # queued, not run by the web request
    work_the_queue()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.kind == Job.Kind.IMPORT_WRITE
    assert Course.objects.count() == 2 and job.upload is None


def test_a_failing_job_ends_and_says_so(consultant, monkeypatch, settings):
    from background.services import job_create, job_start
    from exchange import tasks

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(tasks, "workbook_import", broken)
    job = job_create(kind=Job.Kind.IMPORT_CHECK, user=consultant, title="x.xlsx", upload=b"PK")
    job = job_start(job, tasks.import_workbook_job)
    assert job.state == Job.State.FAILED and "intet er gemt" in job.message
    job.refresh_from_db()
    assert job.upload is None
