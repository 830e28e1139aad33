from django.core.management.base import BaseCommand, CommandError

from strategy.files import StrategyInvalid, read_strategy_file, strategy_save


class Command(BaseCommand):
    help = (
        "Create, or update, the strategy named in FILE.json (docs/strategy.md). "
        "All or nothing: a file with any error writes nothing and names every error."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the strategy file (JSON)")

    def handle(self, *args, file, **options):
        try:
            strategy = strategy_save(read_strategy_file(file))
        except StrategyInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(f"{file}: {problem}")
            count = len(invalid.problems)
            raise CommandError(
                f"{count} fejl i {file}; intet er gemt."
                if count > 1
                else f"1 fejl i {file}; intet er gemt."
            ) from None
        self.stdout.write(
            f"Strategien «{strategy.name}» er gemt: {strategy.tracks.count()} spor, "
            f"{strategy.goals.count()} mål."
        )
