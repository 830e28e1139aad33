"""Writes on reports: keyword-only services, named <entity>_<action>."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from reports.document import render_edition_html, report_snapshot
from reports.editions import FULL, PUBLIC, SUMMARY
from reports.models import (
    DeviationComment,
    Publication,
    ReportedValue,
    ReportPeriod,
    ReportSection,
)
from socialeconomy.pdf import html_to_pdf


def _texts_store(current: dict, texts: dict[str, str], *, field: str, create) -> int:
    """Store texts typed in a form on the objects ``current`` holds by key, creating one
    (``create(key, text)``) where there is none yet and the text is not empty; returns how
    many changed."""
    changed = 0
    for key, text in texts.items():
        text = text.replace("\r\n", "\n").strip()
        obj = current.get(key)
        if obj is None:
            if text:
                create(key, text)
                changed += 1
        elif getattr(obj, field) != text:
            setattr(obj, field, text)
            obj.save(update_fields=[field])
            changed += 1
    return changed


def report_texts_update(*, report: ReportPeriod, texts: dict[str, str]) -> int:
    """Store the narrative of the given sections; returns how many changed."""
    with transaction.atomic():
        current = {s.key: s for s in report.sections.select_for_update()}
        return _texts_store(
            current,
            texts,
            field="text",
            create=lambda key, text: ReportSection.objects.create(
                report=report, key=key, text=text
            ),
        )


def report_publish(*, report: ReportPeriod, user, progress=None) -> Publication:
    """Freeze the report as it stands: figures, texts, and the full, public and summary
    documents (HTML and the PDF made from it). Each publication is a new version.

    The figures are computed once (``report_snapshot``) and every document is rendered
    from that one frozen set, so the JSON and the three documents cannot disagree. Each
    document states the publication's date as its issue date. Runs on a task worker
    (reports/tasks.py); `progress(stage)` hears of each step."""
    step = progress or (lambda stage: None)
    with transaction.atomic():
        report = ReportPeriod.objects.select_for_update().get(pk=report.pk)
        now = timezone.now()
        issued = timezone.localdate(now)
        if report.issued is None:
            report.issued = issued
            report.save(update_fields=["issued"])
        step("Tal og tekster fastfryses")
        snapshot = report_snapshot(report)
        full, public, summary = (
            render_edition_html(report, edition, snapshot=snapshot, issued=issued)
            for edition in (FULL, PUBLIC, SUMMARY)
        )
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
            published_at=now,
            published_by=user,
            figures=snapshot["figures"],
            texts={s.key: s.text for s in report.sections.all()},
            report_html=full,
            public_html=public,
            summary_html=summary,
            **pdfs,
        )


def deviation_comments_update(*, report: ReportPeriod, texts: dict[str, str]) -> int:
    """Store the comments on the report's deviations (form key 'code|subject' → text);
    returns how many changed."""

    def create(key: str, text: str) -> None:
        code, subject = key.split("|", 1)
        DeviationComment.objects.create(report=report, code=code, subject=subject, comment=text)

    with transaction.atomic():
        current = {
            f"{c.code}|{c.subject}": c for c in report.deviation_comments.select_for_update()
        }
        return _texts_store(current, texts, field="comment", create=create)


@transaction.atomic
def reported_values_save(*, goal, values: dict) -> int:
    """``values``: report → (value, source) or None to remove. All or nothing; returns how
    many changed."""
    changed = 0
    current = {v.report_id: v for v in goal.reported_values.select_for_update()}
    for report, entry in values.items():
        stored = current.get(report.pk)
        if entry is None:
            if stored:
                stored.delete()
                changed += 1
            continue
        value, source = entry
        if stored is None:
            ReportedValue.objects.create(goal=goal, report=report, value=value, source=source)
            changed += 1
        elif (stored.value, stored.source) != (value, source):
            stored.value, stored.source = value, source
            stored.save(update_fields=["value", "source"])
            changed += 1
    return changed
