"""The strategy in the report's documents and on the goal-reporting page: the section
structure (strategy.structure) and each goal as the committee reads it — value against
target, met or not, the scoreboard oldest first, and for by_end goals the progress and a
plain projection. The figures come from ``strategy_figures`` (the one aggregation)."""

from dataclasses import dataclass, field
from datetime import date

from reports.editions import FULL, PUBLIC, edition_figures
from reports.selectors import report_figures
from reports.strategy_figures import strategy_figures
from socialeconomy.formatting import NBSP, dk_date, dk_decimal, dk_int, dk_kr, dk_number
from socialeconomy.suppression import is_hidden
from strategy.measures import REPORTED, parse
from strategy.models import Direction
from strategy.selectors import strategy_in_force
from strategy.structure import BLOCKS, RECORDS, Section, report_sections


def period_label(start: date, end: date) -> str:
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{start:%d.%m.%Y}–{end:%d.%m.%Y}"


@dataclass
class GoalView:
    row: dict
    title: str
    measure_label: str
    target_text: str
    value_text: str
    met: bool | None
    scoreboard: list[dict] = field(default_factory=list)
    progress_text: str = ""
    projection: str = ""


def format_value(row: dict, value, of_value=None) -> str:
    """A goal's value as the report writes it; a share names its denominator
    ("36,6 % af 142 afsluttede forløb")."""
    if row["of"] and of_value is not None:
        whole = f"{dk_int(of_value)} {parse(row['of']).label.lower()}"
        if of_value == 0:
            return f"ingen {parse(row['of']).label.lower()}"
        if value is None or is_hidden(value):
            return f"{'–' if value is None else value} af {whole}"
        return f"{dk_decimal(value)}{NBSP}% af {whole}"
    if value is None:
        return "–"
    if is_hidden(value):
        return str(value)
    if row["of"]:
        return f"{dk_decimal(value)}{NBSP}%"
    if row["measure"] == "fundraising_dkk":
        return dk_kr(value)
    return dk_number(value)


def _measure_label(row: dict) -> str:
    label = parse(row["measure"]).label
    if row["of"]:
        label = f"{label}, i procent af: {parse(row['of']).label.lower()}"
    return label


def _target_text(row: dict, strategy: dict) -> str:
    if row["target"] is None:
        return "intet tal sat; der afrapporteres uden mål"
    word = "højst" if row["direction"] == Direction.AT_MOST else "mindst"
    target = format_value(row, row["target"])
    if row["cadence"] == "by_end":
        return f"{word} {target} ved strategiens udløb {dk_date(strategy['end'])}"
    return f"{word} {target} i hver rapportperiode"


def goal_views(data: dict | None) -> list[GoalView]:
    if not data:
        return []
    views = []
    for row in data["goals"]:
        scoreboard = []
        for period in row["periods"]:
            start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
            entry = {
                "label": period_label(start, end),
                "value": format_value(row, period["value"], period.get("of_value")),
                "is_report": (period["start"], period["end"])
                == (data["period"]["start"], data["period"]["end"]),
                "source": period.get("source", ""),
                "overlaps": None,
            }
            if "overlaps" in period:
                other = period["overlaps"]
                entry["overlaps"] = period_label(
                    date.fromisoformat(other["start"]), date.fromisoformat(other["end"])
                )
            scoreboard.append(entry)
        view = GoalView(
            row=row,
            title=row["title"],
            measure_label=_measure_label(row),
            target_text=_target_text(row, data),
            value_text=format_value(row, row["value"], row.get("of_value")),
            met=row["met"],
            scoreboard=scoreboard,
        )
        if row["cadence"] == "by_end":
            kind = parse(row["measure"]).kind
            so_far = (
                "i alt over strategiens perioder"
                if kind.cumulative and not row["of"]
                else ("ved seneste periode")
            )
            if row["measure"] == REPORTED:
                so_far = "ved seneste indberettede periode"
            view.progress_text = f"{format_value(row, row.get('progress'))} {so_far}"
            view.projection = row.get("projection", "")
        views.append(view)
    return views


def strategy_context(
    report,
    *,
    figures: dict,
    texts: dict[str, str],
    public: bool,
    history: dict[tuple, dict] | None = None,
) -> dict:
    """What the report, the summary and the goal page show of the strategy in force on the
    report's last day. ``figures`` are the report's own (public ones for the public edition);
    the other periods of the scoreboard are counted the same way, or taken from ``history``
    (computed figures keyed (start, end), as ``report_snapshot`` holds them)."""
    strategy = strategy_in_force(report.end)
    tracks = list(strategy.tracks.order_by("order")) if strategy else []

    def figures_for(start, end):
        counted = history.get((start, end)) if history else None
        if counted is None:
            counted = report_figures(start=start, end=end)
        return edition_figures(counted, PUBLIC if public else FULL)

    data = strategy_figures(
        start=report.start, end=report.end, figures=figures, figures_for=figures_for
    )
    if data is not None:
        data["period"] = {"start": report.start.isoformat(), "end": report.end.isoformat()}
    sections = report_sections(tracks, texts)
    placed = {block for section in sections for block in section.blocks}
    unplaced = [block for block in BLOCKS if block not in placed]
    if unplaced:  # no record disappears: blocks no track shows get a section of their own
        goals_at = next(i for i, s in enumerate(sections) if s.key == "goals")
        sections.insert(goals_at, Section(RECORDS, "Øvrige registreringer", blocks=unplaced))
        for number, section in enumerate(sections, 1):
            section.number = number
    views = goal_views(data)
    for section in sections:
        if section.track is not None:
            section.goals = [v for v in views if v.row["track"] == section.key]
    return {
        "strategy": data,
        "strategy_record": strategy,
        "sections": sections,
        "numbers": {s.key: s.number for s in sections},
        "block_numbers": {b: s.number for s in sections for b in s.blocks},
        "goal_views": views,
    }
