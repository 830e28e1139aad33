"""«Ny rapport ud fra denne»: the next period's report, started from this one: the same
period a year later, the title's year moved on, and the narrative texts copied as the
first draft (figures are always computed from the records, so nothing else is copied)."""

import re
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from reports.models import ReportPeriod, ReportSection


def _a_year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@dataclass(frozen=True)
class Successor:
    title: str
    start: date
    end: date
    existing: ReportPeriod | None  # the next period's report, when it is there already


def report_successor(report: ReportPeriod) -> Successor:
    start, end = _a_year_later(report.start), _a_year_later(report.end)
    title = re.sub(r"\b(19|20)\d\d\b", lambda m: str(int(m.group()) + 1), report.title)
    if title == report.title:
        title = f"{report.title} {start.year}"
    existing = ReportPeriod.objects.filter(start=start, end=end).first()
    return Successor(title, start, end, existing)


@transaction.atomic
def report_create_successor(report: ReportPeriod) -> ReportPeriod:
    """Create the next period's report with this one's texts; the existing one if made."""
    plan = report_successor(report)
    if plan.existing:
        return plan.existing
    successor = ReportPeriod.objects.create(
        title=plan.title, subtitle=report.subtitle, start=plan.start, end=plan.end
    )
    ReportSection.objects.bulk_create(
        ReportSection(report=successor, key=s.key, text=s.text) for s in report.sections.all()
    )
    return successor
