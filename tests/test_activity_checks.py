"""The irregularity checks on activity figure series, and check_data's codes and JSON."""

import json
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from activities.irregularities import figure_flags
from reports.quality import data_check
from tests.factories import (
    ActivityFactory,
    ActivityFigureFactory,
    AgreementFactory,
    CourseFactory,
)

pytestmark = pytest.mark.django_db

NAME = "Borgere i praktik og løntilskud"


def _series(activity, values: dict, basis="ytd", **extra):
    return [
        ActivityFigureFactory(
            activity=activity, name=NAME, period=period, value=v, basis=basis, **extra
        )
        for period, v in values.items()
    ]


def check_data_json(start="2022-01-01", end="2023-02-28", today="2023-03-15") -> dict:
    """What `check_data --format json` writes for the period, read back."""
    out = StringIO()
    call_command("check_data", start=start, end=end, today=today, format="json", stdout=out)
    return json.loads(out.getvalue())


def _codes(figures):
    return sorted((f.code, f.figure.period) for f in figure_flags(figures))


def test_ytd_that_falls_is_flagged_with_the_figures_in_the_message():
    activity = ActivityFactory(name="Håndholdt beskæftigelsesindsats 30+")
    figures = _series(activity, {"2022-Q1": 20, "2022-Q2": 45, "2022-Q3": 3})
    flags = figure_flags(figures)
    assert [(f.code, f.figure.period) for f in flags] == [("activity_ytd_falls", "2022-Q3")]
    message = flags[0].message
    assert "falder fra 45 (2. kvartal 2022) til 3 (3. kvartal 2022)" in message
    assert "Håndholdt beskæftigelsesindsats 30+" in message
    assert "45" not in flags[0].summary and " 3 " not in flags[0].summary


def test_regular_series_is_not_flagged():
    activity = ActivityFactory()
    figures = _series(activity, {"2022-Q1": 10, "2022-Q2": 22, "2022-Q3": 31, "2022-Q4": 40})
    figures += _series(activity, {"2023-Q1": 9}, reported=date(2023, 4, 20))
    figures += _series(activity, {"2023-Q2": 20}, reported=date(2023, 7, 10))
    assert figure_flags(figures) == []


def test_a_new_year_starts_from_zero_without_a_fall():
    activity = ActivityFactory()
    assert _codes(_series(activity, {"2022-Q4": 40, "2023-Q1": 12})) == []


def test_missing_quarter_between_reported_ones():
    activity = ActivityFactory()
    flags = figure_flags(_series(activity, {"2022-Q1": 10, "2022-Q3": 30}))
    assert [(f.code, f.figure.period) for f in flags] == [("activity_period_missing", "2022-Q3")]
    assert "mangler for 2. kvartal 2022" in flags[0].message


def test_jump_states_its_rule_and_needs_two_earlier_periods():
    activity = ActivityFactory()
    figures = _series(activity, {"2022-Q1": 10, "2022-Q2": 40}, basis="period")
    assert _codes(figures) == []  # one earlier period is not a series to judge by
    figures += _series(activity, {"2022-Q3": 100}, basis="period")
    flags = figure_flags(figures)
    assert [(f.code, f.figure.period) for f in flags] == [("activity_jump", "2022-Q3")]
    assert "100 i 3. kvartal 2022 mod et gennemsnit på 25" in flags[0].message
    assert "mere end 3 gange eller under en tredjedel" in flags[0].message


def test_jump_downwards_and_on_the_own_values_of_a_ytd_series():
    activity = ActivityFactory()
    down = _series(activity, {"2021": 30, "2022": 36, "2023": 9}, basis="period")
    assert _codes(down) == [("activity_jump", "2023")]
    other = ActivityFactory()
    ytd = _series(other, {"2022-Q1": 10, "2022-Q2": 20, "2022-Q3": 80})  # own: 10, 10, 60
    flags = figure_flags(ytd)
    assert [(f.code, f.figure.period) for f in flags] == [("activity_jump", "2022-Q3")]
    assert "perioden alene 60" in flags[0].message


def test_late_report():
    activity = ActivityFactory()
    on_time = _series(activity, {"2022-Q3": 5}, reported=date(2022, 10, 30))
    assert _codes(on_time) == []
    late = ActivityFigureFactory(
        activity=activity, name="Samtaler", period="2022-Q3", reported=date(2022, 11, 15)
    )
    flags = figure_flags([late])
    assert [f.code for f in flags] == ["activity_reported_late"]
    assert "46 dage efter periodens udløb 30.09.2022; fristen er 30 dage" in flags[0].message


@time_machine.travel(date(2023, 3, 15))
def test_every_finding_has_a_code_and_check_data_writes_the_json_of_the_spec():
    agreement = AgreementFactory(name="Aftale K", capacity=1)
    CourseFactory(agreement=agreement, reference="K-1", start=date(2022, 2, 1))
    CourseFactory(
        agreement=agreement, reference="K-2", start=date(2022, 2, 1), end=date(2022, 5, 1)
    )
    activity = ActivityFactory(name="Åben beskæftigelsesvejledning")
    _series(activity, {"2022-Q2": 45, "2022-Q3": 3})
    findings = data_check(start=date(2022, 1, 1), end=date(2023, 2, 28), today=date(2023, 3, 15))
    assert findings and all(f.code and f.record for f in findings)

    document = check_data_json()
    assert document["period"] == {"start": "2022-01-01", "end": "2023-02-28"}
    assert document["today"] == "2023-03-15"
    codes = {f["check"] for f in document["findings"]}
    assert {"activity_ytd_falls", "course_without_outcome", "agreement_over_capacity"} <= codes
    falls = next(f for f in document["findings"] if f["check"] == "activity_ytd_falls")
    assert falls["record"] == "Åben beskæftigelsesvejledning"
    assert falls["url"] == activity.get_absolute_url()
    assert "45" in falls["message"] and set(falls) == {"check", "record", "message", "url"}


def test_check_data_refuses_an_unknown_format_and_a_bad_today():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="format"):
        call_command("check_data", format="xml")
    with pytest.raises(CommandError, match="--today"):
        call_command("check_data", today="15.03.2023")


def test_findings_outside_the_period_are_left_out():
    activity = ActivityFactory()
    _series(activity, {"2022-Q2": 45, "2022-Q3": 3})
    in_2023 = data_check(start=date(2023, 1, 1), end=date(2023, 12, 31), today=date(2024, 1, 1))
    assert not [f for f in in_2023 if f.code.startswith("activity_")]
