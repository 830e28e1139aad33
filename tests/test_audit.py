"""Who did what: change history on the record, the access log (views, searches, exports,
changes; per reference in the app and by command; not alterable; purged by retention),
erasure after retention with the published figures intact, and backup/restore."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Course, Evaluation, Plan
from agreements.services import courses_anonymise
from audit.models import AccessLog, Action
from reports.comparison import figures_compare
from reports.selectors import report_figures
from reports.services import report_publish
from socialeconomy.backup import database_backup, database_restore
from tests.factories import CourseFactory, EvaluationFactory, GrantFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _actions(reference):
    return [(e.username, e.action) for e in AccessLog.objects.filter(reference=reference)]


def test_a_change_shows_who_when_before_and_after_on_the_record(client, consultant):
    course = CourseFactory(reference="H-1", end=None)
    client.force_login(consultant)
    data = {
        "reference": "H-1",
        "agreement": course.agreement.pk,
        "start": "2022-03-01",
        "end": "2022-06-30",
        "outcome": "education",
        "seen_version": course.version,
    }
    response = client.post(reverse("agreements:course_edit", args=[course.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(reverse("agreements:course", args=[course.pk])).content.decode()
    assert "Historik" in page and "konsulent-test" in page
    assert "Slut: – → 30.06.2022" in page and "Resultat: – → Uddannelse" in page


def test_history_of_agreements_and_grants_is_shown_to_consultants_only(
    client, consultant, staff_a, enterprise_a
):
    grant = GrantFactory(enterprise=enterprise_a, donor="Fonden", amount=1000)
    grant.amount = 2000
    grant.save()
    client.force_login(consultant)
    page = client.get(reverse("enterprises:grant_edit", args=[grant.pk])).content.decode()
    assert "Beløb (kr.): 1000 → 2000" in page
    course = CourseFactory(agreement__enterprise=enterprise_a)
    client.force_login(staff_a)
    page = client.get(reverse("agreements:course", args=[course.pk])).content.decode()
    assert "Historik" not in page and "Adgangslog" not in page


def test_views_searches_exports_and_changes_are_logged(client, consultant, staff_a, enterprise_a):
    course = CourseFactory(reference="L-7", agreement__enterprise=enterprise_a)
    plan = PlanFactory(course=course)
    client.force_login(staff_a)
    client.get(reverse("agreements:course", args=[course.pk]))
    client.force_login(consultant)
    client.get(reverse("agreements:courses"), {"q": "L-7"})
    client.get(reverse("agreements:plan", args=[plan.pk]))
    client.get(reverse("agreements:courses"), {"eksport": "xlsx"})
    course.end = date(2022, 9, 1)
    course.save()
    assert _actions("L-7") == [
        ("systemet", Action.CHANGE),
        ("konsulent-test", Action.EXPORT),  # the list's export names every reference in it
        ("konsulent-test", Action.VIEW),
        ("konsulent-test", Action.SEARCH),  # the list showed L-7
        ("medarbejder-a", Action.VIEW),
        ("systemet", Action.CREATE),  # the plan
        ("systemet", Action.CREATE),  # the course
    ]
    assert AccessLog.objects.filter(action=Action.SEARCH, detail="L-7").exists()
    assert AccessLog.objects.filter(action=Action.EXPORT, username="konsulent-test").exists()
    page = client.get(reverse("audit:log"), {"reference": "L-7"}).content.decode()
    assert "medarbejder-a" in page and "Søgning" in page and "Visning" in page


def test_the_command_prints_the_log_and_the_purge_keeps_the_recent(consultant, capsys):
    with time_machine.travel(date(2020, 1, 1)):
        AccessLog.objects.create(username="gammel", action=Action.VIEW, reference="P-1")
    AccessLog.objects.create(username="ny", action=Action.VIEW, reference="P-1")
    call_command("access_log", "P-1")
    out = capsys.readouterr()
    assert "gammel" in out.out and "ny" in out.out and "2 poster for P-1" in out.err
    call_command("purge_access_log", days=365)
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["ny"]


def test_the_log_cannot_be_altered():
    entry = AccessLog.objects.create(username="a", action=Action.VIEW, reference="Q-1")
    entry.username = "b"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        AccessLog.objects.update(username="b")


def test_ordinary_users_cannot_read_the_log(client, staff_a, committee_member):
    for user in (staff_a, committee_member):
        client.force_login(user)
        assert client.get(reverse("audit:log"), {"reference": "X"}).status_code == 404


def test_anonymising_keeps_the_published_figures(small_report, consultant, capsys):
    course = Course.objects.filter(end__isnull=False).first()
    PlanFactory(course=course)
    EvaluationFactory(course=course)
    publication = report_publish(report=small_report, user=consultant)
    pdf_before = bytes(publication.report_pdf)
    with time_machine.travel(date(2028, 1, 1)):
        call_command("anonymise_courses", years=5)
    assert "8 forløb afsluttet før 01.01.2023 er anonymiseret" in capsys.readouterr().out
    assert not Course.objects.filter(end__isnull=False).exclude(reference__startswith="ANON-")
    assert not Plan.objects.exists() and not Evaluation.objects.exists()
    assert not Course.history.filter(reference=course.reference).exists()
    report = small_report
    today = report_figures(start=report.start, end=report.end)
    compared = figures_compare(publication.figures, today)
    assert compared and not [row for row in compared if row.differs]
    publication.refresh_from_db()
    assert bytes(publication.report_pdf) == pdf_before
    assert courses_anonymise(ended_before=date(2023, 1, 1)) == 0  # nothing twice


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_gives_the_same_figures(small_report, tmp_path):
    period = {"start": small_report.start, "end": small_report.end}
    before = report_figures(**period)
    path = database_backup(folder=tmp_path)
    Course.objects.filter(end__isnull=True).delete()
    assert report_figures(**period) != before
    database_restore(path)
    assert report_figures(**period) == before
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_anonymise_dry_run_changes_nothing(capsys):
    CourseFactory(start=date(2015, 1, 1), end=date(2015, 6, 1))
    with time_machine.travel(date(2026, 1, 1) + timedelta(days=1)):
        call_command("anonymise_courses", dry_run=True)
    assert "1 forløb" in capsys.readouterr().out and not Course.objects.filter(
        anonymised_on__isnull=False
    )
