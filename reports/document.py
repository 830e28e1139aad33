"""The annual report as a document: one context built from the one aggregation
(``report_figures``), rendered to self-contained HTML, and to PDF from that same HTML."""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from activities.selectors import activity_report, public_activities
from agreements.models import Agreement
from enterprises.models import Enterprise, EnterpriseYear, Grant
from reports import charts
from reports.appendix import quality_appendix
from reports.deviations import report_deviations
from reports.disclosure import public_figures
from reports.editions import FULL, PUBLIC, SUMMARY, edition_figures, is_public
from reports.models import PublishedFigure, ReportPeriod
from reports.progression_report import progression_report
from reports.quality import lookup, published_differences, without_outcome_by_agreement
from reports.selectors import report_figures
from reports.strategy_figures import scoreboard_periods
from reports.strategy_report import period_label, strategy_context
from reports.textdisclosure import mask_text
from socialeconomy.formatting import dk_decimal, round_half_up
from socialeconomy.suppression import Hidden, is_hidden
from socialeconomy.vocabulary import (
    EVALUATION_QUESTIONS,
    UNKNOWN_OUTCOME,
    EnterpriseType,
)

TYPE_HEADINGS = {
    EnterpriseType.REGISTERED: "Registrerede socialøkonomiske virksomheder",
    EnterpriseType.INITIATIVE: "Socialøkonomiske initiativer",
    EnterpriseType.VOLUNTARY: "”Frivillige organisationer”",
}
GOAL_KEYS = ("employment.total", "enterprises.total")


@dataclass
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return period_label(self.start, self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _overlap_days(a_start, a_end, b_start, b_end) -> int:
    start, end = max(a_start, b_start), min(a_end or b_end, b_end)
    return max((end - start).days + 1, 0)


def _capacity_use(agreement: dict, period: Period) -> dict | None:
    """Average simultaneous courses over the days the agreement was open (not paused)."""
    if not agreement["capacity"]:
        return None
    a_start = date.fromisoformat(agreement["start"])
    a_end = date.fromisoformat(agreement["end"]) if agreement["end"] else None
    open_days = _overlap_days(a_start, a_end, period.start, period.end)
    for pause in agreement["paused"]:
        p_end = date.fromisoformat(pause["end"]) if pause["end"] else None
        open_days -= _overlap_days(
            date.fromisoformat(pause["start"]),
            p_end,
            max(a_start, period.start),
            min(a_end or period.end, period.end),
        )
    if open_days <= 0:
        return {"open_days": 0, "average": None, "share": None}
    average = Decimal(agreement["course_days"]) / Decimal(open_days)
    return {
        "open_days": open_days,
        "average": dk_decimal(average),
        "share": round_half_up(100 * average / agreement["capacity"]),
    }


def _outcome_rows(agreement: dict) -> list[dict]:
    return [{"code": code, "count": n} for code, n in agreement["outcomes"].items()]


def _group_rows(groups: dict) -> list[dict]:
    """The outcome groups with courses in them (a suppressed count is shown as such)."""
    return [{"code": group, "count": n} for group, n in groups.items() if is_hidden(n) or n]


def _unchanged(text: str) -> str:
    return text


def _portraits(period: Period, year: int, show=_unchanged) -> list[dict]:
    """The enterprises of the field by type, each with its texts as ``show`` gives them
    (the public edition masks counts of people)."""
    enterprises = list(Enterprise.objects.in_field(period.start, period.end).order_by("name"))
    years = {
        y.enterprise_id: y
        for y in EnterpriseYear.objects.filter(year=year, enterprise__in=enterprises)
    }
    groups = []
    for etype, heading in TYPE_HEADINGS.items():
        members = [
            {
                "enterprise": e,
                "description": show(e.description),
                "this_year": show(years[e.pk].this_year if e.pk in years else ""),
                "next_year": show(years[e.pk].next_year if e.pk in years else ""),
            }
            for e in enterprises
            if e.type == etype
        ]
        groups.append({"type": etype, "heading": heading, "members": members})
    return groups


def _goal_history_spans(report: ReportPeriod) -> set[tuple[date, date]]:
    """Every other period with a published goal figure: the goal history's periods."""
    return set(
        PublishedFigure.objects.filter(key__in=GOAL_KEYS)
        .exclude(period_start=report.start, period_end=report.end)
        .order_by()  # distinct periods: the model's ordering by key would repeat each
        .values_list("period_start", "period_end")
        .distinct()
    )


def _goal_rows(
    report: ReportPeriod, figures: dict, history: dict[tuple, dict], *, public: bool
) -> list[dict]:
    """The report's period and every other period with a published goal figure, side by side.
    In the public version the computed figures of every period are suppressed too."""
    published = PublishedFigure.objects.filter(key__in=GOAL_KEYS).order_by("period_start")
    values: dict[tuple, dict[str, int]] = {}
    for figure in published:
        span = (figure.period_start, figure.period_end)
        values.setdefault(span, {})[figure.key] = figure.value
    periods = {(report.start, report.end): figures}
    for span in values.keys() & history.keys():  # history holds the scoreboard's too
        computed = history[span]
        periods[span] = public_figures(computed) if public else computed
    rows = []
    for (start, end), computed in sorted(periods.items()):
        row = {
            "label": Period(start, end).label,
            "start": start,
            "end": end,
            "is_report": (start, end) == (report.start, report.end),
        }
        for key in GOAL_KEYS:
            row[key.split(".")[0]] = {
                "computed": lookup(computed, key),
                "published": values.get((start, end), {}).get(key),
            }
        rows.append(row)
    return rows


def _veteran_aim_met(agreement: dict) -> bool | None:
    aim, completed = agreement["aim_veteran_share"], agreement["completed"]
    veterans = agreement["veterans_completed"]
    if aim is None or not completed or is_hidden(completed) or is_hidden(veterans):
        return None
    return 100 * veterans >= aim * completed


def _judged(agreement: dict, period: Period) -> None:
    """Set what the deviations judge an agreement row by (reports/deviations.py): its use
    of its capacity over the period and whether its veteran aim is met."""
    agreement["capacity_use"] = _capacity_use(agreement, period)
    agreement["veteran_aim_met"] = _veteran_aim_met(agreement)


def _public_differences(differences: list, public: dict) -> list:
    """A published figure beside a hidden computed one shows no value and no difference."""
    return [
        replace(d, computed=Hidden(primary=False)) if is_hidden(lookup(public, d.key)) else d
        for d in differences
    ]


def report_snapshot(report: ReportPeriod) -> dict:
    """The figures a report's documents are made from, computed once: the report period's
    (``figures``) and, keyed (start, end), every other period's they show (``history``):
    the goal history's and the strategy scoreboard's."""
    own = (report.start, report.end)
    spans = _goal_history_spans(report) | set(scoreboard_periods(report.start, report.end))
    return {
        "figures": report_figures(start=report.start, end=report.end),
        "history": {
            span: report_figures(start=span[0], end=span[1]) for span in sorted(spans - {own})
        },
    }


def report_context(
    report: ReportPeriod,
    *,
    public: bool = False,
    snapshot: dict | None = None,
    issued: date | None = None,
) -> dict:
    """Everything the report and the summary show. ``public``: the committee's version,
    where counts of people from 1 to 4 are suppressed (see reports.disclosure).
    ``snapshot``: the figures to show (``report_snapshot``), computed now when not given.
    ``issued``: the date of the published version this is; without it the document is a
    draft («Kladde»), says so on every page and states no issue date."""
    period = Period(report.start, report.end)
    snapshot = snapshot if snapshot is not None else report_snapshot(report)
    computed = snapshot["figures"]
    figures = edition_figures(computed, PUBLIC if public else FULL)
    # The public edition states no count of people in its texts either (textdisclosure).
    show = mask_text if public else _unchanged
    texts: dict[str, str] = {}
    answers: dict[str, dict[int, str]] = {}
    if report.pk:  # a period with no stored report has figures but no narrative yet
        texts = {s.key: show(s.text) for s in report.sections.all()}
        for answer in report.answers.select_related("agreement"):
            answers.setdefault(answer.agreement.name, {})[answer.question] = show(answer.text)
    descriptions = dict(
        Agreement.objects.filter(name__in=[a["name"] for a in figures["agreements"]]).values_list(
            "name", "description"
        )
    )

    agreements = figures["agreements"]
    group_keys = list(figures["courses"]["outcome_groups"])
    for agreement in agreements:
        agreement["outcome_rows"] = _outcome_rows(agreement)
        _judged(agreement, period)
        agreement["answers"] = [
            {"number": n, "question": q, "text": answers.get(agreement["name"], {}).get(n, "")}
            for n, q in EVALUATION_QUESTIONS.items()
        ]
        agreement["group_rows"] = _group_rows(agreement["outcome_groups"])
        agreement["group_counts"] = [agreement["outcome_groups"].get(g, 0) for g in group_keys]
        agreement["shown_rows"] = agreement["group_rows" if public else "outcome_rows"]
        agreement["description"] = show(descriptions.get(agreement["name"], ""))
        for pause in agreement["paused"]:
            pause["reason"] = show(pause["reason"])
    model_1 = [a for a in agreements if a["model"] == "1"]
    model_2 = [a for a in agreements if a["model"] == "2"]
    voluntary = [a for a in agreements if a["model"] == "voluntary"]
    voluntary_totals = {
        key: sum(a[key] for a in voluntary) for key in ("participants", "ongoing", "completed")
    }

    goal_rows = _goal_rows(report, figures, snapshot["history"], public=public)
    activities = activity_report(report.start, report.end)
    grants = list(
        Grant.objects.filter(date__range=(report.start, report.end))
        .select_related("enterprise")
        .order_by("enterprise__name", "date", "reference")
    )
    sdgs: dict[int, list[str]] = {}
    portraits = _portraits(period, report.start.year, show)
    for group in portraits:
        for member in group["members"]:
            for number in member["enterprise"].sdg_list:
                sdgs.setdefault(number, []).append(member["enterprise"].name)

    differences = published_differences(report.start, report.end, computed)
    if public:
        differences = _public_differences(differences, figures)
        without_outcome = [
            {"agreement": a["name"], "count": a["outcomes"][UNKNOWN_OUTCOME]}
            for a in agreements
            if a["outcomes"].get(UNKNOWN_OUTCOME)
        ]
    else:
        without_outcome = without_outcome_by_agreement(report.start, report.end)

    context = {
        "report": report,
        "period": period,
        "figures": figures,
        "texts": texts,
        "portraits": portraits,
        "model_1": model_1,
        "model_2": model_2,
        "voluntary": voluntary,
        "voluntary_totals": voluntary_totals,
        "grants": grants,
        "sdgs": sorted(sdgs.items()),
        "goal_rows": goal_rows,
        "public": public,
        "differences": differences,
        "without_outcome": without_outcome,
        "outcome_group_keys": group_keys,
        "course_group_counts": list(figures["courses"]["outcome_groups"].values()),
        "outcomes_chart": charts.outcomes_chart(
            model_1 + model_2, "Hvor deltagerne er efter endt forløb, pr. samarbejdsaftale"
        ),
        "employment_chart": charts.goal_chart(
            goal_rows,
            "employment",
            figures["employment"]["annual_norm"],
            "Ansatte pr. periode mod årsnormen",
            "Årsnorm",
        ),
        "enterprises_chart": charts.goal_chart(
            goal_rows,
            "enterprises",
            figures["enterprises"]["target"],
            "Virksomheder og initiativer pr. periode mod målet",
            "Mål",
        ),
        "progression": figures["courses"]["outcome_groups"]["progression"],
        "deviations": report_deviations(report, figures, differences, show),
        "quality": quality_appendix(
            start=report.start,
            end=report.end,
            today=issued or timezone.localdate(),
            differences=differences,
            figures=figures,
            public=public,
        ),
        "generated": issued or timezone.localdate(),
        "draft": issued is None,
        "issued": issued,
        "activities": public_activities(activities) if public else activities,
        "progression_report": progression_report(figures),
    }
    # The section structure and the goals, from the strategy in force (issue 13).
    context |= strategy_context(
        report, figures=figures, texts=texts, public=public, history=snapshot["history"]
    )
    return context


def draft_deviations(report: ReportPeriod) -> list:
    """The full edition's deviations as the records give them today (the comment page),
    found as report_context finds them, without making the rest of the document."""
    computed = report_figures(start=report.start, end=report.end)
    figures = edition_figures(computed, FULL)
    period = Period(report.start, report.end)
    for agreement in figures["agreements"]:
        _judged(agreement, period)
    differences = published_differences(report.start, report.end, computed)
    return report_deviations(report, figures, differences)


def report_for_period(start: date, end: date) -> ReportPeriod:
    """The stored report for exactly this period, or an unsaved one titled by its year."""
    report = ReportPeriod.objects.filter(start=start, end=end).first()
    return report or ReportPeriod(
        title=f"Den Socialøkonomiske Årsrapport {start.year}", start=start, end=end
    )


def render_report_html(report: ReportPeriod, *, public: bool = False, **frozen) -> str:
    """The whole report as one self-contained HTML file (CSS and charts inline).
    ``frozen``: ``snapshot`` and ``issued`` of a publication (see report_context)."""
    return render_to_string(
        "reports/annual_report.html", report_context(report, public=public, **frozen)
    )


def render_summary_html(report: ReportPeriod, *, public: bool = False, **frozen) -> str:
    """The one-page committee summary: status on the strategy's goals."""
    return render_to_string("reports/summary.html", report_context(report, public=public, **frozen))


def render_edition_html(report: ReportPeriod, edition: str, **frozen) -> str:
    """The document of an edition: full or public report, or the summary (public rules)."""
    if edition == SUMMARY:
        return render_summary_html(report, public=True, **frozen)
    return render_report_html(report, public=is_public(edition), **frozen)
