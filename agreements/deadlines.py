"""What needs a consultant now: the deadlines of the courses, documents waiting to be
received, courses ended without an outcome, and each agreement's capacity use. Read-only
selectors, computed for a given day so they can be tested with frozen time; which courses
are in which state is CourseQuerySet's (agreements/models.py), as everywhere else."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max

from agreements.models import (
    Agreement,
    Course,
    CourseQuerySet,
    Evaluation,
    Plan,
    SubmissionStatus,
    overlaps,
)

#: Deadlines this many days ahead count as "due soon".
HORIZON_DAYS = 14
#: Rows shown per list on the dashboard; the full lists are one click away.
SHOWN = 25


@dataclass(frozen=True)
class Deadline:
    course: Course
    due: date
    today: date

    @property
    def overdue_days(self) -> int:
        return (self.today - self.due).days

    @property
    def days_left(self) -> int:
        return (self.due - self.today).days

    @property
    def overdue(self) -> bool:
        return self.due < self.today


@dataclass(frozen=True)
class Capacity:
    agreement: Agreement
    ongoing: int

    @property
    def free(self) -> int | None:
        cap = self.agreement.capacity
        return None if cap is None else cap - self.ongoing

    @property
    def share(self) -> int | None:
        cap = self.agreement.capacity
        return round(100 * self.ongoing / cap) if cap else None


@dataclass(frozen=True)
class Due:
    """A dashboard list: how many in all, and the oldest SHOWN of them (deadlines, or
    courses for the list without an outcome)."""

    total: int
    rows: list[Deadline] | list[Course]


def _due(candidates, due_of, today: date, order: tuple[str, ...]) -> Due:
    rows = [Deadline(c, due_of(c), today) for c in candidates.order_by(*order)[:SHOWN]]
    return Due(candidates.count(), rows)


def plans_due(courses, today: date) -> Due:
    """Running courses without a received or submitted plan whose deadline (start + the
    agreement's plan deadline) is passed or within the horizon."""
    candidates = _plans_due(courses, today)
    return _due(candidates, lambda c: c.plan_due, today, ("start", "reference"))


def _plans_due(courses, today: date):
    return courses.plan_due(today, HORIZON_DAYS).select_related("agreement")


def follow_ups_due(courses, today: date) -> Due:
    """Open courses whose next follow-up (the latest evaluation, or the start, plus the
    agreement's follow-up interval) is passed or within the horizon."""

    def due(course):
        return course.follow_up_from + timedelta(days=course.agreement.follow_up_days)

    candidates = _follow_ups(courses, today)
    return _due(candidates, due, today, ("follow_up_slack", "reference"))


def _follow_ups(courses, today: date):
    return courses.follow_up_due(today, HORIZON_DAYS).select_related("agreement")


def final_evaluations_overdue(courses, today: date) -> Due:
    """Ended courses without a final evaluation after the agreement's deadline."""

    def due(course):
        return course.end + timedelta(days=course.agreement.final_evaluation_deadline_days)

    return _due(_finals_overdue(courses, today), due, today, ("-end", "reference"))


def _finals_overdue(courses, today: date):
    return courses.final_evaluation_overdue(today).select_related("agreement")


def documents_waiting(courses):
    """Plans and evaluations submitted by enterprises, waiting to be received or returned."""
    plans = Plan.objects.filter(status=SubmissionStatus.SUBMITTED, course__in=courses)
    evaluations = Evaluation.objects.filter(status=SubmissionStatus.SUBMITTED, course__in=courses)
    documents = [
        *plans.select_related("course", "course__agreement"),
        *evaluations.select_related("course", "course__agreement"),
    ]
    return sorted(documents, key=lambda d: d.submitted_at)


def documents_returned(courses):
    """Plans and evaluations a consultant sent back: the enterprise's to-do."""
    plans = Plan.objects.filter(status=SubmissionStatus.RETURNED, course__in=courses)
    evaluations = Evaluation.objects.filter(status=SubmissionStatus.RETURNED, course__in=courses)
    return [*plans.select_related("course"), *evaluations.select_related("course")]


def capacity_today(agreements, today: date) -> list[Capacity]:
    """Each agreement active today: its ongoing courses against its slots."""
    active = (
        agreements.filter(overlaps("start", "end", today, today))
        .annotate(
            ongoing=Count("courses", filter=CourseQuerySet.ongoing_q(today, prefix="courses__"))
        )
        .select_related("enterprise")
        .order_by("name")
    )
    return [Capacity(agreement, agreement.ongoing) for agreement in active]


def courses_ended_without_outcome(courses, today: date):
    return courses.completed_by(today).without_outcome().order_by("end", "reference")


def ended_without_outcome(courses, today: date) -> Due:
    """The start page's list of ended courses without an outcome, counted and read once."""
    candidates = courses_ended_without_outcome(courses, today)
    return Due(candidates.count(), list(candidates[:SHOWN]))


#: Records whose newest date is this many days old are a closed data set (the demo, an
#: archive): the start page opens at their last day instead of counting years of overdue.
STALE_DAYS = 90


def records_last_day(courses) -> date | None:
    """The newest start or end date of the courses (two indexed maxima)."""
    found = courses.aggregate(start=Max("start"), end=Max("end"))
    days = [d for d in found.values() if d]
    return max(days) if days else None


def opening_day(courses, today: date) -> date | None:
    """The day the start page opens at when the records stop long before today: their last
    day (said plainly on the page); None when the records are current."""
    last = records_last_day(courses)
    if last and (today - last).days > STALE_DAYS:
        return last
    return None


def references_shown(context: dict) -> list[str]:
    """Every course reference the start page shows: for the access log."""
    references = []
    for key in ("plans_due", "follow_ups_due", "finals_overdue"):
        if key in context:
            references += [row.course.reference for row in context[key].rows]
    for key in ("waiting", "returned"):
        references += [document.course.reference for document in context.get(key, [])]
    if "without_outcome" in context:
        references += [c.reference for c in context["without_outcome"].rows]
    return references


#: The start page's deadline lists, as the course list filters them (?frist=…&dato=…):
#: every "Viser 25 af 51" leads to the 51.
DEADLINE_LISTS = {
    "plan": "Planer, der mangler",
    "opfoelgning": "Opfølgninger",
    "slutevaluering": "Slutevalueringer over fristen",
}


def deadline_courses(kind: str, courses, today: date):
    """All the courses of one of the start page's deadline lists, as a queryset."""
    if kind == "plan":
        return _plans_due(courses, today)
    if kind == "slutevaluering":
        return _finals_overdue(courses, today)
    return _follow_ups(courses, today)
