"""Activity pages: consultants keep activities and their states; an enterprise reports the
figures of its own activities and sees no one else's; bad input re-displays with errors."""

from datetime import date

import pytest
from django.urls import reverse

from activities.models import Activity, ActivityFigure
from tests.factories import ActivityFactory, ActivityFigureFactory, TrackFactory

pytestmark = pytest.mark.django_db

NAME = "Borgere i praktik og løntilskud"


def test_enterprise_reports_a_quarter_for_its_own_activity_only(
    client, enterprise_a, enterprise_b, staff_a
):
    own = ActivityFactory(name="Genbrugsværksted", enterprise=enterprise_a, state="running")
    other = ActivityFactory(name="Hemmeligt forsøg", enterprise=enterprise_b)
    client.force_login(staff_a)
    listing = client.get(reverse("activities:list"))
    assert "Genbrugsværksted" in listing.text and "Hemmeligt forsøg" not in listing.text

    url = reverse("activities:figure_create", args=[own.pk])
    form = client.get(url)
    assert "counts_people" not in form.text  # the unit decides what counts people
    data = {
        "name": NAME,
        "period": "2022-Q3",
        "value": "12",
        "basis": "period",
        "reported": "2022-10-05",
        "source": "Genbrugsværkstedet",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    figure = ActivityFigure.objects.get(activity=own)
    assert (figure.period, figure.value, figure.basis) == ("2022-Q3", 12, "period")
    page = client.get(own.get_absolute_url())
    assert NAME in page.text and "3. kvartal 2022" in page.text
    enterprise_page = client.get(enterprise_a.get_absolute_url())
    assert "Genbrugsværksted" in enterprise_page.text and "i drift fra" in enterprise_page.text

    for name in ("detail", "figure_create"):
        assert client.get(reverse(f"activities:{name}", args=[other.pk])).status_code == 404
    foreign = ActivityFigureFactory(activity=other)
    assert client.get(reverse("activities:figure_edit", args=[foreign.pk])).status_code == 404
    assert (
        client.post(reverse("activities:figure_create", args=[other.pk]), data).status_code == 404
    )
    assert client.get(reverse("activities:edit", args=[own.pk])).status_code == 404


def test_bad_figure_is_refused_beside_the_field_and_everything_typed_is_kept(client, consultant):
    activity = ActivityFactory()
    ActivityFigureFactory(activity=activity, name=NAME, period="2022-Q2", value=45)
    client.force_login(consultant)
    url = reverse("activities:figure_create", args=[activity.pk])
    data = {"name": NAME, "period": "3. kvartal", "value": "-3", "basis": "ytd"}
    page = client.post(url, data)
    assert page.status_code == 200
    assert "«3. kvartal» er ikke en periode" in page.text
    assert "et helt tal på 0 eller mere" in page.text
    assert 'value="3. kvartal"' in page.text and 'value="-3"' in page.text
    again = client.post(url, {**data, "period": "2022-q2", "value": "47"})
    assert "for 2022-Q2 er allerede indberettet (45)" in again.text
    assert ActivityFigure.objects.count() == 1


def test_consultant_creates_an_activity_with_its_first_state_and_adds_a_step(client, consultant):
    client.force_login(consultant)
    data = {
        "name": "Skrivetimer",
        "type": "activity",
        "track": "fundraising",
        "focus_area": "Fundraising",
        "responsible": "Den Socialøkonomiske Enhed",
        "start": "2022-03-01",
        "state": "started",
        "state_date": "2022-03-01",
    }
    bad = client.post(reverse("activities:create"), {**data, "track": "Et ekstra gear"})
    assert "små bogstaver, tal og _" in bad.text and not Activity.objects.exists()
    response = client.post(reverse("activities:create"), data)
    activity = Activity.objects.get(name="Skrivetimer")
    assert response["Location"] == activity.get_absolute_url()
    step = {"state": "running", "date": "2022-09-01", "note": "Fast hver måned"}
    client.post(reverse("activities:state_create", args=[activity.pk]), step)
    states = [(s.state, s.date) for s in activity.states.order_by("date")]
    assert states == [("started", date(2022, 3, 1)), ("running", date(2022, 9, 1))]
    page = client.get(activity.get_absolute_url())
    assert "Fast hver måned" in page.text and "I drift fra 01.09.2022" in page.text


def test_a_flagged_figure_is_marked_on_the_activity_page(client, consultant):
    activity = ActivityFactory()
    for period, value in (("2022-Q2", 45), ("2022-Q3", 3)):
        ActivityFigureFactory(activity=activity, name=NAME, period=period, value=value)
    client.force_login(consultant)
    page = client.get(activity.get_absolute_url())
    assert "1 tal er markeret som uregelmæssigt" in page.text
    assert "falder fra 45 (2. kvartal 2022) til 3 (3. kvartal 2022)" in page.text


def test_the_activity_page_names_the_track_by_its_title_not_its_key(client, consultant):
    TrackFactory(key="extra_gear", number="2.3", title="Et ekstra gear")
    activity = ActivityFactory(track="extra_gear")
    client.force_login(consultant)
    page = client.get(activity.get_absolute_url())
    assert "<dd>2.3 Et ekstra gear</dd>" in page.text
    assert "<dd>extra_gear</dd>" not in page.text
    listing = client.get(reverse("activities:list"))
    assert "<td>2.3 Et ekstra gear</td>" in listing.text
    assert "<td>extra_gear</td>" not in listing.text


def test_action_plan_page_lists_actions_with_their_state(client, consultant):
    action = ActivityFactory(
        name="Strategi- og politikudvikling", type="action", start=date(2015, 1, 1), state="planned"
    )
    action.states.create(state="started", date=date(2015, 3, 1), note="køres med CSR-strategien")
    ActivityFactory(name="Ikke en handling", type="activity")
    client.force_login(consultant)
    page = client.get(reverse("activities:action_plan"), {"dato": "2023-01-01"})
    assert "Strategi- og politikudvikling" in page.text and "Ikke en handling" not in page.text
    assert "igangsat" in page.text and "køres med CSR-strategien" in page.text


def test_excel_export_of_the_activity_list_is_the_users_own(client, staff_a, enterprise_a):
    import io

    from openpyxl import load_workbook

    ActivityFactory(name="Egen aktivitet", enterprise=enterprise_a, state="running")
    ActivityFactory(name="Andres aktivitet")
    client.force_login(staff_a)
    response = client.get(reverse("activities:list"), {"eksport": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Navn" and [r[0] for r in rows[1:]] == ["Egen aktivitet"]
    assert "I drift" in rows[1] and "Virksomhed A" in rows[1]


def test_enterprise_page_lists_its_activities_in_a_fixed_number_of_queries(
    client, consultant, enterprise_a
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(consultant)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            page = client.get(enterprise_a.get_absolute_url())
        return len(captured), page.text

    ActivityFactory(enterprise=enterprise_a, state="running")
    one, _ = queries()
    for _ in range(5):
        ActivityFactory(enterprise=enterprise_a, state="done")
    six, page = queries()
    assert page.count("gennemført fra") == 5
    assert six == one
