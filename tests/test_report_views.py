"""Who reaches the report pages and downloads. Outside the scope: 404, never 403."""

import pytest
from django.urls import reverse

from reports.models import ReportPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo):
    return ReportPeriod.objects.get()


@pytest.mark.parametrize("name", ["detail", "pdf", "summary", "summary_pdf"])
def test_committee_reads_and_downloads(client, committee_member, report, name):
    client.force_login(committee_member)
    response = client.get(reverse(f"reports:{name}", args=[report.pk]))
    assert response.status_code == 200
    if name.endswith("pdf"):
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert "attachment" in response["Content-Disposition"]
    else:
        assert "Download PDF" in response.content.decode()


@pytest.mark.parametrize("name", ["detail", "pdf", "summary", "summary_pdf"])
def test_enterprise_staff_gets_404(client, staff_a, report, name):
    client.force_login(staff_a)
    assert client.get(reverse(f"reports:{name}", args=[report.pk])).status_code == 404


def test_anonymous_is_sent_to_login(client, report):
    response = client.get(reverse("reports:detail", args=[report.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_unknown_report_is_404(client, consultant, report):
    client.force_login(consultant)
    assert client.get(reverse("reports:detail", args=[report.pk + 99])).status_code == 404


def test_committee_home_goes_to_reports(client, committee_member, report):
    client.force_login(committee_member)
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse("reports:list")
    page = client.get(reverse("reports:list")).content.decode()
    assert "Den Socialøkonomiske Årsrapport 2022" in page


def test_report_list_is_404_for_enterprise_staff(client, staff_a):
    client.force_login(staff_a)
    assert client.get(reverse("reports:list")).status_code == 404
