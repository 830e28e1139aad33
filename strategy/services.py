"""Writes on strategies beyond load/save (strategy.files): delete. A strategy is refused
while published reports were built from it; the reports say which (a deletion guard they
register with socialeconomy.deletion)."""

from django.db import transaction

from socialeconomy.deletion import guarded
from strategy.models import Strategy


def strategy_resting(strategy: Strategy) -> list[str]:
    """What rests on the strategy, one line each («Årsrapport 2022, version 1»)."""
    return guarded("strategy", strategy, (strategy.start, strategy.end))


class StrategyInUse(Exception):
    pass


@transaction.atomic
def strategy_delete(*, strategy: Strategy) -> None:
    resting = strategy_resting(strategy)
    if resting:
        raise StrategyInUse(
            f"Strategien «{strategy.name}» kan ikke slettes: udgivne rapporter bygger på den "
            f"({'; '.join(resting)})."
        )
    strategy.delete()
