"""The progression table (starting point × outcome group) in the public edition: no cell of
1–4, secondary suppression over rows and columns, and no hidden cell worked out again from
the margins, the outcome table or the total over agreements."""

import copy
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from reports.disclosure import figure_cells, progression_suppression, public_figures
from reports.progression import by_start, outcome_group, progression_figures
from socialeconomy.suppression import SMALLEST_SHOWN, is_hidden
from tests.test_disclosure import FAST, _echelon, _get, _reduce

STARTS = ["activity_ready", "job_ready", "sickness_benefit", ""]
CODES = ["ordinary_job", "flexjob", "unemployed_awaiting", "prison", "disability_pension", ""]
ASSESSMENTS = ("achieved", "partly", "not_achieved")


@st.composite
def agreements(draw):
    cells = draw(
        st.dictionaries(
            st.tuples(st.sampled_from(STARTS), st.sampled_from(CODES)),
            st.integers(1, 12),
            max_size=8,
        )
    )
    outcomes: dict[str, int] = {}
    table: dict[tuple[str, str], int] = {}
    for (start, code), n in cells.items():
        outcomes[code or "unknown"] = outcomes.get(code or "unknown", 0) + n
        key = (start or "unknown", outcome_group(code))
        table[key] = table.get(key, 0) + n
    completed = sum(outcomes.values())
    ongoing = draw(st.integers(0, 10))
    subgoals = {a: draw(st.integers(0, 14)) for a in ASSESSMENTS}
    return {
        "participants": completed + ongoing,
        "ongoing": ongoing,
        "completed": completed,
        "outcomes": outcomes,
        "veterans": 0,
        "veterans_completed": 0,
        "plans_received": None,
        "final_evaluations_received": None,
        "progression": progression_figures(by_start(table), subgoals),
    }


@st.composite
def figure_sets(draw):
    rows = draw(st.lists(agreements(), min_size=1, max_size=3))
    outcomes: dict[str, int] = {}
    table: dict[tuple[str, str], int] = {}
    for row in rows:
        for code, n in row["outcomes"].items():
            outcomes[code] = outcomes.get(code, 0) + n
        for start, groups in row["progression"]["by_start"].items():
            for group, n in groups.items():
                table[(start, group)] = table.get((start, group), 0) + n
    # sometimes an assessment of a course outside the listed agreements: the total is more
    extra = draw(st.integers(0, 2))
    subgoals = {
        a: sum(r["progression"]["subgoals"][a] for r in rows) + (extra if a == "partly" else 0)
        for a in ASSESSMENTS
    }
    return {
        "agreements": rows,
        "courses": {
            **{k: sum(r[k] for r in rows) for k in ("participants", "ongoing", "completed")},
            "outcomes": outcomes,
            "progression": progression_figures(by_start(table), subgoals),
        },
        "employment": {"by_type": {"full_time": 7}, "total": 7},
        "placements": {},
    }


def _cells(figures):
    base = figure_cells(figures)
    _, hidden = base.suppress()
    return progression_suppression(figures, base, hidden)[0]


def _scopes(figures):
    yield figures["courses"], figures["courses"]["progression"]
    for agreement in figures["agreements"]:
        yield agreement, agreement["progression"]


@FAST
@given(figure_sets())
def test_no_progression_cell_from_1_to_4_is_shown(figures):
    public = public_figures(figures)
    for (_, shown), (_, true) in zip(_scopes(public), _scopes(figures), strict=True):
        if shown.get("withheld"):
            assert shown["by_start"] is None and shown["start_totals"] is None
            continue
        numbers = [
            (shown["by_start"][s][g], n)
            for s, row in true["by_start"].items()
            for g, n in row.items()
        ]
        numbers += [(shown["start_totals"][s], n) for s, n in true["start_totals"].items()]
        numbers += [(shown["group_totals"][g], n) for g, n in true["group_totals"].items()]
        numbers += [(shown["subgoals"][a], n) for a, n in true["subgoals"].items()]
        for value, n in numbers:
            if is_hidden(value):
                assert value.primary == (0 < n < SMALLEST_SHOWN)
            else:
                assert value == n and (n == 0 or n >= SMALLEST_SHOWN)


@FAST
@given(figure_sets())
def test_no_row_or_column_has_a_single_hidden_cell_beside_its_shown_total(figures):
    """Checked on the public table itself, without the module's list of relations."""
    public = public_figures(figures)
    for scope, p in _scopes(public):
        if p.get("withheld"):
            continue
        lines = [(p["start_totals"][s], list(row.values())) for s, row in p["by_start"].items()]
        for group, total in p["group_totals"].items():
            column = [row[group] for row in p["by_start"].values() if group in row]
            lines.append((total, column))
        lines.append((scope["completed"], list(p["start_totals"].values())))
        lines.append((scope["completed"], list(p["group_totals"].values())))
        for total, parts in lines:
            if is_hidden(total):
                continue
            hidden = [v for v in parts if is_hidden(v)]
            assert len(hidden) != 1, (total, parts)
            if hidden:
                rest = total - sum(v for v in parts if not is_hidden(v))
                low = sum(1 if v.primary else SMALLEST_SHOWN for v in hidden)
                assert rest != low
                if all(v.primary for v in hidden):
                    assert rest != 4 * len(hidden)


@FAST
@given(figure_sets())
def test_no_hidden_progression_cell_follows_from_all_the_relations(figures):
    public = public_figures(figures)
    cells = _cells(figures)
    unknown = [k for k in cells.values if k not in cells.shown or is_hidden(_get(public, k))]
    protected = [k for k in unknown if k in cells.shown or 0 < cells.values[k] < SMALLEST_SHOWN]
    column = {k: i for i, k in enumerate(unknown)}
    matrix, related = [], []
    table_keys = ("by_start", "start_totals", "subgoals")
    for total, parts in cells.relations:
        row = [Fraction(0)] * len(unknown)
        if total in column:
            row[column[total]] += 1
        for part in parts:
            if part in column:
                row[column[part]] -= 1
        if any(row):
            matrix.append(row)
            related.append(any(t in m for m in (total, *parts) for t in table_keys))
    basis = _echelon(matrix)
    # what the other figures and the outcome groups give away without any table (e.g. the
    # completed courses minus the shown outcomes) is no table's doing
    alone = _echelon([r for r, rel in zip(matrix, related, strict=True) if not rel])
    for key in protected:
        unit = [Fraction(int(i == column[key])) for i in range(len(unknown))]
        if "progression" in key and not any(_reduce(list(unit), alone)):
            continue
        assert any(_reduce(unit, basis)), f"{key} can be worked out from the totals"


@FAST
@given(figure_sets())
def test_the_relations_hold_on_the_true_counts(figures):
    """The module's relations are true statements about the figures (else the algebra
    would protect the wrong thing), and every progression cell is in one."""
    cells = _cells(figures)
    related = set()
    for total, parts in cells.relations:
        assert cells.values[total] == sum(cells.values[p] for p in parts), (total, parts)
        related.update([total, *parts])
    for key in cells.values:
        if "by_start" in key:
            assert key in related


@FAST
@given(figure_sets())
def test_the_tables_never_hide_more_of_the_other_figures(figures):
    """Secondary suppression for the tables is found in the tables: the participants,
    outcomes and totals show exactly what they show without them."""
    without = copy.deepcopy(figures)
    del without["courses"]["progression"]
    for a in without["agreements"]:
        del a["progression"]
    public = public_figures(figures)
    alone = public_figures(without)
    for key in figure_cells(without).shown:
        assert _get(public, key) == _get(alone, key), key
