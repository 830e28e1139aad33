"""Draft PDFs: rendered once on a task worker, served many times.

A draft PDF of a report is identified by the SHA-256 of the HTML it is made from; that HTML
is made from today's figures and texts, so as long as they are unchanged every request gets
the stored bytes, and a corrected figure or text gives a new key and one new rendering.
Renders run only on the workers (WeasyPrint takes seconds and much memory at 100,000
courses), so their number at once is bounded by the number of workers and the web processes
stay free for everybody else."""

import hashlib

from django.db import IntegrityError, transaction
from django.db.models import F
from django_tasks import task

from background.models import Job, RenderedPDF
from background.services import Outcome, job_create, job_run, job_start
from socialeconomy.pdf import html_to_pdf


def pdf_key(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def _needs_a_job(cached: RenderedPDF) -> bool:
    if cached.pdf is not None:
        return False
    job = cached.job
    return job is None or not job.running or job.stale


def draft_pdf(*, html: str, slot: str, title: str, user, download_url: str) -> RenderedPDF:
    """The stored PDF for this HTML (`.pdf` set), or the entry whose job is rendering it
    (`.job`): queued now if nobody has asked before, or if the last attempt failed."""
    key = pdf_key(html)
    try:
        with transaction.atomic():
            cached, _ = RenderedPDF.objects.select_related("job").get_or_create(
                key=key, defaults={"slot": slot, "html": html}
            )
    except IntegrityError:  # two requests for the same new PDF: the other one created it
        cached = RenderedPDF.objects.select_related("job").get(key=key)
    if cached.pdf is not None:
        RenderedPDF.objects.filter(pk=cached.pk).update(served=F("served") + 1)
        return cached
    if _needs_a_job(cached):
        job = job_create(kind=Job.Kind.PDF, user=user, title=title, download=download_url)
        RenderedPDF.objects.filter(pk=cached.pk).update(job=job)
        job_start(job, render_pdf_job, cached.pk)
        cached.refresh_from_db()
    return cached


def _render(rendered_pk: int):
    def work(job: Job, progress) -> Outcome:
        progress("PDF'en dannes")
        rendered = RenderedPDF.objects.get(pk=rendered_pk)
        rendered.pdf = html_to_pdf(rendered.html)
        rendered.html = ""  # the key keeps what it was made from
        rendered.save(update_fields=["pdf", "html"])
        older = RenderedPDF.objects.filter(slot=rendered.slot, pdf__isnull=False)
        older.exclude(pk=rendered.pk).delete()
        size = len(rendered.pdf) / 1024 / 1024
        return Outcome(message=f"PDF'en er dannet ({size:.1f} MB).".replace(".", ",", 1))

    return work


@task()
def render_pdf_job(job_id: int, rendered_pk: int) -> str:
    return job_run(job_id, _render(rendered_pk))
