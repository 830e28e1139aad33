import sys

from django.core.management.base import BaseCommand, CommandError

from audit.services import Action, access_record
from exchange.imports import WorkbookRefused, workbook_import


class Command(BaseCommand):
    help = (
        "Import the exchange workbook (docs/exchange-workbook.md): all or nothing. "
        "Every error is listed; with any error nothing is written and the exit code is 1."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .xlsx workbook")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")

    def handle(self, *args, file, dry_run=False, **options):
        def progress(stage, rows, total=0):
            of = f" af {total}" if total else ""
            self.stderr.write(f"  {stage}: {rows}{of} rækker" if rows else f"  {stage}")

        try:
            result = workbook_import(file, dry_run=dry_run, progress=progress)
        except FileNotFoundError:
            raise CommandError(f"Filen {file} findes ikke.") from None
        except WorkbookRefused as refused:
            raise CommandError(f"{file}: {refused}") from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            self.stderr.write(
                f"{len(result.errors)} fejl; intet er skrevet. Ret filen og prøv igen."
            )
            sys.exit(1)
        if result.written:
            access_record(
                None,
                Action.IMPORT,
                references=result.references,
                detail=f"{file}: {result.summary}",
            )
        for sheet in result.sheets:
            self.stdout.write(
                f"{sheet.name}: {sheet.created} nye, {sheet.changed} ændrede, "
                f"{sheet.unchanged} uændrede"
            )
            for line in sheet.rows if dry_run else ():
                self.stdout.write(f"  {line}")
        self.stdout.write(
            "Prøvekørsel: intet er skrevet." if dry_run else "Importen er gennemført."
        )
