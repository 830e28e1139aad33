from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.checks import data_check


class Command(BaseCommand):
    help = "List every data-quality problem in the period, with a link to the record."

    def add_arguments(self, parser):
        parser.add_argument("--start", help="YYYY-MM-DD (default: 1 January this year)")
        parser.add_argument("--end", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, start=None, end=None, **options):
        today = timezone.localdate()
        try:
            start = date.fromisoformat(start) if start else date(today.year, 1, 1)
            end = date.fromisoformat(end) if end else today
        except ValueError as error:
            raise CommandError(f"Ugyldig dato: {error}") from None
        if end < start:
            raise CommandError("--end skal ligge på eller efter --start.")
        findings = data_check(start=start, end=end, today=today)
        current = None
        for finding in findings:
            if finding.check != current:
                current = finding.check
                self.stdout.write(f"\n{current}:")
            self.stdout.write(f"  {finding.text}  {finding.url}")
        self.stdout.write(
            f"\n{len(findings)} fund for {start:%d.%m.%Y}–{end:%d.%m.%Y}."
            if findings
            else f"Ingen fund for {start:%d.%m.%Y}–{end:%d.%m.%Y}."
        )
