"""The permission matrix: every URL in the URLconf, five personas, the expected status.
A URL without a row fails the test, so a new view cannot ship without deciding who sees it.
Outside a user's scope the answer is 404, never 403."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from agreements.models import SubmissionStatus
from background.models import Job
from reports.services import report_publish
from tests.factories import (
    ActivityFactory,
    ActivityFigureFactory,
    AgreementFactory,
    CourseFactory,
    EnterpriseYearFactory,
    EvaluationFactory,
    FundraisingApplicationFactory,
    GoalFactory,
    GrantFactory,
    HireFactory,
    PauseFactory,
    PlacementFactory,
    PlanFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "committee", "staff_a", "staff_b", "consultant")


def row(anonymous=302, committee=404, staff_a=404, staff_b=404, consultant=200):
    return dict(zip(PERSONAS, (anonymous, committee, staff_a, staff_b, consultant), strict=True))


CONSULTANT = row()
OWN = row(staff_a=200)  # consultants and the enterprise's own staff
STAFF_AND_CONSULTANTS = row(staff_a=200, staff_b=200)  # lists scoped to each user
ENTERPRISE_WRITES = row(staff_a=200, consultant=404)  # plans and evaluations
READERS = row(committee=200)
EVERYONE = row(committee=200, staff_a=200, staff_b=200)

# name → (expected statuses, object the URL takes, method)
MATRIX = {
    "login": (row(200, 200, 200, 200, 200), None, "get"),
    "logout": (row(302, 302, 302, 302, 302), None, "post"),
    "password_change": (EVERYONE, None, "get"),
    "password_change_done": (EVERYONE, None, "get"),
    "admin": (row(302, 302, 302, 302, 302), None, "get"),  # Django admin: is_staff only
    "agreements:home": (row(committee=302, staff_a=200, staff_b=200), None, "get"),
    "reports:list": (READERS, None, "get"),
    "reports:texts": (CONSULTANT, "report", "get"),
    "reports:publish": (CONSULTANT, "report", "get"),
    "reports:next": (CONSULTANT, "report", "get"),
    "reports:deviations": (CONSULTANT, "report", "get"),
    "reports:quality": (CONSULTANT, None, "get"),
    "reports:compare": (CONSULTANT, "publication", "get"),
    "exchange:home": (CONSULTANT, None, "get"),
    "background:job": (CONSULTANT, "job", "get"),  # only the consultant who started it
    "background:status": (CONSULTANT, "job", "get"),
    "exchange:confirm": (row(consultant=302), "job", "post"),
    "exchange:export": (CONSULTANT, None, "get"),
    "audit:log": (CONSULTANT, None, "get"),
    "strategy:list": (CONSULTANT, None, "get"),
    "strategy:create": (CONSULTANT, None, "get"),
    "strategy:edit": (CONSULTANT, "strategy", "get"),
    "strategy:delete": (CONSULTANT, "strategy", "get"),
    "reports:reported": (CONSULTANT, "reported_goal", "get"),
    "reports:goals": (CONSULTANT, "report", "get"),
    "enterprises:list": (STAFF_AND_CONSULTANTS, None, "get"),
    "enterprises:create": (CONSULTANT, None, "get"),
    "enterprises:detail": (OWN, "enterprise", "get"),
    "enterprises:edit": (CONSULTANT, "enterprise", "get"),
    "enterprises:year_create": (CONSULTANT, "enterprise", "get"),
    "enterprises:year_edit": (CONSULTANT, "year", "get"),
    "agreements:list": (STAFF_AND_CONSULTANTS, None, "get"),
    "agreements:create": (CONSULTANT, None, "get"),
    "agreements:detail": (OWN, "agreement", "get"),
    "agreements:edit": (CONSULTANT, "agreement", "get"),
    "agreements:outcomes": (CONSULTANT, "agreement", "get"),
    "agreements:pause_create": (CONSULTANT, "agreement", "get"),
    "reports:answers": (CONSULTANT, "agreement+report", "get"),
    "agreements:pause_edit": (CONSULTANT, "pause", "get"),
    "agreements:courses": (STAFF_AND_CONSULTANTS, None, "get"),
    "agreements:course_create": (CONSULTANT, None, "get"),
    "agreements:course": (OWN, "course", "get"),
    "agreements:course_edit": (CONSULTANT, "course", "get"),
    "agreements:plan_edit": (ENTERPRISE_WRITES, "fresh_course", "get"),
    "agreements:evaluation_create": (ENTERPRISE_WRITES, "course", "get"),
    # a consultant opening an evaluation's edit address is shown the evaluation (read-only)
    "agreements:evaluation_edit": (row(staff_a=200, consultant=302), "draft_evaluation", "get"),
    "agreements:plan": (OWN, "plan", "get"),
    "agreements:plan_pdf": (OWN, "plan", "get"),
    "agreements:plan_handle": (row(consultant=302), "plan", "post"),
    "agreements:evaluation": (OWN, "evaluation", "get"),
    "agreements:evaluation_pdf": (OWN, "evaluation", "get"),
    "agreements:evaluation_handle": (row(consultant=302), "evaluation", "post"),
    # The confirmation before submitting: the enterprise's own drafts; a consultant is
    # shown the document itself (read-only), never a dead end.
    "agreements:plan_submit": (row(staff_a=200, consultant=302), "draft_plan", "get"),
    "agreements:evaluation_submit": (
        row(staff_a=200, consultant=302),
        "draft_evaluation",
        "get",
    ),
    "activities:list": (STAFF_AND_CONSULTANTS, None, "get"),
    "activities:create": (CONSULTANT, None, "get"),
    "activities:detail": (OWN, "activity", "get"),
    "activities:edit": (CONSULTANT, "activity", "get"),
    "activities:state_create": (CONSULTANT, "activity", "get"),
    "activities:figure_create": (OWN, "activity", "get"),  # its enterprise reports figures
    "activities:figure_edit": (OWN, "activity_figure", "get"),
    "activities:action_plan": (CONSULTANT, None, "get"),
    "activities:application_list": (CONSULTANT, None, "get"),
    "activities:application_create": (CONSULTANT, None, "get"),
    "activities:application_edit": (CONSULTANT, "application", "get"),
}
for _kind in ("course", "agreement", "pause", "grant", "hire", "placement"):
    MATRIX[f"delete_{_kind}"] = (CONSULTANT, _kind, "get")  # the confirmation page
for _dated in ("grant", "hire", "placement"):
    MATRIX[f"enterprises:{_dated}_list"] = (CONSULTANT, None, "get")
    MATRIX[f"enterprises:{_dated}_create"] = (CONSULTANT, None, "get")
    MATRIX[f"enterprises:{_dated}_edit"] = (CONSULTANT, _dated, "get")
for _kind in ("full", "public", "summary"):
    # Drafts: consultants; committee members are sent on to the latest publication.
    MATRIX[f"reports:{_kind}"] = (row(committee=302), "report", "get")
    MATRIX[f"reports:{_kind}_pdf"] = (row(committee=302), "report", "get")
    expected = CONSULTANT if _kind == "full" else READERS
    MATRIX[f"reports:publication_{_kind}"] = (expected, "publication", "get")
    MATRIX[f"reports:publication_{_kind}_pdf"] = (expected, "publication", "get")


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                yield "admin"
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"URL {pattern.pattern} has no name"
            if pattern.name == "home" and not namespace:
                continue
            yield f"{namespace}{pattern.name}"


def test_every_url_has_a_row():
    names = set(_url_names(get_resolver().url_patterns))
    assert names - set(MATRIX) == set(), "URLs without a row in the permission matrix"
    assert set(MATRIX) - names == set(), "rows for URLs that no longer exist"


@pytest.fixture
def world(
    enterprise_a,
    staff_a,
    staff_b,
    consultant,
    committee_member,
    small_report,
    settings,
    tmp_path_factory,
):
    # The matrix is about who may open what: PDFs by the stand-in (conftest.pdf_renders).
    agreement = AgreementFactory(enterprise=enterprise_a)
    course = CourseFactory(agreement=agreement, start=date(2022, 3, 1))
    submitted = {"status": SubmissionStatus.SUBMITTED, "submitted_at": timezone.now()}
    settings.DATA_DIR = tmp_path_factory.mktemp("data")
    job = Job.objects.create(
        kind=Job.Kind.IMPORT_CHECK,
        user=consultant,
        title="x.xlsx",
        state=Job.State.DONE,
        result={"errors": ["Forløb!C2 (Start): skal udfyldes"]},
    )
    return {
        "personas": {
            "anonymous": None,
            "committee": committee_member,
            "staff_a": staff_a,
            "staff_b": staff_b,
            "consultant": consultant,
        },
        "enterprise": enterprise_a,
        "agreement": agreement,
        "course": course,
        "fresh_course": CourseFactory(agreement=agreement, start=date(2022, 4, 1)),
        "plan": PlanFactory(course=course, **submitted),
        "evaluation": EvaluationFactory(course=course, **submitted),
        "draft_evaluation": EvaluationFactory(course=course),
        "draft_plan": PlanFactory(course=CourseFactory(agreement=agreement)),
        "pause": PauseFactory(agreement=agreement),
        "year": EnterpriseYearFactory(enterprise=enterprise_a),
        "grant": GrantFactory(enterprise=enterprise_a),
        "hire": HireFactory(enterprise=enterprise_a),
        "placement": PlacementFactory(enterprise=enterprise_a),
        "report": small_report,
        "job": job,
        "strategy": StrategyFactory(),
        "reported_goal": GoalFactory(measure="reported"),
        "activity": (activity := ActivityFactory(enterprise=enterprise_a, state="running")),
        "activity_figure": ActivityFigureFactory(activity=activity),
        "application": FundraisingApplicationFactory(enterprise=enterprise_a),
    }


def _url(name, target, world):
    if name == "admin":
        return reverse("admin:index")
    if target is None:
        return reverse(name)
    if target == "agreement+report":
        return reverse(name, args=[world["agreement"].pk, world["report"].pk])
    if target == "job":
        return reverse(name, args=[world["job"].token])
    return reverse(name, args=[world[target].pk])


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, name):
    expected, target, method = MATRIX[name]
    if name.startswith("reports:"):
        consultant = world["personas"]["consultant"]
        world["publication"] = report_publish(report=world["report"], user=consultant)
    url = _url(name, target, world)
    got = {}
    for persona, user in world["personas"].items():
        client.logout()
        if user:
            client.force_login(user)
        data = {"action": "return", "comment": "Uddyb delmål 2."} if method == "post" else None
        response = getattr(client, method)(url, data)
        got[persona] = response.status_code
        if (
            persona == "anonymous"
            and response.status_code == 302
            and name not in ("logout", "admin")
        ):
            assert response["Location"].startswith(reverse("login"))
    assert got == expected, url
