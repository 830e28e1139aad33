"""Plans and evaluations: written by the enterprise as drafts, submitted, then received or
returned by a consultant. Receipt dates feed the report's on-time figures."""

import shutil
import subprocess
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from django.utils.timezone import now

from agreements.models import Evaluation, Plan, SubmissionStatus
from audit.models import AccessLog
from audit.services import Action
from tests.factories import AgreementFactory, CourseFactory, EvaluationFactory, PlanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course_a(enterprise_a):
    agreement = AgreementFactory(enterprise=enterprise_a, start=date(2022, 1, 1))
    return CourseFactory(agreement=agreement, reference="A-0007", start=date(2022, 3, 1))


@pytest.fixture
def course_b(enterprise_b):
    agreement = AgreementFactory(enterprise=enterprise_b, start=date(2022, 1, 1))
    return CourseFactory(agreement=agreement, reference="B-0001", start=date(2022, 3, 1))


def _plan_post(goals, submit=False, agreed_on="2022-03-20"):
    data = {
        "agreed_by": "Deltager, mentor og sagsbehandler",
        "agreed_on": agreed_on,
        "goals-TOTAL_FORMS": str(len(goals)),
        "goals-INITIAL_FORMS": "0",
        "goals-MIN_NUM_FORMS": "0",
        "goals-MAX_NUM_FORMS": "1000",
    }
    for i, (text, subs) in enumerate(goals):
        data |= {f"goals-{i}-text": text, f"goals-{i}-sub_goals": "\n".join(subs)}
    data["submit" if submit else "draft"] = "1"
    return data


def _submit(client, url, data):
    """Indsend: the form saves and leads to the confirmation; Ja, indsend submits."""
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"].endswith("/indsend/")
    page = client.get(response["Location"]).content.decode()
    assert "Ja, indsend" in page
    return client.post(response["Location"])


def test_plan_draft_submit_return_resubmit_receive(client, staff_a, consultant, course_a):
    url = reverse("agreements:plan_edit", args=[course_a.pk])
    client.force_login(staff_a)
    with time_machine.travel("2022-03-20 10:00 +01:00", tick=False):
        client.post(url, _plan_post([("Stabilt fremmøde", ["3 dage om ugen", "Til tiden"])]))
    plan = Plan.objects.get(course=course_a)
    assert plan.status == SubmissionStatus.DRAFT
    assert [g.text for g in plan.goals.all()] == ["Stabilt fremmøde"]
    assert [s.text for s in plan.goals.get().sub_goals.all()] == ["3 dage om ugen", "Til tiden"]

    goals = [("Stabilt fremmøde", ["3 dage om ugen"]), ("Afklaring af arbejdsevne", [])]
    with time_machine.travel("2022-03-24 09:00 +01:00", tick=False):
        _submit(client, url, _plan_post(goals, submit=True))
    plan.refresh_from_db()
    assert plan.status == SubmissionStatus.SUBMITTED and plan.goals.count() == 2
    response = client.get(url)  # read-only once submitted: the plan, not a dead end
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()

    client.force_login(consultant)
    handle = reverse("agreements:plan_handle", args=[plan.pk])
    client.post(handle, {"action": "return", "comment": "Uddyb mål 2."})
    plan.refresh_from_db()
    assert (plan.status, plan.return_comment) == (SubmissionStatus.RETURNED, "Uddyb mål 2.")

    client.force_login(staff_a)
    page = client.get(url).content.decode()
    assert "Uddyb mål 2." in page and "Afklaring af arbejdsevne" in page
    goals[1] = ("Afklaring af arbejdsevne", ["Praktik i køkkenet", "Samtale med rehab-team"])
    with time_machine.travel("2022-03-31 09:00 +02:00", tick=False):
        _submit(client, url, _plan_post(goals, submit=True))

    client.force_login(consultant)
    client.post(handle, {"action": "receive"})
    plan.refresh_from_db()
    course_a.refresh_from_db()
    assert plan.status == SubmissionStatus.RECEIVED
    assert course_a.plan_received == date(2022, 3, 31)  # the day it was delivered


def test_plan_is_submitted_with_at_least_one_goal(client, staff_a, course_a):
    client.force_login(staff_a)
    url = reverse("agreements:plan_edit", args=[course_a.pk])
    page = client.post(url, _plan_post([("", [])], submit=True)).content.decode()
    assert "En plan indsendes med mindst ét mål." in page
    assert not Plan.objects.exists()
    page = client.post(url, _plan_post([("", ["Et delmål"])])).content.decode()
    assert "Skriv målet, som delmålene hører til." in page
    page = client.post(url, _plan_post([("Mål", [])], agreed_on="2022-02-01")).content.decode()
    assert "før forløbets start (01.03.2022)" in page
    assert 'value="Deltager, mentor og sagsbehandler"' in page  # nothing typed is lost


def test_enterprise_cannot_write_for_another_enterprises_course(client, staff_a, course_b):
    client.force_login(staff_a)
    url = reverse("agreements:plan_edit", args=[course_b.pk])
    assert client.post(url, _plan_post([("Mål", [])], submit=True)).status_code == 404
    url = reverse("agreements:evaluation_create", args=[course_b.pk])
    data = {"kind": "ongoing", "date": "2022-04-01", "progression": "x", "submit": "1"}
    assert client.post(url, data).status_code == 404
    evaluation = EvaluationFactory(course=course_b)
    url = reverse("agreements:evaluation_edit", args=[evaluation.pk])
    assert client.post(url, data).status_code == 404
    assert not Plan.objects.exists() and Evaluation.objects.count() == 1


def test_final_evaluation_needs_work_capacity_and_sets_the_received_date(
    client, staff_a, consultant, course_a
):
    course_a.end = date(2022, 6, 1)
    course_a.save()
    client.force_login(staff_a)
    url = reverse("agreements:evaluation_create", args=[course_a.pk])
    data = {
        "kind": "final",
        "date": "2022-06-03",
        "progression": "Stor udvikling.",
        "results": "Praktik",
        "work_capacity": "",
        "submit": "1",
    }
    page = client.post(url, data).content.decode()
    assert "skal beskrive deltagerens arbejdsevne" in page
    data["work_capacity"] = "Kan arbejde 15 timer om ugen med skånehensyn."
    with time_machine.travel("2022-06-08 12:00 +02:00", tick=False):
        _submit(client, url, data)
    evaluation = Evaluation.objects.get()
    assert evaluation.status == SubmissionStatus.SUBMITTED
    client.force_login(consultant)
    client.post(
        reverse("agreements:evaluation_handle", args=[evaluation.pk]), {"action": "receive"}
    )
    course_a.refresh_from_db()
    assert course_a.final_evaluation_received == date(2022, 6, 8)


def test_returning_without_a_comment_is_refused(client, consultant, course_a):
    evaluation = EvaluationFactory(course=course_a, status=SubmissionStatus.SUBMITTED)
    client.force_login(consultant)
    response = client.post(
        reverse("agreements:evaluation_handle", args=[evaluation.pk]),
        {"action": "return", "comment": ""},
    )
    assert response.status_code == 400
    evaluation.refresh_from_db()
    assert evaluation.status == SubmissionStatus.SUBMITTED


@pytest.mark.real_pdf
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_submitted_plan_prints_as_a_pdf(client, staff_a, course_a, tmp_path):
    client.force_login(staff_a)
    url = reverse("agreements:plan_edit", args=[course_a.pk])
    goals = [
        ("Stabilt fremmøde", ["Tre dage om ugen"]),
        ("Øget selvværd", ["Præsentere sit værksted"]),
    ]
    _submit(client, url, _plan_post(goals, submit=True))
    plan = Plan.objects.get()
    response = client.get(reverse("agreements:plan_pdf", args=[plan.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for expected in (
        "Plan for forløb A-0007",
        "Stabilt fremmøde",
        "Tre dage om ugen",
        "Øget selvværd",
        "Side 1 af 1",
    ):
        assert expected in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info  # PDF/UA-1, like every PDF the system makes


def test_a_draft_is_not_printed_and_only_a_consultant_handles(
    client, staff_a, consultant, course_a, pdf_renders
):
    """The rules of agreements/access.py: a draft has no PDF (and no export is logged), and
    receiving or sending back is for consultants; the enterprise gets 404 like for a record
    outside its scope."""
    plan = PlanFactory(course=course_a, status=SubmissionStatus.DRAFT)
    pdf = reverse("agreements:plan_pdf", args=[plan.pk])
    for user in (staff_a, consultant):
        client.force_login(user)
        assert client.get(pdf).status_code == 404
    assert pdf_renders == []
    assert not AccessLog.objects.filter(action=Action.EXPORT).exists()
    plan.status = SubmissionStatus.SUBMITTED
    plan.save()
    client.force_login(staff_a)
    handle = reverse("agreements:plan_handle", args=[plan.pk])
    assert client.post(handle, {"action": "receive"}).status_code == 404
    assert client.get(pdf).status_code == 200 and len(pdf_renders) == 1
    client.force_login(consultant)
    assert client.post(handle, {"action": "receive"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == SubmissionStatus.RECEIVED


def test_receiving_never_moves_a_date_already_recorded(client, consultant, course_a):
    course_a.plan_received = date(2022, 3, 15)  # recorded by hand from a paper plan
    course_a.save()
    plan = PlanFactory(course=course_a, status=SubmissionStatus.SUBMITTED, submitted_at=now())
    client.force_login(consultant)
    client.post(reverse("agreements:plan_handle", args=[plan.pk]), {"action": "receive"})
    course_a.refresh_from_db()
    plan.refresh_from_db()
    assert plan.status == SubmissionStatus.RECEIVED
    assert course_a.plan_received == date(2022, 3, 15)
