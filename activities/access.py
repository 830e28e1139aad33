"""The only road to activities, their states and figures, and fundraising applications,
called first in every view. Outside the user's scope the answer is 404, never 403.

Consultants see and edit everything. Enterprise staff see the activities their enterprise
runs (the responsible enterprise) and report those activities' figures; nothing else."""

from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404

from activities.models import Activity, ActivityFigure, ActivityState, FundraisingApplication
from socialeconomy import roles


def activities_for_user(user):
    """Consultants: every activity. Enterprise staff: their enterprises' own. Others: 404."""
    latest = ActivityState.objects.filter(activity=OuterRef("pk")).order_by("-date", "-pk")
    activities = Activity.objects.select_related("enterprise").annotate(
        state_now=Subquery(latest.values("state")[:1])
    )
    if roles.is_consultant(user):
        return activities
    if roles.is_enterprise_staff(user):
        return activities.filter(enterprise__staff=user)
    roles.consultant_or_404(user)


def activity_for_user(user, pk: int, *, edit: bool = False) -> Activity:
    """An activity to read and report figures for (consultants, the responsible enterprise's
    staff) or to edit, with its states (consultants)."""
    if edit:
        roles.consultant_or_404(user)
    return get_object_or_404(activities_for_user(user), pk=pk)


def figure_for_user(user, pk: int) -> ActivityFigure:
    """A figure to correct: consultants, and the staff of the activity's enterprise."""
    activities = activities_for_user(user)
    return get_object_or_404(
        ActivityFigure.objects.select_related("activity").filter(activity__in=activities),
        pk=pk,
    )


def applications_for_user(user):
    """Fundraising applications are the unit's records: consultants only."""
    roles.consultant_or_404(user)
    return FundraisingApplication.objects.select_related("enterprise", "grant")


def application_for_user(user, pk: int) -> FundraisingApplication:
    return get_object_or_404(applications_for_user(user), pk=pk)


def action_plan_for_user(user):
    """The action plan: consultants only."""
    roles.consultant_or_404(user)
    return activities_for_user(user)
