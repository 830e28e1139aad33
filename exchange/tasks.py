"""The import as a task on the queue (django-tasks): checks or writes the workbook stored in
its job, reporting progress to the job's row."""

import tempfile
from dataclasses import asdict
from pathlib import Path

from django_tasks import task

from audit.services import Action, access_record
from background.models import Job
from background.services import Outcome, Refused, job_run
from exchange.imports import WorkbookRefused, workbook_import


def _import(job: Job, progress) -> Outcome:
    dry_run = job.kind == Job.Kind.IMPORT_CHECK
    try:
        # openpyxl reads a file: a private temporary copy on the worker, gone afterwards
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as copy:
            copy.write(bytes(job.upload or b""))
            copy.flush()
            result = workbook_import(
                Path(copy.name), dry_run=dry_run, progress=progress, user=job.user
            )
    except WorkbookRefused as refused:
        raise Refused(str(refused)) from None
    if result.written:
        access_record(
            job.user,
            Action.IMPORT,
            references=result.references,
            detail=f"{job.title}: {result.summary}",
        )
    return Outcome(result={"errors": result.errors, "sheets": [asdict(s) for s in result.sheets]})


@task()
def import_workbook_job(job_id: int) -> str:
    state = job_run(job_id, _import)
    job = Job.objects.defer("upload").get(pk=job_id)
    if not job.ready_to_write:  # only a checked, clean file waits for confirmation
        Job.objects.filter(pk=job_id).update(upload=None)
    return state
