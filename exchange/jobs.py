"""Imports from the browser run as background jobs (background/), so that a long workbook
shows its progress instead of a page that hangs: the upload starts a check (nothing
written), the confirmation starts the write. The uploaded workbook is kept in the job's row
in the database, not on a web server's disk, so any web node and any worker can reach it; it
is removed as soon as nobody needs it, and unconfirmed uploads after a day."""

from datetime import timedelta

from django.utils import timezone

from background.models import Job
from background.services import job_create, job_start
from exchange.tasks import import_workbook_job

KEEP_FOR = timedelta(days=1)  # an upload nobody confirmed


def _sweep() -> None:
    """Forget uploads older than a day (a preview nobody confirmed)."""
    Job.objects.filter(upload__isnull=False, created__lt=timezone.now() - KEEP_FOR).update(
        upload=None
    )


def job_upload(*, user, upload) -> Job:
    """Store an uploaded file with a fresh job and queue its check."""
    _sweep()
    content = b"".join(upload.chunks())
    job = job_create(kind=Job.Kind.IMPORT_CHECK, user=user, title=upload.name, upload=content)
    return job_start(job, import_workbook_job)


def job_confirm(*, job: Job) -> Job:
    """Write a checked workbook (checked again as it is written, all or nothing). The same
    job goes from check to write in one conditional UPDATE, so a second confirmation (a
    double click, a second tab) finds nothing to confirm. A workbook whose check found
    errors is refused before that UPDATE, so no job is left queued without a task."""
    if job.errors:
        raise ValueError("the check found errors; nothing to write")
    confirmed = Job.objects.filter(
        pk=job.pk, kind=Job.Kind.IMPORT_CHECK, state=Job.State.DONE, upload__isnull=False
    ).update(
        kind=Job.Kind.IMPORT_WRITE,
        state=Job.State.QUEUED,
        result={},
        message="",
        updated=timezone.now(),
    )
    if not confirmed:
        raise ValueError("not a checked workbook waiting to be written")
    return job_start(job, import_workbook_job)
