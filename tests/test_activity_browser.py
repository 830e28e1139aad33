"""Real-browser test of the activity workflow: an enterprise reports a quarter's figure for
its own activity, and the irregular figure is marked on the page."""

from datetime import date

import pytest

from activities.models import ActivityFigure
from tests.factories import ActivityFactory, ActivityFigureFactory
from tests.test_browser import (  # noqa: F401  (the browser fixtures of that module)
    _login,
    browser_context_args,
    browser_type_launch_args,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NAME = "Borgere i praktik og løntilskud"


def test_enterprise_reports_a_quarter_and_sees_the_fall_flagged(
    page, live_server, staff_a, enterprise_a
):
    activity = ActivityFactory(name="Genbrugsværkstedet", enterprise=enterprise_a, state="running")
    ActivityFigureFactory(activity=activity, name=NAME, period="2022-Q2", value=45)
    _login(page, live_server, staff_a)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Aktiviteter").click()
    page.get_by_role("link", name="Genbrugsværkstedet").click()
    page.get_by_role("link", name="Indberet tal").click()
    page.get_by_label("Tal").fill(NAME)
    page.get_by_label("Periode").fill("2022-Q3")
    page.get_by_label("Værdi").fill("-3")
    page.get_by_label("Opgørelse").select_option(label="år til dato")
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("et helt tal på 0 eller mere").wait_for()
    page.get_by_label("Værdi").fill("3")
    page.get_by_label("Indberettet").fill("2022-10-10")
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Genbrugsværkstedet: tallet er gemt.").wait_for()
    page.get_by_text("falder fra 45 (2. kvartal 2022) til 3 (3. kvartal 2022)").wait_for()
    figure = ActivityFigure.objects.get(period="2022-Q3")
    assert (figure.value, figure.basis, figure.reported) == (3, "ytd", date(2022, 10, 10))
