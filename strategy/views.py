from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from strategy.access import strategies_for_user, strategy_for_user
from strategy.files import StrategyInvalid, strategy_data, strategy_save
from strategy.forms import (
    GoalFormSet,
    StrategyForm,
    TrackFormSet,
    as_file_data,
    initial_from,
    measure_suggestions,
    put_problems,
)
from strategy.services import StrategyInUse, strategy_delete, strategy_resting


@login_required
def strategy_list(request):
    strategies = strategies_for_user(request.user).prefetch_related("tracks", "goals")
    return render(request, "strategy/list.html", {"strategies": strategies})


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
            strategy = strategy_save(data, instance=instance, new=instance is None)
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
    resting = strategy_resting(strategy)
    if request.method == "POST":
        try:
            strategy_delete(strategy=strategy)
        except StrategyInUse as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, f"Strategien «{strategy.name}» er slettet.")
            return redirect("strategy:list")
    return render(request, "strategy/delete.html", {"strategy": strategy, "resting": resting})
