from django.core.management.base import BaseCommand

from socialeconomy.backup import database_backup


class Command(BaseCommand):
    help = "Back up the whole database to var/backups/ (or --folder); prints the file's path."

    def add_arguments(self, parser):
        parser.add_argument("--folder")

    def handle(self, *args, folder=None, **options):
        self.stdout.write(str(database_backup(folder=folder)))
