"""The only road to a protected report object: called first in every view."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from reports.models import ReportPeriod
from socialeconomy import roles


def can_read_reports(user) -> bool:
    return roles.is_consultant(user) or roles.is_committee(user)


def report_for_user(user, pk: int) -> ReportPeriod:
    """The report, for consultants and committee members; 404 for everybody else."""
    if not can_read_reports(user):
        raise Http404("Ingen adgang")
    return get_object_or_404(ReportPeriod, pk=pk)


def reports_for_user(user):
    """All reports, for consultants and committee members; 404 for everybody else."""
    if not can_read_reports(user):
        raise Http404("Ingen adgang")
    return ReportPeriod.objects.order_by("-start")
