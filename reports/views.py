from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from reports.access import report_for_user, reports_for_user
from reports.document import html_to_pdf, render_report_html, render_summary_html
from reports.models import ReportPeriod
from reports.selectors import report_figures
from socialeconomy import roles


@login_required
def home(request):
    if roles.is_committee(request.user) and not roles.is_consultant(request.user):
        return redirect("reports:list")
    if not roles.is_consultant(request.user):
        enterprises = request.user.enterprises.order_by("name")
        return render(request, "home_enterprise.html", {"enterprises": enterprises})
    report = ReportPeriod.objects.first()
    figures = report_figures(start=report.start, end=report.end) if report else None
    return render(request, "home.html", {"report": report, "figures": figures})


@login_required
def report_list(request):
    return render(request, "reports/list.html", {"reports": reports_for_user(request.user)})


def _web(report) -> dict:
    return {
        "pdf_url": reverse("reports:pdf", args=[report.pk]),
        "summary_url": reverse("reports:summary", args=[report.pk]),
        "summary_pdf_url": reverse("reports:summary_pdf", args=[report.pk]),
        "report_url": reverse("reports:detail", args=[report.pk]),
    }


def _pdf_response(render, report, stem: str) -> HttpResponse:
    response = HttpResponse(html_to_pdf(render(report)), content_type="application/pdf")
    filename = f"{stem}-{report.start:%Y}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def report_detail(request, pk):
    report = report_for_user(request.user, pk)
    return HttpResponse(render_report_html(report, web=_web(report)))


@login_required
def report_pdf(request, pk):
    report = report_for_user(request.user, pk)
    return _pdf_response(render_report_html, report, "aarsrapport")


@login_required
def summary_detail(request, pk):
    report = report_for_user(request.user, pk)
    return HttpResponse(render_summary_html(report, web=_web(report)))


@login_required
def summary_pdf(request, pk):
    report = report_for_user(request.user, pk)
    return _pdf_response(render_summary_html, report, "udvalgsresume")
