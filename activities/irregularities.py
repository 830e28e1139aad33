"""Irregularities in every figure series of every activity. A series is one activity's
one named figure, by quarter or by year. The codes are fixed by docs/data-quality.md;
every flag states its rule and the figures involved.

The same flags mark the figures wherever they are shown (activity page, report: ⚠), and
reports.quality turns them into data-quality findings for check_data, the Datakvalitet
page and the report's appendix."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from activities.models import ActivityFigure
from activities.periods import Period
from socialeconomy.formatting import dk_int
from socialeconomy.vocabulary import FigureBasis

REPORT_DEADLINE_DAYS = 30  # a figure is due this many days after its period ends
JUMP_FACTOR = 3  # more than 3× or less than a third of the mean of earlier periods
JUMP_MIN_EARLIER = 2  # … of at least this many earlier periods

LABELS = {
    "activity_ytd_falls": "Tal år til dato falder",
    "activity_period_missing": "Kvartal mangler i en talrække",
    "activity_jump": "Tal langt uden for talrækken",
    "activity_reported_late": "Tal indberettet for sent",
}


@dataclass(frozen=True)
class Flag:
    code: str
    figure: ActivityFigure  # the figure the flag marks
    message: str  # Danish, with the figures involved
    summary: str  # the same without any value, for the public edition

    @property
    def label(self) -> str:
        return LABELS[self.code]


def _mean(values: list[int]) -> str:
    mean = sum(values) / len(values)
    return dk_int(mean) if mean == int(mean) else f"{mean:.1f}".replace(".", ",")


def _series(figures) -> dict[tuple, list[tuple[Period, ActivityFigure]]]:
    """Figures grouped into series: activity, name, and quarters apart from years."""
    series = defaultdict(list)
    for figure in figures:
        period = figure.parsed_period
        series[(figure.activity_id, figure.name, period.quarter is None)].append((period, figure))
    for rows in series.values():
        rows.sort(key=lambda row: row[0])
    return series


def _ytd_falls(rows, head):
    by_year = defaultdict(list)
    for period, figure in rows:
        if period.quarter and figure.basis == FigureBasis.YTD:
            by_year[period.year].append((period, figure))
    for quarters in by_year.values():
        highest = None
        for period, figure in quarters:
            if highest and figure.value < highest[1].value:
                before, earlier = highest
                yield Flag(
                    "activity_ytd_falls",
                    figure,
                    f"{head} opgøres år til dato, men falder fra {dk_int(earlier.value)} "
                    f"({before.label}) til {dk_int(figure.value)} ({period.label}); et tal år til "
                    "dato kan ikke falde inden for samme år.",
                    f"{head} opgøres år til dato, men falder fra {before.label} til "
                    f"{period.label}.",
                )
            if not highest or figure.value >= highest[1].value:
                highest = (period, figure)


def _period_missing(rows, head):
    by_year = defaultdict(dict)
    for period, figure in rows:
        if period.quarter:
            by_year[period.year][period.quarter] = figure
    for year, quarters in by_year.items():
        for q in range(min(quarters), max(quarters)):
            if q not in quarters:
                after = min(n for n in quarters if n > q)
                before = max(n for n in quarters if n < q)
                text = (
                    f"{head} mangler for {Period(year, q).label}, mellem de indberettede "
                    f"{Period(year, before).label} og {Period(year, after).label}."
                )
                yield Flag("activity_period_missing", quarters[after], text, text)


def _own_values(rows):
    """Each period's own value: a period figure as it is; a quarter reported year to date
    as the increase over the quarter before (when that was reported and it did not fall)."""
    previous = {}
    for period, figure in rows:
        own = figure.value
        if figure.basis == FigureBasis.YTD and period.quarter:
            prior = previous.get((period.year, period.quarter - 1))
            if period.quarter > 1 and prior is None:
                own = None  # the quarter before is missing: its own value is unknown
            elif prior is not None:
                own = figure.value - prior.value if figure.value >= prior.value else None
        if period.quarter:
            previous[(period.year, period.quarter)] = figure
        yield period, figure, own


def _jump(rows, head):
    earlier: list[tuple[Period, int]] = []
    for period, figure, own in _own_values(rows):
        if own is None:
            continue
        values = [v for _, v in earlier]
        if len(values) >= JUMP_MIN_EARLIER and sum(values) > 0:
            mean = sum(values) / len(values)
            if own > JUMP_FACTOR * mean or own * JUMP_FACTOR < mean:
                ytd = figure.basis == FigureBasis.YTD and period.quarter
                what = f"perioden alene {dk_int(own)}" if ytd else dk_int(own)
                listed = ", ".join(f"{p.label}: {dk_int(v)}" for p, v in earlier)
                yield Flag(
                    "activity_jump",
                    figure,
                    f"{head} er {what} i {period.label} mod et gennemsnit på {_mean(values)} "
                    f"for de {len(values)} tidligere perioder ({listed}). Reglen: mere end "
                    f"{JUMP_FACTOR} gange eller under en tredjedel af gennemsnittet af mindst "
                    f"{JUMP_MIN_EARLIER} tidligere perioder.",
                    f"{head} i {period.label} ligger langt uden for de tidligere perioder "
                    f"(mere end {JUMP_FACTOR} gange eller under en tredjedel af gennemsnittet).",
                )
        earlier.append((period, own))


def _late(rows, head):
    for period, figure in rows:
        due = period.last_day + timedelta(days=REPORT_DEADLINE_DAYS)
        if figure.reported and figure.reported > due:
            days = (figure.reported - period.last_day).days
            text = (
                f"{head} for {period.label} er indberettet {figure.reported:%d.%m.%Y}, {days} "
                f"dage efter periodens udløb {period.last_day:%d.%m.%Y}; fristen er "
                f"{REPORT_DEADLINE_DAYS} dage."
            )
            yield Flag("activity_reported_late", figure, text, text)


RULES = (_ytd_falls, _period_missing, _jump, _late)
RULES_TEXT = (
    "Et tal år til dato må ikke falde inden for året; et kvartal må ikke mangle mellem "
    f"indberettede kvartaler; et periodetal over {JUMP_FACTOR} gange eller under en "
    f"tredjedel af gennemsnittet af mindst {JUMP_MIN_EARLIER} tidligere perioder markeres; "
    f"et tal indberettet mere end {REPORT_DEADLINE_DAYS} dage efter periodens udløb er for sent."
)


def figure_flags(figures) -> list[Flag]:
    """Every flag on these figures (give them whole series: earlier periods are the context)."""
    flags = []
    for rows in _series(figures).values():
        activity, name = rows[0][1].activity.name, rows[0][1].name
        head = f"«{name}» for {activity}"
        for rule in RULES:
            flags.extend(rule(rows, head))
    return flags


def flags_by_figure(flags) -> dict[int, list[Flag]]:
    found = defaultdict(list)
    for flag in flags:
        found[flag.figure.pk].append(flag)
    return dict(found)


def period_flags(start: date, end: date) -> list[Flag]:
    """The flags on figures whose period overlaps [start, end], each series judged whole."""
    figures = ActivityFigure.objects.select_related("activity")
    return [f for f in figure_flags(figures) if f.figure.parsed_period.overlaps(start, end)]
