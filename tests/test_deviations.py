"""Deviations and lessons: what the figures show went otherwise than planned, each with the
consultant's comment, written in the browser."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from reports.deviations import find_deviations
from reports.document import render_edition_html, report_context
from reports.models import DeviationComment, ReportPeriod
from reports.quality import FigureDifference

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo):
    return ReportPeriod.objects.get(start=date(2022, 1, 1))


def _agreement(**overrides):
    agreement = {
        "name": "Aftale A",
        "model": "1",
        "capacity": 4,
        "capacity_use": {"open_days": 365, "average": "4,0", "share": 100},
        "participants": 10,
        "completed": 8,
        "plans_on_time": 10,
        "plan_deadline_days": 28,
        "final_evaluations_late": 0,
        "veteran_aim_met": None,
    }
    return agreement | overrides


def _figures(*agreements, employed=40, enterprises=40):
    return {
        "employment": {"total": employed, "annual_norm": 30},
        "enterprises": {"total": enterprises, "target": 40},
        "agreements": list(agreements),
    }


def test_nothing_went_otherwise_than_planned():
    assert find_deviations(_figures(_agreement()), []) == []


def test_each_kind_of_deviation_is_found():
    difference = FigureDifference(
        key="fundraising.total_dkk",
        label="Fundraising i alt (kr.)",
        document="Årsrapport 2022",
        published=9_553_911,
        stated_as="9.553.911",
        computed=9_503_911,
    )
    found = find_deviations(
        _figures(
            _agreement(capacity_use={"open_days": 300, "average": "1,2", "share": 30}),
            _agreement(
                name="Aftale B",
                capacity_use={"open_days": 300, "average": "8,0", "share": 200},
                plans_on_time=7,
                final_evaluations_late=3,
                veteran_aim_met=False,
                veterans_completed=1,
                aim_veteran_share=50,
            ),
            _agreement(name="Frivillig", model="voluntary", capacity_use={"share": 5}),
            employed=20,
            enterprises=31,
        ),
        [difference],
    )
    codes = [(code, subject) for code, subject, _ in found]
    assert codes == [
        ("goal_employment", ""),
        ("goal_enterprises", ""),
        ("capacity_under", "Aftale A"),
        ("capacity_over", "Aftale B"),
        ("plans_late", "Aftale B"),
        ("finals_late", "Aftale B"),
        ("veteran_aim", "Aftale B"),
        ("published_differs", "fundraising.total_dkk"),
    ]
    texts = dict(((c, s), t) for c, s, t in found)
    assert texts[("plans_late", "Aftale B")] == "Plan inden for 28 dage: 70\u00a0% af 10 forløb."
    assert "skriver 9.553.911, registreringerne giver 9.503.911" in texts[codes[-1]]


def test_the_consultant_comments_in_the_browser_and_the_report_shows_it(client, report):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="konsulent"))
    url = reverse("reports:deviations", args=[report.pk])
    page = client.get(url).content.decode()
    assert '<label for="id_capacity_over--mina-aps">Langt over rammen – Mina ApS</label>' in page
    response = client.post(
        url,
        {
            "capacity_over--mina-aps": "Efterspørgslen var større end rammen; rammen øges i 2023.",
            "veteran_aim--veteranhaven": "",
        },
    )
    assert response.status_code == 302
    comment = DeviationComment.objects.get(report=report)
    assert (comment.code, comment.subject) == ("capacity_over", "Mina ApS")
    text = " ".join(strip_tags(render_edition_html(report, "full")).split())
    assert "Langt over rammen – Mina ApS Gennemsnitligt 11,8 samtidige forløb" in text
    assert "rammen øges i 2023." in text


def test_a_too_long_comment_is_refused_beside_its_field_and_nothing_is_lost(client, report):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="konsulent"))
    typed = "x" * 10_001
    response = client.post(
        reverse("reports:deviations", args=[report.pk]), {"capacity_over--mina-aps": typed}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "højst have 10000 tegn" in page.replace(".", "") and typed in page
    assert not DeviationComment.objects.exists()


def test_the_public_edition_states_deviations_with_suppressed_counts(report):
    deviations = report_context(report, public=True)["deviations"]
    texts = {d.key: d.text for d in deviations}
    assert texts["capacity_over|Mina ApS"].startswith("Gennemsnitligt 11,8")
    assert not [t for t in texts.values() if "D22-" in t]
