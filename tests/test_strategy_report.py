"""The report built from the strategy in force: its sections, numbered from the tracks, the
goal section and the committee summary; small counts stay hidden in the public edition."""

import re
from datetime import date
from html import unescape

import pytest
from django.utils.html import strip_tags

from demo.loader import PERIOD_START
from reports.document import render_report_html, render_summary_html
from reports.models import ReportPeriod, ReportSection
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    GoalFactory,
    StrategyFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db


def plain(html):
    return unescape(" ".join(strip_tags(html).split()))


def headings(html):
    return re.findall(r"<h2>([^<]*)</h2>", html)


def test_the_demo_2022_report_keeps_the_seeds_twelve_sections(demo):
    report = ReportPeriod.objects.get(start=PERIOD_START)
    assert headings(render_report_html(report))[1:13] == [
        "1. Indledning",
        "2. Mød virksomhederne, initiativerne og de ”frivillige organisationer”",
        "3. Medvind på cykelstierne",
        "4. Det handler om mennesker",
        "5. Fundraising og forandringsteori",
        "6. Et ekstra gear",
        "7. Civilsamfund og frivillighed",
        "8. Prøvehandlinger",
        "9. Verdensmålene",
        "10. Trends og tilbud",
        "11. Afrapportering på målsætninger",
        "12. Hjemmel og referencer",
    ]


def test_a_new_strategy_gives_the_report_its_tracks_and_goals(small_report):
    strategy = StrategyFactory(name="Politiske mål")
    jobs = TrackFactory(
        strategy=strategy, key="jobs", number="A", title="Job", order=1, blocks=["courses"]
    )
    TrackFactory(strategy=strategy, key="greens", number="B", title="Grøn omstilling", order=2)
    GoalFactory(
        strategy=strategy,
        key="edu",
        title="Mindst 5 i uddannelse",
        measure="outcome:education",
        target=5,
        track=jobs,
    )
    ReportSection.objects.create(report=small_report, key="greens", text="Vi plantede træer.")
    html = render_report_html(small_report)
    assert headings(html)[1:7] == [
        "1. Indledning",
        "2. Mød virksomhederne, initiativerne og de ”frivillige organisationer”",
        "3. Job",
        "4. Grøn omstilling",
        "5. Øvrige registreringer",  # fundraising, voluntary, SDGs: no track names them
        "6. Afrapportering på målsætninger",
    ]
    text = plain(html)
    assert "Vi plantede træer." in text
    assert "Mindst 5 i uddannelse: 6 i perioden (mindst 5 i hver rapportperiode; nået)" in text
    assert "Strategiens spor A i «Politiske mål»" in text
    assert "Samarbejdsaftaler om forløb" in text and "Den gyldne donation" in text


def test_without_a_strategy_no_record_leaves_the_report(small_report):
    html = render_report_html(small_report)
    assert "Ingen strategi gælder for rapportens sidste dag" in html
    assert "3. Øvrige registreringer" in headings(html)
    assert "Samarbejdsaftaler om forløb" in html


def test_public_edition_hides_small_goal_counts(small_report):
    strategy = StrategyFactory()
    GoalFactory(
        strategy=strategy, key="flex", title="Fleksjob", measure="outcome:flexjob", target=10
    )
    agreement = AgreementFactory(name="Lille", start=date(2021, 1, 1))
    CourseFactory(
        agreement=agreement, start=date(2022, 2, 1), end=date(2022, 3, 1), outcome="prison"
    )
    full = plain(render_report_html(small_report))
    public = plain(render_report_html(small_report, public=True))
    assert "I perioden2: ikke nået" in full  # two flexjob outcomes in small_report
    assert "I perioden<5" in public and "I perioden2" not in public
    summary = plain(render_summary_html(small_report, public=True))
    assert "Fleksjob: 2022: <5" in summary


def test_summary_carries_the_scoreboard_projection_and_the_units_assessment(demo):
    report = ReportPeriod.objects.get(start=date(2023, 3, 1))
    ReportSection.objects.create(
        report=report,
        key="assessment",
        text="Det er enhedens vurdering, at målsætningen kan nås inden for strategiens periode.",
    )
    text = plain(render_summary_html(report, public=True))
    assert "01.01.2022–28.02.2023: 100; 01.03.2023–29.02.2024: 118" in text
    assert "01.01.2022–28.02.2023: 31; 01.03.2023–29.02.2024: 34" in text
    assert "Med samme tempo nås 40 i 2026." in text
    assert "Den socialøkonomiske enheds vurdering" in text
    assert "målsætningen kan nås inden for strategiens periode" in text
