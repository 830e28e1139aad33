"""The only road to a strategy, goal or its reported values: consultants only, called first
in every view. Outside that scope the answer is 404, never 403."""

from django.shortcuts import get_object_or_404

from socialeconomy import roles
from strategy.models import Goal, Strategy


def strategies_for_user(user):
    roles.consultant_or_404(user)
    return Strategy.objects.order_by("-start")


def strategy_for_user(user, pk: int) -> Strategy:
    return get_object_or_404(strategies_for_user(user), pk=pk)


def goal_for_user(user, pk: int) -> Goal:
    roles.consultant_or_404(user)
    return get_object_or_404(Goal.objects.select_related("strategy"), pk=pk)
