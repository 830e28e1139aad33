"""Progression in the annual report (the track "Det handler om mennesker" and the goal
section): per agreement and in total, the table starting point × outcome group, the share
that moved into the progression group, how the sub-goals went, and a chart. Built from
``report_figures`` (public edition: from ``public_figures``), never counted again here."""

from django.utils.safestring import SafeString

from reports import charts
from reports.progression import GROUP_ORDER, PROGRESSION_GROUP, START_ORDER
from socialeconomy.formatting import dk_int
from socialeconomy.suppression import is_hidden
from socialeconomy.vocabulary import UNKNOWN_OUTCOME, Assessment, starting_point_label

#: Column headings: the outcome groups, short enough for a table on a phone.
GROUP_HEADINGS = {
    "progression": "Job, uddannelse, praktik",
    "pension": "Førtids\u00adpension",
    "other_course": "Andet forløb",
    "unemployed": "Ledig",
    "stopped": "Stoppet",
    "left": "Fraflyttet m.m.",
    UNKNOWN_OUTCOME: "Uoplyst",
}


def _table(progression: dict, completed, name: str, groups: list[str]) -> dict:
    """One scope's table; a table withheld from the public edition has no rows."""
    withheld = bool(progression.get("withheld"))
    table = {} if withheld else progression["by_start"]
    margins = {} if withheld else progression["group_totals"]
    rows = []
    for start in START_ORDER:
        if start not in table:
            continue
        row = table[start]
        rows.append(
            {
                "code": start,
                "label": starting_point_label(start),
                "cells": [row.get(g, 0) for g in groups],
                "total": progression["start_totals"][start],
                "moved": row.get(PROGRESSION_GROUP, 0),
            }
        )
    subgoals = progression["subgoals"]
    counts = [subgoals[a] for a in Assessment.values]
    hidden = any(is_hidden(n) for n in counts)
    return {
        "name": name,
        "withheld": withheld,
        "rows": rows,
        "columns": [margins.get(g, 0) for g in groups],
        "completed": completed,
        "moved": margins.get(PROGRESSION_GROUP, 0),
        "subgoals": [
            {"code": code, "label": label, "count": subgoals[code]}
            for code, label in Assessment.choices
        ],
        # the denominator of the sub-goal shares; none where a count is hidden
        "subgoals_whole": None if hidden else sum(counts),
    }


def _chart(total: dict, groups: list[str]) -> SafeString:
    """One 100 % bar per starting point: where the citizens who started there ended."""
    rows = []
    for row in total["rows"]:
        if is_hidden(row["total"]):
            counts = {charts.HIDDEN: 1}
        else:
            counts = {g: n for g, n in zip(groups, row["cells"], strict=True) if not is_hidden(n)}
            rest = row["total"] - sum(counts.values())
            if rest:
                counts[charts.HIDDEN] = rest
        label = row["label"].split(" (")[0]  # «Visiteret til fleksjob», to fit the margin
        rows.append((label, counts, f"{dk_int(row['total'])} afsl."))
    return charts.stacked_bars(
        rows, "Hvor deltagerne er efter endt forløb, efter deres udgangspunkt ved start"
    )


def progression_report(figures: dict) -> dict:
    """The context of the report's progression partials."""
    courses = figures["courses"]
    scopes = [courses["progression"], *(a["progression"] for a in figures["agreements"])]
    present = {g for p in scopes if not p.get("withheld") for g in p["group_totals"]}
    # the progression group always, first: its share stands right after it
    groups = [PROGRESSION_GROUP, *(g for g in GROUP_ORDER if g in present - {PROGRESSION_GROUP})]
    total = _table(courses["progression"], courses["completed"], "Alle aftaler", groups)
    agreements = [
        _table(a["progression"], a["completed"], a["name"], groups)
        for a in figures["agreements"]
        if a["completed"]
    ]
    return {
        "headings": [GROUP_HEADINGS[g] for g in groups],
        "total": total,
        "agreements": agreements,
        "chart": _chart(total, groups) if total["rows"] else None,
        "any_completed": bool(courses["completed"]),
        "any_start": any(r["code"] != "unknown" for r in total["rows"]),
    }
