"""Every main page in a real browser (issue 15): axe-core finds no WCAG 2.1 AA violation,
and at 390 px (a phone) no page is wider than the screen. Uses the demo, as its users see it."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from agreements.models import Agreement, Course, Plan
from enterprises.models import Enterprise
from reports.models import ReportPeriod
from tests.test_browser import _login, browser_context_args, browser_type_launch_args  # noqa: F401

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _consultant_pages():
    agreement = Agreement.objects.get(name="FriRUM LAB")
    course = Course.objects.filter(agreement=agreement).order_by("reference").first()
    enterprise = Enterprise.objects.get(name="FriRUM LAB")
    return [
        reverse("agreements:home"),
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
        reverse("strategy:list"),
        reverse("reports:goals", args=[ReportPeriod.objects.order_by("start").first().pk]),
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
        # on a phone a wide table scrolls in its own box, which the keyboard must reach
        for violation in axe.run(page, options=WCAG_AA).response["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"{path} at 390: {violation['id']} {targets}")
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
    paths = [reverse("agreements:home"), course.get_absolute_url(), reverse("agreements:courses")]
    if plan:
        paths.append(plan.get_absolute_url())
    _check(page, live_server, paths)
    page.goto(live_server.url + reverse("agreements:home"))
    assert "Administration" not in page.content()


def test_axe_finds_a_violation_where_there_is_one(page, live_server, consultant):
    """The check itself can fail: an unlabelled field and an image without text."""
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("agreements:home"))
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<input type=text><img src=/static/x.png>')"
    )
    found = {v["id"] for v in Axe().run(page, options=WCAG_AA).response["violations"]}
    assert {"label", "image-alt"} <= found


def test_a_consultant_walks_the_former_dead_ends(page, live_server, demo_users):
    """Start page → «Se alle» → the whole list; a course entered twice → deleted after a
    confirmation; no Administration in the menu; dates typed the Danish way."""
    from datetime import date

    from tests.factories import CourseFactory

    agreement = Agreement.objects.get(name="FriRUM LAB")
    twice = CourseFactory(reference="D21-9999", agreement=agreement, start=date(2021, 3, 1))
    _login(page, live_server, demo_users["konsulent"])
    page.goto(live_server.url + reverse("agreements:home"))
    assert page.get_by_role("link", name="Administration").count() == 0
    page.get_by_text("Registreringerne går til").wait_for()  # the demo's own day, said plainly
    link = page.get_by_role("link", name="Se alle").first
    total = link.inner_text().split()[-1]
    link.click()
    page.get_by_text(f"af {total}").first.wait_for()

    page.goto(live_server.url + reverse("agreements:course_edit", args=[twice.pk]))
    assert page.get_by_label("Start").input_value() == "01.03.2021"
    page.get_by_role("link", name="Slet forløbet…").click()
    page.get_by_role("button", name="Ja, slet forløbet").click()
    page.get_by_text("D21-9999 er slettet. Historikken er bevaret.").wait_for()
    assert not Course.objects.filter(reference="D21-9999").exists()


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_focus_ring_has_3_to_1_contrast_on_the_page_and_in_the_header(
    page, live_server, consultant
):
    _login(page, live_server, consultant)
    page.goto(live_server.url + reverse("agreements:courses"))
    for selector, background in (("main a", "body"), ("header a, .top a", ".top")):
        page.locator(selector).first.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # keyboard focus: :focus-visible applies
        ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
        behind = page.evaluate(
            f"getComputedStyle(document.querySelector('{background}')).backgroundColor"
        )
        assert _contrast(ring, behind) >= 3, (selector, ring, behind)
