"""A course's states are defined once (CourseQuerySet): the start page, the course list,
the data-quality checks and the report's figures find the same courses in each state."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import RequestFactory

from agreements import deadlines
from agreements.filters import CourseFilter
from agreements.models import Course, CourseQuerySet, EvaluationKind, SubmissionStatus
from reports import quality
from reports.selectors import report_figures
from tests.factories import AgreementFactory, CourseFactory, EvaluationFactory, PlanFactory

pytestmark = pytest.mark.django_db
START, END = date(2022, 1, 1), date(2022, 12, 31)
TODAY = END  # deadlines measured on the period's last day: the checks' day and the start page's
HORIZON = deadlines.HORIZON_DAYS


@pytest.fixture
def courses():
    """One course in each state on TODAY, and the edges between them."""
    agreement = AgreementFactory(
        name="Værkstedet",
        capacity=10,
        start=date(2021, 1, 1),
        plan_deadline_days=28,
        follow_up_days=28,
        final_evaluation_deadline_days=14,
    )
    no_plan_needed = AgreementFactory(name="Frivillig", start=date(2021, 1, 1))
    no_plan_needed.plan_deadline_days = None
    no_plan_needed.save()

    def course(reference, start, end=None, outcome="", plan=None, final=None, on=agreement):
        return CourseFactory(
            reference=reference,
            agreement=on,
            start=start,
            end=end,
            outcome=outcome,
            plan_received=plan,
            final_evaluation_received=final,
        )

    # Ends on the period's last day: completed in the period, yet running (holding a slot)
    # that day; its final evaluation is not due until 14.01.2023.
    course("LAST-DAY", date(2022, 6, 1), date(2022, 12, 31), plan=date(2022, 6, 10))
    course("NO-OUTCOME", date(2022, 2, 1), date(2022, 5, 31), plan=date(2022, 2, 10))
    course(
        "DONE",
        date(2022, 2, 1),
        date(2022, 6, 30),
        outcome="education",
        plan=date(2022, 2, 10),
        final=date(2022, 7, 5),
    )
    # Received after its deadline (31.03 + 14 days): late in the report, not overdue.
    course(
        "RECEIVED-LATE",
        date(2022, 1, 10),
        date(2022, 3, 31),
        outcome="education",
        plan=date(2022, 1, 20),
        final=date(2022, 5, 1),
    )
    delivered = course(
        "FINAL-DELIVERED", date(2022, 3, 1), date(2022, 8, 31), "education", date(2022, 3, 5)
    )
    EvaluationFactory(
        course=delivered,
        kind=EvaluationKind.FINAL,
        date=date(2022, 9, 5),
        status=SubmissionStatus.SUBMITTED,
        work_capacity="Kan arbejde 15 timer om ugen.",
    )
    course("NO-PLAN", date(2022, 11, 1))  # plan due 29.11
    submitted = course("PLAN-SUBMITTED", date(2022, 11, 1))
    PlanFactory(course=submitted, status=SubmissionStatus.SUBMITTED)
    course("PLAN-DUE-TODAY", date(2022, 12, 3))  # plan due 31.12: not yet overdue
    followed = course("FOLLOWED", date(2022, 10, 1), plan=date(2022, 10, 10))
    EvaluationFactory(course=followed, date=date(2022, 12, 20), status=SubmissionStatus.RECEIVED)
    course("NEEDS-NO-PLAN", date(2022, 11, 1), on=no_plan_needed)
    course("ENDED-BEFORE", date(2021, 3, 1), date(2021, 12, 31))  # not a participant
    course("STARTS-LATER", date(2023, 1, 2))  # not a participant


def refs(queryset) -> list[str]:
    return sorted(queryset.values_list("reference", flat=True))


def found(code: str) -> list[str]:
    findings = quality.data_check(start=START, end=END, today=TODAY)
    return sorted(f.record for f in findings if f.code == code)


def shown(due: deadlines.Due) -> list[str]:
    assert due.total == len(due.rows)
    return sorted(row.course.reference for row in due.rows)


def listed(kind: str) -> list[str]:
    return refs(deadlines.deadline_courses(kind, Course.objects.all(), TODAY))


def test_completed_and_continuing_split_the_participants_as_the_report_counts(courses):
    figures = report_figures(start=START, end=END)["courses"]
    completed = Course.objects.completed(START, END)
    continuing = Course.objects.continuing(START, END)
    assert refs(completed) == [
        "DONE",
        "FINAL-DELIVERED",
        "LAST-DAY",
        "NO-OUTCOME",
        "RECEIVED-LATE",
    ]
    assert figures["completed"] == completed.count()
    assert figures["ongoing"] == continuing.count() == 5
    assert figures["participants"] == Course.objects.participants(START, END).count() == 10
    # The last day: completed in the period's report, and running on the day itself.
    assert "LAST-DAY" not in refs(continuing)
    assert "LAST-DAY" in refs(Course.objects.ongoing(TODAY))
    capacity = deadlines.capacity_today(deadlines.Agreement.objects.all(), TODAY)
    assert sum(row.ongoing for row in capacity) == Course.objects.ongoing(TODAY).count()


def test_without_outcome_is_the_check_the_appendix_table_and_the_reports_unknown(courses):
    without = refs(Course.objects.completed(START, END).without_outcome())
    assert without == ["LAST-DAY", "NO-OUTCOME"]
    assert found("course_without_outcome") == without
    by_agreement = quality.without_outcome_by_agreement(START, END)
    assert sorted(r for row in by_agreement for r in row["references"]) == without
    outcomes = report_figures(start=START, end=END)["courses"]["outcomes"]
    assert outcomes["unknown"] == len(without)
    # The start page lists every course ended by the day without one, whatever the period.
    ended = deadlines.courses_ended_without_outcome(Course.objects.all(), TODAY)
    assert refs(ended) == ["ENDED-BEFORE", *without]


def test_plan_overdue_is_the_check_and_the_start_pages_overdue_rows(courses):
    overdue = Course.objects.participants(START, END).plan_overdue(TODAY)
    assert refs(overdue) == ["NO-PLAN", "PLAN-SUBMITTED"]
    assert found("plan_overdue") == refs(overdue)
    # The start page: running courses due within the horizon; a submitted plan waits among
    # the documents to receive, not here.
    due = Course.objects.plan_due(TODAY, HORIZON)
    assert refs(due) == ["NO-PLAN", "PLAN-DUE-TODAY"]
    plans = deadlines.plans_due(Course.objects.all(), TODAY)
    assert shown(plans) == listed("plan") == refs(due)
    late = sorted(row.course.reference for row in plans.rows if row.overdue)
    assert late == refs(overdue.exclude(plan__status=SubmissionStatus.SUBMITTED)) == ["NO-PLAN"]
    # The day after its deadline the plan due today is overdue too.
    tomorrow = date(2023, 1, 1)
    assert "PLAN-DUE-TODAY" in refs(Course.objects.plan_overdue(tomorrow))


def test_follow_up_due_is_the_start_page_and_the_list(courses):
    due = Course.objects.follow_up_due(TODAY, HORIZON)
    assert refs(due) == ["NEEDS-NO-PLAN", "NO-PLAN", "PLAN-DUE-TODAY", "PLAN-SUBMITTED"]
    follow_ups = deadlines.follow_ups_due(Course.objects.all(), TODAY)
    assert shown(follow_ups) == listed("opfoelgning") == refs(due)
    # Sorted by the day the follow-up falls (start + 28 days), then reference.
    assert [(r.course.reference, r.due) for r in follow_ups.rows] == [
        ("NEEDS-NO-PLAN", date(2022, 11, 29)),
        ("NO-PLAN", date(2022, 11, 29)),
        ("PLAN-SUBMITTED", date(2022, 11, 29)),
        ("PLAN-DUE-TODAY", date(2022, 12, 31)),
    ]
    # FOLLOWED was evaluated 20.12: next follow-up 17.01.2023, past the horizon (14.01).
    assert "FOLLOWED" in refs(Course.objects.follow_up_due(date(2023, 1, 3), HORIZON))


def test_final_evaluation_overdue_is_the_start_page_not_the_reports_late(courses):
    overdue = Course.objects.final_evaluation_overdue(TODAY)
    assert refs(overdue) == ["ENDED-BEFORE", "NO-OUTCOME"]
    finals = deadlines.final_evaluations_overdue(Course.objects.all(), TODAY)
    assert shown(finals) == listed("slutevaluering") == refs(overdue)
    [row] = [a for a in report_figures(start=START, end=END)["agreements"] if a["plans_received"]]
    assert row["final_evaluations_late"] == 1  # RECEIVED-LATE: received, after the deadline
    assert "RECEIVED-LATE" not in refs(overdue)
    completed = Course.objects.completed(START, END)
    on_time = completed.filter(CourseQuerySet.final_evaluation_on_time_q())
    assert refs(on_time) == ["DONE"]
    assert row["final_evaluations_received"] - row["final_evaluations_late"] == on_time.count()
    plans = Course.objects.participants(START, END).filter(CourseQuerySet.plan_on_time_q())
    assert row["plans_on_time"] == plans.count() == 6


def test_the_course_lists_status_and_outcome_filters_are_the_same_states(courses, consultant):
    request = RequestFactory().get("/")
    request.user = consultant

    def filtered(data):
        return refs(CourseFilter(data, queryset=Course.objects.all(), request=request).qs)

    assert filtered({"status": "ongoing"}) == refs(Course.objects.open())
    assert filtered({"status": "completed"}) == refs(Course.objects.ended())
    assert filtered({"outcome": "none"}) == refs(Course.objects.without_outcome())
    assert sorted(filtered({"status": "ongoing"}) + filtered({"status": "completed"})) == refs(
        Course.objects.all()
    )


def test_every_check_has_unique_codes_each_documented():
    codes = [code for check in quality.CHECKS for code in check.titles]
    assert len(codes) == len(set(codes)), codes
    assert len(set(quality.TITLES.values())) == len(codes)  # a title names one code
    doc = (Path(settings.BASE_DIR) / "docs" / "data-quality.md").read_text()
    documented = re.findall(r"^\| `([a-z_]+)` \|", doc, flags=re.MULTILINE)
    assert sorted(documented) == sorted(codes)


def test_every_finding_carries_its_checks_code_and_title(courses):
    findings = quality.data_check(start=START, end=END, today=TODAY)
    assert {f.code for f in findings} >= {"course_without_outcome", "plan_overdue"}
    for finding in findings:
        assert finding.check == quality.TITLES[finding.code]
