"""Progression for the individual citizen: starting point × outcome group, and the final
evaluations' assessments of the plans' sub-goals (report-json.md, "Progression")."""

from collections import Counter
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openpyxl import Workbook

from agreements.models import Course, SubGoalAssessment
from agreements.services import assessments_save
from reports.selectors import report_figures
from socialeconomy.vocabulary import OUTCOME_GROUP
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EvaluationFactory,
    PlanFactory,
    PlanGoalFactory,
    PlanSubGoalFactory,
    SubGoalAssessmentFactory,
)

PERIOD = {"start": date(2022, 1, 1), "end": date(2022, 12, 31)}

# (starting point, outcome, end) of each course; "" is none recorded, None an ongoing course.
ROWS_A = [
    ("activity_ready", "paid_hours", date(2022, 6, 1)),
    ("activity_ready", "paid_hours", date(2022, 7, 1)),
    ("activity_ready", "education", date(2022, 8, 1)),
    ("activity_ready", "stopped_nonattendance", date(2022, 8, 1)),
    ("activity_ready", "", date(2022, 9, 1)),
    ("job_ready", "ordinary_job", date(2022, 9, 1)),
    ("job_ready", "unemployed_awaiting", date(2022, 10, 1)),
    ("", "flexjob", date(2022, 10, 1)),
    ("", "", date(2022, 11, 1)),
    ("resource_course", "", None),  # ongoing: not counted
    ("activity_ready", "paid_hours", date(2023, 3, 1)),  # ends after the period: ongoing
]
ROWS_B = [
    ("activity_ready", "disability_pension", date(2022, 5, 1)),
    ("sickness_benefit", "ordinary_job", date(2022, 6, 1)),
    ("sickness_benefit", "moved_away", date(2022, 6, 1)),
    ("job_ready", "other_se_course", date(2022, 6, 1)),
]


def _hand_count(rows) -> dict:
    """The spec's by_start, counted by hand from the rows."""
    table: dict[str, Counter] = {}
    for start, outcome, end in rows:
        if end is None or end > PERIOD["end"]:
            continue
        group = OUTCOME_GROUP.get(outcome, "unknown")
        table.setdefault(start or "unknown", Counter())[group] += 1
    return {start: dict(counts) for start, counts in table.items()}


def _courses(agreement, rows) -> None:
    for start, outcome, end in rows:
        CourseFactory(
            agreement=agreement,
            start=date(2022, 2, 1),
            end=end,
            outcome=outcome,
            starting_point=start,
        )


def _merge(*tables) -> dict:
    total: dict[str, Counter] = {}
    for table in tables:
        for start, row in table.items():
            total.setdefault(start, Counter()).update(row)
    return {start: dict(counts) for start, counts in total.items()}


def test_by_start_equals_a_hand_count_in_total_and_per_agreement(db):
    a = AgreementFactory(name="Aftale A")
    b = AgreementFactory(name="Aftale B")
    _courses(a, ROWS_A)
    _courses(b, ROWS_B)
    figures = report_figures(**PERIOD)
    by_name = {row["name"]: row["progression"] for row in figures["agreements"]}
    assert by_name["Aftale A"]["by_start"] == _hand_count(ROWS_A)
    assert by_name["Aftale B"]["by_start"] == _hand_count(ROWS_B)
    total = figures["courses"]["progression"]["by_start"]
    assert total == _merge(_hand_count(ROWS_A), _hand_count(ROWS_B))
    # the spelled-out figures, so a wrong hand count cannot hide a wrong rule
    assert total["activity_ready"] == {"progression": 3, "stopped": 1, "pension": 1, "unknown": 1}
    assert total["unknown"] == {"progression": 1, "unknown": 1}
    assert "resource_course" not in total
    # every completed course is in the table exactly once; the margins add up
    assert sum(sum(r.values()) for r in total.values()) == figures["courses"]["completed"]
    margins = figures["courses"]["progression"]
    assert margins["start_totals"] == {s: sum(r.values()) for s, r in total.items()}
    assert margins["group_totals"] == {
        "progression": 6,
        "stopped": 1,
        "pension": 1,
        "other_course": 1,
        "unemployed": 1,
        "left": 1,
        "unknown": 2,
    }
    # in the spec's order: starting points as vocabulary.md lists them, unknown last
    assert list(total) == ["job_ready", "activity_ready", "sickness_benefit", "unknown"]


def _assessed_course(agreement, *, end=date(2022, 9, 1)):
    course = CourseFactory(agreement=agreement, start=date(2022, 2, 1), end=end)
    goal = PlanGoalFactory(plan=PlanFactory(course=course))
    return course, [PlanSubGoalFactory(goal=goal, text=f"Delmål {n}") for n in range(3)]


def test_subgoals_count_the_delivered_final_evaluations_dated_in_the_period(db):
    a = AgreementFactory(name="Aftale A")
    b = AgreementFactory(name="Aftale B")
    expected = {"Aftale A": Counter(), "Aftale B": Counter()}
    for agreement, status, kind, when, values, counted in [
        (a, "received", "final", date(2022, 9, 5), ["achieved", "partly", "achieved"], True),
        (a, "submitted", "final", date(2022, 12, 31), ["not_achieved"], True),
        (b, "received", "final", date(2022, 10, 1), ["partly", "partly"], True),
        (b, "draft", "final", date(2022, 10, 1), ["achieved"], False),  # not delivered
        (b, "returned", "final", date(2022, 10, 1), ["achieved"], False),  # sent back
        (b, "received", "final", date(2023, 1, 2), ["achieved"], False),  # after the period
    ]:
        course, subs = _assessed_course(agreement)
        evaluation = EvaluationFactory(
            course=course, kind=kind, status=status, date=when, work_capacity="Kan arbejde."
        )
        for sub, value in zip(subs, values, strict=False):
            SubGoalAssessmentFactory(evaluation=evaluation, sub_goal=sub, assessment=value)
        if counted:
            expected[agreement.name].update(values)
    figures = report_figures(**PERIOD)
    for row in figures["agreements"]:
        want = {k: expected[row["name"]][k] for k in ("achieved", "partly", "not_achieved")}
        assert row["progression"]["subgoals"] == want
    assert figures["courses"]["progression"]["subgoals"] == {
        "achieved": 2,
        "partly": 3,
        "not_achieved": 1,
    }


def test_an_agreement_without_completed_courses_has_empty_progression(db):
    CourseFactory(agreement=AgreementFactory(name="Ny"), start=date(2022, 2, 1))
    figures = report_figures(**PERIOD)
    assert figures["agreements"][0]["progression"] == {
        "by_start": {},
        "subgoals": {"achieved": 0, "partly": 0, "not_achieved": 0},
        "start_totals": {},
        "group_totals": {},
    }
    assert figures["courses"]["progression"]["by_start"] == {}


def test_an_assessment_on_another_courses_sub_goal_is_refused(db):
    agreement = AgreementFactory()
    course, _ = _assessed_course(agreement)
    _, other_subs = _assessed_course(agreement)
    evaluation = EvaluationFactory(course=course, kind="final", work_capacity="Kan arbejde.")
    with pytest.raises(ValidationError, match="hører til et andet forløbs plan"):
        assessments_save(evaluation=evaluation, assessments={other_subs[0].pk: "achieved"})
    assert not SubGoalAssessment.objects.exists()


def test_an_ongoing_evaluation_assesses_nothing_and_unknown_values_are_refused(db):
    course, subs = _assessed_course(AgreementFactory())
    ongoing = EvaluationFactory(course=course, kind="ongoing")
    with pytest.raises(ValidationError, match="vurderes i slutevalueringen"):
        assessments_save(evaluation=ongoing, assessments={subs[0].pk: "achieved"})
    final = EvaluationFactory(course=course, kind="final", work_capacity="Kan arbejde.")
    with pytest.raises(ValidationError, match="vurdering"):
        assessments_save(evaluation=final, assessments={subs[0].pk: "halvvejs"})
    assert not SubGoalAssessment.objects.exists()


def test_assessments_are_replaced_and_keep_their_history(db):
    course, subs = _assessed_course(AgreementFactory())
    final = EvaluationFactory(course=course, kind="final", work_capacity="Kan arbejde.")
    assessments_save(evaluation=final, assessments={subs[0].pk: "partly", subs[1].pk: "partly"})
    assessments_save(evaluation=final, assessments={subs[0].pk: "achieved"})
    assert dict(final.assessments.values_list("sub_goal_id", "assessment")) == {
        subs[0].pk: "achieved"
    }
    history = SubGoalAssessment.history.filter(sub_goal=subs[0]).order_by("history_date")
    assert [h.assessment for h in history] == ["partly", "achieved"]
    assert SubGoalAssessment.history.filter(sub_goal=subs[1], history_type="-").exists()


def _workbook(path, rows):
    book = Workbook()
    book.remove(book.active)
    sheets = {
        "Virksomheder": [["Navn", "Type", "Fra"], ["Café Ærø", "registered", date(2021, 1, 1)]],
        "Aftaler": [
            ["Navn", "Virksomhed", "Model", "Start"],
            ["Ærø A", "Café Ærø", "1", date(2022, 1, 1)],
            ["Ærø B", "Café Ærø", "2", date(2022, 1, 1)],
        ],
        "Forløb": [["Reference", "Aftale", "Start", "Slut", "Resultat", "Udgangspunkt"], *rows],
    }
    for title, lines in sheets.items():
        sheet = book.create_sheet(title)
        for line in lines:
            sheet.append(line)
    book.save(path)
    return path


# Starting points as a consultant types them: codes, Danish labels, any case, spaces around.
IMPORTED = [
    ("Ø-1", "Ærø A", "Aktivitetsparat", "Lønnede timer"),
    ("Ø-2", "Ærø A", " activity_ready ", "stopped_nonattendance"),
    ("Ø-3", "Ærø A", "aktivitetsparat", ""),
    ("Ø-4", "Ærø A", "", "Uddannelse"),
    ("Ø-5", "Ærø B", "Sygedagpenge", "Fleksjob"),
    ("Ø-6", "Ærø B", "Visiteret til fleksjob (ledighedsydelse)", "Fleksjob"),
    ("Ø-7", "Ærø B", "JOBPARAT", "Ledig, afventer ny indsats"),
]
IMPORTED_BY_HAND = {
    "Ærø A": {
        "activity_ready": {"progression": 1, "stopped": 1, "unknown": 1},
        "unknown": {"progression": 1},
    },
    "Ærø B": {
        "job_ready": {"unemployed": 1},
        "flexjob_visited": {"progression": 1},
        "sickness_benefit": {"progression": 1},
    },
}


def test_by_start_equals_a_hand_count_on_an_imported_workbook(db, tmp_path):
    rows = [
        [ref, agreement, date(2022, 2, 1), date(2022, 6, 1), outcome, start]
        for ref, agreement, start, outcome in IMPORTED
    ]
    call_command("import_workbook", str(_workbook(tmp_path / "ind.xlsx", rows)))
    assert Course.objects.get(reference="Ø-2").starting_point == "activity_ready"
    figures = report_figures(**PERIOD)
    by_name = {row["name"]: row["progression"]["by_start"] for row in figures["agreements"]}
    assert by_name == IMPORTED_BY_HAND
    assert figures["courses"]["progression"]["by_start"] == _merge(*IMPORTED_BY_HAND.values())


def test_an_unknown_starting_point_is_refused_by_name_and_nothing_is_written(db, tmp_path):
    rows = [
        ["Ø-1", "Ærø A", date(2022, 2, 1), date(2022, 6, 1), "", "Aktivitetsparat"],
        ["Ø-2", "Ærø A", date(2022, 2, 1), date(2022, 6, 1), "", "halvparat"],
    ]
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(_workbook(tmp_path / "ind.xlsx", rows)))
    assert not Course.objects.exists()


def test_the_import_error_names_cell_column_and_value(db, tmp_path, capsys):
    rows = [["Ø-2", "Ærø A", date(2022, 2, 1), date(2022, 6, 1), "", "halvparat"]]
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(_workbook(tmp_path / "ind.xlsx", rows)))
    err = capsys.readouterr().err
    assert 'Forløb!F2 (Udgangspunkt): "halvparat" er ikke en kendt udgangspunktskode' in err
    assert "activity_ready (Aktivitetsparat)" in err


def test_the_workbook_exports_the_starting_point_and_reads_it_back(db, tmp_path):
    CourseFactory(reference="U-1", starting_point="resource_course")
    CourseFactory(reference="U-2")
    path = tmp_path / "ud.xlsx"
    call_command("export_workbook", str(path))
    from openpyxl import load_workbook

    sheet = load_workbook(path)["Forløb"]
    header = [c.value for c in sheet[1]]
    column = header.index("Udgangspunkt")
    values = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert values == {"U-1": "Ressourceforløb", "U-2": None}  # the Danish label
    Course.objects.update(starting_point="")
    call_command("import_workbook", str(path))
    assert Course.objects.get(reference="U-1").starting_point == "resource_course"
    assert Course.objects.get(reference="U-2").starting_point == ""


def test_anonymising_removes_the_assessments_and_their_history(db):
    from agreements.services import courses_anonymise

    course, subs = _assessed_course(AgreementFactory(), end=date(2015, 6, 1))
    SubGoalAssessmentFactory(
        evaluation__course=course, evaluation__date=date(2015, 6, 2), sub_goal=subs[0]
    )
    assert SubGoalAssessment.history.exists()
    assert courses_anonymise(ended_before=date(2020, 1, 1)) == 1
    assert not SubGoalAssessment.objects.exists() and not SubGoalAssessment.history.exists()
