"""Real browser: a job's page follows its job without reloading (static/js/progress.js
polling the job's JSON into a polite live region), then shows the outcome."""

from django.utils import timezone
from playwright.sync_api import expect

from background.models import Job
from tests.test_browser import (  # noqa: F401  (the browser fixtures)
    _login,
    browser_context_args,
    browser_type_launch_args,
    pytestmark,
)


def test_the_job_page_follows_its_job_without_reloading(page, live_server, consultant):
    job = Job.objects.create(
        kind=Job.Kind.IMPORT_CHECK,
        user=consultant,
        title="stor.xlsx",
        state=Job.State.RUNNING,
        stage="Forløb: læser rækker",
        rows=2_000,
        total=40_000,
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    _login(page, live_server, consultant)
    page.goto(live_server.url + job.get_absolute_url())
    live = page.locator("[aria-live=polite]")
    expect(live).to_have_text("Forløb: læser rækker: 2.000 af 40.000 rækker")
    page.evaluate("window.stillTheSamePage = true")  # a reload would forget this

    Job.objects.filter(pk=job.pk).update(rows=30_000, updated=timezone.now())
    expect(live).to_have_text("Forløb: læser rækker: 30.000 af 40.000 rækker", timeout=5_000)
    expect(page.locator("progress")).to_have_attribute("value", "75")
    assert page.evaluate("window.stillTheSamePage") is True

    sheets = [{"name": "Forløb", "created": 40_000, "changed": 0, "unchanged": 0}]
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, stage="", result={"errors": [], "sheets": sheets}
    )
    expect(page.get_by_role("heading", name="Klar til at blive gemt")).to_be_visible(timeout=5_000)
    expect(page.get_by_role("button", name="Gem i systemet")).to_be_visible()
    assert not errors  # no script error, no CSP refusal
