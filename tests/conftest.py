"""Shared fixtures: the demo database and the personas of the product; PDFs rendered by a
stand-in unless a test is marked `real_pdf` (tests/fakepdf.py)."""

from datetime import date

import pytest

from demo.loader import demo_load
from reports.models import ReportPeriod, ReportSection
from socialeconomy import roles
from tests.dbsnapshot import DemoSnapshot
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    GrantFactory,
    UserFactory,
)
from tests.fakepdf import FakeHTML

_demo = DemoSnapshot(lambda: demo_load(password="demo-adgangskode"))


@pytest.fixture
def demo(db):
    """The demo, loaded once per session and written back for each test after that."""
    return _demo()


@pytest.fixture(autouse=True)
def _demo_first(request):
    """A test that uses the demo gets it before its other records, so that it starts from
    the empty database the demo is written back to (tests/dbsnapshot.py)."""
    if "demo" in request.fixturenames:
        request.getfixturevalue("demo")


@pytest.fixture(autouse=True)
def pdf_renders(request, monkeypatch):
    """The HTML of each PDF the test renders, with a stand-in for WeasyPrint; None for a test
    marked `real_pdf`, which renders with WeasyPrint."""
    if request.node.get_closest_marker("real_pdf"):
        return None
    rendered: list[str] = []
    monkeypatch.setattr("weasyprint.HTML", type("FakeHTML", (FakeHTML,), {"rendered": rendered}))
    return rendered


@pytest.fixture
def consultant(db):
    return UserFactory(username="konsulent-test", roles=[roles.CONSULTANT])


@pytest.fixture
def committee_member(db):
    return UserFactory(username="udvalg-test", roles=[roles.COMMITTEE])


@pytest.fixture
def enterprise_a(db):
    return EnterpriseFactory(name="Virksomhed A")


@pytest.fixture
def enterprise_b(db):
    return EnterpriseFactory(name="Virksomhed B")


@pytest.fixture
def staff_a(enterprise_a):
    user = UserFactory(username="medarbejder-a", roles=[roles.ENTERPRISE_STAFF])
    enterprise_a.staff.add(user)
    return user


@pytest.fixture
def staff_b(enterprise_b):
    user = UserFactory(username="medarbejder-b", roles=[roles.ENTERPRISE_STAFF])
    enterprise_b.staff.add(user)
    return user


@pytest.fixture
def small_report(db):
    """A small report: one agreement with 12 courses, one grant."""
    agreement = AgreementFactory(name="Aftale Ø", capacity=10)
    for i in range(12):
        CourseFactory(
            agreement=agreement,
            start=date(2022, 2, 1),
            end=date(2022, 6, 1) if i < 8 else None,
            outcome="education" if i < 6 else ("flexjob" if i < 8 else ""),
        )
    GrantFactory(enterprise=agreement.enterprise, amount=125_000, date=date(2022, 5, 1))
    report = ReportPeriod.objects.create(
        title="Årsrapport 2022", start=date(2022, 1, 1), end=date(2022, 12, 31)
    )
    ReportSection.objects.create(report=report, key="introduction", text="Første udkast.")
    return report


@pytest.fixture
def work_the_queue(monkeypatch, settings):
    """The database task queue, as in production, and a worker run in this process until the
    queue is empty (`db_worker --batch`, as django-tasks suggests for tests). The worker
    closes "old" connections between tasks; inside a test's transaction that would close the
    test's own connection (PostgreSQL), so it is left open here."""
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def work():
        call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)

    return work
