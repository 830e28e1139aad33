"""The consultant's start page: deadlines computed for a given day (frozen time)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from agreements import deadlines
from agreements.models import Course, SubmissionStatus
from tests.factories import AgreementFactory, CourseFactory, EvaluationFactory, PlanFactory

pytestmark = pytest.mark.django_db
TODAY = date(2023, 3, 1)


@pytest.fixture
def agreement():
    return AgreementFactory(
        name="Værkstedet",
        capacity=2,
        start=date(2022, 1, 1),
        plan_deadline_days=28,
        follow_up_days=28,
        final_evaluation_deadline_days=14,
    )


def _refs(due):
    assert due.total == len(due.rows)
    return [r.course.reference for r in due.rows]


def test_plans_due_and_overdue(agreement):
    CourseFactory(agreement=agreement, reference="late", start=date(2023, 1, 2))  # due 30.01
    CourseFactory(agreement=agreement, reference="soon", start=date(2023, 2, 10))  # due 10.03
    CourseFactory(agreement=agreement, reference="later", start=date(2023, 2, 25))  # due 25.03
    has_plan = CourseFactory(agreement=agreement, reference="planned", start=date(2023, 1, 2))
    PlanFactory(course=has_plan, status=SubmissionStatus.SUBMITTED)
    CourseFactory(
        agreement=agreement,
        reference="received",
        start=date(2023, 1, 2),
        plan_received=date(2023, 1, 20),
    )
    due = deadlines.plans_due(Course.objects.all(), TODAY)
    rows = due.rows
    assert _refs(due) == ["late", "soon"]
    assert rows[0].overdue and rows[0].overdue_days == 30
    assert not rows[1].overdue and rows[1].days_left == 9


def test_follow_up_counts_from_the_latest_evaluation(agreement):
    quiet = CourseFactory(agreement=agreement, reference="quiet", start=date(2022, 12, 1))
    followed = CourseFactory(agreement=agreement, reference="followed", start=date(2022, 12, 1))
    EvaluationFactory(course=followed, date=date(2023, 2, 20), status="received")
    EvaluationFactory(course=quiet, date=date(2023, 2, 20), status="draft")  # not delivered
    due = deadlines.follow_ups_due(Course.objects.all(), TODAY)
    rows = due.rows
    assert _refs(due) == ["quiet"]
    assert rows[0].due == date(2022, 12, 29)


def test_final_evaluations_overdue(agreement):
    CourseFactory(
        agreement=agreement, reference="overdue", start=date(2022, 6, 1), end=date(2023, 2, 1)
    )  # due 15.02
    CourseFactory(
        agreement=agreement, reference="in-time", start=date(2022, 6, 1), end=date(2023, 2, 20)
    )  # due 06.03
    CourseFactory(
        agreement=agreement,
        reference="delivered",
        start=date(2022, 6, 1),
        end=date(2023, 1, 1),
        final_evaluation_received=date(2023, 1, 5),
    )
    assert _refs(deadlines.final_evaluations_overdue(Course.objects.all(), TODAY)) == ["overdue"]


def test_capacity_today_counts_ongoing_courses_against_the_slots(agreement):
    for ref, start, end in [
        ("a", date(2023, 1, 1), None),
        ("b", date(2022, 6, 1), None),
        ("c", date(2022, 6, 1), date(2023, 3, 1)),  # ends today: counts
        ("d", date(2022, 6, 1), date(2023, 2, 1)),  # ended
        ("e", date(2023, 4, 1), None),
    ]:  # not started
        CourseFactory(agreement=agreement, reference=ref, start=start, end=end)
    AgreementFactory(name="Ophørt", start=date(2020, 1, 1), end=date(2021, 12, 31))
    [row] = deadlines.capacity_today(deadlines.Agreement.objects.all(), TODAY)
    assert (row.agreement, row.ongoing, row.free, row.share) == (agreement, 3, -1, 150)


def test_start_page_shows_what_needs_the_consultant(client, consultant, agreement):
    CourseFactory(agreement=agreement, reference="D23-0009", start=date(2023, 1, 2))
    CourseFactory(
        agreement=agreement, reference="D22-0100", start=date(2022, 6, 1), end=date(2023, 1, 15)
    )
    client.force_login(consultant)
    with time_machine.travel("2023-03-01 09:00 +01:00", tick=False):
        page = client.get(reverse("agreements:home")).content.decode()
    assert "Det venter pr. 01.03.2023" in page
    assert "D23-0009" in page and "30.01.2023" in page and "30 dage over" in page
    assert "D22-0100" in page  # ended without an outcome, and no final evaluation
    assert "150 %" not in page and "50 %" in page  # one ongoing course of two slots
    # The same page for another day.
    page = client.get(reverse("agreements:home"), {"dato": "2023-01-05"}).content.decode()
    assert "Det venter pr. 05.01.2023" in page
    assert "Kapacitet pr. 05.01.2023" in page  # the capacity of the day shown, not "i dag"


def test_deadlines_follow_each_agreements_own_number_of_days(agreement):
    strict = AgreementFactory(
        name="Streng",
        start=date(2022, 1, 1),
        plan_deadline_days=7,
        final_evaluation_deadline_days=3,
    )
    AgreementFactory(name="Uden plan", start=date(2022, 1, 1), plan_deadline_days=None)
    CourseFactory(agreement=strict, reference="strict", start=date(2023, 2, 1))  # due 08.02
    CourseFactory(agreement=agreement, reference="normal", start=date(2023, 2, 1))  # due 01.03
    CourseFactory(agreement=agreement, reference="later", start=date(2023, 2, 20))  # 20.03
    no_plan = deadlines.Agreement.objects.get(name="Uden plan")
    CourseFactory(agreement=no_plan, reference="free", start=date(2022, 2, 1))
    due = deadlines.plans_due(Course.objects.all(), TODAY)
    assert _refs(due) == ["normal", "strict"]  # oldest start first; "later" is 19 days off
    assert {r.course.reference: r.due for r in due.rows} == {
        "strict": date(2023, 2, 8),
        "normal": date(2023, 3, 1),
    }
    CourseFactory(
        agreement=strict, reference="ended", start=date(2022, 6, 1), end=date(2023, 2, 25)
    )  # due 28.02: overdue
    CourseFactory(
        agreement=agreement, reference="ended-too", start=date(2022, 6, 1), end=date(2023, 2, 25)
    )  # due 11.03: not yet
    assert _refs(deadlines.final_evaluations_overdue(Course.objects.all(), TODAY)) == ["ended"]
