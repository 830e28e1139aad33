"""The demo's activities: seed 002's 45 → 3 is flagged, the track sections show their
activities, the appendix reads like seed 002, and the public edition hides small counts."""

import json
from datetime import date
from io import StringIO

from django.core.management import call_command

from activities.models import Activity
from demo.loader import demo_load
from reports.document import render_report_html, report_for_period
from tests.test_activity_checks import check_data_json

START, END = date(2022, 1, 1), date(2023, 2, 28)


def test_demo_flags_seed_002s_45_then_3_and_nothing_else(demo):
    findings = [f for f in check_data_json()["findings"] if "activity" in f["check"]]
    assert [(f["check"], f["record"]) for f in findings] == [
        ("activity_ytd_falls", "Håndholdt beskæftigelsesindsats 30+")
    ]
    assert "falder fra 45 (2. kvartal 2022) til 3 (3. kvartal 2022)" in findings[0]["message"]


def test_loading_the_demo_twice_changes_nothing(demo):
    before = Activity.objects.count()
    again = demo_load()
    assert before > 40 and Activity.objects.count() == before
    assert not any(again.created.get(k) for k in ("aktiviteter", "aktivitetstal"))


def test_report_shows_activities_by_track_and_focus_area(demo):
    html = render_report_html(report_for_period(START, END))
    for track_activity in (
        "Flere små forsøg i virksomhedernes maskinrum",  # 6. Et ekstra gear
        "Fællesskabsalliancen",  # 7.
        "Tværgående ansøgning: jobcrafting og efterværn",  # 8.
        "Tasker af filt fra brugt arbejdstøj",  # 9.
        "Taskforcen vedr. sociale indkøb",  # 10.
    ):
        assert track_activity in html
    assert "Bilag: Udviklingen på aktivitetsniveau" in html
    for area in ("Uddannelse og Livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse"):
        assert f"Indsatsområdet {area}" in html
    assert "Bilag: Handleplanen" in html and "Strategi- og politikudvikling" in html
    assert "Tal år til dato falder" in html


def test_public_edition_hides_small_counts_of_people_only(demo):
    report = report_for_period(START, END)
    public = render_report_html(report, public=True)
    full = render_report_html(report)
    assert "til 3 (3. kvartal 2022)" in full and "til 3 (3. kvartal 2022)" not in public
    assert "&lt;5" in public
    assert "Skoler og institutioner" in public  # 4 schools: not people, shown


def test_report_json_carries_the_activities(demo):
    out = StringIO()
    call_command("annual_report", start="2022-01-01", end="2023-02-28", stdout=out)
    activities = json.loads(out.getvalue())["activities"]
    assert set(activities) >= {"tracks", "action_plan", "focus_areas", "flags", "applications"}
    assert {"extra_gear", "civil_society", "trials", "sdgs", "trends", "fundraising"} <= set(
        activities["tracks"]
    )
    assert [f["check"] for f in activities["flags"]] == ["activity_ytd_falls"]
    employment = next(a for a in activities["focus_areas"] if a["name"] == "Beskæftigelse")
    handheld = next(
        a for a in employment["activities"] if a["name"] == "Håndholdt beskæftigelsesindsats 30+"
    )
    assert [(f["period"], f["value"], bool(f["flags"])) for f in handheld["figures"]] == [
        ("2022-Q2", 15, False),
        ("2022-Q2", 45, False),
        ("2022-Q3", 3, True),
    ]


def test_every_small_count_of_people_is_hidden_in_the_public_edition(db):
    from activities.selectors import activity_report, public_activities
    from socialeconomy.suppression import is_hidden
    from tests.factories import ActivityFactory, ActivityFigureFactory

    action = ActivityFactory(type="action", track="extra_gear", focus_area="")
    ActivityFigureFactory(activity=action, name="Deltagere", period="2022", value=3)
    ActivityFigureFactory(
        activity=action, name="Møder", period="2022", value=2, counts_people=False
    )
    public = public_activities(activity_report(START, END))
    for row in (public["tracks"]["extra_gear"][0], public["action_plan"][0]):
        values = {f["name"]: f["value"] for f in row["figures"] + row["latest"]}
        assert is_hidden(values["Deltagere"]) and values["Møder"] == 2
