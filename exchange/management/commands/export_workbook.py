from django.core.management.base import BaseCommand

from exchange.exports import workbook_export


class Command(BaseCommand):
    help = "Write every record to the exchange workbook (docs/exchange-workbook.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook to write")

    def handle(self, *args, file, **options):
        counts = workbook_export(file)
        summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
        self.stdout.write(f"Skrevet til {file} ({summary}).")
