"""Safe to run: deploy checks, security headers, no caching of personal data, session
timeouts, login throttling, CSRF, and every text field escaped in pages and PDFs."""

import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from agreements.models import PlanGoal, SubmissionStatus
from reports.models import ReportSection
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    EvaluationFactory,
    GrantFactory,
    PlanFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


def test_check_deploy_passes_with_production_environment(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialeconomy.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "k" * 20 + "a-long-random-production-secret-" + "9" * 20,
        "DJANGO_ALLOWED_HOSTS": "socialokonomi.example.dk",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        "DJANGO_DATA_DIR": str(tmp_path),
    }
    env.pop("DJANGO_HTTPS", None)  # production default: on
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_security_headers_and_no_store_on_personal_pages(client, consultant):
    client.force_login(consultant)
    response = client.get(reverse("agreements:courses"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {} or all(c["httponly"] for c in response.cookies.values())


def test_report_documents_allow_their_inline_styles_only(client, consultant, small_report):
    client.force_login(consultant)
    response = client.get(reverse("reports:full", args=[small_report.pk]))
    csp = response["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in csp and "script-src 'self'" in csp


def test_hsts_and_secure_cookies_over_https(settings, consultant):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client = Client()
    assert client.get("/accounts/login/").status_code == 301  # http → https
    response = client.get("/accounts/login/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"] and response.cookies["csrftoken"]["httponly"]


def test_idle_timeout_logs_out(client, consultant, settings):
    settings.SESSION_IDLE_MINUTES = 30
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.force_login(consultant)
        assert client.get(reverse("agreements:courses")).status_code == 200
        clock.shift(timedelta(minutes=29))
        assert client.get(reverse("agreements:courses")).status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get(reverse("agreements:courses"), follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("login"))
    assert "30 minutter uden aktivitet" in response.content.decode()


def test_absolute_timeout_logs_out_an_active_user(client, consultant, settings):
    settings.SESSION_MAX_HOURS = 10
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.force_login(consultant)
        for _ in range(20):  # active every 25 minutes for 8 h 20 min
            clock.shift(timedelta(minutes=25))
            assert client.get(reverse("agreements:courses")).status_code == 200
        clock.shift(timedelta(hours=2))  # still active, but 10 h 20 min after login
        for _ in range(5):
            clock.shift(timedelta(minutes=25))
            response = client.get(reverse("agreements:courses"))
            if response.status_code == 302:
                break
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_repeated_failures_lock_the_login_without_telling_if_the_user_exists(client, settings):
    UserFactory(username="findes")
    pages = {}
    for username in ("findes", "findes-ikke"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            response = client.post(reverse("login"), {"username": username, "password": "forkert"})
            assert response.status_code == 200
        locked = client.post(reverse("login"), {"username": username, "password": "forkert"})
        assert locked.status_code == 429  # the limit-th failure locks
        pages[username] = locked.content.decode()
    assert "midlertidigt spærret" in pages["findes"]
    assert pages["findes"] == pages["findes-ikke"]
    right = client.post(reverse("login"), {"username": "findes", "password": "test-adgangskode"})
    assert right.status_code == 429  # locked even with the right password, until the cool-off


def test_post_without_csrf_token_is_refused(consultant):
    course = CourseFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(consultant)
    url = reverse("agreements:course_edit", args=[course.pk])
    response = client.post(url, {"reference": "NY-1", "agreement": course.agreement.pk})
    assert response.status_code == 403
    course.refresh_from_db()
    assert course.reference != "NY-1"


@pytest.fixture
def hostile(enterprise_a, staff_a, small_report):
    """Every free-text field a user can fill, filled with markup."""
    enterprise = EnterpriseFactory(
        name=f"{PAYLOAD} ApS", town=PAYLOAD, description=PAYLOAD, target_group=PAYLOAD
    )
    agreement = AgreementFactory(
        name=f"{PAYLOAD} aftale", enterprise=enterprise_a, description=PAYLOAD, aim=PAYLOAD[:200]
    )
    course = CourseFactory(agreement=agreement)
    plan = PlanFactory(
        course=course,
        agreed_by=PAYLOAD,
        status=SubmissionStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    PlanGoal.objects.create(plan=plan, order=1, text=PAYLOAD)
    evaluation = EvaluationFactory(course=course, progression=PAYLOAD, results=PAYLOAD)
    GrantFactory(enterprise=enterprise, donor=PAYLOAD, purpose=PAYLOAD)
    ReportSection.objects.update_or_create(
        report=small_report, key="introduction", defaults={"text": PAYLOAD}
    )
    return {
        "enterprise": enterprise,
        "agreement": agreement,
        "course": course,
        "plan": plan,
        "evaluation": evaluation,
        "report": small_report,
    }


def test_markup_in_every_text_field_comes_out_escaped_in_pages(client, consultant, hostile):
    client.force_login(consultant)
    urls = [
        reverse("enterprises:detail", args=[hostile["enterprise"].pk]),
        reverse("enterprises:list"),
        reverse("enterprises:grant_list"),
        reverse("agreements:detail", args=[hostile["agreement"].pk]),
        reverse("agreements:courses"),
        reverse("agreements:course", args=[hostile["course"].pk]),
        reverse("agreements:plan", args=[hostile["plan"].pk]),
        reverse("agreements:evaluation", args=[hostile["evaluation"].pk]),
        reverse("reports:full", args=[hostile["report"].pk]),
        "/",
    ]
    for url in urls:
        page = client.get(url).content.decode()
        assert "<script>alert" not in page and "<img src=x" not in page, url
        assert ESCAPED in page or "&lt;script&gt;" in page, url


@pytest.mark.real_pdf
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_markup_in_a_pdf_is_printed_as_text(client, staff_a, hostile, tmp_path):
    client.force_login(staff_a)
    response = client.get(reverse("agreements:plan_pdf", args=[hostile["plan"].pk]))
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert '<script>alert("x")</script>' in text  # shown as the characters typed


def test_no_stray_safe_markers_in_templates_or_code():
    """Autoescaping is never switched off. The only SafeString is reports/charts.py wrapping
    its own constant SVG attributes; all record text goes through format_html."""
    offenders = []
    for path in [*ROOT.glob("templates/**/*.html"), *ROOT.glob("*/**/*.py")]:
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        text = path.read_text()
        for pattern in (r"\|\s*safe\b", r"mark_safe", r"autoescape\s+off", r"\|safeseq"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(ROOT)}: {pattern}")
        if "SafeString(" in text and path.name != "charts.py":
            offenders.append(f"{path.relative_to(ROOT)}: SafeString")
    charts = (ROOT / "reports" / "charts.py").read_text()
    assert set(re.findall(r"SafeString\((\w+)\)", charts)) <= {"FONT", "style"}
    assert offenders == []
