"""Demo: the citizens' starting points and the final evaluations' assessments of the plans'
sub-goals for the 2022 courses. The published report states neither, so both are INVENTED:
each agreement's starting points are drawn (deterministically) from the target group the
report describes for it (seed 000: e.g. AffaldPlus «aktivitetsparate unge», SBI «som
udgangspunkt jobparate», Synergihuset young people ready for education, the general
target group «ressourceforløbsborgere, aktivitetsparate kontanthjælpsmodtagere, borgere
på ledighedsydelse»). Every completed model-1 course with a received plan gets that plan
(two goals, three sub-goals) and a received final evaluation assessing each sub-goal.
Running it again changes nothing."""

import random
from datetime import date, timedelta

from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from agreements.models import (
    Course,
    Evaluation,
    EvaluationKind,
    Plan,
    PlanGoal,
    PlanSubGoal,
    SubGoalAssessment,
    SubmissionStatus,
)
from reports.progression import outcome_group

#: Starting points per agreement, with weights, after the target group the report describes.
TARGET_GROUPS = {
    "FriRUM LAB": {"resource_course": 4, "activity_ready": 3, "flexjob_visited": 2, "other": 1},
    "Mina ApS": {
        "activity_ready": 5,
        "resource_course": 3,
        "job_clarification": 1,
        "sickness_benefit": 1,
    },
    "Sumak": {"activity_ready": 5, "job_ready": 2, "resource_course": 2, "other": 1},
    "VeteranHaven": {
        "resource_course": 4,
        "flexjob_visited": 3,
        "sickness_benefit": 2,
        "job_clarification": 1,
    },
    "Sørby Esport": {"activity_ready": 5, "education_ready": 5},
    "Synergihuset": {"education_ready": 7, "job_ready": 3},
    "Stald Kanehøj": {"activity_ready": 5, "resource_course": 4, "flexjob_visited": 1},
    "AffaldPlus – periode 1": {"activity_ready": 8, "education_ready": 2},
    "AffaldPlus – periode 2": {"activity_ready": 1},
    "SBI": {"job_ready": 7, "education_ready": 3},
}
#: Voluntary organisations' initiatives: the general target group of the field.
GENERAL = {"resource_course": 4, "activity_ready": 4, "flexjob_visited": 2}

#: Where a start makes an outcome likelier: the job-ready more often reach a job, those in
#: a resource course or visited to flexjob more often a pension (invented, for a demo that
#: reads like a field rather than noise).
LEANINGS = {
    "progression": {"job_ready": 3, "education_ready": 2},
    "pension": {"resource_course": 3, "flexjob_visited": 3, "job_clarification": 3},
}

GOALS = [
    ("Stabilt fremmøde", ["Møde til tiden tre dage om ugen", "Give besked ved fravær"]),
    ("Afklaring af arbejdsevne", ["Prøve to forskellige arbejdsopgaver"]),
    ("Videre i job eller uddannelse", ["Skrive et CV", "Besøge en mulig arbejdsplads"]),
    ("Overskud i hverdagen", ["Faste måltider og søvnrytme"]),
]
#: How the sub-goals went, by outcome group (weights for Nået, Delvist nået, Ikke nået).
ASSESSMENT_WEIGHTS = {
    "progression": (6, 3, 1),
    "pension": (2, 4, 3),
    "other_course": (4, 4, 2),
    "unemployed": (2, 4, 4),
    "stopped": (1, 3, 6),
    "left": (1, 2, 4),
    "unknown": (3, 3, 3),
}


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    codes = sorted(weights)
    return rng.choices(codes, [weights[c] for c in codes])[0]


def _starting_points(courses: list[Course]) -> list[Course]:
    changed = []
    for course in courses:
        if course.starting_point:
            continue
        mix = dict(TARGET_GROUPS.get(course.agreement.name, GENERAL))
        for code, factor in LEANINGS.get(outcome_group(course.outcome), {}).items():
            if code in mix:
                mix[code] *= factor
        course.starting_point = _weighted(random.Random(f"demo-start:{course.reference}"), mix)
        changed.append(course)
    return changed


def _plans_and_evaluations(courses: list[Course]) -> int:
    """A received plan and a received final evaluation for each completed model-1 course
    with a plan date and a final-evaluation date, unless it has a plan already."""
    has_plan = set(Plan.objects.values_list("course_id", flat=True))
    todo = [
        c
        for c in courses
        if c.agreement.model == "1"
        and c.end
        and c.plan_received
        and c.final_evaluation_received
        and c.pk not in has_plan
    ]
    if not todo:
        return 0
    plans = bulk_create_with_history(
        [
            Plan(
                course=c,
                status=SubmissionStatus.RECEIVED,
                agreed_by="Deltager, mentor og sagsbehandler",
                agreed_on=max(c.start, c.plan_received - timedelta(days=3)),
            )
            for c in todo
        ],
        Plan,
    )
    chosen = {}
    goals = []
    for course, plan in zip(todo, plans, strict=True):
        rng = random.Random(f"demo-plan:{course.reference}")
        chosen[course.pk] = rng.sample(GOALS, 2)
        goals += [
            PlanGoal(plan=plan, order=n, text=text)
            for n, (text, _) in enumerate(chosen[course.pk], 1)
        ]
    goals = bulk_create_with_history(goals, PlanGoal)
    by_plan: dict[int, list[PlanGoal]] = {}
    for goal in goals:
        by_plan.setdefault(goal.plan_id, []).append(goal)
    sub_goals = []
    for course, plan in zip(todo, plans, strict=True):
        for goal, (_, texts) in zip(by_plan[plan.pk], chosen[course.pk], strict=True):
            sub_goals += [PlanSubGoal(goal=goal, order=n, text=t) for n, t in enumerate(texts, 1)]
    sub_goals = bulk_create_with_history(sub_goals, PlanSubGoal)
    evaluations = bulk_create_with_history(
        [
            Evaluation(
                course=c,
                kind=EvaluationKind.FINAL,
                status=SubmissionStatus.RECEIVED,
                date=c.final_evaluation_received,
                progression="Deltageren har arbejdet med målene i planen.",
                work_capacity="Beskrevet til rehabiliteringsteamet.",
            )
            for c in todo
        ],
        Evaluation,
    )
    evaluation_of = {e.course_id: e for e in evaluations}
    plan_course = {p.pk: p.course_id for p in plans}
    goal_course = {g.pk: plan_course[g.plan_id] for g in goals}
    outcome_of = {c.pk: c.outcome for c in todo}
    assessments = []
    for sub in sub_goals:
        course_id = goal_course[sub.goal_id]
        rng = random.Random(f"demo-assessment:{course_id}:{sub.goal_id}:{sub.order}")
        weights = ASSESSMENT_WEIGHTS[outcome_group(outcome_of[course_id])]
        value = rng.choices(["achieved", "partly", "not_achieved"], weights)[0]
        assessments.append(
            SubGoalAssessment(evaluation=evaluation_of[course_id], sub_goal=sub, assessment=value)
        )
    bulk_create_with_history(assessments, SubGoalAssessment)
    return len(todo)


@transaction.atomic
def demo_progression(period_start: date, period_end: date) -> dict[str, int]:
    """Starting points for the period's courses, plans and assessed final evaluations."""
    courses = list(
        Course.objects.participants(period_start, period_end)
        .select_related("agreement")
        .order_by("reference")
    )
    changed = _starting_points(courses)
    bulk_update_with_history(changed, Course, ["starting_point"])
    return {"udgangspunkter": len(changed), "slutevalueringer": _plans_and_evaluations(courses)}
