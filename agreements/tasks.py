"""Anonymisation after retention as a task on the queue (anonymise_courses enqueues it)."""

from django_tasks import task

from background.services import Outcome, job_run


@task()
def anonymise_courses_job(job_id: int, cutoff: str) -> str:
    from datetime import date

    from agreements.services import courses_anonymise

    def work(job, progress) -> Outcome:
        ended_before = date.fromisoformat(cutoff)
        progress("Forløb anonymiseres")
        count = courses_anonymise(ended_before=ended_before)
        return Outcome(
            message=f"{count} forløb afsluttet før {ended_before:%d.%m.%Y} er anonymiseret.",
            result={"count": count},
        )

    return job_run(job_id, work)
