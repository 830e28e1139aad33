"""Publishing, draft PDFs, anonymisation and log purges run as jobs on the task queue; a draft
PDF is rendered once and served from the database until a figure or text changes."""

from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Agreement, Course
from background.models import Job, RenderedPDF
from reports.services import report_texts_update
from tests.factories import CourseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(pdf_renders):
    """The HTML of each rendering, by the stand-in of tests/fakepdf.py (its bytes follow the
    HTML; WeasyPrint itself is tested elsewhere)."""
    return pdf_renders


def test_a_draft_pdf_is_rendered_once_and_again_only_when_a_figure_changes(
    client, consultant, small_report, renders
):
    client.force_login(consultant)
    url = reverse("reports:full_pdf", args=[small_report.pk])
    first = client.get(url)
    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert client.get(url).content == first.content
    assert len(renders) == 1  # the second request was served from the cache
    CourseFactory(agreement=Agreement.objects.get(), start=date(2022, 3, 1))  # a new figure
    second = client.get(url)
    assert len(renders) == 2 and second.content != first.content
    report_texts_update(report=small_report, texts={"introduction": "Andet udkast."})
    client.get(url)
    client.get(url)
    assert len(renders) == 3
    # one PDF kept per draft: the newest
    assert RenderedPDF.objects.filter(slot=f"report-{small_report.pk}-full").count() == 1


def test_without_a_cached_pdf_the_request_only_queues_the_rendering(
    client, consultant, small_report, renders, work_the_queue
):
    client.force_login(consultant)
    url = reverse("reports:public_pdf", args=[small_report.pk])
    response = client.get(url)
    job = Job.objects.get(kind=Job.Kind.PDF)
    assert response["Location"] == job.get_absolute_url() and renders == []
    assert client.get(url)["Location"] == job.get_absolute_url()  # the same job, not a second
    work_the_queue()
    assert len(renders) == 1
    page = client.get(job.get_absolute_url()).content.decode()
    assert "PDF'en er klar" in page and f'href="{url}"' in page
    download = client.get(url)
    assert download.status_code == 200 and download.content.startswith(b"%PDF")
    assert len(renders) == 1


def test_publishing_runs_as_a_job_and_links_the_publication(
    client, consultant, small_report, renders
):
    client.force_login(consultant)
    response = client.post(reverse("reports:publish", args=[small_report.pk]))
    job = Job.objects.get(kind=Job.Kind.PUBLISH)
    assert response["Location"] == job.get_absolute_url()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "er udgivet som version 1" in page
    publication = small_report.publications.get()
    assert reverse("reports:publication_full", args=[publication.pk]) in page
    assert len(renders) == 3  # the full and public editions and the summary


def test_the_daily_commands_queue_their_work(consultant, work_the_queue, capsys):
    CourseFactory(start=date(2010, 1, 1), end=date(2011, 1, 1), reference="GAMMEL-1")
    call_command("anonymise_courses", years=5)
    call_command("purge_access_log", days=365)
    said = capsys.readouterr().out
    assert said.count("sat i kø som opgave") == 2
    assert Course.objects.filter(reference="GAMMEL-1").exists()  # not yet: queued
    work_the_queue()
    assert not Course.objects.filter(reference="GAMMEL-1").exists()
    done = Job.objects.filter(state=Job.State.DONE)
    assert sorted(done.values_list("kind", flat=True)) == ["anonymise", "purge"]
    assert "1 forløb afsluttet før" in done.get(kind="anonymise").message


def test_a_new_stage_is_shown_at_once_rows_at_most_twice_a_second(consultant):
    from background.services import Outcome, job_create, job_run

    seen = []

    def work(job, progress):
        progress("Læser", 10)
        progress("Læser", 20)  # the same stage a moment later: not written yet
        seen.append(Job.objects.values_list("stage", "rows").get(pk=job.pk))
        progress("PDF dannes")  # a new stage: written at once
        seen.append(Job.objects.values_list("stage", "rows").get(pk=job.pk))
        return Outcome(message="Færdig.")

    job = job_create(kind=Job.Kind.PDF, user=consultant, title="x")
    assert job_run(job.pk, work) == Job.State.DONE
    assert seen == [("Læser", 10), ("PDF dannes", 0)]
    job.refresh_from_db()
    assert (job.state, job.message, job.stage) == ("done", "Færdig.", "")
