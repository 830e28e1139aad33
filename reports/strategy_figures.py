"""The ``strategy`` object of the report's JSON (docs/strategy.md): the strategy in
force, each goal's value for the report's period, whether it is met, and the scoreboard over
the strategy's reporting periods. Every value is computed by the measures registry
(strategy.measures) from ``report_figures`` — the one aggregation — for each period."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from reports.models import ReportedValue, ReportPeriod
from socialeconomy.formatting import dk_number, plain_number
from strategy.measures import REPORTED, goal_value, parse
from strategy.models import Cadence, Direction, Goal, Strategy
from strategy.selectors import strategy_in_force


@dataclass(frozen=True)
class Span:
    start: date
    end: date
    report_id: int | None = None

    def overlaps(self, other: "Span") -> bool:
        return self.start <= other.end and other.start <= self.end

    def as_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def scoreboard_spans(strategy: Strategy, start: date, end: date) -> list[tuple[Span, Span | None]]:
    """The stored reporting periods inside the strategy that end on or before ``end``, and the
    report's own period, oldest first. Each comes with the period it overlaps (then it is not
    counted, so that no record counts twice) or None. The report's own period always counts."""
    own = Span(start, end)
    spans = {own}
    stored = ReportPeriod.objects.filter(start__gte=strategy.start, end__lte=end).values_list(
        "start", "end", "id"
    )
    ids = {}
    for s, e, pk in stored:
        ids[(s, e)] = pk
        spans.add(Span(s, e))
    counted = [own]
    result = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        span = Span(span.start, span.end, ids.get((span.start, span.end)))
        if (span.start, span.end) == (start, end):
            result.append((span, None))
            continue
        clash = next((c for c in counted if c.overlaps(span)), None)
        if clash is None:
            counted.append(span)
        result.append((span, clash))
    return result


def scoreboard_periods(start: date, end: date) -> list[tuple[date, date]]:
    """The periods whose figures the scoreboard of the report [start, end] counts (its own
    among them): none when no strategy is in force on its last day."""
    strategy = strategy_in_force(end)
    if strategy is None:
        return []
    spans = scoreboard_spans(strategy, start, end)
    return [(span.start, span.end) for span, clash in spans if clash is None]


def _met(goal: Goal, value) -> bool | None:
    if goal.target is None or value is None or not isinstance(value, int | float):
        return None
    if goal.direction == Direction.AT_MOST:
        return value <= goal.target
    return value >= goal.target


def _year_reached(goal: Goal, strategy: Strategy, points: list[tuple[Span, float]], progress):
    """The year in which the target is reached at the pace so far, or None when it cannot be
    said (too few periods, no progress, or no target)."""
    if goal.target is None or goal.direction == Direction.AT_MOST or not points:
        return None
    last_span = points[-1][0]
    if _cumulative(goal):
        days = (last_span.end - strategy.start).days + 1
        if progress <= 0:
            return None
        when = strategy.start + timedelta(days=goal.target * days / progress - 1)
        return when.year
    if len(points) < 2:
        return None
    (first, v0), (last, v1) = points[0], points[-1]
    days = (last.end - first.end).days
    if v1 <= v0 or days <= 0:
        return None
    when = last.end + timedelta(days=(goal.target - v1) * days / (v1 - v0))
    return when.year


def _cumulative(goal: Goal) -> bool:
    return parse(goal.measure).kind.cumulative and not goal.of


def projection_text(goal_row: dict) -> str:
    """A plain sentence on a by_end goal's pace, e.g. «med samme tempo nås 40 i 2026»."""
    target = goal_row["target"]
    if goal_row["met"] and not goal_row.get("reached"):
        return "målet er nået"
    if goal_row.get("reached"):
        reached = goal_row["reached"]
        return (
            f"målet er nået i perioden {date.fromisoformat(reached['start']):%d.%m.%Y}–"
            f"{date.fromisoformat(reached['end']):%d.%m.%Y}, før strategiens udløb"
        )
    if target is None:
        return ""
    year = goal_row.get("projected_year")
    if year is None:
        return f"der er endnu for få perioder til at sige, hvornår {dk_number(target)} nås"
    return f"med samme tempo nås {dk_number(target)} i {year}"


def strategy_figures(
    *, start: date, end: date, figures: dict, figures_for: Callable[[date, date], dict]
) -> dict | None:
    """The ``strategy`` object for the report [start, end] whose figures are ``figures``.
    ``figures_for(start, end)`` gives another period's figures (full or public edition)."""
    strategy = strategy_in_force(end)
    if strategy is None:
        return None
    tracks = list(strategy.tracks.order_by("order"))
    goals = list(strategy.goals.select_related("track").order_by("order"))
    spans = scoreboard_spans(strategy, start, end)
    period_figures = {}
    for span, clash in spans:
        if clash is None:
            own = (span.start, span.end) == (start, end)
            period_figures[span] = figures if own else figures_for(span.start, span.end)
    reported = {
        (v["goal_id"], v["report__start"], v["report__end"]): v
        for v in ReportedValue.objects.filter(goal__strategy=strategy).values(
            "goal_id", "report__start", "report__end", "value", "source"
        )
    }

    result_goals = []
    for goal in goals:
        periods = []
        points = []
        for span, clash in spans:
            entry = {**span.as_json(), "value": None}
            if clash is not None:
                entry["overlaps"] = clash.as_json()
            elif goal.measure == REPORTED:
                stored = reported.get((goal.pk, span.start, span.end))
                if stored:
                    entry["value"] = plain_number(stored["value"])
                    entry["source"] = stored["source"]
            else:
                entry["value"] = goal_value(goal.measure, goal.of, period_figures[span])
                if goal.of:  # the share's denominator, so that a percentage can name it
                    entry["of_value"] = parse(goal.of).value(period_figures[span])
            if clash is None and isinstance(entry["value"], int | float):
                points.append((span, entry["value"]))
            periods.append(entry)
        own = next(
            p for p in periods if (p["start"], p["end"]) == (start.isoformat(), end.isoformat())
        )
        row = {
            "key": goal.key,
            "title": goal.title,
            "measure": goal.measure,
            "of": goal.of or None,
            "cadence": goal.cadence,
            "direction": goal.direction,
            "target": plain_number(goal.target),
            "track": goal.track.key if goal.track else None,
            "value": own["value"],
            **({"of_value": own.get("of_value")} if goal.of else {}),
            "met": _met(goal, own["value"]),
            "periods": periods,
        }
        if goal.cadence == Cadence.BY_END:
            _progress(row, goal, strategy, points)
        result_goals.append(row)

    return {
        "name": strategy.name,
        "title": strategy.title,
        "start": strategy.start.isoformat(),
        "end": strategy.end.isoformat(),
        "tracks": [{"key": t.key, "number": t.number, "title": t.title} for t in tracks],
        "goals": result_goals,
    }


def _progress(row: dict, goal: Goal, strategy: Strategy, points) -> None:
    """A by_end goal: progress so far (the sum over the periods for a flow, the latest value
    for a stock or a share), met against it, the period in which it was first reached, and
    the year it is reached at the pace so far."""
    if not points:
        row["progress"] = None
        row["met"] = None
        return
    cumulative = _cumulative(goal) and goal.measure != REPORTED
    progress = sum(v for _, v in points) if cumulative else points[-1][1]
    row["progress"] = plain_number(progress)
    row["met"] = _met(goal, progress)
    running = 0
    for span, value in points:
        running = running + value if cumulative else value
        if _met(goal, running):
            if span.end < strategy.end:
                row["reached"] = span.as_json()
            break
    row["projected_year"] = None if row["met"] else _year_reached(goal, strategy, points, progress)
    row["projection"] = projection_text(row)
