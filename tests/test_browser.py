"""Real-browser tests of the key workflows: Playwright drives Debian's Chromium against a
live server."""

import os
from datetime import date

import pytest
from django.urls import reverse

from agreements.models import Course, Plan, SubmissionStatus
from reports.services import report_publish
from tests.factories import AgreementFactory, CourseFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "test-adgangskode"  # UserFactory's


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "da-DK", "accept_downloads": True}


def _login(page, live_server, user):
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Brugernavn").fill(user.username)
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_consultant_records_an_outcome(page, live_server, consultant, enterprise_a):
    agreement = AgreementFactory(name="Værkstedet", enterprise=enterprise_a)
    CourseFactory(agreement=agreement, reference="D22-0101", start=date(2022, 2, 1))
    _login(page, live_server, consultant)
    page.goto(live_server.url + agreement.get_absolute_url())
    page.get_by_role("link", name="Registrér resultater").click()
    page.get_by_label("Slut for D22-0101").fill("2022-05-31")
    page.get_by_label("Resultat for D22-0101").select_option(label="Fleksjob")
    page.get_by_role("button", name="Gem alle").click()
    page.get_by_text("1 forløb er opdateret.").wait_for()
    course = Course.objects.get(reference="D22-0101")
    assert (course.end, course.outcome) == (date(2022, 5, 31), "flexjob")


def test_enterprise_user_writes_and_submits_a_plan_with_two_goals(
    page, live_server, staff_a, enterprise_a
):
    agreement = AgreementFactory(enterprise=enterprise_a)
    course = CourseFactory(agreement=agreement, reference="D22-0202", start=date(2022, 3, 1))
    _login(page, live_server, staff_a)
    page.goto(live_server.url + course.get_absolute_url())
    page.get_by_role("link", name="Skriv plan").click()
    page.get_by_label("Aftalt af").fill("Deltager, mentor og sagsbehandler")
    page.get_by_label("Aftalt den").fill("2022-03-21")
    goals = page.locator("fieldset.goal")
    goals.nth(0).get_by_label("Mål:", exact=True).fill("Stabilt fremmøde")
    goals.nth(0).get_by_label("Delmål (ét pr. linje):").fill(
        "Møde tre dage om ugen\nMøde til tiden"
    )
    goals.nth(1).get_by_label("Mål:", exact=True).fill("Afklaring af arbejdsevne")
    page.get_by_role("button", name="Indsend planen").click()
    page.get_by_role("button", name="Ja, indsend planen").click()  # the confirmation step
    page.get_by_text("Planen er indsendt.").wait_for()
    plan = Plan.objects.get(course=course)
    assert plan.status == SubmissionStatus.SUBMITTED
    assert [g.text for g in plan.goals.all()] == ["Stabilt fremmøde", "Afklaring af arbejdsevne"]
    assert page.get_by_role("link", name="Hent PDF").is_visible()


def test_committee_member_downloads_the_report_pdf(
    page, live_server, committee_member, consultant, small_report
):
    report_publish(report=small_report, user=consultant)
    _login(page, live_server, committee_member)
    page.goto(live_server.url + reverse("reports:list"))
    page.get_by_role("link", name="Læs rapporten").click()
    page.get_by_role("heading", name="Årsrapport").first.wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent PDF").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")


def test_enterprise_user_cannot_open_another_enterprises_course(
    page, live_server, staff_a, enterprise_b
):
    theirs = CourseFactory(agreement=AgreementFactory(enterprise=enterprise_b))
    _login(page, live_server, staff_a)
    response = page.goto(live_server.url + theirs.get_absolute_url())
    assert response.status == 404
    assert page.get_by_role("heading", name="Siden findes ikke").is_visible()
    assert theirs.reference not in page.content()
