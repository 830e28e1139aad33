"""The access-log purge as a task on the queue (purge_access_log enqueues it)."""

from django_tasks import task

from background.services import Outcome, job_run


@task()
def purge_access_log_job(job_id: int, days: int) -> str:
    from audit.services import access_purge

    def work(job, progress) -> Outcome:
        progress("Gamle poster slettes")
        deleted = access_purge(older_than_days=days)
        return Outcome(
            message=f"{deleted} poster ældre end {days} dage er slettet.",
            result={"count": deleted},
        )

    return job_run(job_id, work)
