"""Writes on strategies beyond load/save (strategy.files): delete, and the values entered by
hand for goals measured ``reported``."""

from django.db import transaction

from reports.models import Publication
from strategy.models import Goal, ReportedValue, Strategy


def publications_resting_on(strategy: Strategy):
    """Publications of reports whose last day lies in the strategy's period: their report
    was built from this strategy, so it may not be deleted."""
    return (
        Publication.objects.without_documents()
        .filter(report__end__range=(strategy.start, strategy.end))
        .select_related("report")
        .order_by("report__start", "version")
    )


class StrategyInUse(Exception):
    pass


@transaction.atomic
def strategy_delete(*, strategy: Strategy) -> None:
    resting = list(publications_resting_on(strategy))
    if resting:
        names = ", ".join(f"{p.report.title} (version {p.version})" for p in resting)
        raise StrategyInUse(
            f"Strategien «{strategy.name}» kan ikke slettes: udgivne rapporter bygger på den "
            f"({names})."
        )
    strategy.delete()


@transaction.atomic
def reported_values_save(*, goal: Goal, values: dict) -> int:
    """``values``: report → (value, source) or None to remove. All or nothing; returns how
    many changed."""
    changed = 0
    current = {v.report_id: v for v in goal.reported_values.select_for_update()}
    for report, entry in values.items():
        stored = current.get(report.pk)
        if entry is None:
            if stored:
                stored.delete()
                changed += 1
            continue
        value, source = entry
        if stored is None:
            ReportedValue.objects.create(goal=goal, report=report, value=value, source=source)
            changed += 1
        elif (stored.value, stored.source) != (value, source):
            stored.value, stored.source = value, source
            stored.save(update_fields=["value", "source"])
            changed += 1
    return changed
