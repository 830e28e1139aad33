"""Real-browser tests of the committee edition's workflow: before publishing, the consultant
sees the sentences that state small counts of people, rewrites one, and comments a
deviation; the committee member reads the published public version."""

import os

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import ReportSection
from tests.test_browser import (  # noqa: F401 (the Chromium fixtures)
    _login,
    browser_context_args,
    browser_type_launch_args,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_consultant_rewrites_a_flagged_sentence_before_publishing(
    page, live_server, consultant, small_report
):
    ReportSection.objects.filter(report=small_report, key="introduction").update(
        text="Året gik godt. 2 deltagere stoppede før tid."
    )
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("reports:publish", args=[small_report.pk]))
    page.get_by_text("«2 deltagere stoppede før tid.»").wait_for()
    page.get_by_role("link", name="Afsnit «Indledning»").click()
    page.get_by_label("Indledning", exact=True).fill(
        "Året gik godt. Få deltagere stoppede før tid."
    )
    page.get_by_role("button", name="Gem tekster").click()
    page.get_by_text("Teksterne er gemt (1 afsnit ændret).").wait_for()
    page.goto(live_server.url + reverse("reports:publish", args=[small_report.pk]))
    page.get_by_text("Ingen af rapportens tekster nævner et antal personer under 5.").wait_for()


def test_consultant_comments_a_deviation_and_the_draft_shows_it(
    page, live_server, consultant, small_report
):
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("reports:deviations", args=[small_report.pk]))
    field = page.get_by_label("Planer ikke modtaget inden for fristen – Aftale Ø")
    field.fill("Planerne kom sent i foråret; fristen følges nu op hver uge.")
    page.get_by_role("button", name="Gem kommentarer").click()
    page.get_by_text("Kommentarerne er gemt (1 ændret).").wait_for()
    page.goto(live_server.url + reverse("reports:full", args=[small_report.pk]))
    page.get_by_text("fristen følges nu op hver uge.").wait_for()
    assert page.get_by_text("Kladde – ikke udgivet.").count() == 1


def test_committee_member_reads_the_published_public_version_without_kladde(
    page, live_server, consultant, committee_member, small_report
):
    from reports.services import report_publish

    publication = report_publish(report=small_report, user=consultant)
    _login(page, live_server, committee_member)
    page.goto(live_server.url + reverse("reports:list"))
    page.get_by_role("link", name="Læs rapporten").click()
    page.get_by_text("Offentlig udgave").first.wait_for()
    assert page.get_by_text("Kladde").count() == 0
    issued = timezone.localdate(publication.published_at)
    assert f"Udgivet: {issued:%d.%m.%Y}" in page.content()
