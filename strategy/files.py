"""A strategy in and out as data: the file's dict → records (all or nothing) and back."""

import json
from pathlib import Path

from django.db import transaction

from socialeconomy.formatting import plain_number
from strategy.models import Direction, Goal, Strategy, Track
from strategy.validation import Problem, parse_date, validate_strategy


class StrategyInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def read_strategy_file(path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StrategyInvalid(
            [Problem(None, None, None, "(filen)", f"{path} findes ikke")]
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        message = f"er ikke gyldig JSON i UTF-8: {error}"
        raise StrategyInvalid([Problem(None, None, None, "(filen)", message)]) from None


@transaction.atomic
def strategy_save(data: dict, *, instance: Strategy | None = None, new: bool = False) -> Strategy:
    """Create the strategy with ``data['name']`` or update it to ``data``: tracks and goals are
    matched by key; those no longer in ``data`` are removed. Nothing is written unless the
    whole of ``data`` is valid. ``instance``: the strategy edited in the browser, which may
    be renamed. ``new``: created in the browser, so its name must not be taken (a file
    loaded by name updates the strategy of that name)."""
    problems = validate_strategy(data, instance=instance, new=new)
    if problems:
        raise StrategyInvalid(problems)
    approved = data.get("approved") or {}
    fields = {
        "name": data["name"].strip(),
        "title": data["title"].strip(),
        "start": parse_date(data["start"]),
        "end": parse_date(data["end"]),
        "approved_by": (approved.get("by") or "").strip(),
        "approved_on": parse_date(approved.get("on")) if approved.get("on") else None,
    }
    if new:
        strategy = Strategy()
    elif instance is None:
        strategy = Strategy.objects.filter(name=fields["name"]).first() or Strategy()
    else:
        strategy = instance
    for name, value in fields.items():
        setattr(strategy, name, value)
    strategy.save()
    tracks = {}
    for order, item in enumerate(data.get("tracks", []), 1):
        tracks[item["key"]], _ = Track.objects.update_or_create(
            strategy=strategy,
            key=item["key"],
            defaults={
                "number": (item.get("number") or "").strip(),
                "title": item["title"].strip(),
                "order": order,
                "blocks": list(item.get("blocks", [])),
            },
        )
    strategy.tracks.exclude(key__in=tracks).delete()
    keys = []
    for order, item in enumerate(data.get("goals", []), 1):
        keys.append(item["key"])
        Goal.objects.update_or_create(
            strategy=strategy,
            key=item["key"],
            defaults={
                "title": item["title"].strip(),
                "measure": item["measure"].strip(),
                "of": (item.get("of") or "").strip(),
                "cadence": item["cadence"],
                "direction": item.get("direction") or Direction.AT_LEAST,
                "target": item.get("target"),
                "track": tracks.get(item.get("track")),
                "order": order,
            },
        )
    strategy.goals.exclude(key__in=keys).delete()
    return strategy


def strategy_data(strategy: Strategy) -> dict:
    """The strategy as the file's dict. Optional keys left at their default are left out, so
    that a file loaded and exported again reads as it was written."""
    data = {
        "name": strategy.name,
        "title": strategy.title,
        "start": strategy.start.isoformat(),
        "end": strategy.end.isoformat(),
    }
    if strategy.approved_by or strategy.approved_on:
        data["approved"] = {}
        if strategy.approved_by:
            data["approved"]["by"] = strategy.approved_by
        if strategy.approved_on:
            data["approved"]["on"] = strategy.approved_on.isoformat()
    data["tracks"] = []
    for track in strategy.tracks.order_by("order"):
        item = {"key": track.key, "number": track.number, "title": track.title}
        if track.blocks:
            item["blocks"] = list(track.blocks)
        data["tracks"].append(item)
    data["goals"] = []
    for goal in strategy.goals.select_related("track").order_by("order"):
        item = {"key": goal.key, "title": goal.title, "measure": goal.measure}
        if goal.of:
            item["of"] = goal.of
        item["cadence"] = goal.cadence
        if goal.direction != Direction.AT_LEAST:
            item["direction"] = goal.direction
        item["target"] = plain_number(goal.target)
        if goal.track:
            item["track"] = goal.track.key
        data["goals"].append(item)
    return data
