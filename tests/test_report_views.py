"""Who reaches the report pages and downloads. Outside the scope: 404, never 403."""

import pytest
from django.urls import reverse

from demo.loader import PERIOD_START
from reports.models import ReportPeriod

pytestmark = pytest.mark.django_db

DRAFTS = ["full", "public", "summary"]


@pytest.fixture
def report(demo):
    return ReportPeriod.objects.get(start=PERIOD_START)  # the demo also has 2023


@pytest.mark.parametrize("name", DRAFTS)
def test_consultant_reads_the_draft_pages(client, consultant, report, name):
    client.force_login(consultant)
    page = client.get(reverse(f"reports:{name}", args=[report.pk])).content.decode()
    assert "Hent PDF" in page and "(kladde)" in page
    assert reverse(f"reports:{name}_pdf", args=[report.pk]) in page


@pytest.mark.parametrize("name", DRAFTS)
def test_consultant_downloads_the_draft_pdfs(client, consultant, small_report, name):
    client.force_login(consultant)
    response = client.get(reverse(f"reports:{name}_pdf", args=[small_report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("name", [*DRAFTS, *(f"{d}_pdf" for d in DRAFTS)])
def test_enterprise_staff_and_unpublished_committee_get_404(
    client, staff_a, committee_member, report, name
):
    for user in (staff_a, committee_member):
        client.force_login(user)
        assert client.get(reverse(f"reports:{name}", args=[report.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, report):
    response = client.get(reverse("reports:full", args=[report.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_unknown_report_is_404(client, consultant, report):
    client.force_login(consultant)
    assert client.get(reverse("reports:full", args=[report.pk + 99])).status_code == 404


def test_committee_home_goes_to_reports(client, committee_member, report):
    client.force_login(committee_member)
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse("reports:list")
    page = client.get(reverse("reports:list")).content.decode()
    assert "Der er endnu ingen udgivne årsrapporter." in page


def test_consultant_list_shows_drafts_and_actions(client, consultant, report):
    client.force_login(consultant)
    page = client.get(reverse("reports:list")).content.decode()
    assert "Den Socialøkonomiske Årsrapport 2022" in page
    assert reverse("reports:publish", args=[report.pk]) in page
    assert "Ikke udgivet endnu" in page


def test_report_list_is_404_for_enterprise_staff(client, staff_a):
    client.force_login(staff_a)
    assert client.get(reverse("reports:list")).status_code == 404
