"""The demo reads as a working day (issue 15): the start page opens at the records' own last
day when they stop long before today, says so, and shows what it shows in the access log."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from audit.models import AccessLog, Action
from reports.quality import FigureDifference, _as_stated
from tests.factories import AgreementFactory, CourseFactory

pytestmark = pytest.mark.django_db


def _home(client, **params):
    response = client.get(reverse("agreements:home"), params)
    assert response.status_code == 200
    return response


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_the_start_page_opens_at_the_records_last_day_and_says_so(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1), plan_deadline_days=28)
    CourseFactory(reference="W22-0001", agreement=agreement, start=date(2023, 1, 2))
    CourseFactory(
        reference="W22-0002",
        agreement=agreement,
        start=date(2022, 3, 1),
        end=date(2023, 2, 28),
        plan_received=date(2022, 3, 20),
    )
    client.force_login(consultant)
    response = _home(client)
    assert response.context["today"] == date(2023, 2, 28)
    page = response.content.decode()
    assert "Registreringerne går til 28.02.2023" in page and "Vis pr. i dag" in page
    overdue = [row.overdue_days for row in response.context["plans_due"].rows]
    assert overdue == [29]  # measured to 28.02.2023, not the 1.400 days to today

    today = _home(client, dato="01.12.2026")  # asked for: today, as asked
    assert today.context["today"] == date(2026, 12, 1)
    assert "Registreringerne går til" not in today.content.decode()


@time_machine.travel(date(2023, 3, 1), tick=False)
def test_current_records_open_at_today(client, consultant):
    CourseFactory(start=date(2023, 2, 1), agreement__start=date(2022, 1, 1))
    client.force_login(consultant)
    response = _home(client)
    assert response.context["today"] == date(2023, 3, 1)
    assert "Registreringerne går til" not in response.content.decode()


@time_machine.travel(date(2023, 3, 1), tick=False)
def test_the_start_page_logs_every_reference_it_shows(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1), plan_deadline_days=28)
    CourseFactory(reference="S23-0001", agreement=agreement, start=date(2023, 1, 2))
    CourseFactory(reference="S23-0002", agreement=agreement, start=date(2022, 9, 1))
    client.force_login(consultant)
    _home(client)
    logged = AccessLog.objects.filter(action=Action.LIST, detail="startsiden: frister")
    assert {"S23-0001", "S23-0002"} <= set(logged.values_list("reference", flat=True))


def test_a_published_figure_is_quoted_as_worded_with_the_number_it_means():
    difference = FigureDifference(
        key="fundraising.total_dkk",
        label="Fundraising i alt (kr.)",
        document="Årsrapport 2022",
        published=9_553_911,
        stated_as="9.553.911 mio. kr.",
        computed=9_503_911,
    )
    assert _as_stated(difference) == "«9.553.911 mio. kr.» (tallet 9.553.911)"
    plain = FigureDifference("k", "Tal", "Rapport", 71, "71", 70)
    assert _as_stated(plain) == "71"
