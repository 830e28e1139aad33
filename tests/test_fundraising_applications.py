"""Fundraising applications (strategy track 2.2): the decision, the link to the grant, and
the report's applications, amounts and hit rate beside the grants."""

from datetime import date

import pytest
from django.urls import reverse

from activities.models import FundraisingApplication
from activities.selectors import applications
from reports.document import render_report_html
from tests.factories import FundraisingApplicationFactory, GrantFactory

pytestmark = pytest.mark.django_db


def test_hit_rate_is_granted_of_decided(enterprise_a):
    grant = GrantFactory(enterprise=enterprise_a, amount=80_000, date=date(2022, 9, 1))
    FundraisingApplicationFactory(
        enterprise=enterprise_a, amount=100_000, decision="granted", grant=grant
    )
    FundraisingApplicationFactory(amount=50_000, decision="refused")
    FundraisingApplicationFactory(amount=25_000, decision="refused")
    FundraisingApplicationFactory(amount=40_000)  # pending: not in the hit rate
    FundraisingApplicationFactory(amount=999_999, date=date(2021, 6, 1))  # outside
    summary = applications(date(2022, 1, 1), date(2022, 12, 31))
    assert summary["count"] == 4 and summary["amount_applied_dkk"] == 215_000
    assert (summary["granted"], summary["refused"], summary["pending"]) == (1, 2, 1)
    assert summary["decided"] == 3 and summary["hit_rate_percent"] == 33
    assert summary["amount_granted_dkk"] == 80_000  # what the linked grant gave


def test_report_shows_applications_beside_the_grants(small_report):
    FundraisingApplicationFactory(amount=100_000, decision="granted", date=date(2022, 3, 1))
    FundraisingApplicationFactory(amount=60_000, decision="refused", date=date(2022, 4, 1))
    html = render_report_html(small_report)
    assert "Fondsansøgninger" in html
    assert "sendt 2 ansøgninger om i alt 160.000\xa0kr." in html
    assert "Hitraten er 50\xa0% af 2 afgjorte ansøgninger" in html


def test_only_a_granted_application_links_a_grant(client, consultant, enterprise_a):
    grant = GrantFactory(enterprise=enterprise_a)
    client.force_login(consultant)
    data = {
        "enterprise": enterprise_a.pk,
        "donor": "Velliv",
        "amount": "50000",
        "date": "2022-05-01",
        "decision": "pending",
        "grant": grant.pk,
        "decided": "2022-04-01",
    }
    page = client.post(reverse("activities:application_create"), data)
    assert "Kun en bevilget ansøgning kan knyttes til en bevilling" in page.text
    assert "En ansøgning, der afventer svar, har ingen afgørelsesdato" in page.text
    assert not FundraisingApplication.objects.exists()
    data |= {"decision": "granted", "decided": "2022-06-15"}
    assert client.post(reverse("activities:application_create"), data).status_code == 302
    assert FundraisingApplication.objects.get().grant == grant
    listing = client.get(reverse("activities:application_list"))
    assert "Velliv" in listing.text and "50.000\xa0kr." in listing.text


def test_activity_list_filters_by_state_and_quality_page_shows_activity_flags(client, consultant):
    from tests.factories import ActivityFactory, ActivityFigureFactory

    running = ActivityFactory(name="Kører", state="running")
    ActivityFactory(name="Planlagt aktivitet", state="planned")
    client.force_login(consultant)
    page = client.get(reverse("activities:list"), {"state_now": "running"})
    assert "Kører" in page.text and "Planlagt aktivitet" not in page.text
    for period, value in (("2022-Q2", 45), ("2022-Q3", 3)):
        ActivityFigureFactory(activity=running, period=period, value=value)
    quality = client.get(reverse("reports:quality"), {"fra": "2022-01-01", "til": "2022-12-31"})
    assert "Tal år til dato falder (1)" in quality.text
    assert running.get_absolute_url() in quality.text
