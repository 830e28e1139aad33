"""The only road to a protected report object: called first in every view.
Outside the user's scope the answer is 404, never 403."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from reports.models import Publication, ReportPeriod
from socialeconomy import roles


def _require(allowed: bool) -> None:
    if not allowed:
        raise Http404("Ingen adgang")


def reports_for_user(user):
    """Consultants: every report, drafts too. Committee members: published reports only."""
    _require(roles.can_read_reports(user))
    reports = ReportPeriod.objects.order_by("-start")
    if not roles.is_consultant(user):
        reports = reports.filter(publications__isnull=False).distinct()
    return reports


def report_for_user(user, pk: int) -> ReportPeriod:
    """A report as reports_for_user scopes it."""
    return get_object_or_404(reports_for_user(user), pk=pk)


def report_draft_for_user(user, pk: int) -> tuple[ReportPeriod, Publication | None]:
    """A report's draft documents are the consultants'. A committee member is given the
    latest published version in their place (the publication; 404 while unpublished)."""
    report = report_for_user(user, pk)
    if roles.is_consultant(user):
        return report, None
    return report, latest_publication(report)


def report_for_consultant(user, pk: int) -> ReportPeriod:
    """A report to preview, edit or publish: consultants only."""
    roles.consultant_or_404(user)
    return get_object_or_404(ReportPeriod, pk=pk)


def publication_for_user(user, pk: int, *, full: bool = False) -> Publication:
    """A publication. The public version and the summary: consultants and committee members.
    The full version (with counts below five) and its comparison: consultants only.

    Committee members see the latest version of a report only: a newer version corrects
    or replaces an older one, so the older one is not theirs to read any more (consultants
    keep every version)."""
    _require(roles.is_consultant(user) if full else roles.can_read_reports(user))
    publications = Publication.objects.select_related("report").without_documents()
    publication = get_object_or_404(publications, pk=pk)
    if not roles.is_consultant(user):
        _require(publication.pk == latest_publication(publication.report).pk)
    return publication


def latest_publication(report: ReportPeriod) -> Publication:
    publication = report.publications.without_documents().order_by("-version").first()
    if publication is None:
        raise Http404("Rapporten er ikke udgivet")
    return publication
