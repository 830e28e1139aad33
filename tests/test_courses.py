"""Consultants' registers: lists scoped, filtered and exported; forms that keep what was
typed; the fast outcome entry saved together or not at all."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from agreements.models import Course
from reports.models import EvaluationAnswer
from tests.factories import AgreementFactory, CourseFactory, ReportPeriodFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement_a(enterprise_a):
    return AgreementFactory(name="Aftale A", enterprise=enterprise_a, start=date(2022, 1, 1))


@pytest.fixture
def agreement_b(enterprise_b):
    return AgreementFactory(name="Aftale B", enterprise=enterprise_b, start=date(2022, 1, 1))


def _course(agreement, reference, **kwargs):
    kwargs.setdefault("start", date(2022, 2, 1))
    return CourseFactory(agreement=agreement, reference=reference, **kwargs)


def test_staff_list_search_and_export_hold_only_their_own_courses(
    client, staff_a, agreement_a, agreement_b
):
    _course(agreement_a, "A-001", end=date(2022, 5, 1), outcome="prison")
    _course(agreement_b, "B-001")
    client.force_login(staff_a)
    page = client.get(reverse("agreements:courses")).content.decode()
    assert "A-001" in page and "B-001" not in page
    assert "Fængsel" not in page and "Resultat" not in page  # outcomes are not theirs to see
    searched = client.get(reverse("agreements:courses"), {"q": "B-00"}).content.decode()
    assert "B-001" not in searched
    export = client.get(reverse("agreements:courses"), {"eksport": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert [r[0] for r in rows[1:]] == ["A-001"]
    assert "Resultat" not in rows[0]
    # Another enterprise's agreement is not even a choice in the filter.
    assert (
        client.get(reverse("agreements:courses"), {"agreement": agreement_b.pk}).status_code == 200
    )
    assert "Aftale B" not in page


def test_course_list_filters_and_exports_what_it_shows(client, consultant, agreement_a):
    _course(agreement_a, "D22-0001", end=date(2022, 6, 1), outcome="education")
    _course(agreement_a, "D22-0002", end=date(2022, 6, 1), outcome="")
    _course(agreement_a, "D22-0003")
    _course(agreement_a, "D23-0001", start=date(2023, 2, 1))
    client.force_login(consultant)
    url = reverse("agreements:courses")

    def references(params):
        export = client.get(url, {**params, "eksport": "xlsx"})
        assert export["Content-Type"].startswith("application/vnd.openxmlformats")
        rows = list(load_workbook(io.BytesIO(export.content)).active.values)
        return sorted(r[0] for r in rows[1:])

    assert references({"status": "ongoing"}) == ["D22-0003", "D23-0001"]
    assert references({"status": "completed", "outcome": "none"}) == ["D22-0002"]
    assert references({"outcome": "education"}) == ["D22-0001"]
    assert references({"q": "d22"}) == ["D22-0001", "D22-0002", "D22-0003"]
    assert references({"period_from": "2022-07-01", "period_to": "2022-12-31"}) == ["D22-0003"]
    # The export's dates are real dates, not text.
    export = client.get(url, {"q": "D22-0001", "eksport": "xlsx"})
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet.cell(row=2, column=3).value.date() == date(2022, 2, 1)


def test_course_list_runs_a_constant_number_of_queries(
    client, consultant, agreement_a, django_assert_max_num_queries
):
    for i in range(60):
        _course(agreement_a, f"Q-{i:03}")
    client.force_login(consultant)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("agreements:courses"), {"sort": "-start"})
    assert response.status_code == 200
    assert "Viser 1–50 af 60" in response.content.decode()


def test_invalid_course_form_keeps_what_was_typed_and_says_why(client, consultant, agreement_a):
    client.force_login(consultant)
    data = {
        "reference": "D22-0042",
        "agreement": agreement_a.pk,
        "start": "2022-03-01",
        "end": "2022-02-01",
        "outcome": "",
    }
    response = client.post(reverse("agreements:course_create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Slutdatoen skal ligge på eller efter startdatoen." in page
    assert 'value="D22-0042"' in page and 'value="2022-03-01"' in page
    assert not Course.objects.filter(reference="D22-0042").exists()


def test_cpr_number_is_refused_as_a_reference(client, consultant, agreement_a):
    client.force_login(consultant)
    data = {"reference": "010203-1234", "agreement": agreement_a.pk, "start": "2022-03-01"}
    page = client.post(reverse("agreements:course_create"), data).content.decode()
    assert "ligner et CPR-nummer" in page
    assert not Course.objects.exists()


def test_fast_outcome_entry_saves_all_rows_together(client, consultant, agreement_a):
    first = _course(agreement_a, "R-1")
    second = _course(agreement_a, "R-2")
    client.force_login(consultant)
    url = reverse("agreements:outcomes", args=[agreement_a.pk])
    data = _outcome_post(
        [
            (first, "2022-05-01", "flexjob", "2022-02-20"),
            (second, "2022-06-01", "education", ""),
        ]
    )
    response = client.post(url, data, follow=True)
    assert "2 forløb er opdateret." in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.end, first.outcome, first.plan_received) == (
        date(2022, 5, 1),
        "flexjob",
        date(2022, 2, 20),
    )
    assert (second.end, second.outcome) == (date(2022, 6, 1), "education")


def test_fast_outcome_entry_saves_nothing_when_one_row_is_wrong(client, consultant, agreement_a):
    first = _course(agreement_a, "R-1")
    second = _course(agreement_a, "R-2")
    client.force_login(consultant)
    url = reverse("agreements:outcomes", args=[agreement_a.pk])
    data = _outcome_post(
        [
            (first, "2022-05-01", "flexjob", ""),
            (second, "", "education", ""),  # an outcome without an end date
        ]
    )
    page = client.post(url, data).content.decode()
    assert "Intet er gemt" in page
    assert "Et resultat kan kun registreres på et afsluttet forløb" in page
    first.refresh_from_db()
    assert first.end is None and first.outcome == ""


def test_fast_outcome_entry_refuses_another_enterprises_course(
    client, consultant, agreement_a, agreement_b
):
    ours = _course(agreement_a, "R-1")
    theirs = _course(agreement_b, "B-1")
    client.force_login(consultant)
    url = reverse("agreements:outcomes", args=[agreement_a.pk])
    data = _outcome_post([(theirs, "2022-05-01", "prison", "")])
    page = client.post(url, data).content.decode()
    assert "hører til denne aftale" in page
    theirs.refresh_from_db()
    ours.refresh_from_db()
    assert theirs.outcome == "" and theirs.end is None


def _outcome_post(rows):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, (course, end, outcome, plan) in enumerate(rows):
        data |= {
            f"form-{i}-id": course.pk,
            f"form-{i}-end": end,
            f"form-{i}-outcome": outcome,
            f"form-{i}-plan_received": plan,
        }
    return data


def test_nine_answers_are_edited_in_the_browser(client, consultant, agreement_a):
    report = ReportPeriodFactory()
    client.force_login(consultant)
    url = reverse("reports:answers", args=[agreement_a.pk, report.pk])
    data = {f"q{n}": "" for n in range(1, 10)} | {"q4": "Ja, 26 af 29 havde en plan."}
    client.post(url, data)
    answer = EvaluationAnswer.objects.get(agreement=agreement_a, report=report)
    assert (answer.question, answer.text) == (4, "Ja, 26 af 29 havde en plan.")
    client.post(url, data | {"q4": ""})
    assert not EvaluationAnswer.objects.exists()


def test_consultant_creates_an_agreement_and_a_grant(client, consultant, enterprise_a):
    client.force_login(consultant)
    response = client.post(
        reverse("agreements:create"),
        {
            "name": "Ny aftale",
            "enterprise": enterprise_a.pk,
            "model": "1",
            "referring_unit": "jobcenter",
            "also_referring_units": ["youth_unit"],
            "start": "2023-01-01",
            "standard_weeks": "13",
            "plan_deadline_days": "28",
        },
    )
    assert response.status_code == 302
    agreement = enterprise_a.agreements.get()
    assert agreement.also_referring_units == ["youth_unit"]
    response = client.post(
        reverse("enterprises:grant_create"),
        {
            "reference": "F-1",
            "enterprise": enterprise_a.pk,
            "date": "01.03.2023",
            "donor": "Velliv",
            "amount": "0",
        },
    )
    assert "Beløbet skal være større end 0 kr." in response.content.decode()
