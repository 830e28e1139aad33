"""Anonymisation after retention as a task on the queue (anonymise_courses enqueues it)."""

from datetime import date

from django_tasks import task

from background.services import job_counting


@task()
def anonymise_courses_job(job_id: int, cutoff: str) -> str:
    from agreements.services import courses_anonymise

    ended_before = date.fromisoformat(cutoff)
    return job_counting(
        job_id,
        stage="Forløb anonymiseres",
        count=lambda: courses_anonymise(ended_before=ended_before),
        message=f"{{n}} forløb afsluttet før {ended_before:%d.%m.%Y} er anonymiseret.",
    )
