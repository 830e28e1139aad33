"""Data-quality checks: every problem that would make a report's figure wrong, each with a
link to the record. check_data, the Datakvalitet page and the report's appendix use these
(the appendix: published_differences and completed_without_outcome from reports.quality)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Q
from django.urls import reverse

from agreements.models import Agreement, Course
from enterprises.models import Grant, Hire, Placement
from reports.formatting import dk_int
from reports.quality import courses_without_outcome, published_differences
from reports.selectors import report_figures

LONGER_THAN_STANDARD = 1.5  # a course this many times its standard length is "far longer"


@dataclass(frozen=True)
class Finding:
    check: str
    text: str
    url: str = ""


def _admin(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def _courses(start: date, end: date):
    return Course.objects.participants(start, end).select_related("agreement")


def completed_without_outcome(start, end, today):
    rows = courses_without_outcome(start, end).select_related("agreement")
    for c in rows.order_by("agreement__name", "reference"):
        yield Finding(
            "Afsluttet uden resultat",
            f"{c.reference} ({c.agreement.name}) sluttede {c.end:%d.%m.%Y} uden resultat.",
            _admin(c),
        )


def plan_overdue(start, end, today):
    rows = _courses(start, end).filter(
        plan_received__isnull=True, agreement__plan_deadline_days__isnull=False
    )
    for c in rows.order_by("agreement__name", "reference"):
        due = c.start + timedelta(days=c.agreement.plan_deadline_days)
        if due < min(today, end):
            yield Finding(
                "Plan mangler efter fristen",
                f"{c.reference} ({c.agreement.name}): plan skulle være modtaget {due:%d.%m.%Y}.",
                _admin(c),
            )


def too_long(start, end, today):
    rows = _courses(start, end).filter(extended_until__isnull=True)
    for c in rows.order_by("agreement__name", "reference"):
        last = min(c.end or today, today)
        limit = timedelta(weeks=c.agreement.standard_weeks * LONGER_THAN_STANDARD)
        if last - c.start > limit:
            weeks = (last - c.start).days // 7
            yield Finding(
                "Langt over standardlængden",
                f"{c.reference} ({c.agreement.name}) har varet {weeks} uger mod "
                f"{c.agreement.standard_weeks} uger, uden registreret forlængelse.",
                _admin(c),
            )


def over_capacity(start, end, today):
    agreements = Agreement.objects.filter(capacity__isnull=False).order_by("name")
    spans: dict[int, list[tuple[date, date]]] = {}
    for c in Course.objects.participants(start, end).filter(agreement__capacity__isnull=False):
        spans.setdefault(c.agreement_id, []).append((max(c.start, start), min(c.end or end, end)))
    for agreement in agreements:
        events = []
        for first, last in spans.get(agreement.pk, []):
            events += [(first, 1), (last + timedelta(days=1), -1)]
        running, peak, peak_day = 0, 0, None
        for day, step in sorted(events, key=lambda e: (e[0], e[1])):
            running += step
            if running > peak:
                peak, peak_day = running, day
        if peak > agreement.capacity:
            yield Finding(
                "Flere forløb end rammen",
                f"{agreement.name}: {peak} samtidige forløb {peak_day:%d.%m.%Y} mod en ramme "
                f"på {agreement.capacity}.",
                _admin(agreement),
            )


def outside_membership(start, end, today):
    for model, what in ((Grant, "Bevilling"), (Hire, "Ansættelse"), (Placement, "Praktik")):
        rows = (
            model.objects.filter(date__range=(start, end))
            .filter(Q(date__lt=F("enterprise__joined")) | Q(date__gte=F("enterprise__left")))
            .select_related("enterprise")
            .order_by("date")
        )
        for r in rows:
            yield Finding(
                "Dateret uden for medlemskabet",
                f"{what} {r.reference} ({r.date:%d.%m.%Y}) hos {r.enterprise.name}, som er "
                f"med i feltet fra {r.enterprise.joined:%d.%m.%Y}"
                + (f" til {r.enterprise.left:%d.%m.%Y}." if r.enterprise.left else "."),
                _admin(r),
            )


def published_differs(start, end, today):
    figures = report_figures(start=start, end=end)
    for d in published_differences(start, end, figures):
        yield Finding(
            "Offentliggjort tal afviger",
            f"{d.label}: {d.document} skriver {d.stated_as or d.published}, "
            f"registreringerne giver {dk_int(d.computed)}.",
            reverse("admin:reports_publishedfigure_changelist"),
        )


def _shape(reference: str) -> str:
    text = re.sub(r"[^0-9a-z]", "", reference.casefold())
    return text.translate(str.maketrans("oil", "011"))


def similar_references(start, end, today):
    groups: dict[str, list] = {}
    for c in Course.objects.only("pk", "reference").order_by("reference"):
        groups.setdefault(_shape(c.reference), []).append(c)
    for courses in groups.values():
        if len(courses) > 1:
            refs = ", ".join(c.reference for c in courses)
            yield Finding(
                "Referencer der ligner hinanden",
                f"{refs}: samme borger tastet to gange, eller en tastefejl?",
                _admin(courses[0]),
            )


CHECKS = [
    completed_without_outcome,
    plan_overdue,
    too_long,
    over_capacity,
    outside_membership,
    published_differs,
    similar_references,
]


def data_check(*, start: date, end: date, today: date) -> list[Finding]:
    """Every finding of every check for the period."""
    return [finding for check in CHECKS for finding in check(start, end, today)]
