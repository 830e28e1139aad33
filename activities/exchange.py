"""The exchange workbook's sheets `Aktiviteter` and `Aktivitetstal`: how their rows are
stored. Their rows are not one model's fields (an activity's `Status` is the latest step of
its state history, `Ansvarlig` an enterprise or free text, a figure's key three columns), so
exchange/spec.py hands these sheets to the functions here: the stored records as the sheet
reads them, the check of the links, and the write. Reading and checking cells stays in
exchange/spec.py and exchange/imports.py, all or nothing as for every sheet."""

from django.utils import timezone

from activities.models import Activity, ActivityFigure, ActivityState
from activities.tracks import strategy_tracks, track_problem
from enterprises.models import Enterprise

IMPORT_NOTE = "Fra Excel-import"


def activity_records() -> dict[str, dict]:
    """Every activity by name, as the sheet `Aktiviteter` reads it."""
    found = {}
    for activity in Activity.objects.select_related("enterprise").prefetch_related("states"):
        state = activity.current_state
        found[activity.name] = {
            "pk": activity.pk,
            "name": activity.name,
            "type": activity.type,
            "track": activity.track,
            "focus_area": activity.focus_area,
            "responsible": activity.responsible_name,
            "state": state.state if state else "",
            "start": activity.start,
            "end": activity.end,
        }
    return found


def figure_records() -> dict[tuple, dict]:
    """Every figure by (activity, figure, period), as the sheet `Aktivitetstal` reads it."""
    found = {}
    for figure in ActivityFigure.objects.select_related("activity"):
        key = (figure.activity.name, figure.name, figure.period)
        found[key] = {
            "pk": figure.pk,
            "activity": figure.activity.name,
            "name": figure.name,
            "period": figure.period,
            "value": figure.value,
            "basis": figure.basis,
            "reported": figure.reported,
            "source": figure.source,
        }
    return found


def figure_links(sheet, rows, parsed, reader) -> None:
    """Each figure's activity is in the sheet `Aktiviteter` or already in the system."""
    known = {r.values["name"] for r in parsed.get("Aktiviteter", [])}
    known |= set(Activity.objects.values_list("name", flat=True))
    header = next(c.header for c in sheet.columns if c.field == "activity")
    for row in rows:
        name = row.values.get("activity")
        if name and name not in known:
            reader.error(
                sheet,
                row.letters["activity"],
                row.number,
                header,
                f"«{name}» findes hverken i arket Aktiviteter eller i systemet",
            )


def activity_links(sheet, rows, parsed, reader) -> None:
    """Each activity's `Spor` is a track key of the strategy in force at its `Start` (or
    today), by the one rule of activities/tracks.py; any key when none is in force."""
    strategies = strategy_tracks()
    header = next(c.header for c in sheet.columns if c.field == "track")
    for row in rows:
        track = row.values.get("track")
        start = row.values.get("start") or None
        if track and (problem := track_problem(track, start, strategies)):
            reader.error(sheet, row.letters["track"], row.number, header, problem)


def _activity_values(values: dict, enterprises: dict[str, int]) -> dict:
    """`Ansvarlig` names an enterprise in the system, or is kept as free text."""
    out = {k: v for k, v in values.items() if k not in ("state", "responsible", "pk")}
    responsible = values.get("responsible") or ""
    out["enterprise_id"] = enterprises.get(responsible)
    out["responsible"] = "" if out["enterprise_id"] else responsible
    return out


def write_activities(creates: list[dict], updates: list[dict], user) -> None:
    """New activities start their history in the given state, dated their start (or today);
    a changed state is a new step dated today."""
    enterprises = dict(Enterprise.objects.values_list("name", "pk"))
    today = timezone.localdate()
    for values in creates:
        activity = Activity.objects.create(**_activity_values(values, enterprises))
        activity.states.create(
            state=values["state"], date=values.get("start") or today, note=IMPORT_NOTE
        )
    stored = Activity.objects.prefetch_related("states").in_bulk([v["pk"] for v in updates])
    for values in updates:
        activity = stored[values["pk"]]
        for name, value in _activity_values(values, enterprises).items():
            setattr(activity, name, value)
        activity.save()
        current = activity.current_state
        if not current or current.state != values["state"]:
            day = max(today, current.date) if current else today
            ActivityState.objects.create(
                activity=activity, state=values["state"], date=day, note=IMPORT_NOTE
            )


def write_figures(creates: list[dict], updates: list[dict], user) -> None:
    activities = dict(Activity.objects.values_list("name", "pk"))

    def fields(values: dict) -> dict:
        out = {k: v for k, v in values.items() if k not in ("activity", "pk")}
        out["activity_id"] = activities[values["activity"]]
        return out

    ActivityFigure.objects.bulk_create([ActivityFigure(**fields(v)) for v in creates])
    changed = [ActivityFigure(pk=v["pk"], **fields(v)) for v in updates]
    if changed:
        names = ["value", "basis", "reported", "source"]
        ActivityFigure.objects.bulk_update(changed, names)
