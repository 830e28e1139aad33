"""Data quality, in one module: every check that the Datakvalitet page, ``check_data``
(docs/data-quality.md) and the report's data-quality appendix (reports.appendix) run, each
finding with its stable code; and the published figures the records do not bear out
(the report's own table of them, and the check that lists them).

A check is a function (start, end, today) → findings, marked with the codes it gives and
their titles (``@coded``); CHECKS lists them in the order the findings are shown. Course
states come from agreements.models.CourseQuerySet, the activities' figure-series rules
from activities.irregularities."""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import wraps
from typing import ClassVar

from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Least
from django.urls import reverse

from activities.irregularities import LABELS as ACTIVITY_LABELS
from activities.irregularities import period_flags
from agreements.models import Agreement, Course
from enterprises.models import Grant, Hire, Placement
from reports.models import PublishedFigure
from reports.selectors import report_figures
from socialeconomy.db import DaysBetween
from socialeconomy.formatting import dk_int
from socialeconomy.suppression import is_hidden

LONGER_THAN_STANDARD = 1.5  # a course this many times its standard length is "far longer"
_TWICE_THE_DAYS_A_WEEK = round(2 * 7 * LONGER_THAN_STANDARD)  # the rule in whole numbers (21)
PUBLISHED_DIFFERS = "Offentliggjort tal afviger"


@dataclass(frozen=True)
class Finding:
    text: str  # Danish, with the figures involved
    url: str = ""  # the page where it is put right
    record: str = ""  # the record as a user knows it: a reference, an agreement's name…
    code: str = ""  # stable, as docs/data-quality.md fixes it (set by @coded)
    check: str = ""  # the code's title, as the pages head the findings (set by @coded)


def coded(**titles: str):
    """Make a function (start, end, today) → findings a data-quality check: ``titles`` maps
    each code its findings carry to the title they are shown under. A check with one code
    leaves code and title out of its findings; a check with several gives each finding
    its code. Either way the finding leaves here with both."""

    def mark(function):
        @wraps(function)
        def check(start: date, end: date, today: date):
            for finding in function(start, end, today):
                code = finding.code or _only(titles)
                yield replace(finding, code=code, check=titles[code])

        check.titles = titles
        return check

    return mark


def _only(titles: dict[str, str]) -> str:
    if len(titles) != 1:
        raise ValueError(f"A finding of a check with codes {', '.join(titles)} must name one.")
    return next(iter(titles))


@dataclass(frozen=True)
class FigureDifference:
    code: ClassVar[str] = "published_figure_differs"  # as published_differs below
    key: str
    label: str
    document: str
    published: int
    stated_as: str
    computed: object  # a count, None, or Hidden in the public version

    @property
    def difference(self) -> int | None:
        if self.computed is None or is_hidden(self.computed):
            return None
        return self.computed - self.published


def lookup(figures: dict, dotted: str):
    value = figures
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def published_differences(start: date, end: date, figures: dict) -> list[FigureDifference]:
    """Published figures for exactly this period that the records do not bear out."""
    found = []
    for figure in PublishedFigure.objects.filter(period_start=start, period_end=end):
        computed = lookup(figures, figure.key)
        if computed != figure.value:
            found.append(
                FigureDifference(
                    key=figure.key,
                    label=figure.get_key_display(),
                    document=figure.document,
                    published=figure.value,
                    stated_as=figure.stated_as,
                    computed=computed,
                )
            )
    return found


def without_outcome_by_agreement(start: date, end: date) -> list[dict]:
    """Per agreement: the courses completed_without_outcome finds, with their references
    (the full report's table)."""
    rows = (
        Course.objects.completed(start, end)
        .without_outcome()
        .values("agreement__name", "reference")
        .order_by("agreement__name", "reference")
    )
    grouped: dict[str, list[str]] = {}
    for row in rows:
        grouped.setdefault(row["agreement__name"], []).append(row["reference"])
    return [
        {
            "code": "course_without_outcome",
            "agreement": name,
            "count": len(refs),
            "references": refs,
        }
        for name, refs in grouped.items()
    ]


def _link(obj) -> str:
    """The record's own page in the app, where a consultant can correct it."""
    return obj.get_absolute_url()


def _courses(start: date, end: date):
    return Course.objects.participants(start, end).select_related("agreement")


@coded(course_without_outcome="Afsluttet uden resultat")
def completed_without_outcome(start, end, today):
    rows = Course.objects.completed(start, end).without_outcome().select_related("agreement")
    for c in rows.order_by("agreement__name", "reference"):
        yield Finding(
            f"{c.reference} ({c.agreement.name}) sluttede {c.end:%d.%m.%Y} uden resultat.",
            _link(c),
            record=c.reference,
        )


def _measured_to(end: date, today: date) -> date:
    """Durations and deadlines are judged at the period's end (or today, while the period
    is still running), so a past period's findings do not change as time goes by."""
    return min(end, today)


@coded(plan_overdue="Plan mangler efter fristen")
def plan_overdue(start, end, today):
    cutoff = _measured_to(end, today)
    rows = _courses(start, end).plan_overdue(cutoff)
    for c in rows.order_by("agreement__name", "reference"):
        yield Finding(
            f"{c.reference} ({c.agreement.name}): plan skulle være modtaget {c.plan_due:%d.%m.%Y}.",
            _link(c),
            record=c.reference,
        )


@coded(course_too_long="Langt over standardlængden")
def too_long(start, end, today):
    """Courses that lasted over LONGER_THAN_STANDARD times their standard length (to their
    end, or to the period's end if later), counted in the database: only those rows are read."""
    cutoff = Value(_measured_to(end, today))
    rows = (
        _courses(start, end)
        .filter(extended_until__isnull=True)
        .annotate(days=DaysBetween(Least(Coalesce("end", cutoff), cutoff), F("start")))
        # days > weeks × 7 × LONGER_THAN_STANDARD, in whole numbers: 2 × days > 21 × weeks
        .alias(over=F("days") * 2 - F("agreement__standard_weeks") * _TWICE_THE_DAYS_A_WEEK)
        .filter(over__gt=0)
    )
    for c in rows.order_by("agreement__name", "reference"):
        yield Finding(
            f"{c.reference} ({c.agreement.name}) har varet {c.days // 7} uger mod "
            f"{c.agreement.standard_weeks} uger, uden registreret forlængelse.",
            _link(c),
            record=c.reference,
        )


@coded(agreement_over_capacity="Flere forløb end rammen")
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
                f"{agreement.name}: {peak} samtidige forløb {peak_day:%d.%m.%Y} mod en ramme "
                f"på {agreement.capacity}.",
                _link(agreement),
                record=agreement.name,
            )


@coded(dated_outside_membership="Dateret uden for medlemskabet")
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
                f"{what} {r.reference} ({r.date:%d.%m.%Y}) hos {r.enterprise.name}, som er "
                f"med i feltet fra {r.enterprise.joined:%d.%m.%Y}"
                + (f" til {r.enterprise.left:%d.%m.%Y}." if r.enterprise.left else "."),
                _link(r),
                record=r.reference,
            )


def _as_stated(difference) -> str:
    """The published figure as the document words it, quoted, with the number it means
    when the wording says otherwise (the 2022 report's «9.553.911 mio. kr.» is 9.553.911)."""
    number = dk_int(difference.published)
    stated = difference.stated_as
    if not stated or stated == number:
        return number
    return f"«{stated}» (tallet {number})"


def difference_text(difference) -> str:
    """The sentence of a published figure the records no longer give, as the data-quality
    page and the report's deviations both state it."""
    return (
        f"{difference.label}: {difference.document} skriver {_as_stated(difference)}, "
        f"registreringerne giver {dk_int(difference.computed)}."
    )


@coded(**{FigureDifference.code: PUBLISHED_DIFFERS})
def published_differs(start, end, today):
    figures = report_figures(start=start, end=end)
    for d in published_differences(start, end, figures):
        yield Finding(
            difference_text(d),
            reverse("admin:reports_publishedfigure_changelist"),
            record=d.label,
        )


LOOK_ALIKE = str.maketrans("oilszb", "011528")  # letters read as the digit they resemble


def _shape(reference: str) -> str:
    """What a reference looks like: case, spaces and dashes ignored, and the letters that
    resemble digits read as those digits (O as 0, I and l as 1, S as 5, Z as 2, B as 8)."""
    return _SEPARATORS.sub("", reference.casefold()).translate(LOOK_ALIKE)


def _unpadded(reference: str) -> str:
    """The shape with leading zeros dropped from each number: D22-0191 and D22-191 agree."""
    text = _SEPARATORS.sub("-", reference.casefold().translate(LOOK_ALIKE))
    return _LEADING_ZEROS.sub("", text)


_SEPARATORS = re.compile(r"[^0-9a-z]+")
_LEADING_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def _typos(shape: str):
    """The shapes one keystroke from this one in a way that is a typo and not simply another
    reference: a letter too many, or a letter and a neighbour transposed. Not a digit for a
    digit (D22-0192), two digits transposed (D22-0119) or a digit more (D22-01911): those are
    other numbers of a series; and not a letter for a letter (E22-0191): that is another
    series. Every such typo involves a letter, so the neighbours are made from the letters,
    and 100,000 references are never compared pairwise."""
    for i, char in enumerate(shape):
        if not char.isalpha():
            continue
        yield shape[:i] + shape[i + 1 :]
        for j in (i - 1, i + 1):
            if 0 <= j < len(shape) and shape[j] != char:
                swapped = list(shape)
                swapped[i], swapped[j] = shape[j], char
                yield "".join(swapped)


def reference_lookalikes(references) -> list[list[str]]:
    """Groups of references that look alike: the same shape, the same but for leading zeros,
    or shapes one typo apart (chained: a ~ b and b ~ c put a, b and c in one group)."""
    by_shape: dict[str, list[str]] = {}
    unpadded: dict[str, list[str]] = {}
    for reference in references:
        shape = _shape(reference)
        by_shape.setdefault(shape, []).append(reference)
        unpadded.setdefault(_unpadded(reference), []).append(shape)
    parent = {shape: shape for shape in by_shape}

    def root(shape: str) -> str:
        while parent[shape] != shape:
            parent[shape] = parent[parent[shape]]
            shape = parent[shape]
        return shape

    def join(a: str, b: str) -> None:
        parent[root(a)] = root(b)

    for shapes in unpadded.values():
        for shape in shapes[1:]:
            join(shape, shapes[0])
    for shape in by_shape:
        for near in _typos(shape):
            if near in parent:
                join(shape, near)
    groups: dict[str, list[str]] = {}
    for shape, refs in by_shape.items():
        groups.setdefault(root(shape), []).extend(refs)
    return sorted(sorted(refs) for refs in groups.values() if len(refs) > 1)


@coded(references_look_alike="Referencer der ligner hinanden")
def similar_references(start, end, today):
    """Look-alikes among the references of the period's courses (read in no particular
    order: the model's default ordering would sort them all on disk first)."""
    in_period = Course.objects.participants(start, end).order_by()
    pks = dict(in_period.values_list("reference", "pk"))
    for refs in reference_lookalikes(pks):
        yield Finding(
            f"{', '.join(refs)}: samme borger tastet to gange, eller en tastefejl?",
            reverse("agreements:course", args=[pks[refs[0]]]),
            record=", ".join(refs),
        )


@coded(course_open_after_agreement="Forløb i gang under en afsluttet aftale")
def open_after_agreement(start, end, today):
    """Courses still open (no end date) under an agreement that has ended: the end date or
    the outcome was never recorded, or the course belongs under a later agreement."""
    by_day = min(end, today)
    courses = (
        Course.objects.open()
        .filter(agreement__end__lt=by_day, start__lte=end)
        .select_related("agreement")
        .order_by("agreement__name", "reference")
    )
    for course in courses:
        yield Finding(
            f"{course.reference} står stadig som i gang, men aftalen {course.agreement.name} "
            f"sluttede {course.agreement.end:%d.%m.%Y}.",
            _link(course),
            record=course.reference,
        )


@coded(**ACTIVITY_LABELS)
def activity_irregularities(start, end, today):
    """The irregularities in the activities' figure series (activities.irregularities) on
    figures whose period overlaps [start, end], by rule, activity and period."""
    order = list(ACTIVITY_LABELS)
    flags = sorted(
        period_flags(start, end),
        key=lambda f: (order.index(f.code), f.figure.activity.name, f.figure.parsed_period),
    )
    for flag in flags:
        yield Finding(
            flag.message,
            flag.figure.activity.get_absolute_url(),
            code=flag.code,
            record=flag.figure.activity.name,
        )


CHECKS = [
    completed_without_outcome,
    plan_overdue,
    too_long,
    over_capacity,
    outside_membership,
    published_differs,
    similar_references,
    open_after_agreement,
    activity_irregularities,
]
TITLES = {code: title for check in CHECKS for code, title in check.titles.items()}


def data_check(*, start: date, end: date, today: date) -> list[Finding]:
    """Every finding of every check for the period."""
    return [finding for check in CHECKS for finding in check(start, end, today)]
