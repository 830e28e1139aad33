"""Real-browser tests of progression: the enterprise assesses the plan's sub-goals in its
final evaluation and never sees the starting point or the outcome; the consultant records
the starting point in the fast outcome entry."""

import os
from datetime import date

import pytest

from agreements.models import Course, Evaluation, SubmissionStatus
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    PlanFactory,
    PlanGoalFactory,
    PlanSubGoalFactory,
)
from tests.test_browser import (  # the browser fixtures: Debian's Chromium, Danish locale
    _login,
    browser_context_args,  # noqa: F401
    browser_type_launch_args,  # noqa: F401
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPECIAL = ("Aktivitetsparat", "Udgangspunkt", "Lønnede timer", "Resultat")


def test_enterprise_user_assesses_sub_goals_and_never_sees_start_or_outcome(
    page, live_server, staff_a, enterprise_a
):
    agreement = AgreementFactory(enterprise=enterprise_a, start=date(2022, 1, 1))
    course = CourseFactory(
        agreement=agreement,
        reference="D22-0303",
        start=date(2022, 3, 1),
        end=date(2022, 6, 1),
        outcome="paid_hours",
        starting_point="activity_ready",
    )
    plan = PlanFactory(course=course, status=SubmissionStatus.RECEIVED)
    goal = PlanGoalFactory(plan=plan, order=1, text="Stabilt fremmøde")
    PlanSubGoalFactory(goal=goal, order=1, text="Møde tre dage om ugen")
    PlanSubGoalFactory(goal=goal, order=2, text="Møde til tiden")
    _login(page, live_server, staff_a)
    page.goto(live_server.url + course.get_absolute_url())
    assert not [word for word in SPECIAL if word in page.content()]
    page.get_by_role("link", name="Ny evaluering").click()
    assert page.get_by_label("Slutevaluering").is_checked()  # the course has ended
    page.get_by_label("Dato").fill("2022-06-03")
    page.get_by_label("Deltagerens progression").fill("Kommer stabilt og tager ansvar.")
    page.get_by_label("Beskrivelse af arbejdsevne").fill("Kan arbejde 15 timer om ugen.")
    page.get_by_role("group", name="Møde tre dage om ugen").get_by_label("Nået", exact=True).check()
    # submitting with a sub-goal unassessed is refused beside it, and keeps the choice made
    page.get_by_role("button", name="Indsend evalueringen").click()
    page.get_by_text("Vurdér delmålet, før slutevalueringen indsendes.").wait_for()
    first = page.get_by_role("group", name="Møde tre dage om ugen")
    assert first.get_by_label("Nået", exact=True).is_checked()
    page.get_by_role("group", name="Møde til tiden").get_by_label("Delvist nået").check()
    page.get_by_role("button", name="Indsend evalueringen").click()
    page.get_by_role("button", name="Ja, indsend evalueringen").click()  # the confirmation
    page.get_by_text("Evalueringen er indsendt.").wait_for()
    evaluation = Evaluation.objects.get(course=course)
    assert evaluation.status == SubmissionStatus.SUBMITTED
    assert sorted(evaluation.assessments.values_list("sub_goal__text", "assessment")) == [
        ("Møde til tiden", "partly"),
        ("Møde tre dage om ugen", "achieved"),
    ]
    page.get_by_role("heading", name="Vurdering af planens delmål").wait_for()
    assert page.get_by_role("cell", name="Delvist nået").is_visible()
    assert not [word for word in SPECIAL if word in page.content()]


def test_consultant_records_the_starting_point_in_the_fast_outcome_entry(
    page, live_server, consultant, enterprise_a
):
    agreement = AgreementFactory(name="Værkstedet", enterprise=enterprise_a)
    CourseFactory(agreement=agreement, reference="D22-0404", start=date(2022, 2, 1))
    _login(page, live_server, consultant)
    page.goto(live_server.url + agreement.get_absolute_url())
    page.get_by_role("link", name="Registrér resultater").click()
    page.get_by_label("Udgangspunkt for D22-0404").select_option(label="Sygedagpenge")
    page.get_by_role("button", name="Gem alle").click()
    page.get_by_text("1 forløb er opdateret.").wait_for()
    assert Course.objects.get(reference="D22-0404").starting_point == "sickness_benefit"
