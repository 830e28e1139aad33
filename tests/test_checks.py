"""Data-quality checks: each kind of problem is found, with a link to the record."""

from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Course
from reports.quality import data_check, reference_lookalikes
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
    assert "K-1" in finding.text and finding.url == course.get_absolute_url()
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
    first = Course.objects.get(reference="D22-0001")
    assert similar.url == reverse("agreements:course", args=[first.pk])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("D22-0001", "d22 OOO1"),  # case, spacing, O for 0
        ("D22-0011", "D22-00l1"),  # l for 1
        ("D22-0191", "D22-191"),  # a leading zero too few
        ("D22-0191", "D22-00191"),  # a leading zero too many
        ("D22-0191", "DD22-0191"),  # a letter too many
        ("D22-0191", "22-0191"),  # a letter too few
        ("D22-0591", "D22-0S9l"),  # S for 5, l for 1
        ("AB-0191", "BA-0191"),  # two letters transposed
        ("D22-0191", "2D2-0191"),  # a letter and a digit transposed
        ("D22-0191", "D2-20191"),  # the dash in the wrong place
    ],
)
def test_typos_look_alike(a, b):
    assert reference_lookalikes([a, b, "X-9999"]) == [sorted([a, b])]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("D22-0191", "D22-0192"),  # the next number in the series
        ("D22-0191", "D22-0119"),  # digits transposed: another number
        ("D22-0191", "D22-0291"),
        ("D22-0191", "F22-0192"),  # two edits apart
        ("D22-0191", "E22-0191"),  # another series with the same numbers
        ("D22-0191", "D22-0A91"),  # a letter that does not look like the digit
        ("D22-19", "D22-191"),  # another number of a series without leading zeros
    ],
)
def test_other_numbers_do_not_look_alike(a, b):
    assert reference_lookalikes([a, b]) == []


def test_look_alikes_chain_into_one_group_and_the_demo_has_none():
    assert reference_lookalikes(["D22-0001", "D22-001", "d22-01", "DD22-01"]) == [
        ["D22-0001", "D22-001", "DD22-01", "d22-01"]
    ]
    series = [f"{p}{y}-{n:04d}" for p in "DFM" for y in (22, 23) for n in range(1, 5_000)]
    unpadded = [f"U-{n}" for n in range(1, 5_000)]
    assert reference_lookalikes(series + unpadded) == []
    assert reference_lookalikes([*series, "D22-042", "F23-0O42"]) == [
        ["D22-0042", "D22-042"],
        ["F23-0042", "F23-0O42"],
    ]


def test_published_difference_in_the_demo_and_the_page(client, consultant, demo, capsys):
    call_command("check_data", start="2022-01-01", end="2023-02-28")
    out = capsys.readouterr().out
    assert "9.553.911" in out and "9.503.911" in out
    client.force_login(consultant)
    # The demo's latest report is 2023's; the 2022 period is asked for.
    url = reverse("reports:quality") + "?fra=2022-01-01&til=2023-02-28"
    page = client.get(url).content.decode()
    assert "Offentliggjort tal afviger" in page and "01.01.2022–28.02.2023" in page


def test_page_is_for_consultants_only(client, committee_member, staff_a):
    for user in (committee_member, staff_a):
        client.force_login(user)
        assert client.get(reverse("reports:quality")).status_code == 404
