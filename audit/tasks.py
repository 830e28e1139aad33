"""The access-log purge as a task on the queue (purge_access_log enqueues it)."""

from django_tasks import task

from background.services import job_counting


@task()
def purge_access_log_job(job_id: int, days: int) -> str:
    from audit.services import access_purge

    return job_counting(
        job_id,
        stage="Gamle poster slettes",
        count=lambda: access_purge(older_than_days=days),
        message=f"{{n}} poster ældre end {days} dage er slettet.",
    )
