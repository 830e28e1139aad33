"""ONE validator for a strategy, whether it comes from a file (``load_strategy``) or from the
browser's forms: both give it the strategy as the file's dict (docs/strategy.md)
and get back every problem, each naming the track or goal by its key, the field and why."""

import math
import re
from dataclasses import dataclass
from datetime import date

from strategy.measures import REPORTED, MeasureError, parse
from strategy.models import Cadence, Direction, Strategy
from strategy.structure import BLOCKS, FRAME_KEYS

KEY = re.compile(r"^[a-z0-9_]+$")
TOP_FIELDS = {"name", "title", "start", "end", "approved", "tracks", "goals"}
TRACK_FIELDS = {"key", "number", "title", "blocks"}
GOAL_FIELDS = {"key", "title", "measure", "of", "cadence", "direction", "target", "track"}
LENGTHS = {"name": 200, "title": 300, "number": 20, "key": 40, "by": 300}


@dataclass(frozen=True)
class Problem:
    section: str | None  # "tracks", "goals" or None for the strategy itself
    index: int | None
    key: str | None
    field: str
    message: str

    def __str__(self) -> str:
        if self.section is None:
            where = "strategien"
        else:
            noun = "spor" if self.section == "tracks" else "mål"
            where = f"{noun} «{self.key}»" if self.key else f"{noun} nr. {self.index + 1}"
        return f"{where}, feltet «{self.field}»: {self.message}"


def parse_date(value):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _text(add, item: dict, name: str, *, required=True) -> None:
    value = item.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            add(name, "skal udfyldes")
        return
    if not isinstance(value, str):
        add(name, f"skal være en tekst, ikke {value!r}")
    elif len(value) > LENGTHS.get(name, 300):
        add(name, f"må højst være {LENGTHS.get(name, 300)} tegn (er {len(value)})")


def _unknown_fields(add, item: dict, allowed: set) -> None:
    for name in sorted(set(item) - allowed):
        add(name, "er ikke et felt i strategifilen")


def validate_strategy(data, *, instance=None, new: bool = False) -> list[Problem]:
    """Every problem with the strategy ``data`` (the file's dict); empty when it is good.
    ``instance``: the strategy being edited in the browser (its name may change). ``new``:
    a strategy created in the browser, whose name must be free (a file loaded by name
    updates the strategy of that name instead)."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return [Problem(None, None, None, "(filen)", "skal være et JSON-objekt { … }")]

    def top(name, message):
        problems.append(Problem(None, None, None, name, message))

    _unknown_fields(top, data, TOP_FIELDS)
    _text(top, data, "name")
    _text(top, data, "title")
    dates = {}
    for name in ("start", "end"):
        if data.get(name) in (None, ""):
            top(name, "skal udfyldes (ÅÅÅÅ-MM-DD)")
        elif (dates.setdefault(name, parse_date(data[name]))) is None:
            top(name, f"«{data[name]}» er ikke en dato (ÅÅÅÅ-MM-DD)")
    start, end = dates.get("start"), dates.get("end")
    if start and end and end < start:
        top("end", "slutdatoen ligger før startdatoen")
    approved = data.get("approved")
    if approved is not None:
        if not isinstance(approved, dict):
            top("approved", 'skal være {"by": …, "on": "ÅÅÅÅ-MM-DD"} eller udelades')
        else:
            _unknown_fields(lambda f, m: top(f"approved.{f}", m), approved, {"by", "on"})
            _text(lambda f, m: top(f"approved.{f}", m), approved, "by", required=False)
            if approved.get("on") not in (None, "") and parse_date(approved["on"]) is None:
                top("approved.on", f"«{approved['on']}» er ikke en dato (ÅÅÅÅ-MM-DD)")
    if (instance is not None or new) and isinstance(data.get("name"), str):
        taken = Strategy.objects.filter(name=data["name"].strip())
        if instance is not None:
            taken = taken.exclude(pk=instance.pk)
        if taken.exists():
            top("name", f"der findes allerede en strategi med navnet «{data['name'].strip()}»")
    if start and end and isinstance(data.get("name"), str):
        others = Strategy.objects.filter(start__lte=end, end__gte=start)
        if instance is not None:
            others = others.exclude(pk=instance.pk)
        elif not new:
            others = others.exclude(name=data["name"].strip())
        other = others.first()
        if other:
            top(
                "start",
                f"perioden overlapper strategien «{other.name}» ({other.start:%d.%m.%Y}–"
                f"{other.end:%d.%m.%Y}); en rapports sidste dag skal høre til én strategi",
            )

    track_keys = _items(problems, data, "tracks", TRACK_FIELDS, _check_track)
    _items(problems, data, "goals", GOAL_FIELDS, _check_goal, track_keys=track_keys)
    return problems


def _items(problems, data, section, allowed, check, **extra) -> set[str]:
    items = data.get(section, [])
    if not isinstance(items, list):
        problems.append(Problem(None, None, None, section, "skal være en liste [ … ]"))
        return set()
    seen: set[str] = set()
    for index, item in enumerate(items):
        key = item.get("key") if isinstance(item, dict) else None
        key = key if isinstance(key, str) and key else None

        def add(name, message, index=index, key=key):
            problems.append(Problem(section, index, key, name, message))

        if not isinstance(item, dict):
            add("(hele)", "skal være et JSON-objekt { … }")
            continue
        _unknown_fields(add, item, allowed)
        if key is None:
            add("key", "skal udfyldes (små bogstaver, tal og _)")
        elif not KEY.match(key) or len(key) > LENGTHS["key"]:
            add("key", f"«{key}» må kun indeholde a-z, 0-9 og _ (højst 40 tegn)")
        elif key in seen:
            add("key", f"«{key}» er brugt to gange i strategien")
        else:
            seen.add(key)
        check(add, item, **extra)
    return seen


def _check_track(add, item) -> None:
    if item.get("key") in FRAME_KEYS:
        add("key", f"«{item['key']}» er en af rapportens faste afsnit; vælg en anden nøgle")
    _text(add, item, "number", required=False)
    _text(add, item, "title")
    blocks = item.get("blocks", [])
    if not isinstance(blocks, list):
        add("blocks", "skal være en liste af registreringstyper")
        return
    for block in blocks:
        if block not in BLOCKS:
            add(
                "blocks", f"«{block}» er ikke en kendt registreringstype; brug: {', '.join(BLOCKS)}"
            )
    if len(set(map(str, blocks))) != len(blocks):
        add("blocks", "samme registreringstype står to gange")


def _check_goal(add, item, *, track_keys) -> None:
    _text(add, item, "title")
    measure = None
    try:
        measure = parse(item.get("measure") if isinstance(item.get("measure"), str) else "")
    except MeasureError as error:
        add("measure", str(error))
    of = item.get("of")
    if of not in (None, ""):
        try:
            of_measure = parse(of if isinstance(of, str) else "")
        except MeasureError as error:
            add("of", str(error))
        else:
            if of_measure.kind.name == REPORTED or (measure and measure.kind.name == REPORTED):
                add("of", "et indberettet mål kan ikke være en andel; udelad «of»")
    cadence = item.get("cadence")
    if cadence in (None, ""):
        add("cadence", "skal udfyldes: annual eller by_end")
    elif cadence not in Cadence.values:
        add("cadence", f"«{cadence}» er ikke en kendt kadence; brug annual eller by_end")
    direction = item.get("direction")
    if direction not in (None, "") and direction not in Direction.values:
        add("direction", f"«{direction}» er ikke en kendt retning; brug at_least eller at_most")
    target = item.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)):
        add("target", f"skal være et tal eller null, ikke {target!r}")
    elif target is not None and not math.isfinite(target):
        add("target", f"skal være et endeligt tal, ikke {target!r}")
    elif target is not None and target < 0:
        add("target", "kan ikke være negativt")
    track = item.get("track")
    if track not in (None, "") and track not in track_keys:
        add("track", f"«{track}» er ikke et spor i strategien")
