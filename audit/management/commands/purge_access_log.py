from django.conf import settings
from django.core.management.base import BaseCommand

from audit.tasks import purge_access_log_job
from background.models import Job
from background.services import job_from_command


class Command(BaseCommand):
    help = "Delete access-log entries older than ACCESS_LOG_RETENTION_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.ACCESS_LOG_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        job_from_command(
            self,
            kind=Job.Kind.PURGE,
            title=f"Sletning af adgangslog ældre end {days} dage",
            task=purge_access_log_job,
            args=(days,),
        )
