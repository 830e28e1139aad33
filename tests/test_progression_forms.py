"""Where starting points and sub-goal assessments are written: the course form and the fast
outcome entry (consultants), the final-evaluation form (the enterprise). The starting
point is the consultants' alone, like the outcome."""

from datetime import date

import pytest
from django.urls import reverse

from agreements.models import Course, Evaluation, Plan, SubGoalAssessment, SubmissionStatus
from agreements.services import assessments_save, plan_save
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EvaluationFactory,
    PlanFactory,
    PlanGoalFactory,
    PlanSubGoalFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement_a(enterprise_a):
    return AgreementFactory(name="Aftale A", enterprise=enterprise_a, start=date(2022, 1, 1))


@pytest.fixture
def planned(agreement_a):
    """An ended course with a plan of two goals and three sub-goals."""
    course = CourseFactory(
        agreement=agreement_a,
        reference="A-0042",
        start=date(2022, 3, 1),
        end=date(2022, 6, 1),
        outcome="paid_hours",
        starting_point="activity_ready",
    )
    plan = PlanFactory(course=course, status=SubmissionStatus.RECEIVED)
    first = PlanGoalFactory(plan=plan, order=1, text="Stabilt fremmøde")
    second = PlanGoalFactory(plan=plan, order=2, text="Arbejde i kantinen")
    subs = [
        PlanSubGoalFactory(goal=first, order=1, text="Tre dage om ugen"),
        PlanSubGoalFactory(goal=first, order=2, text="Til tiden"),
        PlanSubGoalFactory(goal=second, order=1, text="Ansøgning sendt"),
    ]
    return course, subs


def _final(subs, values, *, submit=False, kind="final"):
    data = {
        "kind": kind,
        "date": "2022-06-03",
        "progression": "Stor udvikling.",
        "work_capacity": "Kan arbejde 15 timer om ugen.",
    }
    for sub, value in zip(subs, values, strict=True):
        data[f"delmaal_{sub.pk}"] = value
    if submit:
        data["submit"] = "1"
    return data


def test_the_enterprise_assesses_every_sub_goal_in_its_final_evaluation(client, staff_a, planned):
    course, subs = planned
    client.force_login(staff_a)
    url = reverse("agreements:evaluation_create", args=[course.pk])
    page = client.get(url).content.decode()
    assert "Vurdering af planens delmål" in page and "Tre dage om ugen" in page
    # a draft may leave some unassessed
    client.post(url, _final(subs, ["achieved", "", "partly"]))
    evaluation = Evaluation.objects.get()
    assert dict(evaluation.assessments.values_list("sub_goal__text", "assessment")) == {
        "Tre dage om ugen": "achieved",
        "Ansøgning sendt": "partly",
    }
    # submitting needs every one, says which, and keeps what was chosen
    edit = reverse("agreements:evaluation_edit", args=[evaluation.pk])
    page = client.post(edit, _final(subs, ["achieved", "", "partly"], submit=True))
    text = page.content.decode()
    assert "Vurdér delmålet, før slutevalueringen indsendes." in text
    assert 'value="partly" class="inline-choices"' in text or 'value="partly"' in text
    evaluation.refresh_from_db()
    assert evaluation.status == SubmissionStatus.DRAFT
    client.post(edit, _final(subs, ["achieved", "not_achieved", "partly"], submit=True))
    client.post(reverse("agreements:evaluation_submit", args=[evaluation.pk]))  # confirmed
    evaluation.refresh_from_db()
    assert evaluation.status == SubmissionStatus.SUBMITTED
    assert evaluation.assessments.count() == 3
    shown = client.get(evaluation.get_absolute_url()).content.decode()
    assert "Ikke nået" in shown and "Delvist nået" in shown


def test_an_unknown_assessment_is_refused_by_name(client, staff_a, planned):
    course, subs = planned
    client.force_login(staff_a)
    url = reverse("agreements:evaluation_create", args=[course.pk])
    page = client.post(url, _final(subs, ["achieved", "halvvejs", "partly"])).content.decode()
    assert "«halvvejs» er ikke en kendt vurdering" in page
    assert "Evalueringen er ikke gemt" in page
    assert not Evaluation.objects.exists() and not SubGoalAssessment.objects.exists()


def test_a_sub_goal_of_another_courses_plan_is_refused(client, staff_a, planned, agreement_a):
    course, subs = planned
    other = CourseFactory(agreement=agreement_a, start=date(2022, 3, 1), end=date(2022, 6, 1))
    foreign = PlanSubGoalFactory(goal__plan__course=other, text="Andens delmål")
    client.force_login(staff_a)
    data = _final(subs, ["achieved", "achieved", "achieved"])
    data[f"delmaal_{foreign.pk}"] = "achieved"
    url = reverse("agreements:evaluation_create", args=[course.pk])
    page = client.post(url, data).content.decode()
    assert f"delmål nr. {foreign.pk} er afvist: delmålet hører ikke til dette forløbs plan" in page
    assert not Evaluation.objects.exists() and not SubGoalAssessment.objects.exists()


def test_an_ongoing_evaluation_cannot_assess_sub_goals(client, staff_a, planned):
    course, subs = planned
    client.force_login(staff_a)
    url = reverse("agreements:evaluation_create", args=[course.pk])
    page = client.post(url, _final(subs, ["achieved", "", ""], kind="ongoing")).content.decode()
    assert "Delmålene vurderes kun i slutevalueringen" in page
    assert not Evaluation.objects.exists()


def test_changing_a_final_evaluation_to_ongoing_removes_its_assessments(client, staff_a, planned):
    course, subs = planned
    evaluation = EvaluationFactory(course=course, kind="final", work_capacity="Kan arbejde.")
    client.force_login(staff_a)
    edit = reverse("agreements:evaluation_edit", args=[evaluation.pk])
    client.post(edit, _final(subs, ["achieved", "partly", "partly"]))
    assert evaluation.assessments.count() == 3
    client.post(edit, _final(subs, ["", "", ""], kind="ongoing"))
    assert evaluation.assessments.count() == 0


def test_the_enterprise_never_sees_the_starting_point_or_the_outcome(
    client, staff_a, consultant, planned
):
    course, _subs = planned
    for user, sees in ((staff_a, False), (consultant, True)):
        client.force_login(user)
        for url in (
            course.get_absolute_url(),
            reverse("agreements:detail", args=[course.agreement_id]),
            reverse("agreements:courses"),
            reverse("agreements:evaluation_create", args=[course.pk]),
        ):
            page = client.get(url).content.decode()
            if url == course.get_absolute_url():
                assert ("Aktivitetsparat" in page) is sees
            if not sees:
                assert "Aktivitetsparat" not in page and "Udgangspunkt" not in page
                assert "Lønnede timer" not in page
    client.force_login(staff_a)
    export = client.get(reverse("agreements:courses"), {"eksport": "xlsx"})
    assert export.status_code == 200
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(export.content)).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row}
    assert not cells & {"Aktivitetsparat", "activity_ready", "Udgangspunkt", "Lønnede timer"}


def test_consultant_sets_the_starting_point_on_the_course_form(client, consultant, agreement_a):
    client.force_login(consultant)
    data = {
        "reference": "K-1",
        "agreement": agreement_a.pk,
        "start": "2022-03-01",
        "starting_point": "resource_course",
    }
    client.post(reverse("agreements:course_create"), data)
    assert Course.objects.get().starting_point == "resource_course"
    data["starting_point"] = "halvparat"
    page = client.post(reverse("agreements:course_create"), data | {"reference": "K-2"})
    assert "halvparat er ikke en af de tilgængelige valgmuligheder" in page.content.decode()
    assert Course.objects.count() == 1


def test_fast_outcome_entry_records_the_starting_point(client, consultant, agreement_a):
    first = CourseFactory(agreement=agreement_a, reference="R-1", start=date(2022, 2, 1))
    second = CourseFactory(agreement=agreement_a, reference="R-2", start=date(2022, 2, 1))
    client.force_login(consultant)
    url = reverse("agreements:outcomes", args=[agreement_a.pk])
    page = client.get(url).content.decode()
    assert "Udgangspunkt for R-1" in page
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, (course, start, end) in enumerate(
        [(first, "job_ready", "2022-05-01"), (second, "halvparat", "")]
    ):
        data |= {
            f"form-{i}-id": course.pk,
            f"form-{i}-seen_version": course.version,
            f"form-{i}-end": end,
            f"form-{i}-starting_point": start,
            f"form-{i}-outcome": "",
            f"form-{i}-plan_received": "",
        }
    page = client.post(url, data).content.decode()
    assert "Intet er gemt" in page and "halvparat" in page
    first.refresh_from_db()
    assert first.starting_point == "" and first.end is None  # all or nothing
    data["form-1-starting_point"] = "sickness_benefit"
    client.post(url, data)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.starting_point, second.starting_point) == ("job_ready", "sickness_benefit")


def test_rewriting_a_returned_plan_keeps_the_assessments_of_unchanged_sub_goals(staff_a, planned):
    course, subs = planned
    final = EvaluationFactory(course=course, kind="final", work_capacity="Kan arbejde.")
    assessments_save(
        evaluation=final,
        assessments={subs[0].pk: "achieved", subs[1].pk: "partly", subs[2].pk: "not_achieved"},
    )
    Plan.objects.filter(pk=course.plan.pk).update(status=SubmissionStatus.RETURNED)
    plan_save(
        course=course,
        user=staff_a,
        agreed_by="Deltager og mentor",
        agreed_on=date(2022, 3, 2),
        goals=[("Stabilt fremmøde", ["Tre dage om ugen", "Fire dage om ugen"])],
        submit=False,
    )
    assert sorted(final.assessments.values_list("sub_goal__text", "assessment")) == [
        ("Tre dage om ugen", "achieved")
    ]


def test_the_confirmation_names_the_sub_goals_still_unassessed(client, staff_a, planned):
    """A draft saved with sub-goals open cannot be submitted from the confirmation page."""
    course, subs = planned
    client.force_login(staff_a)
    client.post(
        reverse("agreements:evaluation_create", args=[course.pk]),
        _final(subs, ["achieved", "", "partly"]),
    )
    evaluation = Evaluation.objects.get()
    confirm = reverse("agreements:evaluation_submit", args=[evaluation.pk])
    assert "en vurdering af planens delmål «Til tiden»" in client.get(confirm).content.decode()
    client.post(confirm)
    evaluation.refresh_from_db()
    assert evaluation.status == SubmissionStatus.DRAFT


def test_a_document_page_reads_its_goals_and_assessments_in_one_go(
    client, consultant, planned, django_assert_max_num_queries
):
    """The plan's goals and sub-goals and the final evaluation's assessments are each read
    with a constant number of queries, not one or two per row."""
    course, subs = planned
    evaluation = EvaluationFactory(course=course, kind="final", status=SubmissionStatus.RECEIVED)
    assessments_save(evaluation=evaluation, assessments={s.pk: "achieved" for s in subs})
    client.force_login(consultant)
    plan = Plan.objects.get(course=course)
    with django_assert_max_num_queries(10):
        page = client.get(plan.get_absolute_url())
    assert "Ansøgning sendt" in page.content.decode()
    with django_assert_max_num_queries(9):
        page = client.get(evaluation.get_absolute_url())
    assert page.content.decode().count("Nået") >= len(subs)
