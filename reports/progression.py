"""Progression for the individual citizen (the strategy's goal 2): completed courses by
starting point × outcome group, and the final evaluations' assessments of the plans'
sub-goals. Counted in the database as part of ``report_figures`` (see selectors.py);
the key order follows docs/report-json.md ("Progression")."""

from datetime import date

from django.db.models import Count, F

from agreements.models import EvaluationKind, SubGoalAssessment, SubmissionStatus
from socialeconomy.vocabulary import (
    OUTCOME_GROUP,
    OUTCOME_GROUP_LABELS,
    UNKNOWN_OUTCOME,
    UNKNOWN_START,
    Assessment,
    StartingPoint,
)

START_ORDER = [*StartingPoint.values, UNKNOWN_START]
GROUP_ORDER = [*OUTCOME_GROUP_LABELS, UNKNOWN_OUTCOME]
PROGRESSION_GROUP = "progression"

#: Final evaluations whose assessments count: delivered to the unit (submitted or
#: received). Drafts and documents sent back for correction are still being written.
COUNTED_STATUSES = (SubmissionStatus.SUBMITTED, SubmissionStatus.RECEIVED)


def outcome_group(outcome: str) -> str:
    """The outcome group of an outcome code; `unknown` where none is recorded."""
    return OUTCOME_GROUP.get(outcome or UNKNOWN_OUTCOME, UNKNOWN_OUTCOME)


def by_start(counts: dict[tuple[str, str], int]) -> dict[str, dict[str, int]]:
    """{(start, group): n} as the spec's nested table, in vocabulary order, zeros left out."""
    table: dict[str, dict[str, int]] = {}
    for start in START_ORDER:
        row = {g: counts[(start, g)] for g in GROUP_ORDER if counts.get((start, g))}
        if row:
            table[start] = row
    return table


def empty_subgoals() -> dict[str, int]:
    return dict.fromkeys(Assessment.values, 0)


def subgoal_counts(start: date, end: date) -> tuple[dict[int, dict[str, int]], dict[str, int]]:
    """Assessments in delivered final evaluations dated in [start, end]: per agreement id,
    and in total. One query."""
    per_agreement: dict[int, dict[str, int]] = {}
    total = empty_subgoals()
    rows = (
        SubGoalAssessment.objects.filter(
            evaluation__kind=EvaluationKind.FINAL,
            evaluation__status__in=COUNTED_STATUSES,
            evaluation__date__range=(start, end),
        )
        .values("assessment", agreement_key=F("evaluation__course__agreement_id"))
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        per_agreement.setdefault(row["agreement_key"], empty_subgoals())[row["assessment"]] = row[
            "n"
        ]
        total[row["assessment"]] += row["n"]
    return per_agreement, total


def progression_figures(table: dict[str, dict[str, int]], subgoals: dict[str, int]) -> dict:
    """The spec's `progression` (by_start, subgoals) and, beyond the spec, the table's
    margins: completed courses per starting point and per outcome group."""
    start_totals = {start: sum(row.values()) for start, row in table.items()}
    group_totals = {}
    for group in GROUP_ORDER:
        n = sum(row.get(group, 0) for row in table.values())
        if n:
            group_totals[group] = n
    return {
        "by_start": table,
        "subgoals": subgoals,
        "start_totals": start_totals,
        "group_totals": group_totals,
    }


def add_tables(tables: list[dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    """The sum of several by_start tables (the total over agreements)."""
    counts: dict[tuple[str, str], int] = {}
    for table in tables:
        for start, row in table.items():
            for group, n in row.items():
                counts[(start, group)] = counts.get((start, group), 0) + n
    return by_start(counts)
