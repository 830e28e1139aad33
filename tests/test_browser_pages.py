"""Every main page in a real browser (issue 15): axe-core finds no WCAG 2.1 AA violation,
and at 390 px (a phone) no page is wider than the screen. Uses the demo, as its users see it."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from agreements.models import Agreement, Course, Plan
from enterprises.models import Enterprise
from tests.test_browser import _login, browser_context_args, browser_type_launch_args  # noqa: F401

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _consultant_pages():
    agreement = Agreement.objects.get(name="FriRUM LAB")
    course = Course.objects.filter(agreement=agreement).order_by("reference").first()
    enterprise = Enterprise.objects.get(name="FriRUM LAB")
    return [
        reverse("reports:home"),
        reverse("agreements:courses"),
        reverse("agreements:courses") + "?sort=-start&period_from=31.02.2022",
        reverse("agreements:list"),
        reverse("enterprises:list"),
        reverse("enterprises:detail", args=[enterprise.pk]),
        reverse("enterprises:grant_list"),
        agreement.get_absolute_url(),
        reverse("agreements:outcomes", args=[agreement.pk]),
        course.get_absolute_url(),
        reverse("agreements:course_edit", args=[course.pk]),
        reverse("delete_course", args=[course.pk]),
        reverse("reports:quality"),
        reverse("reports:list"),
        reverse("exchange:home"),
    ]


def _check(page, live_server, paths):
    axe = Axe()
    problems = []
    for path in paths:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(live_server.url + path)
        result = axe.run(page, options=WCAG_AA)
        assert result.response["passes"], path  # axe ran on the page
        for violation in result.response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} {targets}")
        page.set_viewport_size({"width": 390, "height": 800})
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            problems.append(f"{path}: {width} px wide at 390")
    assert problems == []


@pytest.fixture
def demo_users(demo):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    for user in users.all():  # the demo's password is set; the tests log in with their own
        user.set_password("test-adgangskode")
        user.save()
    return {name: users.get(username=name) for name in ("konsulent", "frirum-lab", "udvalg")}


def test_the_consultants_pages_pass_axe_and_fit_a_phone(page, live_server, demo_users):
    _login(page, live_server, demo_users["konsulent"])
    _check(page, live_server, _consultant_pages())


def test_the_enterprise_and_committee_pages_pass_axe_and_fit_a_phone(page, live_server, demo_users):
    course = Course.objects.filter(agreement__enterprise__name="FriRUM LAB").first()
    plan = Plan.objects.filter(course__agreement__enterprise__name="FriRUM LAB").first()
    _login(page, live_server, demo_users["frirum-lab"])
    paths = [reverse("reports:home"), course.get_absolute_url(), reverse("agreements:courses")]
    if plan:
        paths.append(plan.get_absolute_url())
    _check(page, live_server, paths)
    page.goto(live_server.url + reverse("reports:home"))
    assert "Administration" not in page.content()


def test_axe_finds_a_violation_where_there_is_one(page, live_server, consultant):
    """The check itself can fail: an unlabelled field and an image without text."""
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("reports:home"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<input type=text><img src=/static/x.png>')"
    )
    found = {v["id"] for v in Axe().run(page, options=WCAG_AA).response["violations"]}
    assert {"label", "image-alt"} <= found
