"""The report's data about activities for a period, in one place: each track's activities
(state, what changed in the period, its figures with their flags), the action plan, the
activities by focus area, and the fundraising applications. The report's context and the
JSON of ``annual_report --format json`` (key ``activities``) both come from
``activity_report``; ``public_activities`` applies the public edition's small-number rule."""

import copy
from datetime import date

from django.db.models import Prefetch

from activities.irregularities import RULES_TEXT, figure_flags, flags_by_figure
from activities.models import Activity, ActivityFigure, ActivityState, FundraisingApplication
from socialeconomy.suppression import SMALLEST_SHOWN, Hidden
from socialeconomy.vocabulary import (
    ActivityStatus,
    ActivityType,
    ApplicationDecision,
    FigureBasis,
)

CLOSED = (ActivityStatus.DONE, ActivityStatus.STOPPED)
NO_FOCUS_AREA = "Uden indsatsområde"


def _state(state: ActivityState | None) -> dict | None:
    if state is None:
        return None
    return {
        "state": state.state,
        "label": state.get_state_display(),
        "date": state.date.isoformat(),
        "note": state.note,
    }


def _figure(figure: ActivityFigure, flags: list) -> dict:
    period = figure.parsed_period
    return {
        "name": figure.name,
        "period": figure.period,
        "period_label": period.label,
        "value": figure.value,
        "basis": figure.basis,
        "basis_label": FigureBasis(figure.basis).label,
        "reported": figure.reported.isoformat() if figure.reported else None,
        "source": figure.source,
        "counts_people": figure.counts_people,
        "flags": [
            {"check": f.code, "label": f.label, "message": f.message, "summary": f.summary}
            for f in flags
        ],
    }


def _in_period(activity: Activity, start: date, end: date) -> bool:
    """Dated within the period, and not closed before it began."""
    if (activity.start and activity.start > end) or (activity.end and activity.end < start):
        return False
    before = activity.state_on(start - date.resolution)
    changed = any(start <= s.date <= end for s in activity.states.all())
    return not (before and before.state in CLOSED and not changed)


def _activity_row(activity: Activity, start: date, end: date, flags: dict) -> dict:
    figures = sorted(
        (f for f in activity.figures.all() if f.parsed_period.overlaps(start, end)),
        key=lambda f: (f.name, f.parsed_period),
    )
    latest: dict[str, ActivityFigure] = {}
    for figure in figures:
        latest[figure.name] = figure  # sorted by period: the last one is the latest
    states = sorted(activity.states.all(), key=lambda s: (s.date, s.pk))
    return {
        "name": activity.name,
        "url": activity.get_absolute_url(),
        "type": activity.type,
        "type_label": ActivityType(activity.type).label,
        "track": activity.track,
        "focus_area": activity.focus_area,
        "responsible": activity.responsible_name,
        "partners": activity.partners,
        "sdgs": activity.sdg_list,
        "description": activity.description,
        "start": activity.start.isoformat() if activity.start else None,
        "end": activity.end.isoformat() if activity.end else None,
        "state": _state(activity.state_on(end)),
        "state_before": _state(activity.state_on(start - date.resolution)),
        "changes": [_state(s) for s in states if start <= s.date <= end],
        "history": [_state(s) for s in states if s.date <= end],
        "figures": [_figure(f, flags.get(f.pk, [])) for f in figures],
        "latest": [_figure(f, flags.get(f.pk, [])) for f in latest.values()],
        "flagged": sum(len(flags.get(f.pk, [])) for f in figures),
    }


def _activities(queryset=None):
    queryset = queryset if queryset is not None else Activity.objects.all()
    return queryset.select_related("enterprise").prefetch_related(
        "states", Prefetch("figures", queryset=ActivityFigure.objects.select_related("activity"))
    )


def _rows(activities, start: date, end: date) -> list[dict]:
    activities = [a for a in activities if _in_period(a, start, end)]
    figures = [f for a in activities for f in a.figures.all()]
    flags = flags_by_figure(figure_flags(figures))
    return [_activity_row(a, start, end, flags) for a in activities]


def _actions(activities):
    return activities.filter(type=ActivityType.ACTION).order_by("start", "pk")


def action_plan(activities, start: date, end: date) -> list[dict]:
    """The action plan's actions (type «Handling i handleplanen»), with their state on the
    last day and the steps they took, like the status of the 2015 action plan."""
    return _rows(_activities(_actions(activities)), start, end)


def applications(start: date, end: date) -> dict:
    """Fundraising applications sent in the period: counts, amounts and the hit rate over
    the decided ones (granted of granted + refused)."""
    rows = list(
        FundraisingApplication.objects.filter(date__range=(start, end))
        .select_related("enterprise", "grant")
        .order_by("date", "donor")
    )
    by = {code: [a for a in rows if a.decision == code] for code in ApplicationDecision.values}
    granted, refused = by[ApplicationDecision.GRANTED], by[ApplicationDecision.REFUSED]
    decided = len(granted) + len(refused)
    return {
        "count": len(rows),
        "amount_applied_dkk": sum(a.amount for a in rows),
        "granted": len(granted),
        "refused": len(refused),
        "pending": len(by[ApplicationDecision.PENDING]),
        "amount_granted_dkk": sum(a.grant.amount if a.grant else a.amount for a in granted),
        "decided": decided,
        "hit_rate_percent": round(100 * len(granted) / decided) if decided else None,
        "rows": [
            {
                "date": a.date.isoformat(),
                "applicant": a.applicant,
                "donor": a.donor,
                "purpose": a.purpose,
                "amount_dkk": a.amount,
                "decision": a.decision,
                "decision_label": a.get_decision_display(),
                "grant": a.grant.reference if a.grant else None,
            }
            for a in rows
        ],
    }


def activity_report(start: date, end: date) -> dict:
    """Everything the report says about activities in [start, end]. Activities and focus
    areas come in the order they were entered (the order of the source documents); the
    action plan's actions have their own appendix, not a focus area."""
    rows = _rows(_activities().order_by("pk"), start, end)
    by_name = {row["name"]: row for row in rows}  # the action plan: the same rows, its order
    actions = _actions(Activity.objects.all()).values_list("name", flat=True)
    tracks: dict[str, list[dict]] = {}
    areas: dict[str, list[dict]] = {}
    for row in rows:
        if row["track"]:
            tracks.setdefault(row["track"], []).append(row)
        if row["type"] != ActivityType.ACTION:
            areas.setdefault(row["focus_area"] or NO_FOCUS_AREA, []).append(row)
    flags = [
        {"activity": row["name"], "figure": f["name"], "period": f["period"], **flag}
        for row in rows
        for f in row["figures"]
        for flag in f["flags"]
    ]
    return {
        "tracks": tracks,
        "action_plan": [by_name[name] for name in actions if name in by_name],
        "focus_areas": [
            {"name": name, "activities": areas[name]}
            for name in sorted(areas, key=lambda n: n == NO_FOCUS_AREA)
        ],
        "flags": flags,
        "rules": RULES_TEXT,
        "applications": applications(start, end),
    }


def public_activities(report: dict) -> dict:
    """The public edition: a count of people from 1 to 4 is shown as «<5», and a flag's
    message gives no values (it would give the hidden count away)."""
    public = copy.deepcopy(report)
    rows = [row for track in public["tracks"].values() for row in track]
    rows += [row for area in public["focus_areas"] for row in area["activities"]]
    rows += public["action_plan"]
    for row in rows:
        for figure in row["figures"] + row["latest"]:
            value = figure["value"]
            if figure["counts_people"] and isinstance(value, int) and 0 < value < SMALLEST_SHOWN:
                figure["value"] = Hidden()
            for flag in figure["flags"]:
                flag["message"] = flag["summary"]
    for flag in public["flags"]:
        flag["message"] = flag["summary"]
    return public
