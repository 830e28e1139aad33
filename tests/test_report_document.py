"""The annual report as HTML and PDF: figures from the records, self-contained, escaped."""

import io
import re
import subprocess
from datetime import date

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from reports.document import render_report_html, render_summary_html
from reports.models import ReportPeriod, ReportSection
from socialeconomy.formatting import dk_int, dk_kr, dk_percent
from socialeconomy.pdf import html_to_pdf, project_url_fetcher
from tests.factories import EnterpriseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo):
    return ReportPeriod.objects.get(start=date(2022, 1, 1), end=date(2023, 2, 28))


@pytest.fixture(scope="module")
def demo_pdf_text(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo report rendered once to PDF and read back with pdftotext."""
    from demo.loader import demo_load

    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            demo_load(password="x")
            report = ReportPeriod.objects.get(start=date(2022, 1, 1))
            pdf = html_to_pdf(render_report_html(report))
            transaction.set_rollback(True)
    path = tmp_path_factory.mktemp("pdf") / "rapport.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True, check=True
            ).stdout,
        ).group(1)
    )
    return text, pages


def test_danish_formats():
    assert dk_int(9_503_911) == "9.503.911"
    assert dk_int(-50_000) == "−50.000"
    # A number and its unit are joined by a no-break space; shares round half up.
    assert dk_kr(9_503_911) == "9.503.911\u00a0kr."
    assert dk_percent(9, 20) == "45\u00a0%"
    assert dk_percent(2, 19) == "11\u00a0%"
    assert dk_percent(1, 12) == "8,3\u00a0%"
    assert dk_percent(1, 8) == "13\u00a0%"  # 12,5 % rounds half up, never to 12 %
    assert dk_percent(1, 40) == "2,5\u00a0%"
    assert dk_percent(1, 16) == "6,3\u00a0%"  # 6,25 %


@pytest.mark.real_pdf
def test_pdf_carries_the_computed_figures(demo_pdf_text):
    text, pages = demo_pdf_text
    flat = " ".join(text.split())
    assert "Den Socialøkonomiske Årsrapport 2022" in flat
    assert "01.01.2022–28.02.2023" in flat
    assert "9.503.911 kr." in flat  # the sum of the grants
    assert "9.553.911" in flat  # the published figure, shown in the data-quality appendix
    assert "samlet ansat 100 personer" in flat
    assert "Status er 31 socialøkonomiske virksomheder" in flat
    assert "90 % af 29 forløb" in flat  # FriRUM LAB: 26 plans within 28 days
    assert "60 % af 20 afsluttede forløb" in flat  # FriRUM LAB: 12 late final evaluations
    assert "11 % af 19 afsluttede forløb" in flat  # VeteranHaven: 2 veterans of 19
    assert "(mål: mindst 50 %: ikke nået)" in flat
    assert "Mina ApS og Velliv (2 bevillinger)" in flat
    assert "I alt 270 65 205" in flat
    # each fact is read with its own value: FriRUM LAB (the first model-1 agreement) has 9
    assert re.search(r"I forløb ved periodens slut\s+9\s+Afsluttede forløb\s+20", flat)
    # about the seed's length (34 pages plus cover and contents), with its texts whole and
    # every data-quality finding listed in the appendix, and the appendices of the action
    # plan and of the activities by focus area (seed 002: about 6 pages)
    assert 34 <= pages <= 62


def test_every_computed_percentage_names_its_denominator(report):
    """With the narrative removed, every percentage left comes from the records and must say
    what it is a share of ("45 % af 20 ..."), or be an agreement's aim ("mindst 50 %")."""
    report.sections.all().delete()
    report.answers.all().delete()
    text = " ".join(strip_tags(render_report_html(report)).split())
    percentages = list(re.finditer(r"\d+(,\d)? %", text))
    assert len(percentages) > 50
    for match in percentages:
        after, before = text[match.end() : match.end() + 12], text[: match.start()]
        assert re.match(r" af \d", after) or before.endswith("mindst "), text[
            match.start() - 60 : match.end() + 30
        ]


def test_html_is_self_contained(report):
    html = render_report_html(report)
    assert "/static/" not in html
    assert not re.search(r"""(src|href)=["']?(https?:|//|/)""", html)
    assert "<link" not in html and "<script" not in html
    assert "<svg" in html  # charts inline


def test_narrative_is_escaped(report):
    ReportSection.objects.filter(report=report, key="introduction").update(
        text="<script>alert(1)</script>\n\n- punkt <b>fed</b>\n\n## Overskrift & mere"
    )
    EnterpriseFactory(name="<img src=x onerror=alert(1)>", joined=date(2020, 1, 1))
    html = render_report_html(report)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<li>punkt &lt;b&gt;fed&lt;/b&gt;</li>" in html
    assert "<h3>Overskrift &amp; mere</h3>" in html
    assert "<img src=x" not in html


def test_weasyprint_may_fetch_nothing_from_outside():
    fetcher = project_url_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.org/tracker.png")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.fetch("data:text/plain,hej").read() == b"hej"


@pytest.mark.real_pdf
def test_an_outside_url_in_the_html_stops_the_pdf():
    from weasyprint.urls import FatalURLFetchingError

    with pytest.raises(FatalURLFetchingError):
        html_to_pdf('<img src="https://example.org/tracker.png">')


@pytest.mark.real_pdf
def test_summary_is_one_page(report, tmp_path):
    path = tmp_path / "resume.pdf"
    path.write_bytes(html_to_pdf(render_summary_html(report)))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Status på indfrielsen af målsætningerne" in text
    assert "100 personer i beskæftigelse" in " ".join(text.split())


def annual_report(*args, start="2022-01-01", end="2023-02-28", **kwargs):
    call_command("annual_report", "--start", start, "--end", end, *args, **kwargs)


def test_command_writes_html_and_pdf(demo, tmp_path, pdf_renders):
    html_path, pdf_path = tmp_path / "r.html", tmp_path / "r.pdf"
    annual_report(
        "--format",
        "html",
        "--output",
        str(html_path),
    )
    annual_report(
        "--format",
        "pdf",
        "--output",
        str(pdf_path),
    )
    assert "Den Socialøkonomiske Årsrapport 2022" in html_path.read_text(encoding="utf-8")
    assert pdf_path.read_bytes().startswith(b"%PDF")
    assert len(pdf_renders) == 1 and "Den Socialøkonomiske Årsrapport 2022" in pdf_renders[0]


def test_command_html_for_a_period_without_a_stored_report(demo):
    out = io.StringIO()
    annual_report("--format", "html", stdout=out, end="2022-12-31")
    assert "Den Socialøkonomiske Årsrapport 2022" in out.getvalue()
    assert "01.01.2022–31.12.2022" in out.getvalue()


def test_pdf_needs_output(demo):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="needs --output"):
        annual_report("--format", "pdf")
