import json

from django.core.management.base import BaseCommand, CommandError

from strategy.files import strategy_data
from strategy.models import Strategy


class Command(BaseCommand):
    help = "Write the strategy NAME as a strategy file (docs/strategy.md)."

    def add_arguments(self, parser):
        parser.add_argument("name", help="the strategy's name")
        parser.add_argument("file", help="the file to write (JSON); «-» for standard output")

    def handle(self, *args, name, file, **options):
        strategy = Strategy.objects.filter(name=name).first()
        if strategy is None:
            known = ", ".join(f"«{n}»" for n in Strategy.objects.values_list("name", flat=True))
            raise CommandError(f"Ingen strategi hedder «{name}». Kendte: {known or 'ingen'}.")
        text = json.dumps(strategy_data(strategy), ensure_ascii=False, indent=2) + "\n"
        if file == "-":
            self.stdout.write(text, ending="")
            return
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(text)
