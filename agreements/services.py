"""Writes on courses, plans and evaluations: keyword-only, one transaction each."""

from datetime import date

from django.db import transaction
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from agreements.assessments import plan_sub_goals
from agreements.models import (
    Course,
    Evaluation,
    EvaluationKind,
    Plan,
    PlanGoal,
    PlanSubGoal,
    SubGoalAssessment,
    Submission,
    SubmissionStatus,
)
from audit.services import Action, access_record


class NotEditable(Exception):
    """The document is submitted or received: the enterprise can no longer change it."""


@transaction.atomic
def plan_save(
    *,
    course: Course,
    user,
    agreed_by: str,
    agreed_on,
    goals: list[tuple[str, list[str]]],
    submit: bool,
) -> Plan:
    """Create or replace the draft plan of a course. goals: (goal, [sub-goals]) in order."""
    plan = Plan.objects.select_for_update().filter(course=course).first()
    if plan and not plan.editable_by_enterprise:
        raise NotEditable
    plan = plan or Plan(course=course)
    plan.agreed_by = agreed_by
    plan.agreed_on = agreed_on
    plan.save()
    assessed = _assessments_by_text(plan)
    plan.goals.all().delete()
    for number, (text, sub_goals) in enumerate(goals, start=1):
        goal = PlanGoal.objects.create(plan=plan, order=number, text=text)
        created = PlanSubGoal.objects.bulk_create(
            PlanSubGoal(goal=goal, order=n, text=sub) for n, sub in enumerate(sub_goals, 1)
        )
        for sub in created:  # a sub-goal kept word for word keeps its assessments
            for evaluation_id, value in assessed.get((text, sub.text), []):
                SubGoalAssessment.objects.create(
                    evaluation_id=evaluation_id, sub_goal=sub, assessment=value
                )
    if submit:
        submission_submit(document=plan, user=user)
    return plan


def _assessments_by_text(plan: Plan) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """The plan's sub-goal assessments by (goal, sub-goal) text, to carry through a rewrite."""
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    if plan.pk:
        rows = SubGoalAssessment.objects.filter(sub_goal__goal__plan=plan).values_list(
            "sub_goal__goal__text", "sub_goal__text", "evaluation_id", "assessment"
        )
        for goal, sub, evaluation_id, value in rows:
            found.setdefault((goal, sub), []).append((evaluation_id, value))
    return found


@transaction.atomic
def evaluation_save(
    *, evaluation: Evaluation, user, submit: bool, assessments: dict[int, str] | None = None
) -> Evaluation:
    """assessments: {sub-goal id: Nået/Delvist nået/Ikke nået code} of a final evaluation;
    None leaves the stored ones alone."""
    if evaluation.pk:
        current = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
        if not current.editable_by_enterprise:
            raise NotEditable
    evaluation.save()
    if assessments is not None:
        assessments_save(evaluation=evaluation, assessments=assessments)
    if submit:
        submission_submit(document=evaluation, user=user)
    return evaluation


def assessments_save(*, evaluation: Evaluation, assessments: dict[int, str]) -> None:
    """Store the evaluation's sub-goal assessments as given; the ones left out are removed
    (an ongoing evaluation keeps none). Each is checked by the model: a final evaluation,
    a sub-goal of this course's own plan, a known assessment."""
    stored = {a.sub_goal_id: a for a in evaluation.assessments.all()}
    for sub_goal_id, value in assessments.items():
        item = stored.get(sub_goal_id) or SubGoalAssessment(
            evaluation=evaluation, sub_goal_id=sub_goal_id
        )
        if item.pk is None or item.assessment != value:
            item.assessment = value
            item.full_clean()
            item.save()
    evaluation.assessments.exclude(sub_goal_id__in=list(assessments)).delete()


def submission_submit(*, document: Submission, user) -> None:
    document.status = SubmissionStatus.SUBMITTED
    document.submitted_at = timezone.now()
    document.submitted_by = user
    document.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])


def submission_missing(document: Submission) -> list[str]:
    """What a document lacks before it can be submitted (a draft may be saved without)."""
    missing = []
    if isinstance(document, Plan):
        if not (document.agreed_by or "").strip():
            missing.append("hvem der har aftalt planen")
        if not document.agreed_on:
            missing.append("datoen, planen er aftalt")
        if not document.goals.exists():
            missing.append("mindst ét mål")
    elif isinstance(document, Evaluation):
        if not document.date:
            missing.append("evalueringens dato")
        if not (document.progression or "").strip():
            missing.append("deltagerens progression")
        if document.kind == EvaluationKind.FINAL and not (document.work_capacity or "").strip():
            missing.append("beskrivelsen af arbejdsevnen")
        if document.kind == EvaluationKind.FINAL:
            assessed = set(document.assessments.values_list("sub_goal_id", flat=True))
            open_ = [s for s in plan_sub_goals(document.course) if s.pk not in assessed]
            if open_:
                missing.append(
                    "en vurdering af "
                    + (
                        "planens delmål «" + open_[0].text + "»"
                        if len(open_) == 1
                        else f"{len(open_)} af planens delmål"
                    )
                )
    return missing


@transaction.atomic
def submission_submit_checked(*, document: Submission, user) -> None:
    """Submit a draft or returned document, unless someone submitted it in between."""
    current = type(document).objects.select_for_update().get(pk=document.pk)
    if not current.editable_by_enterprise:
        raise NotEditable
    submission_submit(document=document, user=user)


def _delivered_on(document: Submission):
    return timezone.localdate(document.submitted_at)


@transaction.atomic
def submission_receive(*, document: Submission, user) -> None:
    """A consultant accepts a submitted document. A plan's or final evaluation's delivery
    date becomes the course's, which the report's on-time figures count, unless the course
    already has one recorded (say, from a paper plan): a recorded date is never moved."""
    if document.status != SubmissionStatus.SUBMITTED:
        raise NotEditable
    document.status = SubmissionStatus.RECEIVED
    document.handled_at = timezone.now()
    document.handled_by = user
    document.return_comment = ""
    document.save()
    course = document.course
    if isinstance(document, Plan):
        if course.plan_received is None:
            course.plan_received = _delivered_on(document)
            course.save(update_fields=["plan_received"])
    elif (
        document.kind == EvaluationKind.FINAL
        and course.end
        and not course.final_evaluation_received
    ):
        course.final_evaluation_received = _delivered_on(document)
        course.save(update_fields=["final_evaluation_received"])


@transaction.atomic
def submission_return(*, document: Submission, user, comment: str) -> None:
    """A consultant sends a submitted document back to the enterprise with a comment."""
    if document.status != SubmissionStatus.SUBMITTED:
        raise NotEditable
    document.status = SubmissionStatus.RETURNED
    document.handled_at = timezone.now()
    document.handled_by = user
    document.return_comment = comment
    document.save()


def courses_to_anonymise(ended_before: date):
    """The courses erasure after retention takes: ended before the day, not yet anonymised
    (what anonymise_courses --dry-run counts)."""
    return Course.objects.filter(end__lt=ended_before, anonymised_on__isnull=True)


def courses_anonymise(*, ended_before: date, user=None) -> int:
    """Erasure after retention: courses that ended before `ended_before` lose everything
    that points to the citizen — the reference becomes ANON-<id>, plans and evaluations
    (free text about the person) are deleted, and so is their change history. What the
    figures count stays: agreement, dates, outcome, veteran, plan and final-evaluation dates.
    Published reports keep their frozen documents, and recomputing a period gives the same
    figures as before. Returns how many courses were anonymised."""
    ids = list(courses_to_anonymise(ended_before).values_list("pk", flat=True))
    if not ids:
        return 0
    today = timezone.localdate()
    with transaction.atomic():
        plans = list(Plan.objects.filter(course_id__in=ids).values_list("pk", flat=True))
        goals = list(PlanGoal.objects.filter(plan_id__in=plans).values_list("pk", flat=True))
        evaluations = list(
            Evaluation.objects.filter(course_id__in=ids).values_list("pk", flat=True)
        )
        Plan.objects.filter(pk__in=plans).delete()
        Evaluation.objects.filter(course_id__in=ids).delete()
        for start in range(0, len(ids), 2_000):
            batch = ids[start : start + 2_000]
            Course.objects.filter(pk__in=batch).update(
                reference=Concat(Value("ANON-"), Cast("pk", CharField())),
                anonymised_on=today,
                version=F("version") + 1,
            )
        Course.history.filter(id__in=ids).delete()
        Plan.history.filter(course_id__in=ids).delete()
        Evaluation.history.filter(course_id__in=ids).delete()
        PlanGoal.history.filter(plan_id__in=plans).delete()
        PlanSubGoal.history.filter(goal_id__in=goals).delete()
        SubGoalAssessment.history.filter(evaluation_id__in=evaluations).delete()
        access_record(
            user,
            Action.ANONYMISE,
            detail=f"{len(ids)} forløb afsluttet før {ended_before:%d.%m.%Y} anonymiseret",
        )
    return len(ids)
