"""The counting rules of docs/report-json.md at their edges."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Course
from reports.selectors import report_figures
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    GoalFactory,
    GrantFactory,
    HireFactory,
    PauseFactory,
    PlacementFactory,
    StrategyFactory,
)

START, END = date(2022, 1, 1), date(2022, 12, 31)
pytestmark = pytest.mark.django_db


def figures():
    return report_figures(start=START, end=END)


def agreement_row(result, name):
    (row,) = [a for a in result["agreements"] if a["name"] == name]
    return row


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2021, 10, 1), date(2022, 1, 1), "completed"),  # ends on the first day
        (date(2021, 10, 1), date(2021, 12, 31), None),  # ends the day before
        (date(2022, 9, 1), date(2022, 12, 31), "completed"),  # ends on the last day
        (date(2022, 10, 1), date(2023, 1, 1), "ongoing"),  # ends the day after
        (date(2022, 12, 31), None, "ongoing"),  # starts on the last day, no end
        (date(2023, 1, 1), None, None),  # starts the day after
        (date(2019, 1, 1), None, "ongoing"),  # open since long before
    ],
)
def test_course_counts_at_period_edges(start, end, expected):
    agreement = AgreementFactory(name="Aftalen", start=date(2019, 1, 1))
    CourseFactory(agreement=agreement, start=start, end=end)

    row = agreement_row(figures(), "Aftalen")

    assert row["participants"] == (1 if expected else 0)
    assert row["ongoing"] == (1 if expected == "ongoing" else 0)
    assert row["completed"] == (1 if expected == "completed" else 0)
    assert row["participants"] == row["ongoing"] + row["completed"]


def test_completed_course_without_outcome_counts_as_unknown():
    agreement = AgreementFactory(name="Aftalen")
    CourseFactory(agreement=agreement, start=date(2022, 2, 1), end=date(2022, 5, 1))
    CourseFactory(
        agreement=agreement, start=date(2022, 2, 1), end=date(2022, 5, 1), outcome="flexjob"
    )
    CourseFactory(agreement=agreement, start=date(2022, 11, 1))  # ongoing: no outcome counted

    result = figures()
    row = agreement_row(result, "Aftalen")

    assert row["outcomes"] == {"flexjob": 1, "unknown": 1}
    assert sum(row["outcomes"].values()) == row["completed"] == 2
    assert result["courses"]["outcomes"] == {"flexjob": 1, "unknown": 1}


def test_outcome_of_course_ending_after_period_is_not_counted():
    agreement = AgreementFactory(name="Aftalen")
    CourseFactory(
        agreement=agreement, start=date(2022, 11, 1), end=date(2023, 1, 31), outcome="education"
    )
    row = agreement_row(figures(), "Aftalen")
    assert row["ongoing"] == 1
    assert row["outcomes"] == {}


def test_agreement_with_no_courses_is_listed_with_zeros():
    agreement = AgreementFactory(name="Stald", start=date(2019, 1, 1))
    PauseFactory(agreement=agreement)

    row = agreement_row(figures(), "Stald")

    assert (row["participants"], row["ongoing"], row["completed"]) == (0, 0, 0)
    assert row["outcomes"] == {}
    assert row["paused"][0]["start"] == "2022-01-01"


def test_agreements_outside_the_period_are_not_listed_and_list_is_sorted():
    AgreementFactory(name="Ældre", start=date(2018, 1, 1), end=date(2021, 12, 31))
    AgreementFactory(name="Senere", start=date(2023, 1, 1))
    AgreementFactory(name="Bravo", start=date(2022, 12, 31))
    AgreementFactory(name="Alfa", start=date(2021, 1, 1), end=date(2022, 1, 1))

    assert [a["name"] for a in figures()["agreements"]] == ["Alfa", "Bravo"]


def test_ended_agreement_with_a_course_still_running_is_listed():
    agreement = AgreementFactory(name="Periode 1", start=date(2021, 1, 1), end=date(2021, 6, 30))
    CourseFactory(agreement=agreement, start=date(2021, 6, 1))

    result = figures()

    assert agreement_row(result, "Periode 1")["ongoing"] == 1
    assert result["courses"]["participants"] == 1


def test_enterprise_membership_overlap():
    EnterpriseFactory(name="Med hele året", joined=date(2015, 1, 1))
    EnterpriseFactory(name="Gik midt i året", joined=date(2015, 1, 1), left=date(2022, 6, 30))
    EnterpriseFactory(name="Gik på første dag", joined=date(2015, 1, 1), left=date(2022, 1, 1))
    EnterpriseFactory(name="Gik året før", joined=date(2015, 1, 1), left=date(2021, 12, 31))
    EnterpriseFactory(name="Kom sidste dag", joined=date(2022, 12, 31), type="voluntary")
    EnterpriseFactory(name="Kom året efter", joined=date(2023, 1, 1), type="initiative")

    enterprises = figures()["enterprises"]

    assert enterprises["by_type"] == {"registered": 3, "initiative": 0, "voluntary": 1}
    assert enterprises["total"] == 4


def test_hires_grants_and_placements_count_by_date_within_period():
    enterprise = EnterpriseFactory(name="Mina")
    for day in (date(2021, 12, 31), date(2022, 1, 1), date(2022, 12, 31), date(2023, 1, 1)):
        HireFactory(enterprise=enterprise, date=day, type="part_time")
        PlacementFactory(enterprise=enterprise, date=day, type="wage_subsidy")
        GrantFactory(enterprise=enterprise, date=day, amount=1_000, donor=f"Giver {day}")

    result = figures()

    assert result["employment"]["by_type"] == {"full_time": 0, "part_time": 2, "sheltered": 0}
    assert result["employment"]["total"] == 2
    assert result["placements"] == {"internship": 0, "wage_subsidy": 2}
    assert result["fundraising"]["total_dkk"] == 2_000
    assert result["fundraising"]["by_enterprise"] == {"Mina": 2_000}


def test_repeat_donor_with_one_grant_before_the_period():
    mina = EnterpriseFactory(name="Mina ApS")
    other = EnterpriseFactory(name="Anden")
    GrantFactory(enterprise=mina, donor="Velliv", date=date(2021, 5, 1))
    GrantFactory(enterprise=mina, donor="Velliv", date=date(2022, 5, 1))
    # Same donor, other enterprise: not a repeat for either.
    GrantFactory(enterprise=other, donor="Velliv", date=date(2022, 5, 1))
    # Two grants, both before the period: not counted.
    GrantFactory(enterprise=other, donor="Gammel", date=date(2020, 1, 1))
    GrantFactory(enterprise=other, donor="Gammel", date=date(2021, 1, 1))
    # A second grant after the period does not count either.
    GrantFactory(enterprise=other, donor="Senere", date=date(2022, 5, 1))
    GrantFactory(enterprise=other, donor="Senere", date=date(2023, 5, 1))

    donors = figures()["fundraising"]["repeat_donors"]

    assert donors == [{"enterprise": "Mina ApS", "donor": "Velliv", "grants": 2}]


def test_goals_come_from_the_strategy_and_are_null_without_one():
    assert figures()["employment"]["annual_norm"] is None
    assert figures()["enterprises"]["target"] is None

    strategy = StrategyFactory()
    GoalFactory(strategy=strategy, measure="employed", target=30)
    GoalFactory(strategy=strategy, measure="enterprises", cadence="by_end", target=40)
    later = StrategyFactory(start=date(2026, 1, 1), end=date(2029, 1, 1))
    GoalFactory(strategy=later, measure="employed", target=99)  # another strategy's period

    assert figures()["employment"]["annual_norm"] == 30
    assert figures()["enterprises"]["target"] == 40


def test_plan_and_final_evaluation_timeliness_uses_each_agreements_deadline():
    strict = AgreementFactory(name="Streng", plan_deadline_days=7, final_evaluation_deadline_days=3)
    lenient = AgreementFactory(name="Mild", plan_deadline_days=28)
    start, end = date(2022, 3, 1), date(2022, 5, 31)
    CourseFactory(
        agreement=strict,
        start=start,
        plan_received=date(2022, 3, 8),
        end=end,
        final_evaluation_received=date(2022, 6, 3),
    )  # both on the last day allowed
    CourseFactory(
        agreement=strict,
        start=start,
        plan_received=date(2022, 3, 9),
        end=end,
        final_evaluation_received=date(2022, 6, 4),
    )  # a day late
    CourseFactory(agreement=lenient, start=start, plan_received=date(2022, 3, 29))
    CourseFactory(agreement=lenient, start=start)  # no plan

    result = figures()
    strict_row, lenient_row = agreement_row(result, "Streng"), agreement_row(result, "Mild")

    assert (strict_row["plans_received"], strict_row["plans_on_time"]) == (2, 1)
    assert strict_row["final_evaluations_late"] == 1
    assert (lenient_row["plans_received"], lenient_row["plans_on_time"]) == (1, 1)


def test_agreement_without_deadlines_reports_null_timeliness():
    AgreementFactory(
        name="Model 2", model="2", plan_deadline_days=None, final_evaluation_deadline_days=None
    )
    row = agreement_row(figures(), "Model 2")
    assert row["plans_on_time"] is None
    assert row["final_evaluations_late"] is None


def test_veterans_completed():
    agreement = AgreementFactory(name="VeteranHaven", aim_veteran_share=50)
    CourseFactory(agreement=agreement, veteran=True, end=date(2022, 6, 1))
    CourseFactory(agreement=agreement, veteran=True)  # ongoing
    CourseFactory(agreement=agreement, end=date(2022, 6, 1))
    row = agreement_row(figures(), "VeteranHaven")
    assert (row["veterans_completed"], row["veterans"], row["completed"]) == (1, 2, 2)


def test_reversed_period_is_refused():
    with pytest.raises(ValueError):
        report_figures(start=END, end=START)


def _grow(copies: int) -> int:
    """Add ``copies`` times a small field: an enterprise with an agreement, 19 courses, grants,
    a hire, a placement and a pause. Returns the number of courses added."""
    courses = []
    for n in range(copies):
        enterprise = EnterpriseFactory(name=f"Vækst {n}", type=["registered", "initiative"][n % 2])
        agreement = AgreementFactory(
            name=f"Vækstaftale {n}", enterprise=enterprise, plan_deadline_days=20 + n % 3
        )
        courses += [
            Course(
                reference=f"V{n}-{i}",
                agreement=agreement,
                start=date(2022, 2, 1),
                end=date(2022, 4, 1),
                outcome="flexjob" if i % 3 else "",
                plan_received=date(2022, 2, 10),
                final_evaluation_received=date(2022, 4, 5),
            )
            for i in range(12)
        ]
        courses += [
            Course(reference=f"V{n}-o{i}", agreement=agreement, start=date(2022, 9, 1))
            for i in range(7)
        ]
        GrantFactory.create_batch(2, enterprise=enterprise, donor="Samme")
        HireFactory(enterprise=enterprise)
        PlacementFactory(enterprise=enterprise)
        PauseFactory(agreement=agreement)
    Course.objects.bulk_create(courses)
    return len(courses)


def test_query_count_does_not_grow_with_the_data(demo):
    with CaptureQueriesContext(connection) as small:
        small_result = report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))

    added = _grow(140)  # ten times the demo: 14 -> 154 agreements, 270 -> 2,930 courses

    with CaptureQueriesContext(connection) as large:
        large_result = report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))

    assert len(large) == len(small) <= 11
    assert len(large_result["agreements"]) == len(small_result["agreements"]) + 140
    assert large_result["courses"]["participants"] == 270 + added
    assert large_result["courses"]["outcomes"]["unknown"] == 140 * 4


def test_query_count_bound_on_ten_times_the_demo(demo, django_assert_max_num_queries):
    _grow(140)
    with django_assert_max_num_queries(11):
        report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))
