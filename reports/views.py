from datetime import date

from csp.decorators import csp_update
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from agreements.access import agreement_for_user
from audit.services import Action, access_record, references_in
from background.models import Job
from background.services import job_create, job_start
from reports.access import (
    publication_for_user,
    report_draft_for_user,
    report_for_consultant,
    reports_for_user,
)
from reports.comparison import figures_compare
from reports.document import draft_deviations, render_edition_html
from reports.forms import (
    AnswersForm,
    DeviationCommentsForm,
    ReportedValuesForm,
    SectionTextsForm,
)
from reports.models import Publication, ReportPeriod
from reports.pdfs import draft_pdf
from reports.quality import data_check
from reports.selectors import report_figures
from reports.services import (
    deviation_comments_update,
    report_texts_update,
    reported_values_save,
)
from reports.strategy_report import strategy_context
from reports.successor import report_create_successor, report_successor
from reports.tasks import publish_report_job
from reports.textreview import flagged_texts
from socialeconomy import roles
from socialeconomy.querystring import period
from socialeconomy.records import form_page, pdf_response
from strategy.access import goal_for_user
from strategy.measures import REPORTED

# kind → (file name stem, page title, publication fields (html, pdf))
DOCUMENTS = {
    "full": ("aarsrapport", "Årsrapport, fuld udgave", ("report_html", "report_pdf")),
    "public": (
        "aarsrapport-offentlig",
        "Årsrapport, offentlig udgave",
        ("public_html", "public_pdf"),
    ),
    "summary": ("udvalgsresume", "Udvalgsresumé", ("summary_html", "summary_pdf")),
}


@login_required
def report_list(request):
    publications = Publication.objects.without_documents().select_related("published_by")
    reports = reports_for_user(request.user).prefetch_related(
        Prefetch("publications", queryset=publications)
    )
    return render(request, "reports/list.html", {"reports": reports})


def _with_toolbar(html: str, title: str, links: list[tuple[str, str]]) -> str:
    """The page view of a self-contained document: the same HTML with a toolbar on top
    (hidden in print). The document itself, as saved or stored, has none."""
    toolbar = render_to_string("reports/_toolbar.html", {"title": title, "links": links})
    return html.replace("<body>", "<body>" + toolbar, 1)


def _draft_links(report, kind: str) -> list[tuple[str, str]]:
    links = [("Hent PDF", reverse(f"reports:{kind}_pdf", args=[report.pk]))]
    for other, label in (
        ("full", "Fuld udgave"),
        ("public", "Offentlig udgave"),
        ("summary", "Udvalgsresumé"),
    ):
        if other != kind:
            links.append((label, reverse(f"reports:{other}", args=[report.pk])))
    links.append(("Rediger tekster", reverse("reports:texts", args=[report.pk])))
    links.append(("Afvigelser", reverse("reports:deviations", args=[report.pk])))
    links.append(("Udgiv", reverse("reports:publish", args=[report.pk])))
    return links


# The documents are self-contained (their CSS inline, frozen when published): styles only.
document_styles = csp_update({"style-src": ["'unsafe-inline'"]})


@login_required
@document_styles
def report_document(request, pk, kind, pdf=False):
    """Consultants: the report as the records give it today (a draft until published).
    Committee members: the latest published public version, as it was published."""
    report, publication = report_draft_for_user(request.user, pk)
    stem, title, _ = DOCUMENTS[kind]
    if publication is not None:
        kind = "summary" if kind == "summary" else "public"
        name = "publication_" + kind + ("_pdf" if pdf else "")
        return redirect(f"reports:{name}", publication.pk)
    html = render_edition_html(report, kind)
    if pdf:  # rendered on a worker once, then served from the cache until a figure changes
        rendered = draft_pdf(
            html=html,
            slot=f"report-{report.pk}-{kind}",
            title=f"{report.title}, {title.lower()} (kladde)",
            user=request.user,
            download_url=request.path,
        )
        if rendered.pdf is None:
            return redirect(rendered.job)
        return pdf_response(rendered.pdf, f"{stem}-{report.start:%Y}-kladde.pdf")
    return HttpResponse(_with_toolbar(html, f"{title} (kladde)", _draft_links(report, kind)))


@login_required
@document_styles
def publication_document(request, pk, kind, pdf=False):
    """A published document, byte for byte as it was published."""
    publication = publication_for_user(request.user, pk, full=kind == "full")
    stem, title, (html_field, pdf_field) = DOCUMENTS[kind]
    if pdf:
        filename = f"{stem}-{publication.report.start:%Y}-v{publication.version}.pdf"
        return pdf_response(getattr(publication, pdf_field), filename)
    links = [("Hent PDF", reverse(f"reports:publication_{kind}_pdf", args=[pk]))]
    if kind != "summary":
        links.append(("Udvalgsresumé", reverse("reports:publication_summary", args=[pk])))
    else:
        links.append(("Rapporten", reverse("reports:publication_public", args=[pk])))
    heading = f"{title}, udgivet version {publication.version}"
    return HttpResponse(_with_toolbar(getattr(publication, html_field), heading, links))


@login_required
def publication_compare(request, pk):
    publication = publication_for_user(request.user, pk, full=True)
    report = publication.report
    rows = figures_compare(publication.figures, report_figures(start=report.start, end=report.end))
    context = {
        "publication": publication,
        "report": report,
        "rows": rows,
        "changed": [r for r in rows if r.differs],
        "show_all": request.GET.get("alle") == "1",
    }
    return render(request, "reports/compare.html", context)


def _report_texts_page(request, report, form, *, save, saved: str, name: str, template: str):
    """A consultant's page of texts on one report: saved all together, or re-displayed with
    the errors beside their fields and everything typed kept."""
    if request.method == "POST" and form.is_valid():
        changed = save(report=report, texts=form.cleaned_data)
        messages.success(request, saved.format(changed=changed))
        return redirect(f"reports:{name}", report.pk)
    return render(request, template, {"report": report, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def report_texts(request, pk):
    report = report_for_consultant(request.user, pk)
    return _report_texts_page(
        request,
        report,
        SectionTextsForm(request.POST or None, report=report),
        save=report_texts_update,
        saved="Teksterne er gemt ({changed} afsnit ændret).",
        name="texts",
        template="reports/texts.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_deviations_view(request, pk):
    """The consultant comments on what went otherwise than planned (reports/deviations.py)."""
    report = report_for_consultant(request.user, pk)
    deviations = draft_deviations(report)
    return _report_texts_page(
        request,
        report,
        DeviationCommentsForm(request.POST or None, deviations=deviations),
        save=deviation_comments_update,
        saved="Kommentarerne er gemt ({changed} ændret).",
        name="deviations",
        template="reports/deviations.html",
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_publish_view(request, pk):
    report = report_for_consultant(request.user, pk)
    if request.method == "POST":  # on a task worker: three PDFs take a while
        job = job_create(kind=Job.Kind.PUBLISH, user=request.user, title=report.title)
        return redirect(job_start(job, publish_report_job, report.pk))
    figures = report_figures(start=report.start, end=report.end)
    latest = report.publications.without_documents().first()
    context = {
        "report": report,
        "figures": figures,
        "latest": latest,
        "flagged": flagged_texts(report, figures),
    }
    return render(request, "reports/publish.html", context)


@login_required
def data_quality(request):
    """Every data-quality finding for a period (default: the latest report's period)."""
    roles.consultant_or_404(request.user)
    latest = reports_for_user(request.user).first()
    today = timezone.localdate()
    chosen = period(request)
    start = chosen.start or (latest.start if latest else date(today.year, 1, 1))
    end = chosen.end or (latest.end if latest else today)
    if start > end:  # one end chosen, the other from the default period
        messages.error(request, "Perioden slutter før den begynder; vælg begge datoer.")
    findings = data_check(start=start, end=end, today=today) if start <= end else []
    findings = _openable(request.user, findings)
    shown = references_in(f.text for f in findings)
    access_record(request, Action.LIST, references=shown, detail=f"datakvalitet {start}–{end}")
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.check, []).append(finding)
    context = {"start": start, "end": end, "groups": groups, "count": len(findings)}
    return render(request, "reports/quality.html", context)


@login_required
def report_next(request, pk):
    """«Ny rapport ud fra denne»: a confirmation, then the next period's report."""
    report = report_for_consultant(request.user, pk)
    successor = report_successor(report)
    if request.method == "POST":
        created = report_create_successor(report)
        if successor.existing:
            messages.info(request, f"{created.title} fandtes allerede; her er den.")
        else:
            messages.success(request, f"{created.title} er oprettet med teksterne fra {report}.")
        return redirect(reverse("reports:texts", args=[created.pk]))
    return render(request, "reports/next.html", {"report": report, "successor": successor})


def _openable(user, findings):
    """No dead ends: a finding links to the admin only for who may use the admin; for
    everybody else it is shown without the link."""
    from dataclasses import replace

    admin = reverse("admin:index")
    may_admin = user.is_superuser or (user.is_staff and bool(user.get_all_permissions()))
    return [f if may_admin or not f.url.startswith(admin) else replace(f, url="") for f in findings]


@login_required
def agreement_answers(request, pk, report_pk):
    """A model-1 agreement's answers to the nine evaluation questions for one report."""
    agreement = agreement_for_user(request.user, pk, edit=True)
    report = report_for_consultant(request.user, report_pk)
    form = AnswersForm(request.POST or None, agreement=agreement, report=report)
    return form_page(
        request,
        form=form,
        title=f"Evaluering af {agreement} – {report.title}",
        cancel_url=agreement.get_absolute_url(),
        saved_message="Svarene er gemt.",
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_reported(request, pk):
    """The values of a goal measured ``reported``, one per reporting period, with sources."""
    goal = goal_for_user(request.user, pk)
    if goal.measure != REPORTED:
        raise Http404("Målet tælles fra registreringerne")
    reports = ReportPeriod.objects.filter(
        start__gte=goal.strategy.start, end__lte=goal.strategy.end
    ).order_by("start")
    form = ReportedValuesForm(request.POST or None, goal=goal, reports=reports)
    if request.method == "POST" and form.is_valid():
        changed = reported_values_save(goal=goal, values=form.values())
        messages.success(request, f"Værdierne er gemt ({changed} ændret).")
        return redirect("reports:reported", goal.pk)
    return render(request, "reports/reported.html", {"goal": goal, "form": form})


@login_required
def report_goals(request, pk):
    """Goal reporting for one report: each goal against its target, and the scoreboard."""
    report = report_for_consultant(request.user, pk)
    figures = report_figures(start=report.start, end=report.end)
    texts = {s.key: s.text for s in report.sections.all()}
    context = strategy_context(report, figures=figures, texts=texts, public=False)
    context |= {"report": report, "texts": texts, "period": report}
    return render(request, "reports/goals.html", context)
