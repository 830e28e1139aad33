"""Reading the strategy: the strategy in force on a day, and its targets. Counting the
goals against the records is the reports' work (reports.strategy_figures)."""

from datetime import date

from socialeconomy.formatting import plain_number
from strategy.models import Goal, Strategy

# The measures whose targets report-json.md carries as enterprises.target / annual_norm.
TARGET_MEASURES = {"enterprises": "enterprises", "employed": "employment"}


def strategy_in_force(day: date) -> Strategy | None:
    """The strategy whose period holds ``day`` (a report's last day)."""
    return Strategy.objects.filter(start__lte=day, end__gte=day).order_by("-start").first()


def strategy_targets(day: date) -> dict[str, float | int | None]:
    """{"enterprises": 40, "employed": 30}: the targets of the strategy in force on ``day``
    for the goals measured ``enterprises`` and ``employed`` (one query)."""
    targets = {}
    rows = (
        Goal.objects.filter(
            strategy__start__lte=day, strategy__end__gte=day, measure__in=TARGET_MEASURES, of=""
        )
        .order_by("-order")
        .values_list("measure", "target")
    )
    for measure, target in rows:  # the first goal of each measure wins
        targets[measure] = plain_number(target)
    return targets
