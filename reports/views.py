from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from reports.models import ReportPeriod
from reports.selectors import report_figures


@login_required
def home(request):
    report = ReportPeriod.objects.first()
    figures = report_figures(start=report.start, end=report.end) if report else None
    return render(request, "home.html", {"report": report, "figures": figures})
