"""The strategy as data (docs/strategy.md): the measures registry against
hand-counted records, load_strategy / export_strategy, and the ``strategy`` object of the
report's JSON with its scoreboard."""

import copy
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from reports.editions import report_json
from reports.selectors import report_figures
from strategy.files import StrategyInvalid, strategy_data, strategy_save
from strategy.measures import MeasureError, goal_value, parse
from strategy.models import Goal, Strategy, Track
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    GrantFactory,
    HireFactory,
    PlacementFactory,
    ReportedValueFactory,
    ReportPeriodFactory,
)

pytestmark = pytest.mark.django_db
START, END = date(2022, 1, 1), date(2022, 12, 31)

SPEC_FILE = {
    "name": "Det handler om mennesker",
    "title": "Den Socialøkonomiske Strategi 2.0",
    "start": "2022-01-01",
    "end": "2025-12-31",
    "approved": {"by": "Erhvervs- og Teknikudvalget", "on": "2021-12-06"},
    "tracks": [
        {"key": "people", "number": "2.1", "title": "Det handler om mennesker"},
        {"key": "trials", "number": "3.2", "title": "Prøvehandlinger"},
    ],
    "goals": [
        {
            "key": "employment",
            "title": "Beskæftigelse",
            "measure": "employed",
            "cadence": "annual",
            "target": 30,
        },
        {
            "key": "enterprises",
            "title": "Virksomheder og initiativer",
            "measure": "enterprises",
            "cadence": "by_end",
            "target": 40,
        },
        {
            "key": "progression",
            "title": "Progression for den enkelte borger",
            "measure": "outcome_group:progression",
            "of": "completed",
            "cadence": "annual",
            "target": None,
        },
    ],
}


def load(data, tmp_path, name="strategi.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    call_command("load_strategy", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    return path


@pytest.fixture
def field():
    """Hand-counted records for 2022."""
    agreement = AgreementFactory(name="Aftale", start=date(2021, 1, 1))
    outcomes = ["flexjob", "flexjob", "education", "stopped_nonattendance", "moved_away", ""]
    for outcome in outcomes:  # six completed: 3 progression, 1 stopped, 1 left, 1 unknown
        CourseFactory(
            agreement=agreement, start=date(2022, 2, 1), end=date(2022, 6, 1), outcome=outcome
        )
    CourseFactory(agreement=agreement, start=date(2022, 3, 1))  # ongoing
    CourseFactory(agreement=agreement, start=date(2021, 1, 1), end=date(2021, 6, 1))  # before
    EnterpriseFactory(type="voluntary", joined=date(2020, 1, 1))
    EnterpriseFactory(type="registered", joined=date(2023, 1, 1))  # after the period
    for kind in ("full_time", "part_time", "part_time"):
        HireFactory(type=kind, date=date(2022, 5, 1))
    HireFactory(type="full_time", date=date(2023, 1, 1))  # after
    PlacementFactory(type="internship", date=date(2022, 5, 1))
    PlacementFactory(type="wage_subsidy", date=date(2022, 6, 1))
    GrantFactory(enterprise=agreement.enterprise, amount=1000, donor="A", date=date(2021, 1, 1))
    GrantFactory(enterprise=agreement.enterprise, amount=500, donor="A", date=date(2022, 3, 1))
    return report_figures(start=START, end=END)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("employed", 3),
        ("employed:part_time", 2),
        ("employed:sheltered", 0),
        ("participants", 7),
        ("ongoing", 1),
        ("completed", 6),
        ("outcome:flexjob", 2),
        ("outcome:unknown", 1),
        ("outcome_group:progression", 3),
        ("outcome_group:stopped", 1),
        ("outcome_group:left", 1),
        ("placements", 2),
        ("placements:wage_subsidy", 1),
        ("fundraising_dkk", 500),
        ("repeat_donors", 1),
    ],
)
def test_measures_against_hand_counted_records(field, measure, expected):
    assert goal_value(measure, "", field) == expected


def test_enterprise_measures_count_the_field_in_the_period(field):
    # The agreement's enterprise (a registered one by default) and the voluntary one.
    total = goal_value("enterprises", "", field)
    assert total == field["enterprises"]["total"]
    assert goal_value("enterprises:voluntary", "", field) == 1


def test_a_share_is_rounded_to_one_decimal_and_null_over_zero(field):
    assert goal_value("outcome_group:progression", "completed", field) == 50.0
    assert goal_value("outcome:flexjob", "participants", field) == 28.6  # 2 of 7
    assert goal_value("employed:sheltered", "employed:sheltered", field) is None


def test_a_share_is_rounded_half_up_like_every_share_the_report_states():
    """1 of 16 is 6,25 %: half up gives 6,3 (Python's round() gives 6,2), as dk_percent."""
    figures = {"courses": {"completed": 16, "outcomes": {"flexjob": 1}}}
    assert goal_value("outcome:flexjob", "completed", figures) == 6.3


@pytest.mark.parametrize(
    ("measure", "says"),
    [
        ("employd", "«employd» er ikke et kendt mål"),
        ("outcome", "skal have en kode"),
        ("outcome:flexjobs", "«flexjobs» er ikke en kendt kode"),
        ("outcome_group:happy", "«happy» er ikke en kendt kode"),
        ("fundraising_dkk:x", "tager ingen kode"),
        ("employed:boss", "«boss» er ikke en kendt kode"),
        ("", "mangler"),
    ],
)
def test_unknown_measures_and_codes_are_refused(measure, says):
    with pytest.raises(MeasureError, match=says):
        parse(measure)


def test_load_and_export_give_back_the_file(tmp_path):
    load(SPEC_FILE, tmp_path)
    out = tmp_path / "ud.json"
    call_command("export_strategy", SPEC_FILE["name"], str(out))
    assert json.loads(out.read_text(encoding="utf-8")) == SPEC_FILE


def test_the_demo_strategy_file_round_trips(demo, tmp_path):
    from demo.strategy import STRATEGY_FILE

    out = tmp_path / "ud.json"
    call_command("export_strategy", "Det handler om mennesker", str(out))
    written = json.loads(STRATEGY_FILE.read_text(encoding="utf-8"))
    assert json.loads(out.read_text(encoding="utf-8")) == written


def test_loading_again_updates_by_key_and_removes_what_left(tmp_path):
    load(SPEC_FILE, tmp_path)
    changed = copy.deepcopy(SPEC_FILE)
    changed["tracks"] = [changed["tracks"][1]]  # «people» is gone
    changed["goals"][0]["target"] = 35
    del changed["goals"][2]
    load(changed, tmp_path)
    strategy = Strategy.objects.get()
    assert [t.key for t in strategy.tracks.all()] == ["trials"]
    assert [(g.key, g.target) for g in strategy.goals.all()] == [
        ("employment", 35),
        ("enterprises", 40),
    ]


def test_a_bad_file_writes_nothing_and_names_every_error(tmp_path):
    bad = copy.deepcopy(SPEC_FILE)
    bad["end"] = "2025-13-01"
    bad["tracks"].append({"key": "people", "number": "9", "title": ""})
    bad["goals"][0]["measure"] = "employd"
    bad["goals"][1]["cadence"] = "weekly"
    bad["goals"][2]["of"] = "completd"
    bad["goals"].append(
        {
            "key": "flex",
            "title": "Fleksjob",
            "measure": "outcome:flexjobs",
            "cadence": "annual",
            "target": 10,
            "track": "nowhere",
        }
    )
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="8 fejl"):
        call_command("load_strategy", str(path), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue()
    for expected in (
        "strategien, feltet «end»: «2025-13-01» er ikke en dato",
        "spor «people», feltet «key»: «people» er brugt to gange",
        "spor «people», feltet «title»: skal udfyldes",
        "mål «employment», feltet «measure»: «employd» er ikke et kendt mål",
        "mål «enterprises», feltet «cadence»: «weekly» er ikke en kendt kadence",
        "mål «progression», feltet «of»: «completd» er ikke et kendt mål",
        "mål «flex», feltet «measure»: «flexjobs» er ikke en kendt kode",
        "mål «flex», feltet «track»: «nowhere» er ikke et spor i strategien",
    ):
        assert expected in lines
    assert not Strategy.objects.exists() and not Track.objects.exists()


def test_not_json_and_unknown_fields_are_errors(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{nej", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("load_strategy", str(path), stderr=io.StringIO())
    bad = copy.deepcopy(SPEC_FILE)
    bad["goals"][0]["unit"] = "personer"
    with pytest.raises(StrategyInvalid, match="«unit»: er ikke et felt i strategifilen"):
        strategy_save(bad)


@pytest.mark.parametrize("target", [float("inf"), float("nan")])
def test_a_target_must_be_a_finite_number(target):
    """JSON as Python reads it takes Infinity and NaN; a target of either is refused."""
    bad = copy.deepcopy(SPEC_FILE)
    bad["goals"][0]["target"] = target
    with pytest.raises(StrategyInvalid, match="«target»: skal være et endeligt tal"):
        strategy_save(bad)
    assert not Strategy.objects.exists()


def test_strategies_may_not_overlap(tmp_path):
    load(SPEC_FILE, tmp_path)
    other = copy.deepcopy(SPEC_FILE) | {
        "name": "Ny strategi",
        "start": "2025-01-01",
        "end": "2028-12-31",
    }
    with pytest.raises(StrategyInvalid, match="overlapper strategien «Det handler om mennesker»"):
        strategy_save(other)


def test_targets_of_the_spec_keys_come_from_the_strategy(tmp_path):
    load(SPEC_FILE, tmp_path)
    figures = report_figures(start=START, end=END)
    assert figures["employment"]["annual_norm"] == 30
    assert figures["enterprises"]["target"] == 40
    assert (
        report_figures(start=date(2026, 1, 1), end=date(2026, 12, 31))["enterprises"]["target"]
        is None
    )


def test_demo_scoreboard_reads_100_and_118_employed_31_and_34_enterprises(demo):
    strategy = report_json(start=date(2023, 3, 1), end=date(2024, 2, 29))["strategy"]
    goals = {g["key"]: g for g in strategy["goals"]}
    spans = [(p["start"], p["end"]) for p in goals["employment"]["periods"]]
    assert spans == [("2022-01-01", "2023-02-28"), ("2023-03-01", "2024-02-29")]
    assert [p["value"] for p in goals["employment"]["periods"]] == [100, 118]
    assert [p["value"] for p in goals["enterprises"]["periods"]] == [31, 34]
    assert goals["employment"]["met"] is True and goals["enterprises"]["met"] is False
    assert goals["enterprises"]["projection"] == "med samme tempo nås 40 i 2026"
    assert strategy["name"] == "Det handler om mennesker"
    assert [t["number"] for t in strategy["tracks"]] == [
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
    ]


def test_the_2022_report_scoreboard_stops_at_its_own_end(demo):
    strategy = report_json(start=date(2022, 1, 1), end=date(2023, 2, 28))["strategy"]
    employment = next(g for g in strategy["goals"] if g["key"] == "employment")
    assert employment["value"] == 100
    assert [p["value"] for p in employment["periods"]] == [100]
    progression = next(g for g in strategy["goals"] if g["key"] == "progression")
    assert progression["of"] == "completed" and progression["met"] is None
    courses = report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))["courses"]
    progressed = sum(
        n
        for code, n in courses["outcomes"].items()
        if code in ("ordinary_job", "flexjob", "paid_hours", "internship", "education")
    )
    assert progression["value"] == round(100 * progressed / courses["completed"], 1)


def test_no_strategy_in_force_gives_null():
    assert report_json(start=START, end=END)["strategy"] is None


def test_overlapping_stored_periods_are_stated_not_counted_twice(tmp_path):
    load(SPEC_FILE, tmp_path)
    HireFactory(date=date(2022, 6, 1))
    HireFactory(date=date(2023, 1, 15))  # in both the stored periods below
    ReportPeriodFactory(start=date(2022, 1, 1), end=date(2023, 2, 28))
    ReportPeriodFactory(start=date(2023, 1, 1), end=date(2023, 12, 31))
    strategy = report_json(start=date(2024, 1, 1), end=date(2024, 12, 31))["strategy"]
    periods = strategy["goals"][0]["periods"]
    assert [p["value"] for p in periods] == [2, None, 0]
    assert periods[1]["overlaps"] == {"start": "2022-01-01", "end": "2023-02-28"}


def test_a_flow_by_end_goal_adds_up_and_reports_early_achievement(tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"] = [
        {
            "key": "jobs",
            "title": "60 job i alt",
            "measure": "employed",
            "cadence": "by_end",
            "target": 6,
        }
    ]
    load(data, tmp_path)
    for day in (
        date(2022, 3, 1),
        date(2022, 4, 1),
        date(2022, 5, 1),
        date(2023, 3, 1),
        date(2023, 4, 1),
        date(2023, 5, 1),
    ):
        HireFactory(date=day)
    ReportPeriodFactory(start=date(2022, 1, 1), end=date(2022, 12, 31))
    goal = report_json(start=date(2023, 1, 1), end=date(2023, 12, 31))["strategy"]["goals"][0]
    assert goal["value"] == 3 and goal["progress"] == 6 and goal["met"] is True
    assert goal["reached"] == {"start": "2023-01-01", "end": "2023-12-31"}
    assert (
        goal["projection"]
        == "målet er nået i perioden 01.01.2023–31.12.2023, før strategiens udløb"
    )

    half = report_json(start=date(2022, 1, 1), end=date(2022, 12, 31))["strategy"]["goals"][0]
    assert half["progress"] == 3 and half["met"] is False
    assert half["projection"] == "med samme tempo nås 6 i 2023"


def test_at_most_goals_and_reported_values(tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"] = [
        {
            "key": "stopped",
            "title": "Højst 50 stoppede",
            "measure": "outcome_group:stopped",
            "cadence": "annual",
            "direction": "at_most",
            "target": 50,
        },
        {
            "key": "events",
            "title": "Arrangementer",
            "measure": "reported",
            "cadence": "annual",
            "target": 10,
        },
    ]
    load(data, tmp_path)
    report = ReportPeriodFactory(start=START, end=END)
    ReportedValueFactory(
        goal=Goal.objects.get(key="events"), report=report, value=12, source="Enhedens kalender"
    )
    goals = report_json(start=START, end=END)["strategy"]["goals"]
    assert (goals[0]["value"], goals[0]["met"]) == (0, True)
    assert goals[1]["value"] == 12 and goals[1]["met"] is True
    assert goals[1]["periods"][0]["source"] == "Enhedens kalender"


def test_export_of_a_saved_strategy_is_what_was_saved(tmp_path):
    strategy = strategy_save(copy.deepcopy(SPEC_FILE))
    assert strategy_data(strategy) == SPEC_FILE


def test_the_strategy_object_counts_with_a_fixed_number_of_queries(demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as captured:
            report_json(start=date(2023, 3, 1), end=date(2024, 2, 29))
        return len(captured)

    before = queries()
    agreement = AgreementFactory(name="Ekstra", start=date(2022, 1, 1))
    for i in range(30):
        CourseFactory(
            agreement=agreement,
            start=date(2023, 4, 1),
            end=date(2023, 9, 1),
            outcome="flexjob" if i % 2 else "",
        )
        HireFactory(date=date(2023, 5, 1))
    from activities.selectors import activity_report

    with CaptureQueriesContext(connection) as activities:
        activity_report(date(2023, 3, 1), date(2024, 2, 29))
    # report_figures per period, 5 for the strategy, and the activities' own
    assert queries() == before <= 2 * 11 + 5 + len(activities)
