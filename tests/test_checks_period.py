"""The data-quality checks judge the period, in the database: durations and plan deadlines
are measured to the period's end (not today), and look-alike references are sought among
the period's courses only."""

from datetime import date

import pytest

from reports.quality import data_check
from tests.factories import AgreementFactory, CourseFactory

pytestmark = pytest.mark.django_db
START, END = date(2022, 1, 1), date(2022, 6, 30)


def _found(check, today):
    return [
        f.text.split(" ")[0]
        for f in data_check(start=START, end=END, today=today)
        if (f.check == check)
    ]


def test_durations_are_measured_to_the_end_of_the_period_not_today():
    agreement = AgreementFactory(standard_weeks=10)  # far longer: over 15 weeks = 105 days
    CourseFactory(reference="KORT", agreement=agreement, start=date(2022, 4, 1))  # 90 days
    CourseFactory(reference="LANG", agreement=agreement, start=date(2022, 1, 3))  # 178 days
    CourseFactory(  # ended after the period: measured to 30.06, 149 days
        reference="SLUT", agreement=agreement, start=date(2022, 2, 1), end=date(2022, 8, 1)
    )
    CourseFactory(  # exactly 105 days to 30.06: not over
        reference="GRÆNSE", agreement=agreement, start=date(2022, 3, 17)
    )
    years_later = _found("Langt over standardlængden", today=date(2026, 1, 1))
    assert years_later == ["LANG", "SLUT"]
    during = _found("Langt over standardlængden", today=date(2022, 5, 1))  # period running
    assert during == ["LANG"]  # 118 days by 01.05; SLUT 89 days


def test_weeks_in_the_finding_are_the_weeks_to_the_period_end():
    agreement = AgreementFactory(standard_weeks=10)
    CourseFactory(reference="LANG", agreement=agreement, start=date(2022, 1, 3))
    [finding] = [
        f
        for f in data_check(start=START, end=END, today=date(2030, 1, 1))
        if f.check == "Langt over standardlængden"
    ]
    assert "har varet 25 uger mod 10 uger" in finding.text


def test_overdue_plans_are_judged_at_the_period_end():
    agreement = AgreementFactory(plan_deadline_days=28)
    CourseFactory(reference="SEN", agreement=agreement, start=date(2022, 6, 1))  # due 29.06
    CourseFactory(reference="IKKE-ENDNU", agreement=agreement, start=date(2022, 6, 10))
    assert _found("Plan mangler efter fristen", today=date(2026, 1, 1)) == ["SEN"]


def test_look_alikes_only_among_the_period_s_references():
    CourseFactory(reference="D22-0001", start=date(2022, 2, 1))
    CourseFactory(reference="d22 OOO1", start=date(2022, 3, 1))
    CourseFactory(reference="D22-001", start=date(2015, 3, 1), end=date(2015, 6, 1))  # before
    [group] = [
        f.text
        for f in data_check(start=START, end=END, today=date(2023, 1, 1))
        if f.check == "Referencer der ligner hinanden"
    ]
    assert "D22-0001" in group and "d22 OOO1" in group and "D22-001," not in group
