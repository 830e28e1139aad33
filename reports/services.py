"""Writes on reports: keyword-only services, named <entity>_<action>."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from reports.document import html_to_pdf, render_report_html, render_summary_html
from reports.models import Publication, ReportPeriod, ReportSection
from reports.selectors import report_figures


def report_texts_update(*, report: ReportPeriod, texts: dict[str, str]) -> int:
    """Store the narrative of the given sections; returns how many changed."""
    changed = 0
    with transaction.atomic():
        current = {s.key: s for s in report.sections.select_for_update()}
        for key, text in texts.items():
            text = text.replace("\r\n", "\n").strip()
            section = current.get(key)
            if section is None:
                if text:
                    ReportSection.objects.create(report=report, key=key, text=text)
                    changed += 1
            elif section.text != text:
                section.text = text
                section.save(update_fields=["text"])
                changed += 1
    return changed


def report_publish(*, report: ReportPeriod, user, progress=None) -> Publication:
    """Freeze the report as it stands: figures, texts, and the full, public and summary
    documents (HTML and the PDF made from it). Each publication is a new version.
    Runs on a task worker (reports/tasks.py); `progress(stage)` hears of each step."""
    step = progress or (lambda stage: None)
    with transaction.atomic():
        report = ReportPeriod.objects.select_for_update().get(pk=report.pk)
        if report.issued is None:
            report.issued = timezone.localdate()
            report.save(update_fields=["issued"])
        step("Tal og tekster fastfryses")
        full = render_report_html(report)
        public = render_report_html(report, public=True)
        summary = render_summary_html(report, public=True)
        latest = report.publications.aggregate(n=Max("version"))["n"] or 0
        pdfs = {}
        for name, html, label in (
            ("report_pdf", full, "den fulde udgave"),
            ("public_pdf", public, "den offentlige udgave"),
            ("summary_pdf", summary, "udvalgsresuméet"),
        ):
            step(f"PDF af {label} dannes")
            pdfs[name] = html_to_pdf(html)
        return Publication.objects.create(
            report=report,
            version=latest + 1,
            published_at=timezone.now(),
            published_by=user,
            figures=report_figures(start=report.start, end=report.end),
            texts={s.key: s.text for s in report.sections.all()},
            report_html=full,
            public_html=public,
            summary_html=summary,
            **pdfs,
        )
