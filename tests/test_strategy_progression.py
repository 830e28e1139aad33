"""Goal 2 measured on progression (issue 17): the measures ``starting_point:<start>``,
``progression_from:<start>`` and ``subgoals:<assessment>`` against hand-counted records,
in load_strategy, in the JSON's ``strategy`` object, and in the public edition (a hidden
or withheld count gives a hidden value, never a number worked out from the rest)."""

import copy
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from reports.editions import report_json
from reports.models import ReportPeriod
from reports.selectors import report_figures
from socialeconomy.suppression import Hidden, is_hidden
from strategy.measures import MeasureError, goal_value, parse
from strategy.models import Goal, Strategy
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EvaluationFactory,
    PlanFactory,
    PlanGoalFactory,
    PlanSubGoalFactory,
    SubGoalAssessmentFactory,
)
from tests.test_strategy import SPEC_FILE

pytestmark = pytest.mark.django_db
START, END = date(2022, 1, 1), date(2022, 12, 31)

# (starting point, outcome) of the courses completed in 2022; "" is none recorded.
COMPLETED = [
    ("activity_ready", "paid_hours"),  # progression
    ("activity_ready", "education"),  # progression
    ("activity_ready", "flexjob"),  # progression
    ("activity_ready", "stopped_nonattendance"),  # stopped
    ("activity_ready", ""),  # unknown outcome
    ("job_ready", "ordinary_job"),  # progression
    ("job_ready", "moved_away"),  # left
    ("", "education"),  # unknown start, progression
]

GOAL_2 = {
    "key": "progression_activity_ready",
    "title": "Progression fra aktivitetsparat",
    "measure": "progression_from:activity_ready",
    "of": "starting_point:activity_ready",
    "cadence": "annual",
    "target": 50,
}


def _assess(course, values, *, status="received", when=date(2022, 9, 1)):
    goal = PlanGoalFactory(plan=PlanFactory(course=course))
    evaluation = EvaluationFactory(
        course=course, kind="final", status=status, date=when, work_capacity="Kan arbejde."
    )
    for n, value in enumerate(values):
        sub = PlanSubGoalFactory(goal=goal, text=f"Delmål {n}")
        SubGoalAssessmentFactory(evaluation=evaluation, sub_goal=sub, assessment=value)


@pytest.fixture
def field():
    agreement = AgreementFactory(name="Aftale", start=date(2021, 1, 1))
    courses = [
        CourseFactory(
            agreement=agreement,
            start=date(2022, 2, 1),
            end=date(2022, 6, 1),
            outcome=outcome,
            starting_point=start,
        )
        for start, outcome in COMPLETED
    ]
    # not completed in 2022: ongoing, and ended before the period
    CourseFactory(agreement=agreement, start=date(2022, 3, 1), starting_point="activity_ready")
    CourseFactory(
        agreement=agreement,
        start=date(2021, 1, 1),
        end=date(2021, 6, 1),
        outcome="education",
        starting_point="activity_ready",
    )
    _assess(courses[0], ["achieved", "achieved", "partly"])
    _assess(courses[1], ["not_achieved"])
    _assess(courses[2], ["achieved"], status="draft")  # not delivered: not counted
    _assess(courses[3], ["partly"], when=date(2023, 1, 5))  # after the period
    return report_figures(start=START, end=END)


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("starting_point:activity_ready", 5),
        ("starting_point:job_ready", 2),
        ("starting_point:unknown", 1),
        ("starting_point:sickness_benefit", 0),
        ("progression_from:activity_ready", 3),
        ("progression_from:job_ready", 1),
        ("progression_from:unknown", 1),
        ("progression_from:resource_course", 0),
        ("subgoals:achieved", 2),
        ("subgoals:partly", 1),
        ("subgoals:not_achieved", 1),
    ],
)
def test_progression_measures_against_hand_counted_records(field, measure, expected):
    assert goal_value(measure, "", field) == expected


def test_goal_2_is_the_share_of_a_starting_point_that_ended_in_progression(field):
    assert goal_value(
        "progression_from:activity_ready", "starting_point:activity_ready", field
    ) == (60.0)
    assert goal_value(
        "progression_from:sickness_benefit", "starting_point:sickness_benefit", field
    ) is (None)
    assert goal_value("subgoals:achieved", "completed", field) == 25.0  # 2 of 8


def test_the_labels_name_the_starting_point_and_the_assessment():
    assert parse("progression_from:activity_ready").label == (
        "Afsluttede forløb med progression fra udgangspunktet: aktivitetsparat"
    )
    assert parse("starting_point:job_ready").label.endswith("udgangspunktet: jobparat")
    assert parse("subgoals:partly").label.endswith(": delvist nået")


@pytest.mark.parametrize(
    ("measure", "says"),
    [
        ("progression_from:nonsense", "«nonsense» er ikke en kendt kode for «progression_from»"),
        ("starting_point:activity", "«activity» er ikke en kendt kode for «starting_point»"),
        ("subgoals:done", "«done» er ikke en kendt kode for «subgoals»"),
        ("progression_from", "skal have en kode"),
        ("starting_point", "skal have en kode"),
        ("subgoals", "skal have en kode"),
    ],
)
def test_unknown_starting_points_and_assessments_are_refused(measure, says):
    with pytest.raises(MeasureError, match=says):
        parse(measure)


def _load(data, tmp_path):
    path = tmp_path / "strategi.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    call_command("load_strategy", str(path), stdout=io.StringIO(), stderr=err)
    return err


def test_load_strategy_accepts_the_progression_measures(tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"].append(GOAL_2)
    data["goals"].append(
        {
            "key": "subgoals",
            "title": "Nåede delmål",
            "measure": "subgoals:achieved",
            "cadence": "annual",
            "target": None,
        }
    )
    _load(data, tmp_path)
    goal = Goal.objects.get(key="progression_activity_ready")
    assert (goal.measure, goal.of) == (
        "progression_from:activity_ready",
        "starting_point:activity_ready",
    )
    assert Goal.objects.filter(measure="subgoals:achieved").exists()


def test_load_strategy_refuses_an_unknown_starting_point_naming_goal_and_field(tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"].append({**GOAL_2, "measure": "progression_from:nonsense"})
    data["goals"].append({**GOAL_2, "key": "share", "of": "starting_point:nowhere"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 fejl"):
        call_command("load_strategy", str(path), stdout=io.StringIO(), stderr=err)
    lines = err.getvalue()
    assert (
        "mål «progression_activity_ready», feltet «measure»: «nonsense» er ikke en kendt kode"
        in lines
    )
    assert "mål «share», feltet «of»: «nowhere» er ikke en kendt kode" in lines
    assert not Strategy.objects.exists()


def test_a_progression_goal_is_computed_in_the_annual_report_json(field, tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"].append(GOAL_2)
    _load(data, tmp_path)
    out = io.StringIO()
    call_command(
        "annual_report",
        "--start",
        START.isoformat(),
        "--end",
        END.isoformat(),
        "--format",
        "json",
        stdout=out,
    )
    goals = {g["key"]: g for g in json.loads(out.getvalue())["strategy"]["goals"]}
    goal = goals["progression_activity_ready"]
    assert goal["measure"] == "progression_from:activity_ready"
    assert goal["of"] == "starting_point:activity_ready"
    assert (goal["value"], goal["of_value"], goal["met"]) == (60.0, 5, True)
    assert goal["periods"][-1]["value"] == 60.0


def test_hidden_and_withheld_tables_give_a_hidden_value():
    hidden = Hidden()
    figures = {
        "courses": {
            "completed": 12,
            "progression": {
                "by_start": {"activity_ready": {"progression": hidden, "stopped": 8}},
                "subgoals": {"achieved": hidden, "partly": 7, "not_achieved": 0},
                "start_totals": {"activity_ready": 10, "job_ready": hidden},
                "group_totals": {"progression": hidden, "stopped": 8},
            },
        }
    }
    assert is_hidden(goal_value("progression_from:activity_ready", "", figures))
    assert is_hidden(goal_value("starting_point:job_ready", "", figures))
    assert is_hidden(goal_value("subgoals:achieved", "", figures))
    assert goal_value("subgoals:partly", "", figures) == 7
    share = goal_value("progression_from:activity_ready", "starting_point:activity_ready", figures)
    assert is_hidden(share)
    withheld = {
        "courses": {
            "completed": 12,
            "progression": {
                "by_start": None,
                "subgoals": {"achieved": 5, "partly": 7, "not_achieved": 0},
                "start_totals": None,
                "group_totals": None,
                "withheld": True,
            },
        }
    }
    for measure in ("progression_from:activity_ready", "starting_point:activity_ready"):
        assert is_hidden(goal_value(measure, "", withheld))
    assert is_hidden(goal_value("progression_from:job_ready", "starting_point:job_ready", withheld))
    assert goal_value("subgoals:achieved", "", withheld) == 5


def test_the_public_json_hides_a_small_progression_count(tmp_path):
    small = AgreementFactory(name="Lille")
    for start, outcome in [("activity_ready", "education")] * 4 + [("job_ready", "education")] * 4:
        CourseFactory(
            agreement=small,
            start=date(2022, 2, 1),
            end=date(2022, 6, 1),
            outcome=outcome,
            starting_point=start,
        )
    big = AgreementFactory(name="Stor")
    for _ in range(10):
        CourseFactory(
            agreement=big,
            start=date(2022, 2, 1),
            end=date(2022, 6, 1),
            outcome="education",
            starting_point="job_ready",
        )
    data = copy.deepcopy(SPEC_FILE)
    data["goals"].append(GOAL_2)
    _load(data, tmp_path)
    full = {g["key"]: g for g in report_json(start=START, end=END)["strategy"]["goals"]}
    assert (
        full["progression_activity_ready"]["value"],
        full["progression_activity_ready"]["of_value"],
    ) == (100.0, 4)
    public = report_json(start=START, end=END, edition="public")
    goal = {g["key"]: g for g in public["strategy"]["goals"]}["progression_activity_ready"]
    # 4 of 4: neither the count nor the share is shown, nor a number that gives it away
    assert goal["value"] is None and goal["of_value"] is None and goal["met"] is None
    assert public["courses"]["progression"]["by_start"]["activity_ready"]["progression"] is None


def test_the_goal_page_writes_the_share_with_its_denominator(client, consultant, field, tmp_path):
    data = copy.deepcopy(SPEC_FILE)
    data["goals"].append(GOAL_2)
    _load(data, tmp_path)
    report = ReportPeriod.objects.create(title="Årsrapport 2022", start=START, end=END)
    client.force_login(consultant)
    page = client.get(reverse("reports:goals", args=[report.pk]))
    text = " ".join(page.content.decode().split())
    assert "Progression fra aktivitetsparat" in text
    assert "60,0 % af 5 afsluttede forløb med udgangspunktet: aktivitetsparat" in text
