"""Data-quality checks: each kind of problem is found, with a link to the record."""

from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from reports.checks import data_check
from tests.factories import AgreementFactory, CourseFactory, EnterpriseFactory, GrantFactory

pytestmark = pytest.mark.django_db
START, END = date(2022, 1, 1), date(2022, 12, 31)


def found(check):
    with time_machine.travel(date(2023, 1, 15)):
        return [
            f for f in data_check(start=START, end=END, today=date(2023, 1, 15)) if f.check == check
        ]


def test_completed_without_outcome_and_overdue_plan():
    course = CourseFactory(reference="K-1", start=date(2022, 2, 1), end=date(2022, 4, 1))
    CourseFactory(reference="K-2", start=date(2022, 2, 1), plan_received=date(2022, 2, 20))
    [finding] = found("Afsluttet uden resultat")
    assert "K-1" in finding.text and finding.url.endswith(f"/{course.pk}/change/")
    assert [f.text.split(" ")[0] for f in found("Plan mangler efter fristen")] == ["K-1"]


def test_far_longer_than_standard_without_extension():
    agreement = AgreementFactory(standard_weeks=13)
    CourseFactory(reference="L-1", agreement=agreement, start=date(2022, 1, 3))
    CourseFactory(
        reference="L-2",
        agreement=agreement,
        start=date(2022, 1, 3),
        extended_until=date(2023, 6, 1),
    )
    CourseFactory(reference="L-3", agreement=agreement, start=date(2022, 11, 1))
    assert [f.text.split(" ")[0] for f in found("Langt over standardlængden")] == ["L-1"]


def test_more_simultaneous_courses_than_slots():
    agreement = AgreementFactory(name="Lille aftale", capacity=2)
    for i in range(3):
        CourseFactory(agreement=agreement, start=date(2022, 3, 1 + i), end=date(2022, 5, 1))
    [finding] = found("Flere forløb end rammen")
    assert "Lille aftale: 3 samtidige forløb 03.03.2022 mod en ramme på 2" in finding.text


def test_records_outside_membership_and_similar_references():
    enterprise = EnterpriseFactory(joined=date(2022, 6, 1))
    GrantFactory(reference="G-før", enterprise=enterprise, date=date(2022, 3, 1))
    GrantFactory(reference="G-efter", enterprise=enterprise, date=date(2022, 7, 1))
    [finding] = found("Dateret uden for medlemskabet")
    assert "G-før" in finding.text
    CourseFactory(reference="D22-0001")
    CourseFactory(reference="d22 OOO1")
    CourseFactory(reference="D22-0002")
    [similar] = found("Referencer der ligner hinanden")
    assert "D22-0001" in similar.text and "d22 OOO1" in similar.text


def test_published_difference_in_the_demo_and_the_page(client, consultant, demo, capsys):
    call_command("check_data", start="2022-01-01", end="2023-02-28")
    out = capsys.readouterr().out
    assert "9.553.911" in out and "9.503.911" in out
    client.force_login(consultant)
    page = client.get(reverse("reports:quality")).content.decode()
    assert "Offentliggjort tal afviger" in page and "01.01.2022–28.02.2023" in page


def test_page_is_for_consultants_only(client, committee_member, staff_a):
    for user in (committee_member, staff_a):
        client.force_login(user)
        assert client.get(reverse("reports:quality")).status_code == 404
