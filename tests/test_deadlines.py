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


def _refs(rows):
    return [r.course.reference for r in rows]


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
    rows = deadlines.plans_due(Course.objects.all(), TODAY)
    assert _refs(rows) == ["late", "soon"]
    assert rows[0].overdue and rows[0].overdue_days == 30
    assert not rows[1].overdue and rows[1].days_left == 9


def test_follow_up_counts_from_the_latest_evaluation(agreement):
    quiet = CourseFactory(agreement=agreement, reference="quiet", start=date(2022, 12, 1))
    followed = CourseFactory(agreement=agreement, reference="followed", start=date(2022, 12, 1))
    EvaluationFactory(course=followed, date=date(2023, 2, 20), status="received")
    EvaluationFactory(course=quiet, date=date(2023, 2, 20), status="draft")  # not delivered
    rows = deadlines.follow_ups_due(Course.objects.all(), TODAY)
    assert _refs(rows) == ["quiet"]
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
        page = client.get(reverse("reports:home")).content.decode()
    assert "Det venter pr. 01.03.2023" in page
    assert "D23-0009" in page and "30.01.2023" in page and "30 dage over" in page
    assert "D22-0100" in page  # ended without an outcome, and no final evaluation
    assert "150 %" not in page and "50 %" in page  # one ongoing course of two slots
    # The same page for another day.
    page = client.get(reverse("reports:home"), {"dato": "2023-01-05"}).content.decode()
    assert "Det venter pr. 05.01.2023" in page
