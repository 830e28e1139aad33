"""An activity's track key against the strategy (docs/exchange-workbook.md: `Spor` is "the key
of a track of the strategy in force at `Start`"). ONE rule, used by the activity form (through
``Activity.clean``) and by the workbook import (sheet `Aktiviteter`): a key must be a track
key of the strategy in force on the activity's start, or today when it has none. When no
strategy is in force that day, any well-formed key is accepted (the strategy is data and
may not be entered yet)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

NO_STRATEGY_NOTE = (
    "Nøglen for et spor i den strategi, der gælder på aktivitetens start (uden start: i dag), "
    "fx «extra_gear». Gælder ingen strategi den dag, godtages enhver nøgle af små bogstaver, "
    "tal og _."
)


@dataclass(frozen=True)
class StrategyTracks:
    name: str
    start: date
    end: date
    keys: tuple[str, ...]


def strategy_tracks() -> list[StrategyTracks]:
    """Every strategy with its track keys in order, newest start first (two queries)."""
    from strategy.models import Strategy

    return [
        StrategyTracks(s.name, s.start, s.end, tuple(t.key for t in s.tracks.all()))
        for s in Strategy.objects.order_by("-start").prefetch_related("tracks")
    ]


def in_force(strategies: list[StrategyTracks], day: date) -> StrategyTracks | None:
    """The strategy whose period holds ``day``, as strategy.selectors.strategy_in_force
    chooses it (the latest start)."""
    return next((s for s in strategies if s.start <= day <= s.end), None)


def track_problem(
    track: str, start: date | None, strategies: list[StrategyTracks] | None = None
) -> str | None:
    """Why ``track`` may not be the track key of an activity starting ``start`` (a Danish
    sentence), or None when it may. An empty key is always allowed (no track); the form of
    the key is the field's own validator. ``strategies``: from ``strategy_tracks()``, to
    check many rows on two queries."""
    if not track:
        return None
    day = start or timezone.localdate()
    strategy = in_force(strategy_tracks() if strategies is None else strategies, day)
    if strategy is None or track in strategy.keys:
        return None
    when = (
        f"på aktivitetens start {start:%d.%m.%Y}"
        if start
        else "i dag (aktiviteten har ingen start)"
    )
    keys = ", ".join(f"«{k}»" for k in strategy.keys) or "ingen; strategien har ingen spor"
    return (
        f"«{track}» er ikke et spor i strategien «{strategy.name}», som gælder {when}; "
        f"brug et af: {keys}"
    )
