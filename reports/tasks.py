"""Publishing as a task on the queue: three PDFs take tens of seconds at 100,000 courses,
which no web request should wait for."""

from django_tasks import task

from background.services import Outcome, job_run


@task()
def publish_report_job(job_id: int, report_id: int) -> str:
    from reports.models import ReportPeriod
    from reports.services import report_publish

    def work(job, progress) -> Outcome:
        report = ReportPeriod.objects.get(pk=report_id)
        publication = report_publish(report=report, user=job.user, progress=progress)
        return Outcome(
            message=(
                f"{report.title} er udgivet som version {publication.version}. "
                "Udvalget ser nu denne udgave."
            ),
            result={"publication": publication.pk, "version": publication.version},
        )

    return job_run(job_id, work)
