"""An activity's `Spor` is the key of a track of the strategy in force at its `Start`
(docs/exchange-workbook.md), or today without a start; any well-formed key when no strategy
is in force. One rule (activities/tracks.py) on both roads: the activity form and the
workbook import."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse
from openpyxl import Workbook

from activities.models import Activity
from activities.tracks import strategy_tracks, track_problem
from exchange.imports import workbook_import
from tests.factories import StrategyFactory, TrackFactory

pytestmark = pytest.mark.django_db

HEADER = ["Navn", "Type", "Spor", "Indsatsområde", "Ansvarlig", "Status", "Start", "Slut"]


@pytest.fixture
def strategies():
    """2022–2025 with tracks people and trials; 2026–2029 with track circular."""
    old = StrategyFactory(name="Det handler om mennesker", start=date(2022, 1, 1))
    TrackFactory(strategy=old, key="people", order=1)
    TrackFactory(strategy=old, key="trials", order=2)
    new = StrategyFactory(name="Politiske mål", start=date(2026, 1, 1), end=date(2029, 12, 31))
    TrackFactory(strategy=new, key="circular", order=1)
    return old, new


def test_the_rule_reads_the_strategy_in_force_on_the_start(strategies):
    assert track_problem("trials", date(2022, 3, 1)) is None
    assert track_problem("circular", date(2026, 3, 1)) is None
    assert track_problem("", date(2022, 3, 1)) is None  # no track
    problem = track_problem("circular", date(2022, 3, 1))
    assert problem == (
        "«circular» er ikke et spor i strategien «Det handler om mennesker», som gælder på "
        "aktivitetens start 01.03.2022; brug et af: «people», «trials»"
    )
    assert "«Politiske mål»" in track_problem("trials", date(2026, 3, 1))


def test_without_a_strategy_in_force_any_well_formed_key_is_accepted(strategies):
    assert track_problem("anything_goes", date(2019, 5, 1)) is None
    assert track_problem("anything_goes", date(2031, 1, 1)) is None


@time_machine.travel(date(2027, 6, 1))
def test_without_a_start_the_strategy_in_force_today_decides(strategies):
    assert track_problem("circular", None) is None
    problem = track_problem("people", None)
    assert "«Politiske mål», som gælder i dag (aktiviteten har ingen start)" in problem


def _form(**changes):
    return {
        "name": "Skrivetimer",
        "type": "activity",
        "track": "trials",
        "focus_area": "Fundraising",
        "responsible": "Den Socialøkonomiske Enhed",
        "start": "2022-03-01",
        "state": "started",
        "state_date": "2022-03-01",
        **changes,
    }


def test_the_form_refuses_a_track_of_no_strategy_in_force_at_the_start(
    client, consultant, strategies
):
    client.force_login(consultant)
    page = client.post(reverse("activities:create"), _form(track="circular"))
    assert page.status_code == 200 and not Activity.objects.exists()
    assert "«circular» er ikke et spor i strategien «Det handler om mennesker»" in page.text
    assert 'value="circular"' in page.text  # what was typed is kept
    # the same key is right for an activity starting under the next strategy
    client.post(reverse("activities:create"), _form(track="circular", start="2026-02-01"))
    assert Activity.objects.get(name="Skrivetimer").track == "circular"


def test_the_form_edits_an_activity_against_its_own_start(client, consultant, strategies):
    client.force_login(consultant)
    client.post(reverse("activities:create"), _form())
    activity = Activity.objects.get(name="Skrivetimer")
    data = {k: v for k, v in _form(track="circular").items() if not k.startswith("state")}
    page = client.post(reverse("activities:edit", args=[activity.pk]), data)
    assert "«circular» er ikke et spor" in page.text
    activity.refresh_from_db()
    assert activity.track == "trials"


def test_the_form_accepts_any_key_when_no_strategy_is_in_force(client, consultant):
    client.force_login(consultant)
    client.post(reverse("activities:create"), _form(track="some_track"))
    assert Activity.objects.get(name="Skrivetimer").track == "some_track"


def _book(tmp_path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Aktiviteter"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    path = tmp_path / "aktiviteter.xlsx"
    book.save(path)
    return path


@time_machine.travel(date(2023, 1, 10))
def test_the_import_refuses_a_track_not_in_force_naming_sheet_cell_and_column(tmp_path, strategies):
    rows = [
        ["Forsøg A", "trial_action", "trials", "", "Enheden", "I drift", date(2022, 3, 1)],
        ["Forsøg B", "trial_action", "circular", "", "Enheden", "I drift", date(2022, 3, 1)],
        ["Forsøg C", "trial_action", "people", "", "Enheden", "I drift", None],  # today: 2023
        ["Forsøg D", "trial_action", "circular", "", "Enheden", "I drift", None],  # today: 2023
        ["Forsøg E", "trial_action", "circular", "", "Enheden", "I drift", date(2026, 2, 1)],
        ["Forsøg F", "trial_action", "old_key", "", "Enheden", "I drift", date(2019, 2, 1)],
    ]
    result = workbook_import(_book(tmp_path, rows))
    assert result.errors == [
        "Aktiviteter!C3 (Spor): «circular» er ikke et spor i strategien «Det handler om "
        "mennesker», som gælder på aktivitetens start 01.03.2022; brug et af: «people», "
        "«trials»",
        "Aktiviteter!C5 (Spor): «circular» er ikke et spor i strategien «Det handler om "
        "mennesker», som gælder i dag (aktiviteten har ingen start); brug et af: «people», "
        "«trials»",
    ]
    assert not Activity.objects.exists()  # all or nothing
    del rows[3], rows[1]
    assert workbook_import(_book(tmp_path, rows)).ok
    tracks = dict(Activity.objects.values_list("name", "track"))
    assert tracks == {
        "Forsøg A": "trials",
        "Forsøg C": "people",
        "Forsøg E": "circular",
        "Forsøg F": "old_key",  # no strategy in force in 2019: any well-formed key
    }


def test_the_import_accepts_any_key_when_no_strategy_is_in_force(tmp_path):
    rows = [["Forsøg", "trial_action", "some_track", "", "Enheden", "I drift", date(2022, 3, 1)]]
    assert workbook_import(_book(tmp_path, rows)).ok


def test_every_demo_activity_keeps_a_track_of_the_strategy_in_force(demo):
    strategies = strategy_tracks()
    with_track = Activity.objects.exclude(track="")
    assert with_track.exists()
    for activity in with_track:
        assert track_problem(activity.track, activity.start, strategies) is None, activity
