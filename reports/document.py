"""The annual report as a document: one context built from the one aggregation
(``report_figures``), rendered to self-contained HTML, and to PDF from that same HTML."""

from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from enterprises.models import Enterprise, EnterpriseYear, Grant
from reports import charts
from reports.disclosure import Hidden, is_hidden, public_figures
from reports.models import PublishedFigure, ReportPeriod, ReportSection
from reports.progression_report import progression_report
from reports.quality import completed_without_outcome, lookup, published_differences
from reports.selectors import report_figures
from socialeconomy.vocabulary import (
    EVALUATION_QUESTIONS,
    OUTCOME_GROUP,
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
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31) and (
            self.start.year == self.end.year
        ):
            return str(self.start.year)
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"

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
    average = agreement["course_days"] / open_days
    return {
        "open_days": open_days,
        "average": f"{average:.1f}".replace(".", ","),
        "share": round(100 * average / agreement["capacity"]),
    }


def _outcome_rows(agreement: dict) -> list[dict]:
    return [{"code": code, "count": n} for code, n in agreement["outcomes"].items()]


def _portraits(period: Period, year: int) -> list[dict]:
    enterprises = list(Enterprise.objects.in_field(period.start, period.end).order_by("name"))
    years = {
        y.enterprise_id: y
        for y in EnterpriseYear.objects.filter(year=year, enterprise__in=enterprises)
    }
    groups = []
    for etype, heading in TYPE_HEADINGS.items():
        members = [
            {"enterprise": e, "year": years.get(e.pk)} for e in enterprises if e.type == etype
        ]
        groups.append({"type": etype, "heading": heading, "members": members})
    return groups


def _goal_rows(report: ReportPeriod, figures: dict, *, public: bool) -> list[dict]:
    """The report's period and every other period with a published goal figure, side by side.
    In the public version the computed figures of every period are suppressed too."""
    published = PublishedFigure.objects.filter(key__in=GOAL_KEYS).order_by("period_start")
    periods = {(report.start, report.end): figures}
    values: dict[tuple, dict[str, int]] = {}
    for figure in published:
        span = (figure.period_start, figure.period_end)
        values.setdefault(span, {})[figure.key] = figure.value
        periods.setdefault(span, None)
    rows = []
    for (start, end), computed in sorted(periods.items()):
        if computed is None:
            computed = report_figures(start=start, end=end)
            computed = public_figures(computed) if public else computed
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


def _public_differences(differences: list, public: dict) -> list:
    """A published figure beside a hidden computed one shows no value and no difference."""
    return [
        replace(d, computed=Hidden(primary=False)) if is_hidden(lookup(public, d.key)) else d
        for d in differences
    ]


def report_context(report: ReportPeriod, *, public: bool = False) -> dict:
    """Everything the report and the summary show. ``public``: the committee's version,
    where counts of people from 1 to 4 are suppressed (see reports.disclosure)."""
    period = Period(report.start, report.end)
    computed = report_figures(start=report.start, end=report.end)
    figures = public_figures(computed) if public else computed
    texts: dict[str, str] = {}
    answers: dict[str, dict[int, str]] = {}
    if report.pk:  # a period with no stored report has figures but no narrative yet
        texts = {s.key: s.text for s in report.sections.all()}
        for answer in report.answers.select_related("agreement"):
            answers.setdefault(answer.agreement.name, {})[answer.question] = answer.text

    agreements = figures["agreements"]
    for agreement in agreements:
        agreement["outcome_rows"] = _outcome_rows(agreement)
        agreement["capacity_use"] = _capacity_use(agreement, period)
        agreement["answers"] = [
            {"number": n, "question": q, "text": answers.get(agreement["name"], {}).get(n, "")}
            for n, q in EVALUATION_QUESTIONS.items()
        ]
        agreement["unknown"] = agreement["outcomes"].get(UNKNOWN_OUTCOME, 0)
        agreement["veteran_aim_met"] = _veteran_aim_met(agreement)
    model_1 = [a for a in agreements if a["model"] == "1"]
    model_2 = [a for a in agreements if a["model"] == "2"]
    voluntary = [a for a in agreements if a["model"] == "voluntary"]
    voluntary_totals = {
        key: sum(a[key] for a in voluntary) for key in ("participants", "ongoing", "completed")
    }
    voluntary_outcomes: dict[str, int] = {}
    for agreement in voluntary:
        for code, n in agreement["outcomes"].items():
            voluntary_outcomes[code] = voluntary_outcomes.get(code, 0) + n

    goal_rows = _goal_rows(report, figures, public=public)
    grants = list(
        Grant.objects.filter(date__range=(report.start, report.end))
        .select_related("enterprise")
        .order_by("enterprise__name", "date", "reference")
    )
    sdgs: dict[int, list[str]] = {}
    portraits = _portraits(period, report.start.year)
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
        without_outcome = completed_without_outcome(report.start, report.end)

    return {
        "report": report,
        "period": period,
        "figures": figures,
        "texts": texts,
        "section_titles": dict(ReportSection.Key.choices),
        "portraits": portraits,
        "model_1": model_1,
        "model_2": model_2,
        "voluntary": voluntary,
        "voluntary_totals": voluntary_totals,
        "voluntary_outcomes": voluntary_outcomes,
        "grants": grants,
        "sdgs": sorted(sdgs.items()),
        "goal_rows": goal_rows,
        "public": public,
        "differences": differences,
        "without_outcome": without_outcome,
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
        "enterprises_missing": (
            max(figures["enterprises"]["target"] - figures["enterprises"]["total"], 0)
            if figures["enterprises"]["target"] is not None
            else None
        ),
        "progression": sum(
            n
            for code, n in figures["courses"]["outcomes"].items()
            if OUTCOME_GROUP.get(code) == "progression"
        ),
        "progression_report": progression_report(figures),
        "generated": timezone.localdate(),
    }


def report_for_period(start: date, end: date) -> ReportPeriod:
    """The stored report for exactly this period, or an unsaved one titled by its year."""
    report = ReportPeriod.objects.filter(start=start, end=end).first()
    return report or ReportPeriod(
        title=f"Den Socialøkonomiske Årsrapport {start.year}", start=start, end=end
    )


def render_report_html(report: ReportPeriod, *, public: bool = False) -> str:
    """The whole report as one self-contained HTML file (CSS and charts inline)."""
    return render_to_string("reports/annual_report.html", report_context(report, public=public))


def render_summary_html(report: ReportPeriod, *, public: bool = False) -> str:
    """The one-page committee summary: status on the strategy's goals."""
    return render_to_string("reports/summary.html", report_context(report, public=public))


def project_url_fetcher():
    """A WeasyPrint fetcher that may fetch nothing but inline data and the project's own
    static files: the report never reaches the network or the rest of the disk."""
    from weasyprint.urls import URLFetcher

    static_root = (settings.BASE_DIR / "socialeconomy" / "static").resolve().as_uri() + "/"

    class ProjectURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if not (url.startswith("data:") or url.startswith(static_root)):
                raise ValueError(f"WeasyPrint may not fetch {url}")
            return super().fetch(url, headers)

    return ProjectURLFetcher(allowed_protocols={"data", "file"}, fail_on_errors=True)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(
        string=html, base_url=str(settings.BASE_DIR), url_fetcher=project_url_fetcher()
    ).write_pdf()
