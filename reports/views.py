from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from reports.access import can_read_reports, report_for_user, reports_for_user
from reports.document import html_to_pdf, render_report_html, render_summary_html
from reports.models import ReportPeriod
from reports.selectors import report_figures
from socialeconomy import roles


@login_required
def home(request):
    if roles.is_committee(request.user) and not roles.is_consultant(request.user):
        return redirect("reports:list")
    report = ReportPeriod.objects.first() if roles.is_consultant(request.user) else None
    figures = report_figures(start=report.start, end=report.end) if report else None
    return render(request, "home.html", {"report": report, "figures": figures})


@login_required
def report_list(request):
    if not can_read_reports(request.user):
        raise Http404("Ingen adgang")
    return render(request, "reports/list.html", {"reports": reports_for_user(request.user)})


def _web(report) -> dict:
    return {
        "pdf_url": reverse("reports:pdf", args=[report.pk]),
        "summary_url": reverse("reports:summary", args=[report.pk]),
        "report_url": reverse("reports:detail", args=[report.pk]),
    }


def _pdf_response(html: str, filename: str) -> HttpResponse:
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_detail(request, pk):
    report = report_for_user(request.user, pk)
    return HttpResponse(render_report_html(report, web=_web(report)))


@login_required
def report_pdf(request, pk):
    report = report_for_user(request.user, pk)
    return _pdf_response(render_report_html(report), f"aarsrapport-{report.start:%Y}.pdf")


@login_required
def summary_detail(request, pk):
    report = report_for_user(request.user, pk)
    return HttpResponse(render_summary_html(report, web=_web(report)))


@login_required
def summary_pdf(request, pk):
    report = report_for_user(request.user, pk)
    return _pdf_response(render_summary_html(report), f"udvalgsresume-{report.start:%Y}.pdf")
