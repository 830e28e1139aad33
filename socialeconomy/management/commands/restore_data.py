from django.core.management.base import BaseCommand, CommandError

from socialeconomy.backup import database_restore


class Command(BaseCommand):
    help = "Replace the database's contents with a backup made by backup_data."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--yes", action="store_true", help="do not ask")

    def handle(self, *args, file, yes=False, **options):
        if not yes and input(f"Erstat ALT i databasen med {file}? Skriv ja: ").strip() != "ja":
            raise CommandError("Afbrudt; intet er ændret.")
        try:
            database_restore(file)
        except FileNotFoundError:
            raise CommandError(f"Filen {file} findes ikke.") from None
        self.stdout.write(f"Databasen er gendannet fra {file}.")
