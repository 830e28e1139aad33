from django.core.management.base import BaseCommand

from reports.demo import demo_load


class Command(BaseCommand):
    help = (
        "Fill the database with the 2022 demo (the published annual report's records) and "
        "the demo users. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            help="password for new demo users; a random one is made and printed when left out",
        )

    def handle(self, *args, password=None, **options):
        result = demo_load(password=password)
        made = {k: v for k, v in result.created.items() if v}
        if not made:
            self.stdout.write("Demo-data findes allerede; intet ændret.")
            return
        self.stdout.write(
            "Oprettet: " + ", ".join(f"{n} {label}" for label, n in made.items()) + "."
        )
        if result.password and not password:
            self.stdout.write(
                self.style.WARNING(
                    f"Adgangskode til demo-brugerne (vises kun denne ene gang): {result.password}"
                )
            )
