"""Starting a job on the task queue and reporting from inside it.

`job_start` stores the Job and enqueues its task (django-tasks; the database backend in
production, the immediate backend in tests). The task calls `job_run`, which marks the job
running, hands the work a `progress` callback (written to the database at most twice a
second) and records the outcome, whatever happens. No thread is started here: the work runs
in a worker process (`manage.py db_worker`)."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone

from background.models import Job

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between two progress writes

FAILED_MESSAGE = "Opgaven stoppede med en fejl i systemet; intet er gemt."


class Refused(Exception):
    """The work refuses its input (a sentence for the user); nothing was changed."""


@dataclass
class Outcome:
    message: str = ""
    result: dict = field(default_factory=dict)


def job_create(*, kind: str, user, title: str, upload: bytes | None = None, **result) -> Job:
    return Job.objects.create(kind=kind, user=user, title=title[:255], upload=upload, result=result)


def job_start(job: Job, task, *args) -> Job:
    """Enqueue `task(job.pk, *args)`. The immediate backend (tests) runs it right here, so the
    job is read back afterwards."""
    queued = task.enqueue(job.pk, *args)
    Job.objects.filter(pk=job.pk).update(task_id=str(queued.id)[:64])
    return Job.objects.defer("upload").get(pk=job.pk)


def _save(job_id: int, **fields) -> None:
    Job.objects.filter(pk=job_id).update(updated=timezone.now(), **fields)


def job_run(job_id: int, work: Callable[[Job, Callable], Outcome]) -> str:
    """Run `work(job, progress)` for the job and record its outcome; returns the state."""
    job = Job.objects.get(pk=job_id)
    if job.state != Job.State.QUEUED:  # already run (a retried task): do nothing twice
        return job.state
    _save(job_id, state=Job.State.RUNNING, stage="", rows=0, total=0)
    last, shown = 0.0, ""

    def progress(stage: str, rows: int = 0, total: int = 0) -> None:
        """A new stage is written at once; rows within a stage at most twice a second."""
        nonlocal last, shown
        if stage != shown or time.monotonic() - last > PROGRESS_EVERY:
            last, shown = time.monotonic(), stage
            _save(job_id, stage=stage[:200], rows=rows, total=total)

    state, message, result = Job.State.FAILED, FAILED_MESSAGE, dict(job.result)
    try:
        outcome = work(job, progress)
    except Refused as refused:
        state, message = Job.State.REFUSED, str(refused)
    except Exception:  # the job must end, and say so, whatever happened
        logger.exception("job %s (%s) failed", job.pk, job.kind)
    else:
        state, message, result = Job.State.DONE, outcome.message, {**result, **outcome.result}
    finally:
        _save(job_id, state=state, message=message, result=result, stage="", rows=0, total=0)
    return state


def job_counting(job_id: int, *, stage: str, count: Callable[[], int], message: str) -> str:
    """Run `count()` (a write that returns how many it changed) as the job's work; the
    outcome is `message` with {n} filled in."""

    def work(job: Job, progress) -> Outcome:
        progress(stage)
        n = count()
        return Outcome(message=message.format(n=n), result={"count": n})

    return job_run(job_id, work)


def job_from_command(command, *, kind: str, title: str, task, args=()) -> Job:
    """A management command's work as a job on the queue (the daily timers call the
    command; the work runs on a worker). Says what happened, or that the job is queued."""
    job = job_start(job_create(kind=kind, user=None, title=title), task, *args)
    if job.running:
        command.stdout.write(
            f"{title}: sat i kø som opgave {job.pk}; en arbejder (manage.py db_worker) udfører den."
        )
    elif job.state == Job.State.DONE:
        command.stdout.write(job.message)
    else:
        command.stderr.write(job.message)
    return job
