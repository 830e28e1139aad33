"""Activities, their states and period figures, the action plan and fundraising
applications. Every view calls its access helper first; the list and form pages are the
shared shapes (socialeconomy/records.py)."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from activities import access
from activities.filters import ActivityFilter, ApplicationFilter
from activities.forms import (
    ActivityFigureForm,
    ActivityForm,
    ActivityStateForm,
    FundraisingApplicationForm,
)
from activities.irregularities import figure_flags, flags_by_figure
from activities.selectors import action_plan
from activities.tables import ActivityTable, ApplicationTable
from socialeconomy import roles
from socialeconomy.querystring import as_of
from socialeconomy.records import form_page, list_page
from strategy.models import Track


@login_required
def activity_list(request):
    activities = access.activities_for_user(request.user)
    consultant = roles.is_consultant(request.user)
    actions = [("Ny aktivitet", reverse("activities:create"))] if consultant else []
    return list_page(
        request,
        queryset=activities,
        filterset_class=ActivityFilter,
        table_class=ActivityTable,
        title="Aktiviteter",
        export_stem="aktiviteter",
        actions=actions,
    )


@login_required
def activity_detail(request, pk):
    activity = access.activity_for_user(request.user, pk)
    figures = list(activity.figures.select_related("activity"))
    flags = flags_by_figure(figure_flags(figures))
    series: dict[str, list] = {}
    for figure in sorted(figures, key=lambda f: (f.name, f.parsed_period)):
        series.setdefault(figure.name, []).append(
            {"figure": figure, "flags": flags.get(figure.pk, [])}
        )
    context = {
        "activity": activity,
        # the track's title (newest strategy first), not its key
        "track": Track.objects.filter(key=activity.track).order_by("-strategy__start").first()
        if activity.track
        else None,
        "states": activity.states.order_by("-date", "-pk"),
        "series": series,
        "flag_count": len(flags),  # flagged figures
    }
    return render(request, "activities/detail.html", context)


@login_required
def activity_create(request):
    roles.consultant_or_404(request.user)
    form = ActivityForm(request.POST or None, initial={"type": request.GET.get("type")})
    return form_page(
        request, form=form, title="Ny aktivitet", cancel_url=reverse("activities:list")
    )


@login_required
def activity_edit(request, pk):
    activity = access.activity_for_user(request.user, pk, edit=True)
    form = ActivityForm(request.POST or None, instance=activity)
    return form_page(
        request, form=form, title=f"Rediger {activity}", cancel_url=activity.get_absolute_url()
    )


@login_required
def state_create(request, pk):
    activity = access.activity_for_user(request.user, pk, edit=True)
    form = ActivityStateForm(request.POST or None, activity=activity)
    return form_page(
        request,
        form=form,
        title=f"Ny status for {activity}",
        cancel_url=activity.get_absolute_url(),
        saved_message=f"{activity}: status gemt.",
    )


def _figure_page(request, activity, figure=None):
    form = ActivityFigureForm(
        request.POST or None,
        instance=figure,
        activity=activity,
        consultant=roles.is_consultant(request.user),
    )
    title = f"Ret tal for {activity}" if figure else f"Indberet tal for {activity}"
    return form_page(
        request,
        form=form,
        title=title,
        cancel_url=activity.get_absolute_url(),
        saved_message=f"{activity}: tallet er gemt.",
        template="activities/figure_form.html",
    )


@login_required
def figure_create(request, pk):
    activity = access.activity_for_user(request.user, pk)
    return _figure_page(request, activity)


@login_required
def figure_edit(request, pk):
    figure = access.figure_for_user(request.user, pk)
    return _figure_page(request, figure.activity, figure)


@login_required
def action_plan_view(request):
    activities = access.action_plan_for_user(request.user)
    day = as_of(request)
    context = {"day": day, "plan": action_plan(activities, date(2000, 1, 1), day)}
    return render(request, "activities/action_plan.html", context)


@login_required
def application_list(request):
    applications = access.applications_for_user(request.user)
    return list_page(
        request,
        queryset=applications,
        filterset_class=ApplicationFilter,
        table_class=ApplicationTable,
        title="Fondsansøgninger",
        export_stem="fondsansoegninger",
        actions=[("Ny ansøgning", reverse("activities:application_create"))],
    )


@login_required
def application_create(request):
    access.applications_for_user(request.user)
    form = FundraisingApplicationForm(request.POST or None)
    return form_page(
        request,
        form=form,
        title="Ny fondsansøgning",
        cancel_url=reverse("activities:application_list"),
        success_url=reverse("activities:application_list"),
    )


@login_required
def application_edit(request, pk):
    application = access.application_for_user(request.user, pk)
    form = FundraisingApplicationForm(request.POST or None, instance=application)
    return form_page(
        request,
        form=form,
        title=f"Rediger ansøgning: {application}",
        cancel_url=reverse("activities:application_list"),
        success_url=reverse("activities:application_list"),
    )
