"""The one aggregation behind every rendering of the annual report (page, PDF, JSON, Excel).

``report_figures`` follows the counting rules of docs/report-json.md exactly.
Everything is counted in the database: the number of queries does not depend on how many
enterprises, agreements or courses there are.
"""

from datetime import date

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce, Greatest, Least

from agreements.models import Agreement, AgreementPause, Course, CourseQuerySet, overlaps
from enterprises.models import Enterprise, Grant, Hire, Placement
from reports.progression import (
    add_tables,
    by_start,
    empty_subgoals,
    outcome_group,
    progression_figures,
    subgoal_counts,
)
from socialeconomy.db import DaysBetween
from socialeconomy.vocabulary import (
    UNKNOWN_OUTCOME,
    UNKNOWN_START,
    EnterpriseType,
    HireType,
    Outcome,
    PlacementType,
)
from strategy.selectors import strategy_targets

_OUTCOME_ORDER = [*Outcome.values, UNKNOWN_OUTCOME]


def _ordered_outcomes(counts: dict[str, int]) -> dict[str, int]:
    return {code: counts[code] for code in _OUTCOME_ORDER if counts.get(code)}


def report_figures(*, start: date, end: date) -> dict:
    """Every figure of the annual report for the period [start, end], both ends inclusive."""
    if end < start:
        raise ValueError("end must be on or after start")

    goals = strategy_targets(end)  # the targets of the strategy in force on the last day

    enterprises = dict.fromkeys(EnterpriseType.values, 0)
    for row in Enterprise.objects.in_field(start, end).values("type").annotate(n=Count("id")):
        enterprises[row["type"]] = row["n"]

    employment = dict.fromkeys(HireType.values, 0)
    hires = Hire.objects.filter(date__range=(start, end)).values("type").annotate(n=Count("id"))
    for row in hires:
        employment[row["type"]] = row["n"]

    placements = dict.fromkeys(PlacementType.values, 0)
    placements_by_enterprise: dict[str, dict[str, int]] = {}
    rows = (
        Placement.objects.filter(date__range=(start, end))
        .values("enterprise__name", "type")
        .annotate(n=Count("id"))
        .order_by("enterprise__name")
    )
    for row in rows:
        placements[row["type"]] += row["n"]
        per = placements_by_enterprise.setdefault(
            row["enterprise__name"], dict.fromkeys(PlacementType.values, 0)
        )
        per[row["type"]] = row["n"]

    by_enterprise = {}
    grant_count = 0
    rows = (
        Grant.objects.filter(date__range=(start, end))
        .values("enterprise__name")
        .annotate(total=Sum("amount"), n=Count("id"))
        .order_by("enterprise__name")
    )
    for row in rows:
        by_enterprise[row["enterprise__name"]] = row["total"]
        grant_count += row["n"]
    repeat_donors = [
        {"enterprise": row["enterprise__name"], "donor": row["donor"], "grants": row["grants"]}
        for row in Grant.objects.filter(date__lte=end)
        .values("enterprise__name", "donor")
        .annotate(grants=Count("id"), in_period=Count("id", filter=Q(date__gte=start)))
        .filter(grants__gte=2, in_period__gte=1)
        .order_by("enterprise__name", "donor")
    ]

    agreements, subgoals_total = _agreement_figures(start, end)
    courses = {"participants": 0, "ongoing": 0, "completed": 0, "outcomes": {}}
    outcome_totals: dict[str, int] = {}
    for agreement in agreements:
        for key in ("participants", "ongoing", "completed"):
            courses[key] += agreement[key]
        for code, n in agreement["outcomes"].items():
            outcome_totals[code] = outcome_totals.get(code, 0) + n
    courses["outcomes"] = _ordered_outcomes(outcome_totals)
    courses["progression"] = progression_figures(
        add_tables([a["progression"]["by_start"] for a in agreements]), subgoals_total
    )

    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "enterprises": {
            "by_type": enterprises,
            "total": sum(enterprises.values()),
            "target": goals.get("enterprises"),
        },
        "employment": {
            "by_type": employment,
            "total": sum(employment.values()),
            "annual_norm": goals.get("employed"),
        },
        "placements": placements,
        "placements_by_enterprise": placements_by_enterprise,
        "fundraising": {
            "total_dkk": sum(by_enterprise.values()),
            "grants": grant_count,
            "by_enterprise": by_enterprise,
            "repeat_donors": repeat_donors,
        },
        "courses": courses,
        "agreements": agreements,
    }


def _agreement_figures(start: date, end: date) -> tuple[list[dict], dict[str, int]]:
    participants = Course.objects.participants(start, end)
    ongoing = CourseQuerySet.continuing_q(end)
    completed = CourseQuerySet.completed_q(end)

    listed = list(
        Agreement.objects.filter(
            overlaps("start", "end", start, end) | Q(pk__in=participants.values("agreement_id"))
        )
        .select_related("enterprise")
        .order_by()
    )
    plan_on_time = CourseQuerySet.plan_on_time_q()
    final_received = completed & Q(final_evaluation_received__isnull=False)
    final_on_time = completed & CourseQuerySet.final_evaluation_on_time_q()
    # Days each course ran inside the period (both ends inclusive).
    days_in_period = (
        DaysBetween(Least(Coalesce("end", Value(end)), Value(end)), Greatest("start", Value(start)))
        + 1
    )
    # Grouped by an expression rather than the bare column: otherwise SQLite walks the whole
    # foreign-key index for the GROUP BY instead of finding the period's rows through the
    # (agreement, end) index. PostgreSQL plans both the same.
    counts = {
        row["agreement_key"]: row
        for row in participants.values(agreement_key=F("agreement_id") + 0)
        .annotate(
            participants=Count("id"),
            ongoing=Count("id", filter=ongoing),
            completed=Count("id", filter=completed),
            veterans=Count("id", filter=Q(veteran=True)),
            veterans_completed=Count("id", filter=completed & Q(veteran=True)),
            plans_received=Count("id", filter=Q(plan_received__isnull=False)),
            plans_on_time=Count("id", filter=plan_on_time),
            final_evaluations_received=Count("id", filter=final_received),
            final_evaluations_on_time=Count("id", filter=final_on_time),
            course_days=Sum(days_in_period),
        )
        .order_by()
    }
    outcomes: dict[int, dict[str, int]] = {}
    progression: dict[int, dict[tuple[str, str], int]] = {}
    rows = (
        participants.filter(completed)
        .values("agreement_id", "outcome", "starting_point")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        code = row["outcome"] or UNKNOWN_OUTCOME
        per = outcomes.setdefault(row["agreement_id"], {})
        per[code] = per.get(code, 0) + row["n"]
        cell = (row["starting_point"] or UNKNOWN_START, outcome_group(row["outcome"]))
        table = progression.setdefault(row["agreement_id"], {})
        table[cell] = table.get(cell, 0) + row["n"]
    subgoals, subgoals_total = subgoal_counts(start, end)

    pauses: dict[int, list[dict]] = {}
    for pause in AgreementPause.objects.filter(overlaps("start", "end", start, end)).order_by(
        "start"
    ):
        pauses.setdefault(pause.agreement_id, []).append(
            {
                "start": pause.start.isoformat(),
                "end": pause.end.isoformat() if pause.end else None,
                "reason": pause.reason,
            }
        )

    result = []
    for agreement in sorted(listed, key=lambda a: a.name):
        row = counts.get(agreement.pk, {})
        completed_n = row.get("completed", 0)
        received = row.get("final_evaluations_received", 0)
        tracks_plans = agreement.plan_deadline_days is not None
        tracks_final = agreement.final_evaluation_deadline_days is not None
        result.append(
            {
                "name": agreement.name,
                "enterprise": agreement.enterprise.name,
                "enterprise_type": agreement.enterprise.type,
                "model": agreement.model,
                "referring_units": [agreement.referring_unit, *agreement.also_referring_units],
                "start": agreement.start.isoformat(),
                "end": agreement.end.isoformat() if agreement.end else None,
                "capacity": agreement.capacity,
                "standard_weeks": agreement.standard_weeks,
                "plan_deadline_days": agreement.plan_deadline_days,
                "participants": row.get("participants", 0),
                "ongoing": row.get("ongoing", 0),
                "completed": completed_n,
                "outcomes": _ordered_outcomes(outcomes.get(agreement.pk, {})),
                "veterans": row.get("veterans", 0),
                "veterans_completed": row.get("veterans_completed", 0),
                "aim_veteran_share": agreement.aim_veteran_share,
                # null where the agreement sets no such deadline (model 2, voluntary)
                "plans_received": row.get("plans_received", 0) if tracks_plans else None,
                "plans_on_time": row.get("plans_on_time", 0) if tracks_plans else None,
                "final_evaluations_received": received if tracks_final else None,
                "final_evaluations_late": (
                    received - row.get("final_evaluations_on_time", 0) if tracks_final else None
                ),
                "final_evaluations_missing": completed_n - received if tracks_final else None,
                "paused": pauses.get(agreement.pk, []),
                "course_days": row.get("course_days") or 0,
                "progression": progression_figures(
                    by_start(progression.get(agreement.pk, {})),
                    subgoals.get(agreement.pk, empty_subgoals()),
                ),
            }
        )
    return result, subgoals_total
