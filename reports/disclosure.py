"""Small-number suppression for the public (committee) version of a report.

Counts of people from 1 to 4 are shown as «<5» (primary suppression). Totals would let a
reader work a hidden count out again, so more counts are hidden («x», secondary suppression)
until, in every relation between a total and its parts, no hidden count can be worked out:

- no relation has exactly one hidden member;
- the hidden parts of a relation do not all sit at their smallest or largest possible
  value (a reader knows a «<5» is 1–4 and an «x» is at least 5);
- no hidden count follows from the relations taken together (linear algebra over the
  hidden counts).

Counts of enterprises and sums of money are not about people and are never hidden.
Percentages resting on a hidden count are not shown (see the ``share`` template tag).
"""

import copy
from fractions import Fraction

from socialeconomy.suppression import SMALLEST_SHOWN, Hidden
from socialeconomy.vocabulary import (
    OUTCOME_GROUP,
    OUTCOME_GROUP_LABELS,
    UNKNOWN_OUTCOME,
    UNKNOWN_START,
    StartingPoint,
)

Key = tuple


class Cells:
    """Counts and the relations between them (total = sum of parts)."""

    def __init__(self):
        self.values: dict[Key, int] = {}
        self.shown: set[Key] = set()
        self.relations: list[tuple[Key, list[Key]]] = []

    def add(self, key: Key, value: int, *, shown: bool = True) -> Key:
        self.values[key] = value
        if shown:
            self.shown.add(key)
        return key

    def relate(self, total: Key, parts: list[Key]) -> None:
        self.relations.append((total, parts))

    def suppress(self, hidden_already: frozenset = frozenset()) -> tuple[set[Key], set[Key]]:
        """(primary, hidden): the shown counts from 1 to 4, and every shown count hidden.
        ``hidden_already``: counts hidden before (secondarily), e.g. by an earlier round.

        A reader knows the shown counts, that a «<5» is 1–4, that an «x» is 5 or more, and
        nothing of the unshown ones (e.g. plans received late) but that they are 0 or more.
        Protected are the hidden counts and the unshown counts from 1 to 4."""
        primary = {k for k in self.shown if 0 < self.values[k] < SMALLEST_SHOWN}
        hidden = set(primary) | hidden_already
        while True:
            key = self._unsafe_relation(hidden, primary)
            if key is None:
                key = self._determined(hidden)
            if key is None:
                return primary, hidden
            hidden.add(key)

    def _unknown(self, key: Key, hidden: set[Key]) -> bool:
        return key in hidden or key not in self.shown

    def _protected(self, key: Key, hidden: set[Key]) -> bool:
        return key in hidden or (key not in self.shown and 0 < self.values[key] < SMALLEST_SHOWN)

    def _candidate(self, total: Key, parts: list[Key], hidden: set[Key]) -> Key | None:
        """The smallest shown non-zero part to hide next; else the total."""
        choices = sorted((self.values[p], p) for p in parts if p not in hidden and p in self.shown)
        choices = [c for c in choices if c[0] > 0]
        if choices:
            return choices[0][1]
        if total not in hidden and total in self.shown:
            return total
        return None

    def _bounds(self, key: Key, primary: set[Key]) -> tuple[int, int | None]:
        if key not in self.shown:
            return (0, None)
        return (1, SMALLEST_SHOWN - 1) if key in primary else (SMALLEST_SHOWN, None)

    def _unsafe_relation(self, hidden: set[Key], primary: set[Key]) -> Key | None:
        for total, parts in self.relations:
            unknown = [m for m in (total, *parts) if self._unknown(m, hidden)]
            if not any(self._protected(m, hidden) for m in unknown):
                continue
            unsafe = len(unknown) == 1
            if not unsafe and not self._unknown(total, hidden):
                rest = self.values[total] - sum(
                    self.values[p] for p in parts if not self._unknown(p, hidden)
                )
                bounds = [self._bounds(p, primary) for p in unknown]
                low = sum(lo for lo, _ in bounds)
                highs = [hi for _, hi in bounds]
                high = None if None in highs else sum(highs)
                unsafe = rest in (low, high)
            if unsafe:
                key = self._candidate(total, parts, hidden)
                if key is not None:
                    return key
        return None

    def _determined(self, hidden: set[Key]) -> Key | None:
        """A count to hide because the relations together pin down a protected count, or
        None. A count is pinned when its unit vector lies in the row space of the relations
        restricted to the unknown counts (reduced row echelon form)."""
        columns = sorted((k for k in self.values if self._unknown(k, hidden)), key=repr)
        index = {k: i for i, k in enumerate(columns)}
        rows = []
        for total, parts in self.relations:
            row = {}
            if total in index:
                row[index[total]] = 1
            for p in parts:
                if p in index:
                    row[index[p]] = row.get(index[p], 0) - 1
            row = {c: v for c, v in row.items() if v}
            if row:
                rows.append(row)
        for row in _rref(rows):
            if len(row) != 1:
                continue
            key = columns[next(iter(row))]
            if self._protected(key, hidden):
                candidate = self._nearest_candidate(key, hidden)
                if candidate is not None:
                    return candidate
        return None

    def _nearest_candidate(self, key: Key, hidden: set[Key]) -> Key | None:
        """A count to hide in the relation nearest to the pinned one: first the relations
        holding it, then those reached through their unknown counts, and so on."""
        reached, frontier, used = {key}, [key], set()
        while frontier:
            next_frontier = []
            for i, (total, parts) in enumerate(self.relations):
                members = (total, *parts)
                if i in used or not any(m in frontier for m in members):
                    continue
                used.add(i)
                candidate = self._candidate(total, parts, hidden)
                if candidate is not None:
                    return candidate
                for m in members:
                    if self._unknown(m, hidden) and m not in reached:
                        reached.add(m)
                        next_frontier.append(m)
            frontier = next_frontier
        return None


def _rref(rows: list[dict[int, Fraction]]) -> list[dict[int, Fraction]]:
    """Reduced row echelon form of sparse rows, exact. The relations' coefficients are 1 and
    −1, so most values stay whole: they are kept as int (a Fraction only where a division
    leaves one), which gives the same numbers many times faster."""
    rows = [dict(r) for r in rows]
    pivots: list[tuple[int, dict]] = []
    for row in rows:
        for col, prow in pivots:
            if col in row:
                factor = row[col]
                for c, v in prow.items():
                    row[c] = row.get(c, 0) - factor * v
                row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        col = min(row)
        lead = row[col]
        row = {c: _divided(v, lead) for c, v in row.items()}
        for i, (pcol, prow) in enumerate(pivots):
            if col in prow:
                factor = prow[col]
                merged = dict(prow)
                for c, v in row.items():
                    merged[c] = merged.get(c, 0) - factor * v
                pivots[i] = (pcol, {c: v for c, v in merged.items() if v})
        pivots.append((col, row))
    return [row for _, row in pivots]


def _divided(value, lead):
    if lead in (1, -1):
        return value * lead
    return Fraction(value) / lead


def _agreement_cells(cells: Cells, i: int, a: dict) -> None:
    k = ("agreements", i)
    participants = cells.add((*k, "participants"), a["participants"])
    ongoing = cells.add((*k, "ongoing"), a["ongoing"])
    completed = cells.add((*k, "completed"), a["completed"])
    cells.relate(participants, [ongoing, completed])
    outcomes = [cells.add((*k, "outcomes", code), n) for code, n in a["outcomes"].items()]
    cells.relate(completed, outcomes)

    veterans = cells.add((*k, "veterans"), a["veterans"])
    veterans_completed = cells.add((*k, "veterans_completed"), a["veterans_completed"])
    cells.relate(
        participants,
        [veterans, cells.add((*k, "~others"), a["participants"] - a["veterans"], shown=False)],
    )
    cells.relate(
        completed,
        [
            veterans_completed,
            cells.add(
                (*k, "~others_completed"),
                a["completed"] - a["veterans_completed"],
                shown=False,
            ),
        ],
    )
    cells.relate(
        veterans,
        [
            veterans_completed,
            cells.add(
                (*k, "~veterans_ongoing"), a["veterans"] - a["veterans_completed"], shown=False
            ),
        ],
    )
    if a["plans_received"] is not None:
        received = cells.add((*k, "plans_received"), a["plans_received"])
        on_time = cells.add((*k, "plans_on_time"), a["plans_on_time"])
        late = cells.add((*k, "~plans_late"), a["plans_received"] - a["plans_on_time"], shown=False)
        missing = cells.add(
            (*k, "~plans_missing"), a["participants"] - a["plans_received"], shown=False
        )
        cells.relate(received, [on_time, late])
        cells.relate(participants, [received, missing])
    if a["final_evaluations_received"] is not None:
        received = cells.add((*k, "final_evaluations_received"), a["final_evaluations_received"])
        late = cells.add((*k, "final_evaluations_late"), a["final_evaluations_late"])
        missing = cells.add((*k, "final_evaluations_missing"), a["final_evaluations_missing"])
        on_time = cells.add(
            (*k, "~final_on_time"),
            a["final_evaluations_received"] - a["final_evaluations_late"],
            shown=False,
        )
        cells.relate(completed, [received, missing])
        cells.relate(received, [on_time, late])


def outcome_groups(outcomes: dict[str, int]) -> dict[str, int]:
    """Outcome counts by the vocabulary's outcome groups (every group, 0 where none);
    ``unknown`` too where completed courses have no outcome."""
    groups = dict.fromkeys(OUTCOME_GROUP_LABELS, 0)
    for code, n in outcomes.items():
        group = OUTCOME_GROUP.get(code, UNKNOWN_OUTCOME)
        groups[group] = groups.get(group, 0) + n
    return groups


def _group_cells(cells: Cells, prefix: tuple, completed: Key, outcomes: dict) -> list[Key]:
    """The outcome groups of one table row: completed = the groups, a group = its codes."""
    keys = []
    for group, n in outcome_groups(outcomes).items():
        key = cells.add((*prefix, "outcome_groups", group), n)
        keys.append(key)
        codes = [(*prefix, "outcomes", c) for c in outcomes if OUTCOME_GROUP.get(c, c) == group]
        if codes:
            cells.relate(key, codes)
    cells.relate(completed, keys)
    return keys


def _outcome_group_cells(cells: Cells, figures: dict) -> None:
    """The agreement × outcome-group table and its totals, tied to the outcome codes so
    that a group never gives a hidden code away (and the other way round)."""
    agreements = figures["agreements"]
    for i, agreement in enumerate(agreements):
        _group_cells(
            cells, ("agreements", i), ("agreements", i, "completed"), agreement["outcomes"]
        )
    totals = _group_cells(
        cells, ("courses",), ("courses", "completed"), figures["courses"]["outcomes"]
    )
    for key in totals:
        group = key[-1]
        parts = [
            ("agreements", i, "outcome_groups", group)
            for i, a in enumerate(agreements)
            if group in outcome_groups(a["outcomes"])
        ]
        cells.relate(key, parts)


def with_outcome_groups(figures: dict) -> dict:
    """A copy of the figures where the courses and every agreement carry ``outcome_groups``."""
    figures = copy.deepcopy(figures)
    figures["courses"]["outcome_groups"] = outcome_groups(figures["courses"]["outcomes"])
    for agreement in figures["agreements"]:
        agreement["outcome_groups"] = outcome_groups(agreement["outcomes"])
    return figures


def figure_cells(figures: dict) -> Cells:
    """Every count of people in the figures, and how they add up."""
    cells = Cells()
    for i, agreement in enumerate(figures["agreements"]):
        _agreement_cells(cells, i, agreement)
    _outcome_group_cells(cells, figures)

    courses = figures["courses"]
    totals = {}
    for name in ("participants", "ongoing", "completed"):
        totals[name] = cells.add(("courses", name), courses[name])
        cells.relate(
            totals[name], [("agreements", i, name) for i in range(len(figures["agreements"]))]
        )
    cells.relate(totals["participants"], [totals["ongoing"], totals["completed"]])
    outcome_totals = []
    for code, n in courses["outcomes"].items():
        key = cells.add(("courses", "outcomes", code), n)
        outcome_totals.append(key)
        cells.relate(
            key,
            [
                ("agreements", i, "outcomes", code)
                for i, a in enumerate(figures["agreements"])
                if code in a["outcomes"]
            ],
        )
    cells.relate(totals["completed"], outcome_totals)

    employment = figures["employment"]
    total = cells.add(("employment", "total"), employment["total"])
    cells.relate(
        total,
        [cells.add(("employment", "by_type", t), n) for t, n in employment["by_type"].items()],
    )

    by_enterprise = figures.get("placements_by_enterprise", {})
    for kind, n in figures["placements"].items():
        total = cells.add(("placements", kind), n)
        cells.relate(
            total,
            [
                cells.add(("placements_by_enterprise", name, kind), counts[kind])
                for name, counts in by_enterprise.items()
            ],
        )
    return cells


_NONE: Key = ("~settled",)  # stands for a total that may not be hidden: never shown


class _Beside(Cells):
    """Counts added beside figures whose suppression is settled: those keep what the public
    edition shows of them, and further counts are hidden among the added ones only."""

    def __init__(self, base: Cells):
        super().__init__()
        self.values, self.shown = dict(base.values), set(base.shown)
        self.relations = list(base.relations)
        self.settled = set(base.values)
        self.probing = False
        self.stuck: list[tuple] = []

    def _candidate(self, total: Key, parts: list[Key], hidden: set[Key]) -> Key | None:
        free = [p for p in parts if p not in self.settled]
        key = super()._candidate(total if total not in self.settled else _NONE, free, hidden)
        if self.probing:  # once settled, a relation asked about here is unsafe, with no way out
            self.stuck.append((total, *parts))
        return key

    def _nearest_candidate(self, key: Key, hidden: set[Key]) -> Key | None:
        if self.probing:  # once settled, a pinned protected count has no way out
            self.stuck.append((key,))
            return None
        return super()._nearest_candidate(key, hidden)

    def leaks(self, hidden: set[Key], primary: set[Key]) -> list[tuple]:
        """The relations and counts that hiding more of the added counts cannot protect."""
        self.probing, self.stuck = True, []
        self._unsafe_relation(hidden, primary)
        self._determined(hidden)
        self.probing = False
        return self.stuck


def _scope(key: Key) -> Key:
    return key[:2] if key[0] == "agreements" else key[:1]


def _progression_scope(cells: Cells, k: Key, progression: dict, outcomes, shown: bool) -> None:
    """The table starting point × outcome group of one scope (an agreement or the total),
    its margins, and how they tie to the completed courses and to the single outcomes. A
    withheld table (``shown`` false) is not in the document, but still adds up."""
    p = (*k, "progression")
    if not shown:  # the reader knows nothing of the table, not even which cells are empty
        progression = _dense(progression)
    for start, row in progression["by_start"].items():
        parts = [
            cells.add((*p, "by_start", start, group), n, shown=shown) for group, n in row.items()
        ]
        total = progression["start_totals"][start]
        cells.relate(cells.add((*p, "start_totals", start), total, shown=shown), parts)
    for group, n in progression["group_totals"].items():
        total = cells.add((*p, "group_totals", group), n, shown=shown)
        table = progression["by_start"]
        cells.relate(
            total, [(*p, "by_start", s, group) for s, row in table.items() if group in row]
        )
        cells.relate(total, [(*k, "outcomes", c) for c in outcomes if _group_of(c) == group])
    cells.relate((*k, "completed"), [(*p, "start_totals", s) for s in progression["start_totals"]])
    cells.relate((*k, "completed"), [(*p, "group_totals", g) for g in progression["group_totals"]])
    for assessment, n in progression["subgoals"].items():
        cells.add((*p, "subgoals", assessment), n)


def _dense(progression: dict) -> dict:
    """Every cell of a table, zeros too."""
    table = progression["by_start"]
    starts = [*StartingPoint.values, UNKNOWN_START]
    groups = [*OUTCOME_GROUP_LABELS, UNKNOWN_OUTCOME]
    dense = {s: {g: table.get(s, {}).get(g, 0) for g in groups} for s in starts}
    return {
        **progression,
        "by_start": dense,
        "start_totals": {s: sum(row.values()) for s, row in dense.items()},
        "group_totals": {g: sum(row[g] for row in dense.values()) for g in groups},
    }


def _group_of(code: str) -> str:
    return OUTCOME_GROUP.get(code, "unknown")


def progression_cells(cells: Cells, figures: dict, withheld: frozenset = frozenset()) -> None:
    """Progression (report-json.md): each agreement's table and the total, counts of people
    like every other. The total's cells are the sums of the agreements' cells."""
    agreements = figures["agreements"]
    for i, a in enumerate(agreements):
        scope = ("agreements", i)
        _progression_scope(cells, scope, a["progression"], a["outcomes"], scope not in withheld)
    courses = figures["courses"]
    total = courses["progression"]
    _progression_scope(
        cells, ("courses",), total, courses["outcomes"], ("courses",) not in withheld
    )
    scopes = [("agreements", i, "progression") for i in range(len(agreements))]
    pairs = list(zip(scopes, agreements, strict=True))
    for start, row in total["by_start"].items():
        for group in row:
            cells.relate(
                ("courses", "progression", "by_start", start, group),
                [
                    (*s, "by_start", start, group)
                    for s, a in pairs
                    if group in a["progression"]["by_start"].get(start, {}) or s[:2] in withheld
                ],
            )
    for assessment, n in total["subgoals"].items():
        if n == sum(a["progression"]["subgoals"][assessment] for a in agreements):
            cells.relate(
                ("courses", "progression", "subgoals", assessment),
                [(*s, "subgoals", assessment) for s in scopes],
            )


def progression_suppression(figures: dict, base: Cells, base_hidden: set[Key]):
    """Suppression of the progression tables beside the settled figures: (cells, primary,
    hidden, withheld). Secondary suppression is found among the tables' own counts. Where
    that cannot protect a count (e.g. 8 completed courses as «<5» and «<5»), the table of
    that agreement (or the total) is withheld from the public edition altogether."""
    alone = _Beside(base)
    _margin_ties(alone, figures)
    primary = {k for k in base.shown if 0 < base.values[k] < SMALLEST_SHOWN}
    # what the figures give away by themselves (e.g. completed minus the shown outcomes is
    # the hidden outcomes' group): no table can hide it, so no table is withheld for it
    known = set(alone.leaks(set(base_hidden), primary))
    withheld: set[Key] = set()
    while True:
        cells = _Beside(base)
        progression_cells(cells, figures, frozenset(withheld))
        cells.settled |= _public_margins(figures, base, base_hidden)
        primary, hidden = cells.suppress(frozenset(base_hidden))
        leaks = set(cells.leaks(hidden, primary)) - known
        if not leaks:
            return cells, primary, hidden, withheld
        scopes = set()
        for members in leaks:
            own = [m for m in members if "progression" in m] or list(members)
            agreements = {_scope(m) for m in own if m[0] == "agreements"}
            scopes |= agreements or {_scope(m) for m in own}
        if scopes <= withheld:  # withheld tables still worked out from the others: none shown
            scopes = {("courses",), *(("agreements", i) for i in range(len(figures["agreements"])))}
            if scopes <= withheld:
                return cells, primary, hidden, withheld
        withheld |= scopes


def _margin_ties(cells: Cells, figures: dict) -> None:
    """The outcome-group margins of every scope as the figures alone define them: unshown,
    the sum of their outcomes, adding up to the completed courses."""
    scopes = [(("courses",), figures["courses"])]
    scopes += [(("agreements", i), a) for i, a in enumerate(figures["agreements"])]
    for k, scope in scopes:
        groups = _dense(scope["progression"])["group_totals"]
        for group, n in groups.items():
            total = cells.add((*k, "progression", "group_totals", group), n, shown=False)
            codes = [(*k, "outcomes", c) for c in scope["outcomes"] if _group_of(c) == group]
            cells.relate(total, codes)
        cells.relate((*k, "completed"), [(*k, "progression", "group_totals", g) for g in groups])


def _public_margins(figures: dict, base: Cells, base_hidden: set[Key]) -> set[Key]:
    """Outcome-group margins that are the sum of shown outcome counts: public already, so
    they stay shown and secondary suppression goes to the table's cells instead."""
    scopes = [(("courses",), figures["courses"])]
    scopes += [(("agreements", i), a) for i, a in enumerate(figures["agreements"])]
    margins = set()
    for k, scope in scopes:
        for group in scope["progression"]["group_totals"]:
            codes = [(*k, "outcomes", c) for c in scope["outcomes"] if _group_of(c) == group]
            if all(c in base.shown and c not in base_hidden for c in codes):
                margins.add((*k, "progression", "group_totals", group))
    return margins


def progression_public(figures: dict, public: dict, base: Cells, base_hidden: set[Key]) -> None:
    """Hide what the progression tables must hide in the public copy of the figures."""
    cells, primary, hidden, withheld = progression_suppression(figures, base, base_hidden)
    for key in (hidden & cells.shown) - base.values.keys():
        _set(public, key, Hidden(primary=key in primary))
    for scope in withheld:
        target = public["courses"] if scope == ("courses",) else public["agreements"][scope[1]]
        target["progression"].update(
            by_start=None, start_totals=None, group_totals=None, withheld=True
        )


def _set(figures: dict, key: Key, value) -> None:
    target = figures
    for part in key[:-1]:
        target = target[part]
    target[key[-1]] = value


def public_figures(figures: dict) -> dict:
    """A copy of the figures with small counts hidden so none can be worked out."""
    cells = figure_cells(figures)
    primary, hidden = cells.suppress()
    public = with_outcome_groups(figures)
    for key in hidden & cells.shown:
        _set(public, key, Hidden(primary=key in primary))
    if "progression" in figures["courses"]:
        progression_public(figures, public, cells, hidden)
    public["suppressed"] = True
    return public
