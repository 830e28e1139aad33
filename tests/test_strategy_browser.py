"""A real browser: a consultant enters goals no code knows beforehand, and the next report
shows them computed."""

import os
from datetime import date

import pytest
from django.urls import reverse

from demo.strategy import STRATEGY_FILE
from strategy.files import read_strategy_file, strategy_save
from strategy.models import Strategy
from tests.factories import AgreementFactory, CourseFactory, ReportPeriodFactory
from tests.test_browser import (  # the Chromium launch fixtures with the login helper
    _login,
    browser_context_args,  # noqa: F401
    browser_type_launch_args,  # noqa: F401
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright runs an event loop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _goal(page, index, **values):
    goal = page.locator("fieldset.goal").nth(index)
    for label, value in values.items():
        field = goal.get_by_label(label, exact=True)
        if label in ("Kadence:", "Retning:"):
            field.select_option(value)
        else:
            field.fill(value)


def test_consultant_adds_goals_no_code_knows_and_the_report_counts_them(
    page, live_server, consultant
):
    strategy = strategy_save(read_strategy_file(STRATEGY_FILE))
    agreement = AgreementFactory(name="Værkstedet", start=date(2021, 1, 1))
    outcomes = ["flexjob"] * 12 + ["stopped_nonattendance"] * 3 + ["medically_unfit"] * 2
    for outcome in outcomes:
        CourseFactory(
            agreement=agreement, start=date(2022, 2, 1), end=date(2022, 9, 1), outcome=outcome
        )
    report = ReportPeriodFactory(start=date(2022, 1, 1), end=date(2022, 12, 31))

    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("strategy:list"))
    page.get_by_role("link", name="Redigér «Det handler om mennesker»").click()
    _goal(
        page,
        3,
        **{
            "Nøgle:": "flexjob",
            "Titel:": "Mindst 10 i fleksjob om året",
            "Måles som:": "outcome:fleksjob",
            "Kadence:": "annual",
            "Mål (tal):": "10",
        },
    )
    _goal(
        page,
        4,
        **{
            "Nøgle:": "stopped",
            "Titel:": "Højst 50 stoppede",
            "Måles som:": "outcome_group:stopped",
            "Kadence:": "annual",
            "Retning:": "at_most",
            "Mål (tal):": "50",
        },
    )
    page.get_by_role("button", name="Gem strategien").click()

    # A code no one knows is refused beside its field; what was typed stays.
    page.get_by_text("Strategien er ikke gemt").wait_for()
    error = page.locator("fieldset.goal").nth(3).locator(".errorlist")
    assert "«fleksjob» er ikke en kendt kode for «outcome»" in error.inner_text()
    assert page.locator("fieldset.goal").nth(4).get_by_label(
        "Titel:", exact=True
    ).input_value() == ("Højst 50 stoppede")
    _goal(page, 3, **{"Måles som:": "outcome:flexjob"})
    page.get_by_role("button", name="Gem strategien").click()
    page.get_by_text("er gemt: 7 spor, 5 mål").wait_for()
    assert Strategy.objects.get(pk=strategy.pk).goals.count() == 5

    page.goto(live_server.url + reverse("reports:full", args=[report.pk]))
    goals = page.locator("section#s10")  # no «Medvind» text: frame 1–2, tracks 3–9, goals 10
    assert "10. Afrapportering på målsætninger" in goals.locator("h2").inner_text()
    flexjob = goals.locator(".goal", has_text="Mindst 10 i fleksjob om året")
    assert "12: nået" in " ".join(flexjob.locator("dl").inner_text().split())
    stopped = goals.locator(".goal", has_text="Højst 50 stoppede")
    assert "højst 50 i hver rapportperiode" in stopped.inner_text()
    assert "5: nået" in " ".join(stopped.locator("dl").inner_text().split())


def test_consultant_copies_the_strategy_as_the_next_one_and_enters_a_reported_value(
    page, live_server, consultant
):
    strategy_save(read_strategy_file(STRATEGY_FILE))
    report = ReportPeriodFactory(
        title="Årsrapport 2026", start=date(2026, 1, 1), end=date(2026, 12, 31)
    )
    page.set_viewport_size({"width": 390, "height": 800})  # a phone
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("strategy:list"))
    page.get_by_role("link", name="Kopiér som ny strategi").click()
    page.get_by_label("Navn:").fill("Politiske mål 2026–2029")
    assert page.get_by_label("Gælder fra:").input_value() == "01.01.2026"
    _goal(
        page,
        3,
        **{
            "Nøgle:": "events",
            "Titel:": "Arrangementer i lokalsamfundet",
            "Måles som:": "reported",
            "Kadence:": "annual",
            "Mål (tal):": "12",
        },
    )
    page.get_by_role("button", name="Gem strategien").click()
    page.get_by_text("Strategien «Politiske mål 2026–2029» er gemt: 7 spor, 4 mål").wait_for()
    page.get_by_role("link", name="Indtast værdier for «Arrangementer i lokalsamfundet»").click()
    page.get_by_label("Værdi 01.01.2026–31.12.2026").fill("14")
    page.get_by_label("Kilde 01.01.2026–31.12.2026").fill("Enhedens kalender 2026")
    page.get_by_role("button", name="Gem værdierne").click()
    page.get_by_text("Værdierne er gemt (1 ændret).").wait_for()
    page.goto(live_server.url + reverse("reports:goals", args=[report.pk]))
    goal = page.locator(".goal", has_text="Arrangementer i lokalsamfundet")
    assert "14: nået" in " ".join(goal.locator("dl").inner_text().split())
    assert "Kilde: Enhedens kalender 2026" in goal.inner_text()
    assert Strategy.objects.count() == 2
