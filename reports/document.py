"""The annual report as a document: one context built from the one aggregation
(``report_figures``), rendered to self-contained HTML, and to PDF from that same HTML."""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from enterprises.models import Enterprise, EnterpriseYear, Grant
from reports import charts
from reports.models import PublishedFigure, ReportPeriod, ReportSection
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


def _goal_rows(report: ReportPeriod, figures: dict) -> list[dict]:
    """The report's period and every other period with a published goal figure, side by side."""
    published = PublishedFigure.objects.filter(key__in=GOAL_KEYS).order_by("period_start")
    periods = {(report.start, report.end): figures}
    values: dict[tuple, dict[str, int]] = {}
    for figure in published:
        span = (figure.period_start, figure.period_end)
        values.setdefault(span, {})[figure.key] = figure.value
        periods.setdefault(span, None)
    rows = []
    for (start, end), computed in sorted(periods.items()):
        computed = computed or report_figures(start=start, end=end)
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


def report_context(report: ReportPeriod) -> dict:
    period = Period(report.start, report.end)
    figures = report_figures(start=report.start, end=report.end)
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
        aim = agreement["aim_veteran_share"]
        agreement["veteran_aim_met"] = (
            100 * agreement["veterans_completed"] >= aim * agreement["completed"]
            if aim is not None and agreement["completed"]
            else None
        )
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

    goal_rows = _goal_rows(report, figures)
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
        "differences": published_differences(report.start, report.end, figures),
        "without_outcome": completed_without_outcome(report.start, report.end),
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
        "generated": timezone.localdate(),
    }


def report_for_period(start: date, end: date) -> ReportPeriod:
    """The stored report for exactly this period, or an unsaved one titled by its year."""
    report = ReportPeriod.objects.filter(start=start, end=end).first()
    return report or ReportPeriod(
        title=f"Den Socialøkonomiske Årsrapport {start.year}", start=start, end=end
    )


def render_report_html(report: ReportPeriod, *, web: dict | None = None) -> str:
    """The whole report as one self-contained HTML file (CSS and charts inline)."""
    return render_to_string("reports/annual_report.html", {**report_context(report), "web": web})


def render_summary_html(report: ReportPeriod, *, web: dict | None = None) -> str:
    """The one-page committee summary: status on the strategy's goals."""
    return render_to_string("reports/summary.html", {**report_context(report), "web": web})


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
