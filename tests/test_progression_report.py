"""Progression in the report: the tables and the chart in the track "Det handler om
mennesker" and the goal section, the public edition without a cell of 1–4, the JSON, and
the demo's invented starting points and assessed final evaluations."""

import io
import json
import re
from datetime import date

import pytest
from django.core.management import call_command

from agreements.models import Course, Evaluation, SubGoalAssessment
from demo.loader import demo_load
from demo.progression import GENERAL, TARGET_GROUPS
from reports.document import render_report_html
from reports.models import ReportPeriod
from reports.selectors import report_figures
from tests.factories import AgreementFactory, CourseFactory

pytestmark = pytest.mark.django_db


def _section(html: str) -> str:
    """The progression part of track 4: from its heading to the agreements' sections."""
    start = html.index('id="progression"')
    return html[start : html.index('<div class="agreement"', start)]


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def field(db):
    agreement = AgreementFactory(name="Værkstedet")
    rows = [("activity_ready", "paid_hours")] * 6 + [("activity_ready", "unemployed_awaiting")] * 3
    rows += [("job_ready", "ordinary_job")] * 5 + [("", "")]
    for start, outcome in rows:
        CourseFactory(
            agreement=agreement,
            start=date(2022, 2, 1),
            end=date(2022, 6, 1),
            starting_point=start,
            outcome=outcome,
        )
    return ReportPeriod.objects.create(
        title="Årsrapport 2022", start=date(2022, 1, 1), end=date(2022, 12, 31)
    )


def test_the_full_report_shows_the_table_the_share_and_the_chart(field):
    html = render_report_html(field)
    section = _section(html)
    text = _text(section)
    # activity_ready: 6 into the progression group, 3 unemployed, of 9
    # columns: completed, progression group, its share, unemployed, unknown
    assert "Aktivitetsparat 9 6 67 % af 9 3 0" in text
    assert "Jobparat 5 5 100 % af 5 0 0" in text
    assert "Uoplyst udgangspunkt 1 0 0 % af 1 0 1" in text
    assert "I alt 15 11 73 % af 15 3 1" in text
    assert "<svg" in section and "efter deres udgangspunkt ved start" in section
    goal = _text(html[html.index("Afrapportering på målsætninger</h2>") :])
    assert "Videre i job, uddannelse eller praktik efter endt forløb: 73 % af 15" in goal
    assert "Aktivitetsparat: 67 % af 9 afsluttede" in goal
    assert "Ingen slutevalueringer i perioden har vurderet delmål" in goal


def test_the_public_report_has_no_progression_cell_of_1_to_4(demo):
    report = ReportPeriod.objects.get(start=date(2022, 1, 1), end=date(2023, 2, 28))
    public = _section(render_report_html(report, public=True))
    numbers = [int(n.replace(".", "")) for n in re.findall(r'<td class="num">([\d.]+)', public)]
    assert len(numbers) > 50
    assert not [n for n in numbers if 0 < n < 5]
    assert "&lt;5" in public  # small counts are there, hidden
    # no percentage rests on a hidden count
    for cell in re.findall(r'<td class="num">([^<]*%[^<]*)</td>', public):
        assert "&lt;5" not in cell.split(" af ")[0] and not cell.startswith("x")
    full = _section(render_report_html(report))
    assert "&lt;5" not in full and "Aktivitetsparat" in full


def test_the_json_carries_progression_in_total_and_per_agreement(field):
    out = io.StringIO()
    call_command("annual_report", start="2022-01-01", end="2022-12-31", format="json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["courses"]["progression"]["by_start"] == {
        "job_ready": {"progression": 5},
        "activity_ready": {"progression": 6, "unemployed": 3},
        "unknown": {"unknown": 1},
    }
    assert data["courses"]["progression"]["subgoals"] == {
        "achieved": 0,
        "partly": 0,
        "not_achieved": 0,
    }
    assert (
        data["agreements"][0]["progression"]["by_start"]
        == (data["courses"]["progression"]["by_start"])
    )


def test_the_demo_starting_points_fit_each_agreements_target_group(demo):
    courses = Course.objects.select_related("agreement")
    assert not courses.filter(starting_point="").exists()
    for course in courses:
        mix = TARGET_GROUPS.get(course.agreement.name, GENERAL)
        assert course.starting_point in mix, (course.agreement.name, course.starting_point)
    affald = courses.filter(agreement__name="AffaldPlus – periode 2")
    assert set(affald.values_list("starting_point", flat=True)) == {"activity_ready"}
    figures = report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))
    subgoals = figures["courses"]["progression"]["subgoals"]
    assert (
        sum(subgoals.values())
        == SubGoalAssessment.objects.filter(evaluation__date__lte=date(2023, 2, 28)).count()
    )
    assert all(n > 0 for n in subgoals.values())
    # every assessed final evaluation is a received one of a completed model-1 course
    finals = Evaluation.objects.filter(assessments__isnull=False).distinct()
    assert finals.count() > 50
    assert not finals.exclude(kind="final", status="received", course__agreement__model="1")


def test_loading_the_demo_again_changes_nothing(demo):
    before = (
        list(Course.objects.values_list("reference", "starting_point")),
        SubGoalAssessment.objects.count(),
    )
    result = demo_load(password="x")
    assert result.created["udgangspunkter"] == 0 and result.created["slutevalueringer"] == 0
    after = (
        list(Course.objects.values_list("reference", "starting_point")),
        SubGoalAssessment.objects.count(),
    )
    assert after == before
