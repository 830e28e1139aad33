"""Consultants keep the strategy in the browser: list, create, edit, copy, delete, the values
of reported goals and the goal-reporting page. The same validator as the file."""

from datetime import date

import pytest
from django.urls import reverse

from reports.models import ReportedValue
from reports.services import report_publish
from strategy.files import strategy_data
from strategy.models import Goal, Strategy
from tests.factories import GoalFactory, ReportPeriodFactory, StrategyFactory, TrackFactory

pytestmark = pytest.mark.django_db


def post_data(strategy=None, tracks=(), goals=(), **fields):
    data = {
        "name": "Ny strategi",
        "title": "Den Socialøkonomiske Strategi 3.0",
        "start": "01.01.2026",
        "end": "31.12.2029",
        "approved_by": "",
        "approved_on": "",
        "tracks-TOTAL_FORMS": str(len(tracks)),
        "tracks-INITIAL_FORMS": "0",
        "goals-TOTAL_FORMS": str(len(goals)),
        "goals-INITIAL_FORMS": "0",
    } | fields
    for i, track in enumerate(tracks):
        for name, value in track.items():
            data[f"tracks-{i}-{name}"] = value
    for i, goal in enumerate(goals):
        goal = {"direction": "at_least", "cadence": "annual"} | goal
        for name, value in goal.items():
            data[f"goals-{i}-{name}"] = value
    return data


TRACKS = [
    {"key": "jobs", "number": "1", "title": "Job til flere", "blocks": ["courses"]},
    {"key": "money", "number": "2", "title": "Penge udefra", "blocks": ["fundraising"]},
]
GOALS = [
    {
        "key": "flex",
        "title": "Mindst 10 i fleksjob om året",
        "measure": "outcome:flexjob",
        "target": "10",
        "track": "jobs",
    },
    {
        "key": "stopped",
        "title": "Højst 50 stoppede",
        "measure": "outcome_group:stopped",
        "direction": "at_most",
        "target": "50",
    },
]


def test_consultant_creates_a_strategy_with_tracks_and_goals(client, consultant):
    client.force_login(consultant)
    response = client.post(reverse("strategy:create"), post_data(tracks=TRACKS, goals=GOALS))
    assert response.status_code == 302
    strategy = Strategy.objects.get(name="Ny strategi")
    data = strategy_data(strategy)
    assert [t["key"] for t in data["tracks"]] == ["jobs", "money"]
    assert data["goals"][0] == {
        "key": "flex",
        "title": "Mindst 10 i fleksjob om året",
        "measure": "outcome:flexjob",
        "cadence": "annual",
        "target": 10,
        "track": "jobs",
    }
    assert data["goals"][1]["direction"] == "at_most"
    page = client.get(reverse("strategy:list")).content.decode()
    assert "Ny strategi" in page and "Job til flere" in page
    assert "Afsluttede forløb med resultatet: fleksjob" in page  # the measure in Danish
    assert "outcome:flexjob" not in page


def test_a_new_strategy_may_not_take_the_name_of_another(client, consultant):
    """«Ny strategi» with a name in use is refused beside the name; the other strategy, its
    tracks and goals stay as they were (a file loaded by name updates it instead)."""
    other = StrategyFactory(
        name="Ny strategi", title="Den gamle", start=date(2030, 1, 1), end=date(2031, 12, 31)
    )
    TrackFactory(strategy=other, key="old")
    client.force_login(consultant)
    response = client.post(reverse("strategy:create"), post_data(tracks=TRACKS, goals=GOALS))
    assert response.status_code == 200
    assert "der findes allerede en strategi med navnet «Ny strategi»" in response.content.decode()
    other.refresh_from_db()
    assert other.title == "Den gamle" and list(other.tracks.values_list("key", flat=True)) == [
        "old"
    ]
    assert Strategy.objects.count() == 1


def test_errors_stand_beside_their_fields_and_nothing_typed_is_lost(client, consultant):
    client.force_login(consultant)
    goals = [
        {"key": "flex", "title": "Fleksjob", "measure": "outcome:flexjobs", "target": "10"},
        {"key": "Bad Key", "title": "Noget", "measure": "employed", "track": "nowhere"},
    ]
    response = client.post(
        reverse("strategy:create"), post_data(tracks=TRACKS, goals=goals, end="31.12.2025")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Strategien er ikke gemt" in page
    assert "slutdatoen ligger før startdatoen" in page
    assert "«flexjobs» er ikke en kendt kode for «outcome»" in page
    assert "«Bad Key» må kun indeholde a-z, 0-9 og _" in page
    assert "«nowhere» er ikke et spor i strategien" in page
    # beside the field: the goal form's measure field carries the error
    form = response.context["goals"].forms[0]
    assert "measure" in form.errors and "end" in response.context["form"].errors
    assert 'value="outcome:flexjobs"' in page and 'value="Job til flere"' in page
    assert not Strategy.objects.exists()


def test_edit_renames_and_keeps_goals_by_key(client, consultant):
    strategy = StrategyFactory(name="Gammel")
    GoalFactory(strategy=strategy, key="employment", measure="employed", target=30)
    client.force_login(consultant)
    url = reverse("strategy:edit", args=[strategy.pk])
    form = client.get(url).content.decode()
    assert 'value="employment"' in form
    goals = [{"key": "employment", "title": "Beskæftigelse", "measure": "employed", "target": "35"}]
    data = post_data(name="Nyt navn", start="01.01.2022", end="31.12.2025", goals=goals)
    assert client.post(url, data).status_code == 302
    strategy.refresh_from_db()
    assert strategy.name == "Nyt navn"
    assert strategy.goals.get(key="employment").target == 35


def test_copy_as_new_strategy_starts_after_the_last(client, consultant):
    strategy = StrategyFactory(name="Det handler om mennesker")
    TrackFactory(strategy=strategy, key="people", title="Det handler om mennesker")
    GoalFactory(strategy=strategy, key="employment", measure="employed", target=30)
    client.force_login(consultant)
    response = client.get(reverse("strategy:create") + f"?kopi={strategy.pk}")
    page = response.content.decode()
    assert "Ny strategi ud fra «Det handler om mennesker»" in page
    assert 'value="Det handler om mennesker (ny)"' in page
    assert 'value="01.01.2026"' in page and 'value="31.12.2029"' in page
    assert 'value="people"' in page and 'value="employment"' in page
    assert Strategy.objects.count() == 1  # nothing saved until «Gem»


def test_a_strategy_published_reports_rest_on_cannot_be_deleted(client, consultant, small_report):
    strategy = StrategyFactory()
    report_publish(report=small_report, user=consultant)
    client.force_login(consultant)
    url = reverse("strategy:delete", args=[strategy.pk])
    assert "kan ikke slettes" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "kan ikke slettes: udgivne rapporter bygger på den" in response.content.decode()
    assert Strategy.objects.filter(pk=strategy.pk).exists()

    unused = StrategyFactory(start=date(2030, 1, 1), end=date(2033, 12, 31))
    assert client.post(reverse("strategy:delete", args=[unused.pk])).status_code == 302
    assert not Strategy.objects.filter(pk=unused.pk).exists()


def test_reported_values_are_entered_per_period_with_their_source(client, consultant):
    goal = GoalFactory(measure="reported", title="Arrangementer")
    first = ReportPeriodFactory(start=date(2022, 1, 1), end=date(2022, 12, 31))
    second = ReportPeriodFactory(start=date(2023, 1, 1), end=date(2023, 12, 31))
    client.force_login(consultant)
    url = reverse("reports:reported", args=[goal.pk])
    response = client.post(
        url,
        {
            f"value_{first.pk}": "12",
            f"source_{first.pk}": "",
            f"value_{second.pk}": "",
            f"source_{second.pk}": "Kalender",
        },
    )
    page = response.content.decode()
    assert "Skriv kilden til tallet" in page and "Skriv tallet, eller slet kilden" in page
    assert 'value="Kalender"' in page and not ReportedValue.objects.exists()
    client.post(url, {f"value_{first.pk}": "12", f"source_{first.pk}": "Enhedens kalender"})
    stored = ReportedValue.objects.get()
    assert (stored.report, stored.value, stored.source) == (first, 12, "Enhedens kalender")
    counted = client.get(reverse("reports:goals", args=[first.pk])).content.decode()
    assert "Kilde: Enhedens kalender" in counted


def test_goal_values_only_for_reported_goals(client, consultant):
    client.force_login(consultant)
    goal = GoalFactory(measure="employed")
    assert client.get(reverse("reports:reported", args=[goal.pk])).status_code == 404


def test_goal_page_shows_the_demo_scoreboard_and_projection(client, consultant, demo):
    from reports.models import ReportPeriod

    report = ReportPeriod.objects.get(start=date(2023, 3, 1))
    client.force_login(consultant)
    page = client.get(reverse("reports:goals", args=[report.pk])).content.decode()
    assert "Med samme tempo nås 40 i 2026." in page
    assert "01.01.2022–28.02.2023" in page and "118" in page and "34" in page
    assert Goal.objects.filter(strategy__name="Det handler om mennesker").count() == 3
