"""The editions: `annual_report --edition`, the public JSON (suppressed counts are null,
results by outcome group), drafts marked «Kladde» on every page, one computation per
publication, tagged PDFs."""

import io
import json
import subprocess
from datetime import date
from unittest import mock

import pytest
import time_machine
from django.core.management import CommandError, call_command
from hypothesis import given

from demo.loader import PERIOD_START
from reports import document
from reports.disclosure import figure_cells, outcome_groups
from reports.editions import edition_figures, json_ready
from reports.services import report_publish
from socialeconomy.pdf import html_to_pdf
from socialeconomy.suppression import SMALLEST_SHOWN, is_hidden
from tests.test_disclosure import FAST, figure_sets

pytestmark = pytest.mark.django_db
PERIOD = ["--start", "2022-01-01", "--end", "2023-02-28"]


def _json(*args) -> dict:
    out = io.StringIO()
    call_command("annual_report", *PERIOD, "--format", "json", *args, stdout=out)
    return json.loads(out.getvalue())


def _agreement(figures: dict, name: str) -> dict:
    return next(a for a in figures["agreements"] if a["name"] == name)


def test_public_json_hides_small_counts_as_null_and_shows_results_by_group(demo):
    public = _json("--edition", "public")
    mina = _agreement(public, "Mina ApS")
    assert mina["outcome_groups"]["progression"] == 21
    assert mina["outcome_groups"]["pension"] == 9
    assert mina["outcome_groups"]["stopped"] == 9
    assert mina["outcomes"]["prison"] is None  # 1 person: hidden
    synergihuset = _agreement(public, "Synergihuset")
    assert synergihuset["participants"] is None  # 3
    counts = [
        v
        for a in public["agreements"]
        for key in ("participants", "ongoing", "completed", "outcomes", "outcome_groups")
        for v in (a[key].values() if isinstance(a[key], dict) else [a[key]])
    ]
    assert not [v for v in counts if v is not None and 0 < v < SMALLEST_SHOWN]


def test_full_json_is_unchanged_by_editions_and_carries_groups(demo):
    full = _json()
    assert full == _json("--edition", "full")
    mina = _agreement(full, "Mina ApS")
    assert mina["outcomes"]["prison"] == 1
    assert mina["outcome_groups"] == {
        "progression": 21,
        "pension": 9,
        "other_course": 1,
        "unemployed": 8,
        "stopped": 9,
        "left": 4,
    }
    assert _json("--edition", "summary") == _json("--edition", "public")


def test_unknown_edition_is_refused(demo):
    with pytest.raises(CommandError, match="unknown edition 'offentlig'"):
        _json("--edition", "offentlig")


def test_groups_add_up_and_unknown_outcomes_are_a_group_of_their_own():
    groups = outcome_groups({"flexjob": 2, "education": 3, "prison": 1, "unknown": 4})
    assert groups == {
        "progression": 5,
        "pension": 0,
        "other_course": 0,
        "unemployed": 0,
        "stopped": 0,
        "left": 1,
        "unknown": 4,
    }


@FAST
@given(figure_sets())
def test_group_table_hides_1_to_4_and_shows_the_true_count_otherwise(figures):
    public = edition_figures(figures, "public")
    full = edition_figures(figures, "full")
    for i, agreement in enumerate(public["agreements"]):
        truth = full["agreements"][i]["outcome_groups"]
        assert sum(truth.values()) == figures["agreements"][i]["completed"]
        for group, value in agreement["outcome_groups"].items():
            if 0 < truth[group] < SMALLEST_SHOWN:
                assert is_hidden(value)
            elif not is_hidden(value):
                assert value == truth[group]
    keys = figure_cells(figures).values
    assert ("agreements", 0, "outcome_groups", "progression") in keys
    as_json = json.loads(json.dumps(json_ready(public)))
    assert as_json["agreements"][0]["outcome_groups"] == {
        g: None if is_hidden(v) else v for g, v in public["agreements"][0]["outcome_groups"].items()
    }


def _pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def _pdfinfo(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout


@pytest.mark.real_pdf
@time_machine.travel(date(2024, 4, 10), tick=False)
def test_draft_says_kladde_on_every_page_and_has_no_issue_date(small_report, tmp_path):
    small_report.issued = date(2023, 3, 31)
    small_report.save()
    for edition in ("full", "public", "summary"):
        html = document.render_edition_html(small_report, edition)
        assert "Udgivet" not in html and "31.03.2023" not in html
        pages = _pages(html_to_pdf(html), tmp_path)
        assert pages and all("Kladde" in page for page in pages), edition


@pytest.mark.real_pdf
@time_machine.travel(date(2024, 4, 10), tick=False)
def test_published_documents_say_their_own_date_and_no_kladde(small_report, consultant, tmp_path):
    small_report.issued = date(2023, 3, 31)
    small_report.save()
    publication = report_publish(report=small_report, user=consultant)
    for field in ("report", "public", "summary"):
        html = getattr(publication, f"{field}_html")
        assert "Kladde" not in html and "31.03.2023" not in html
        assert "10.04.2024" in html
        pages = _pages(bytes(getattr(publication, f"{field}_pdf")), tmp_path)
        assert not [p for p in pages if "Kladde" in p]
        assert "Tagged:          yes" in _pdfinfo(
            bytes(getattr(publication, f"{field}_pdf")), tmp_path
        )


def test_a_publication_computes_its_figures_once(small_report, consultant):
    with mock.patch.object(document, "report_figures", wraps=document.report_figures) as computed:
        publication = report_publish(report=small_report, user=consultant)
    own = [c for c in computed.call_args_list if c.kwargs["start"] == small_report.start]
    assert len(own) == 1
    assert publication.figures["courses"]["participants"] == 12


@pytest.mark.real_pdf
def test_every_pdf_is_tagged_with_language_and_title(small_report, tmp_path):
    info = _pdfinfo(html_to_pdf(document.render_edition_html(small_report, "full")), tmp_path)
    assert "Tagged:          yes" in info
    assert "Title:           Årsrapport 2022" in info


def test_chart_text_has_at_least_4_5_to_1_contrast_on_every_fill():
    from reports.charts import GROUP_COLOURS, contrast, text_colour

    assert round(contrast("#ffffff", "#e0a800"), 2) == 2.15  # the old white on yellow
    for fill in GROUP_COLOURS.values():
        assert contrast(text_colour(fill), fill) >= 4.5, fill


def test_public_document_shows_results_by_group_with_the_chart_numbers_as_text(demo):
    from reports.models import ReportPeriod

    html = document.render_edition_html(ReportPeriod.objects.get(start=PERIOD_START), "public")
    table = html[html.index('class="chart-data"') :]
    table = table[: table.index("</table>")]
    assert '<th scope="row">Mina ApS</th><td class="num">21</td><td class="num">9</td>' in table
    assert "Videre i job, uddannelse eller praktik" in table


def test_singular_and_plural_and_no_break_inside_a_number_and_its_unit(demo):
    from reports.models import ReportPeriod
    from reports.templatetags.report_tags import count, hire_count

    assert hire_count(1, "full_time") == "1\u00a0fuldtidsstilling"
    assert hire_count(28, "full_time") == "28\u00a0fuldtidsstillinger"
    assert count(1, "bevilling,bevillinger") == "1\u00a0bevilling"
    html = document.render_edition_html(ReportPeriod.objects.get(start=PERIOD_START), "full")
    assert "28\u00a0fuldtidsstillinger" in html and "1\u00a0skånejob" in html
    assert "9.503.911\u00a0kr." in html
    assert "(120&nbsp;% af 4)" in html  # FriRUM LAB's use of its capacity


def test_chart_labels_are_at_least_7_pt_in_print(demo):
    """The page's text column is 174 mm wide (A4, 18 mm margins); the summary draws its
    charts at 80 % of it. A label's size in print is its font size scaled like its chart."""
    import re

    from reports.models import ReportPeriod

    report = ReportPeriod.objects.get(start=PERIOD_START)
    for edition, width_mm in (("full", 174), ("summary", 174 * 0.8)):
        html = document.render_edition_html(report, edition)
        for svg in re.findall(r"<svg.*?</svg>", html, re.S):
            view_width = float(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
            smallest = min(float(s) for s in re.findall(r'font-size="([\d.]+)"', svg))
            points = smallest * width_mm / view_width / 25.4 * 72
            assert points >= 7, (edition, points)


def test_the_appendix_runs_every_check_with_references_in_full_and_counts_in_public(demo):
    from reports.models import ReportPeriod
    from reports.quality import CHECKS

    report = ReportPeriod.objects.get(start=PERIOD_START)
    full = document.render_edition_html(report, "full")
    public = document.render_edition_html(report, "public")
    for html in (full, public):
        assert f"Alle {len(CHECKS)} datakvalitetskontroller er kørt" in html
        assert "Plan mangler efter fristen" in html and "Langt over standardlængden" in html
    assert "D22-0031 (Mina ApS): plan skulle være modtaget" in full
    assert "D22-" not in public
    appendix = public[public.index("Alle kontroller for perioden") :]
    assert 'Offentliggjort tal afviger</td><td class="num">1</td>' in appendix


def test_the_public_edition_states_no_count_of_1_to_4_people_in_its_texts(demo):
    import re

    from django.utils.html import strip_tags

    from reports.models import ReportPeriod
    from reports.textdisclosure import find_statements

    html = document.render_edition_html(ReportPeriod.objects.get(start=PERIOD_START), "public")
    text = strip_tags(re.sub(r"<(?:/p|/li|/h\d|/dd|/td|br)>", "\n", html))
    assert find_statements(text) == []
