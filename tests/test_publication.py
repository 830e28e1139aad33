"""Publishing freezes a report: the published PDF comes back byte for byte whatever changes
in the records, and today's figures are shown beside the published ones."""

from datetime import date

import pytest
from django.urls import reverse

from enterprises.models import Enterprise
from reports.models import Publication
from reports.services import report_publish, report_texts_update
from tests.factories import CourseFactory, GrantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(small_report, consultant):
    return report_publish(report=small_report, user=consultant)


def test_publish_freezes_figures_texts_and_documents(published, small_report):
    assert published.version == 1
    assert published.figures["courses"]["participants"] == 12
    assert published.figures["fundraising"]["total_dkk"] == 125_000
    assert published.texts == {"introduction": "Første udkast."}
    for field in ("report_pdf", "public_pdf", "summary_pdf"):
        assert bytes(getattr(published, field)).startswith(b"%PDF")
    assert "Første udkast." in published.report_html
    assert "Offentlig udgave" in published.public_html
    small_report.refresh_from_db()
    assert small_report.issued is not None


def test_published_pdf_is_byte_identical_after_the_records_change(
    client, consultant, committee_member, published, small_report
):
    url = reverse("reports:publication_public_pdf", args=[published.pk])
    client.force_login(committee_member)
    before = client.get(url).content

    CourseFactory(agreement__name="Ny aftale", start=date(2022, 3, 1))
    GrantFactory(amount=5_000, date=date(2022, 8, 1))
    report_texts_update(report=small_report, texts={"introduction": "Rettet tekst."})

    assert client.get(url).content == before == bytes(published.public_pdf)
    client.force_login(consultant)
    full = client.get(reverse("reports:publication_full_pdf", args=[published.pk]))
    assert full.content == bytes(published.report_pdf)
    page = client.get(reverse("reports:publication_full", args=[published.pk])).content.decode()
    assert "Første udkast." in page and "Rettet tekst." not in page
    draft = client.get(reverse("reports:full", args=[small_report.pk])).content.decode()
    assert "Rettet tekst." in draft


def test_comparison_marks_what_changed_since_publication(
    client, consultant, published, small_report
):
    enterprise = small_report.publications.get().figures["agreements"][0]["enterprise"]
    GrantFactory(
        enterprise=Enterprise.objects.get(name=enterprise), amount=5_000, date=date(2022, 8, 1)
    )
    client.force_login(consultant)
    page = client.get(reverse("reports:compare", args=[published.pk])).content.decode()
    # the total, the number of grants, and the enterprise's own total
    assert "3 tal" in page
    assert "Fundraising · i alt (kr.)" in page and f"Fundraising · {enterprise}" in page
    assert "125.000" in page and "130.000" in page and "+5.000" in page
    assert page.count('class="differs"') == 3
    everything = client.get(reverse("reports:compare", args=[published.pk]) + "?alle=1")
    assert everything.content.decode().count("<tr") > 20


def test_comparison_without_changes_says_so(client, consultant, published):
    client.force_login(consultant)
    page = client.get(reverse("reports:compare", args=[published.pk])).content.decode()
    assert "Ingen tal er ændret siden udgivelsen." in page
    assert "<table" not in page  # no empty table under the sentence


def test_publishing_again_makes_a_new_version(client, consultant, published, small_report):
    client.force_login(consultant)
    response = client.post(reverse("reports:publish", args=[small_report.pk]))
    assert response.status_code == 302
    assert list(small_report.publications.values_list("version", flat=True)) == [2, 1]


def test_committee_sees_the_latest_published_public_version(
    client, committee_member, published, small_report
):
    client.force_login(committee_member)
    response = client.get(reverse("reports:full", args=[small_report.pk]))
    assert response.url == reverse("reports:publication_public", args=[published.pk])
    page = client.get(response.url).content.decode()
    assert "Offentlig udgave" in page and "Hent PDF" in page
    listing = client.get(reverse("reports:list")).content.decode()
    assert reverse("reports:publication_public_pdf", args=[published.pk]) in listing
    pdf = client.get(reverse("reports:summary_pdf", args=[small_report.pk]), follow=True)
    assert pdf.content == bytes(published.summary_pdf)


@pytest.mark.parametrize("name", ["publication_full", "publication_full_pdf", "compare"])
def test_committee_never_reaches_the_full_version(client, committee_member, published, name):
    client.force_login(committee_member)
    assert client.get(reverse(f"reports:{name}", args=[published.pk])).status_code == 404


def test_unpublished_report_is_invisible_to_the_committee(client, committee_member, small_report):
    client.force_login(committee_member)
    assert client.get(reverse("reports:full", args=[small_report.pk])).status_code == 404
    assert "Årsrapport 2022" not in client.get(reverse("reports:list")).content.decode()
    assert Publication.objects.count() == 0


def test_consultant_edits_the_narrative_in_the_browser(client, consultant, small_report):
    from demo.strategy import STRATEGY_FILE
    from strategy.files import read_strategy_file, strategy_save

    strategy_save(read_strategy_file(STRATEGY_FILE))  # its tracks are the report's sections
    client.force_login(consultant)
    url = reverse("reports:texts", args=[small_report.pk])
    form = client.get(url).content.decode()
    assert "Første udkast." in form and "Spor 2.2: Fundraising og forandringsteori" in form
    text = "Vi nåede målet.\n\n- første punkt\n- <script>alert(1)</script>"
    response = client.post(url, {"introduction": text, "fundraising": "## Fonde\n\nTak."})
    assert response.status_code == 302
    texts = dict(small_report.sections.values_list("key", "text"))
    assert texts == {"introduction": text, "fundraising": "## Fonde\n\nTak."}
    page = client.get(reverse("reports:full", args=[small_report.pk])).content.decode()
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert "<script>alert(1)" not in page
    assert "Teksterne er gemt (2 afsnit ændret)." in client.get(url).content.decode()


def test_too_long_text_is_refused_and_nothing_is_lost(client, consultant, small_report):
    client.force_login(consultant)
    url = reverse("reports:texts", args=[small_report.pk])
    response = client.post(url, {"introduction": "x" * 50_001, "references": "Bevares."})
    assert response.status_code == 200
    page = response.content.decode()
    assert "højst have 50000 tegn" in page.replace(".", "")
    assert "Bevares." in page
    assert small_report.sections.get(key="introduction").text == "Første udkast."


@pytest.mark.parametrize("user", ["committee_member", "staff_a"])
def test_only_consultants_edit_and_publish(client, request, small_report, user):
    client.force_login(request.getfixturevalue(user))
    for name in ("texts", "publish", "public", "public_pdf"):
        assert client.get(reverse(f"reports:{name}", args=[small_report.pk])).status_code == 404
    assert client.post(reverse("reports:publish", args=[small_report.pk])).status_code == 404
    assert Publication.objects.count() == 0


def test_committee_reads_only_the_latest_version_consultants_every_version(
    client, committee_member, consultant, published, small_report
):
    newer = report_publish(report=small_report, user=consultant)
    client.force_login(committee_member)
    for name in ("publication_public", "publication_public_pdf", "publication_summary"):
        assert client.get(reverse(f"reports:{name}", args=[published.pk])).status_code == 404
        assert client.get(reverse(f"reports:{name}", args=[newer.pk])).status_code == 200
    client.force_login(consultant)
    assert client.get(reverse("reports:publication_public", args=[published.pk])).status_code == 200
