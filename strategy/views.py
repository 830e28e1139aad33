from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from reports.access import report_for_consultant
from reports.models import ReportPeriod
from reports.selectors import report_figures
from strategy.access import goal_for_user, strategies_for_user, strategy_for_user
from strategy.files import StrategyInvalid, strategy_data, strategy_save
from strategy.forms import (
    GoalFormSet,
    ReportedValuesForm,
    StrategyForm,
    TrackFormSet,
    as_file_data,
    initial_from,
    measure_suggestions,
    put_problems,
)
from strategy.measures import REPORTED
from strategy.report import strategy_context
from strategy.services import (
    StrategyInUse,
    publications_resting_on,
    reported_values_save,
    strategy_delete,
)


def _reports_in(strategy):
    return ReportPeriod.objects.filter(start__gte=strategy.start, end__lte=strategy.end).order_by(
        "start"
    )


@login_required
def strategy_list(request):
    strategies = list(strategies_for_user(request.user).prefetch_related("tracks", "goals"))
    rows = [{"strategy": s, "reports": _reports_in(s)} for s in strategies]
    return render(request, "strategy/list.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def strategy_create(request):
    strategies_for_user(request.user)
    initial = ({}, [], [])
    source = None
    if request.GET.get("kopi"):
        try:
            source = strategy_for_user(request.user, int(request.GET["kopi"]))
        except ValueError:
            raise Http404("Ukendt strategi") from None
        data = strategy_data(source)
        length = source.end - source.start
        start = source.end + timedelta(days=1)
        data |= {
            "name": f"{source.name} (ny)",
            "start": start.isoformat(),
            "end": (start + length).isoformat(),
            "approved": None,
        }
        initial = initial_from(data)
    return _strategy_form(request, instance=None, initial=initial, source=source)


@login_required
@require_http_methods(["GET", "POST"])
def strategy_edit(request, pk):
    strategy = strategy_for_user(request.user, pk)
    return _strategy_form(request, instance=strategy, initial=initial_from(strategy_data(strategy)))


def _strategy_form(request, *, instance, initial, source=None):
    post = request.POST if request.method == "POST" else None
    form = StrategyForm(post, initial=initial[0])
    tracks = TrackFormSet(post, initial=initial[1], prefix="tracks")
    goals = GoalFormSet(post, initial=initial[2], prefix="goals")
    if post is not None and all([form.is_valid(), tracks.is_valid(), goals.is_valid()]):
        data, kept_tracks, kept_goals = as_file_data(form, tracks, goals)
        try:
            strategy = strategy_save(data, instance=instance)
        except StrategyInvalid as invalid:
            put_problems(invalid.problems, form, kept_tracks, kept_goals)
        else:
            messages.success(
                request,
                f"Strategien «{strategy.name}» er gemt: {strategy.tracks.count()} spor, "
                f"{strategy.goals.count()} mål.",
            )
            return redirect("strategy:list")
    has_errors = bool(form.errors or tracks.total_error_count() or goals.total_error_count())
    context = {
        "form": form,
        "tracks": tracks,
        "goals": goals,
        "strategy": instance,
        "source": source,
        "has_errors": post is not None and has_errors,
        "measures": measure_suggestions(),
        "track_keys": [t["key"] for t in initial[1]],
    }
    return render(request, "strategy/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def strategy_delete_view(request, pk):
    strategy = strategy_for_user(request.user, pk)
    resting = list(publications_resting_on(strategy))
    if request.method == "POST":
        try:
            strategy_delete(strategy=strategy)
        except StrategyInUse as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Strategien «{strategy.name}» er slettet.")
            return redirect("strategy:list")
    return render(request, "strategy/delete.html", {"strategy": strategy, "resting": resting})


@login_required
@require_http_methods(["GET", "POST"])
def goal_reported(request, pk):
    """The values of a goal measured ``reported``, one per reporting period, with sources."""
    goal = goal_for_user(request.user, pk)
    if goal.measure != REPORTED:
        raise Http404("Målet tælles fra registreringerne")
    form = ReportedValuesForm(request.POST or None, goal=goal, reports=_reports_in(goal.strategy))
    if request.method == "POST" and form.is_valid():
        changed = reported_values_save(goal=goal, values=form.values())
        messages.success(request, f"Værdierne er gemt ({changed} ændret).")
        return redirect("strategy:reported", goal.pk)
    return render(request, "strategy/reported.html", {"goal": goal, "form": form})


@login_required
def report_goals(request, pk):
    """Goal reporting for one report: each goal against its target, and the scoreboard."""
    report = report_for_consultant(request.user, pk)
    figures = report_figures(start=report.start, end=report.end)
    texts = {s.key: s.text for s in report.sections.all()}
    context = strategy_context(report, figures=figures, texts=texts, public=False)
    context |= {"report": report, "texts": texts, "period": report}
    return render(request, "strategy/goals.html", context)
