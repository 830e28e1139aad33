from django.core.management.base import BaseCommand

from demo.loader import demo_load, demo_publish


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
        parser.add_argument(
            "--no-publish",
            action="store_true",
            help="leave the demo report unpublished (the committee sees it once published)",
        )

    def handle(self, *args, password=None, no_publish=False, **options):
        result = demo_load(password=password)
        made = {k: v for k, v in result.created.items() if v}
        if not no_publish and demo_publish():
            made["udgivelser"] = 1
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
