"""No dead ends, Danish date entry (issue 15): the menu offers only what the user may open;
dates are typed dd.mm.åååå in a text field whatever the browser's language."""

import re
from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse

from agreements.forms import CourseForm
from agreements.models import Course, Evaluation, Plan, PlanGoal, SubmissionStatus
from audit.models import AccessLog
from enterprises.models import Grant
from reports.models import ReportPeriod
from reports.services import report_publish
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseYearFactory,
    GrantFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db


def test_administration_is_offered_only_to_who_may_use_the_admin(client, consultant):
    consultant.is_staff = True  # staff, as the demo's konsulent, but no admin permission
    consultant.save()
    client.force_login(consultant)
    assert "Administration" not in client.get(reverse("agreements:courses")).content.decode()
    consultant.user_permissions.add(Permission.objects.get(codename="view_course"))
    client.force_login(consultant)
    assert "Administration" in client.get(reverse("agreements:courses")).content.decode()


def test_date_fields_are_danish_text_fields_and_read_danish_dates():
    form = CourseForm(
        data={"reference": "D22-0900", "agreement": AgreementFactory().pk, "start": "01.03.2022"}
    )
    html = str(form["start"])
    assert 'type="text"' in html and 'placeholder="dd.mm.åååå"' in html
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == date(2022, 3, 1)
    bound = CourseForm(instance=form.save())
    assert 'value="01.03.2022"' in str(bound["start"])


def test_the_data_quality_page_reads_danish_dates(client, consultant):
    client.force_login(consultant)
    response = client.get(reverse("reports:quality"), {"fra": "01.01.2022", "til": "31.12.2022"})
    assert (response.context["start"], response.context["end"]) == (
        date(2022, 1, 1),
        date(2022, 12, 31),
    )
    page = response.content.decode()
    assert 'value="01.01.2022"' in page and 'type="date"' not in page


def test_a_course_entered_by_mistake_is_deleted_after_confirmation_history_kept(client, consultant):
    course = CourseFactory(reference="T22-0002")
    client.force_login(consultant)
    url = reverse("delete_course", args=[course.pk])
    edit_page = client.get(reverse("agreements:course_edit", args=[course.pk])).content.decode()
    assert url in edit_page  # the edit page leads to it
    page = client.get(url).content.decode()
    assert "Ja, slet forløbet" in page and Course.objects.filter(pk=course.pk).exists()
    response = client.post(url)
    assert response.status_code == 302 and not Course.objects.filter(pk=course.pk).exists()
    deleted = Course.history.filter(reference="T22-0002").first()
    assert deleted.history_type == "-" and deleted.history_user == consultant
    assert AccessLog.objects.filter(reference="T22-0002", detail="forløb slettet").exists()


def test_deleting_is_refused_where_records_or_a_publication_rest_on_it(
    client, consultant, small_report
):
    client.force_login(consultant)
    with_plan = PlanFactory(course=CourseFactory(start=date(2021, 3, 1))).course
    response = client.post(reverse("delete_course", args=[with_plan.pk]))
    assert response.status_code == 409 and "har en plan" in response.content.decode()
    assert Course.objects.filter(pk=with_plan.pk).exists()

    counted = CourseFactory(start=date(2022, 3, 1))
    grant = GrantFactory(date=date(2022, 5, 1))
    report_publish(report=small_report, user=consultant)
    for name, record in (("delete_course", counted), ("delete_grant", grant)):
        response = client.post(reverse(name, args=[record.pk]))
        assert response.status_code == 409
        assert "Den udgivne «Årsrapport 2022»" in response.content.decode()
        assert type(record).objects.filter(pk=record.pk).exists()

    agreement = counted.agreement
    response = client.post(reverse("delete_agreement", args=[agreement.pk]))
    assert response.status_code == 409 and "Aftalen har 1 forløb" in response.content.decode()


def test_a_grant_outside_any_publication_is_deleted(client, consultant):
    grant = GrantFactory(date=date(2021, 5, 1))
    client.force_login(consultant)
    assert client.post(reverse("delete_grant", args=[grant.pk])).status_code == 302
    assert not Grant.objects.filter(pk=grant.pk).exists()
    assert Grant.history.filter(reference=grant.reference, history_type="-").exists()


def test_a_submitted_plan_shows_read_only_at_its_address_and_submitting_asks_first(
    client, staff_a, consultant, enterprise_a
):
    course = CourseFactory(agreement=AgreementFactory(enterprise=enterprise_a))
    plan = PlanFactory(course=course)  # a draft, still without goals
    client.force_login(staff_a)
    confirm = reverse("agreements:plan_submit", args=[plan.pk])
    page = client.get(confirm).content.decode()
    assert "kan ikke indsendes endnu" in page and "mindst ét mål" in page
    client.post(confirm)
    plan.refresh_from_db()
    assert plan.status == SubmissionStatus.DRAFT
    PlanGoal.objects.create(plan=plan, order=1, text="Stabilt fremmøde")
    page = client.get(confirm).content.decode()
    assert "Ja, indsend planen" in page and "Nej, ret videre" in page
    client.post(confirm)
    plan.refresh_from_db()
    assert plan.status == SubmissionStatus.SUBMITTED
    for user in (staff_a, consultant):
        client.force_login(user)
        response = client.get(reverse("agreements:plan_edit", args=[course.pk]), follow=True)
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == plan.get_absolute_url()


def test_drafts_save_incomplete_and_submitting_names_what_is_missing(client, staff_a, enterprise_a):
    course = CourseFactory(agreement=AgreementFactory(enterprise=enterprise_a))
    client.force_login(staff_a)
    url = reverse("agreements:plan_edit", args=[course.pk])
    draft = {"goals-TOTAL_FORMS": "1", "goals-INITIAL_FORMS": "0", "goals-0-text": "Fremmøde"}
    assert client.post(url, {**draft, "draft": "1"}).status_code == 302
    plan = Plan.objects.get(course=course)
    assert (plan.agreed_by, plan.agreed_on, plan.status) == ("", None, SubmissionStatus.DRAFT)
    page = client.post(url, {**draft, "submit": "1"}).content.decode()
    assert "Skriv, hvem der har aftalt planen, før den indsendes." in page
    assert "Skriv datoen, planen er aftalt, før den indsendes." in page

    url = reverse("agreements:evaluation_create", args=[course.pk])
    assert client.post(url, {"kind": "ongoing", "draft": "1"}).status_code == 302
    evaluation = Evaluation.objects.get(course=course)
    assert (evaluation.date, evaluation.progression) == (None, "")
    assert "uden dato" in str(evaluation)
    edit = reverse("agreements:evaluation_edit", args=[evaluation.pk])
    page = client.post(edit, {"kind": "final", "submit": "1"}).content.decode()
    for message in ("Skriv evalueringens dato", "Beskriv deltagerens progression", "arbejdsevne"):
        assert message in page
    assert client.get(reverse("agreements:course", args=[course.pk])).status_code == 200


@time_machine.travel(date(2023, 3, 1), tick=False)
def test_every_viser_n_af_m_leads_to_the_m(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1), plan_deadline_days=28)
    for n in range(30):
        CourseFactory(reference=f"V23-{n:04d}", agreement=agreement, start=date(2023, 1, 2))
    CourseFactory(reference="V23-0100", agreement=agreement, start=date(2023, 2, 25))  # not due
    client.force_login(consultant)
    page = client.get(reverse("agreements:home")).content.decode()
    link = reverse("agreements:courses") + "?frist=plan&amp;dato=01.03.2023"
    assert "Viser 25 af 30." in page and f'href="{link}">Se alle 30</a>' in page
    response = client.get(reverse("agreements:courses"), {"frist": "plan", "dato": "01.03.2023"})
    shown = {row.record.reference for row in response.context["table"].paginated_rows}
    assert len(shown) == 30 and "V23-0100" not in shown


def test_ny_rapport_ud_fra_denne_starts_the_next_period_with_the_texts(
    client, consultant, small_report
):
    client.force_login(consultant)
    url = reverse("reports:next", args=[small_report.pk])
    page = client.get(url).content.decode()
    assert "01.01.2023–31.12.2023" in page and "«Årsrapport 2023»" in page
    response = client.post(url)
    successor = ReportPeriod.objects.get(start=date(2023, 1, 1))
    assert response["Location"] == reverse("reports:texts", args=[successor.pk])
    assert (successor.title, successor.end) == ("Årsrapport 2023", date(2023, 12, 31))
    assert successor.sections.get(key="introduction").text == "Første udkast."
    client.post(url)  # again: the same report, not a second one
    assert ReportPeriod.objects.filter(start=date(2023, 1, 1)).count() == 1
    assert "Ny rapport ud fra denne" in client.get(reverse("reports:list")).content.decode()


def test_sorted_columns_say_so_and_filter_errors_are_linked_to_their_field(client, consultant):
    CourseFactory()
    client.force_login(consultant)
    page = client.get(reverse("agreements:courses"), {"sort": "-start"}).content.decode()
    assert 'aria-sort="descending"' in page and page.count("aria-sort=") == 1
    page = client.get(reverse("agreements:courses"), {"period_from": "31.02.2022"}).content.decode()
    assert 'aria-describedby="id_period_from_error"' in page
    assert 'id="id_period_from_error"' in page
    assert "1 post." in client.get(reverse("agreements:courses")).content.decode()


def test_fast_outcome_entry_errors_are_linked_to_their_fields(client, consultant):
    course = CourseFactory(start=date(2022, 3, 1))
    client.force_login(consultant)
    url = reverse("agreements:outcomes", args=[course.agreement.pk])
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": course.pk,
        "form-0-seen_version": course.version,
        "form-0-end": "01.02.2022",
        "form-0-outcome": "",
        "form-0-plan_received": "",
    }
    page = client.post(url, data).content.decode()
    assert 'aria-describedby="id_form-0-end_error"' in page and 'id="id_form-0-end_error"' in page


def test_an_enterprise_year_reads_2022_and_its_edit_link_is_outside_the_summary(client, consultant):
    year = EnterpriseYearFactory(year=2022)
    client.force_login(consultant)
    page = client.get(reverse("enterprises:detail", args=[year.enterprise.pk])).content.decode()
    assert "<summary>2022</summary>" in page and "2.022" not in page


def test_logging_out_says_so(client, consultant):
    client.force_login(consultant)
    page = client.post(reverse("logout"), follow=True).content.decode()
    assert "Du er logget ud." in page


def test_one_time_format_and_one_word_for_downloading(client, consultant, small_report):
    client.force_login(consultant)
    report_publish(report=small_report, user=consultant)
    page = client.get(reverse("reports:list")).content.decode()
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d\.\d\d", page) and not re.search(r" \d\d:\d\d", page)
    draft = client.get(reverse("reports:full", args=[small_report.pk])).content.decode()
    assert "Hent PDF" in draft and "Download" not in draft


def test_fundraising_has_a_total_row_of_everything_filtered(client, consultant):
    for n, amount in enumerate((1_000, 25_000, 9_477_911)):
        GrantFactory(reference=f"F22-{n}", amount=amount, date=date(2022, 5, 1))
    client.force_login(consultant)
    page = client.get(reverse("enterprises:grant_list")).content.decode()
    assert "<tfoot" in page and "I alt, 3 bevillinger" in page and "9.503.911 kr." in page


def test_no_empty_choice_among_radio_buttons(staff_a, enterprise_a):
    from agreements.forms import EvaluationForm

    course = CourseFactory(agreement=AgreementFactory(enterprise=enterprise_a))
    form = EvaluationForm(course=course)
    assert "– vælg –" not in str(form["kind"]) and 'value=""' not in str(form["kind"])


@time_machine.travel(date(2023, 6, 1), tick=False)
def test_courses_left_open_under_an_ended_agreement_are_flagged():
    from reports.quality import data_check

    agreement = AgreementFactory(start=date(2022, 1, 1), end=date(2023, 2, 28))
    CourseFactory(reference="O22-0001", agreement=agreement, start=date(2022, 5, 1))
    CourseFactory(
        reference="O22-0002", agreement=agreement, start=date(2022, 5, 1), end=date(2022, 9, 1)
    )
    findings = [
        f
        for f in data_check(start=date(2022, 1, 1), end=date(2023, 12, 31), today=date(2023, 6, 1))
        if f.check == "Forløb i gang under en afsluttet aftale"
    ]
    assert [f.text.split()[0] for f in findings] == ["O22-0001"]
    assert "sluttede 28.02.2023" in findings[0].text


def test_over_capacity_is_visibly_different(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1), capacity=1)
    CourseFactory.create_batch(2, agreement=agreement, start=date(2022, 2, 1))
    client.force_login(consultant)
    page = client.get(reverse("agreements:home"), {"dato": "01.03.2022"}).content.decode()
    assert 'class="over-capacity"' in page and "over rammen" in page


@time_machine.travel(date(2023, 3, 1), tick=False)
def test_singular_and_plural_on_the_start_page_and_one_sign_for_nothing(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1), plan_deadline_days=28)
    CourseFactory(reference="P23-0001", agreement=agreement, start=date(2023, 1, 31))  # 1 day
    CourseFactory(reference="P23-0002", agreement=agreement, start=date(2023, 1, 30))  # 2 days
    client.force_login(consultant)
    page = client.get(reverse("agreements:home")).content.decode()
    assert "1 dag over" in page and "2 dage over" in page and "1 dage" not in page
    listing = client.get(reverse("agreements:courses")).content.decode()
    assert "—" not in listing and ">–</td>" in listing


def test_a_data_quality_finding_links_to_the_admin_only_for_who_may_open_it(
    client, consultant, admin_user, small_report
):
    from tests.factories import PublishedFigureFactory

    PublishedFigureFactory(
        key="fundraising.total_dkk",
        period_start=small_report.start,
        period_end=small_report.end,
        value=1,
    )
    query = {"fra": "01.01.2022", "til": "31.12.2022"}
    admin_link = reverse("admin:reports_publishedfigure_changelist")
    client.force_login(consultant)
    page = client.get(reverse("reports:quality"), query).content.decode()
    assert "Offentliggjort tal afviger" in page and admin_link not in page
    client.force_login(admin_user)
    page = client.get(reverse("reports:quality"), query).content.decode()
    assert admin_link in page
