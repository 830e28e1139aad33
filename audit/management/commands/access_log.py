from django.core.management.base import BaseCommand

from audit.selectors import access_log_for_reference


class Command(BaseCommand):
    help = "Print the access log of one reference: time, user, action, reference, details."

    def add_arguments(self, parser):
        parser.add_argument("reference")

    def handle(self, *args, reference, **options):
        entries = access_log_for_reference(reference)
        for e in entries.iterator():
            self.stdout.write(
                f"{e.at:%d.%m.%Y %H.%M.%S}\t{e.username}\t{e.get_action_display()}\t"
                f"{e.reference}\t{e.detail}"
            )
        self.stderr.write(f"{entries.count()} poster for {reference}")
