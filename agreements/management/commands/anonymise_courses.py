from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements.services import courses_to_anonymise
from agreements.tasks import anonymise_courses_job
from background.models import Job
from background.services import job_from_command


class Command(BaseCommand):
    help = (
        "Anonymise courses that ended more than COURSE_RETENTION_YEARS (or --years) ago: "
        "reference → ANON-<id>, plans, evaluations and their history deleted; the figures stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=settings.COURSE_RETENTION_YEARS)
        parser.add_argument("--dry-run", action="store_true", help="count only, change nothing")

    def handle(self, *args, years, dry_run=False, **options):
        today = timezone.localdate()
        try:
            cutoff = today.replace(year=today.year - years)
        except ValueError:  # 29 February
            cutoff = date(today.year - years, 2, 28)
        if dry_run:
            count = courses_to_anonymise(cutoff).count()
            self.stdout.write(
                f"{count} forløb afsluttet før {cutoff:%d.%m.%Y} ville blive anonymiseret."
            )
            return
        job_from_command(
            self,
            kind=Job.Kind.ANONYMISE,
            title=f"Anonymisering af forløb afsluttet før {cutoff:%d.%m.%Y}",
            task=anonymise_courses_job,
            args=(cutoff.isoformat(),),
        )
