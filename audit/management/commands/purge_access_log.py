from django.conf import settings
from django.core.management.base import BaseCommand

from audit.services import access_purge


class Command(BaseCommand):
    help = "Delete access-log entries older than ACCESS_LOG_RETENTION_DAYS (or --days)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.ACCESS_LOG_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        deleted = access_purge(older_than_days=days)
        self.stdout.write(f"{deleted} poster ældre end {days} dage er slettet.")
