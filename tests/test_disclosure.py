"""Small-number suppression in the public version: no count from 1 to 4 is shown, no hidden
count can be worked out from the totals, and no percentage rests on a hidden count."""

import re
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.disclosure import figure_cells, public_figures
from reports.templatetags.report_tags import pct, share
from socialeconomy.suppression import SMALLEST_SHOWN, Hidden, is_hidden

CODES = ["ordinary_job", "flexjob", "education", "unemployed_awaiting", "prison"]
count = st.integers(min_value=0, max_value=14)


@st.composite
def agreements(draw):
    outcomes = {c: draw(count) for c in draw(st.lists(st.sampled_from(CODES), unique=True))}
    outcomes = {c: n for c, n in outcomes.items() if n}
    ongoing = draw(count)
    completed = sum(outcomes.values())
    participants = ongoing + completed
    veterans_completed = draw(st.integers(0, completed))
    veterans = veterans_completed + draw(st.integers(0, ongoing))
    model_1 = draw(st.booleans())
    received = draw(st.integers(0, participants)) if model_1 else None
    final = draw(st.integers(0, completed)) if model_1 else None
    return {
        "participants": participants,
        "ongoing": ongoing,
        "completed": completed,
        "outcomes": outcomes,
        "veterans": veterans,
        "veterans_completed": veterans_completed,
        "plans_received": received,
        "plans_on_time": draw(st.integers(0, received)) if model_1 else None,
        "final_evaluations_received": final,
        "final_evaluations_late": draw(st.integers(0, final)) if model_1 else None,
        "final_evaluations_missing": completed - final if model_1 else None,
    }


@st.composite
def figure_sets(draw):
    rows = draw(st.lists(agreements(), min_size=1, max_size=4))
    outcomes: dict[str, int] = {}
    for row in rows:
        for code, n in row["outcomes"].items():
            outcomes[code] = outcomes.get(code, 0) + n
    by_type = {t: draw(count) for t in ("full_time", "part_time", "sheltered")}
    by_enterprise = {
        f"V{i}": {"internship": draw(count), "wage_subsidy": draw(count)}
        for i in range(draw(st.integers(0, 3)))
    }
    return {
        "agreements": rows,
        "courses": {
            **{k: sum(r[k] for r in rows) for k in ("participants", "ongoing", "completed")},
            "outcomes": outcomes,
        },
        "employment": {"by_type": by_type, "total": sum(by_type.values())},
        "placements": {
            k: sum(e[k] for e in by_enterprise.values()) for k in ("internship", "wage_subsidy")
        },
        "placements_by_enterprise": by_enterprise,
        "enterprises": {"total": 3},
    }


def _get(figures, key):
    for part in key:
        figures = figures[part]
    return figures


def _echelon(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """Row echelon form by plain Gaussian elimination (independent of the module's own
    algebra): (pivot column, row) pairs."""
    basis: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = _reduce(list(row), basis)
        pivot = next((i for i, v in enumerate(row) if v), None)
        if pivot is not None:
            basis.append((pivot, row))
    return basis


def _reduce(row: list[Fraction], basis) -> list[Fraction]:
    for pivot, base in basis:
        if row[pivot]:
            factor = row[pivot] / base[pivot]
            row = [a - factor * b if b else a for a, b in zip(row, base, strict=True)]
    return row


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(figure_sets())
def test_no_count_from_1_to_4_is_shown_and_shown_counts_are_unchanged(figures):
    public = public_figures(figures)
    cells = figure_cells(figures)
    for key in cells.shown:
        value = _get(public, key)
        if is_hidden(value):
            assert value.primary == (0 < cells.values[key] < SMALLEST_SHOWN)
        else:
            assert value == cells.values[key]
            assert value == 0 or value >= SMALLEST_SHOWN, key


@FAST
@given(figure_sets())
def test_no_hidden_count_follows_from_the_totals(figures):
    """Linear algebra: a protected unknown is pinned iff its unit row lies in the row space."""
    public = public_figures(figures)
    cells = figure_cells(figures)
    unknown = [k for k in cells.values if k not in cells.shown or is_hidden(_get(public, k))]
    protected = [k for k in unknown if k in cells.shown or 0 < cells.values[k] < SMALLEST_SHOWN]
    column = {k: i for i, k in enumerate(unknown)}
    matrix = []
    for total, parts in cells.relations:
        row = [Fraction(0)] * len(unknown)
        if total in column:
            row[column[total]] += 1
        for part in parts:
            if part in column:
                row[column[part]] -= 1
        if any(row):
            matrix.append(row)
    basis = _echelon(matrix)
    for key in protected:
        unit = [Fraction(int(i == column[key])) for i in range(len(unknown))]
        assert any(_reduce(unit, basis)), f"{key} can be worked out from the totals"


@FAST
@given(figure_sets())
def test_no_hidden_count_is_pinned_by_its_bounds(figures):
    """A «<5» is 1–4 and an «x» at least 5: the hidden parts of a relation with a shown total
    never add up to exactly their smallest or largest possible sum."""
    public = public_figures(figures)
    cells = figure_cells(figures)
    for total, parts in cells.relations:
        total_value = _get(public, total) if total in cells.shown else None
        if total_value is None or is_hidden(total_value):
            continue
        hidden = [p for p in parts if p in cells.shown and is_hidden(_get(public, p))]
        unshown = [p for p in parts if p not in cells.shown]
        if not hidden or unshown:
            continue
        rest = total_value - sum(_get(public, p) for p in parts if p not in hidden)
        low = sum(1 if _get(public, p).primary else 5 for p in hidden)
        assert rest != low, (total, hidden)
        if all(_get(public, p).primary for p in hidden):
            assert rest != 4 * len(hidden), (total, hidden)


def test_a_single_small_outcome_takes_a_second_one_with_it():
    figures = {
        "agreements": [
            {
                "participants": 30,
                "ongoing": 10,
                "completed": 20,
                "outcomes": {"ordinary_job": 2, "education": 6, "unemployed_awaiting": 12},
                "veterans": 0,
                "veterans_completed": 0,
                "plans_received": None,
                "final_evaluations_received": None,
            }
        ],
        "courses": {
            "participants": 30,
            "ongoing": 10,
            "completed": 20,
            "outcomes": {"ordinary_job": 2, "education": 6, "unemployed_awaiting": 12},
        },
        "employment": {"by_type": {"full_time": 7}, "total": 7},
        "placements": {},
    }
    public = public_figures(figures)
    outcomes = public["agreements"][0]["outcomes"]
    assert outcomes == {
        "ordinary_job": Hidden(primary=True),
        "education": Hidden(primary=False),
        "unemployed_awaiting": 12,
    }
    assert public["courses"]["outcomes"]["education"] == Hidden(primary=False)
    assert public["agreements"][0]["completed"] == 20
    assert str(outcomes["ordinary_job"]) == "<5" and str(outcomes["education"]) == "x"


def test_no_percentage_rests_on_a_hidden_count():
    assert share(Hidden(), 20, "afsluttede forløb") == "<5 af 20 afsluttede forløb"
    assert share(7, Hidden(primary=False), "forløb") == "7 af x forløb"
    assert share(9, 20, "afsluttede forløb") == "45\u00a0% af 20 afsluttede forløb"
    assert pct(Hidden(), 20) == "–"


@pytest.mark.django_db
def test_public_report_hides_small_counts_and_their_percentages(demo):
    from demo.loader import PERIOD_START
    from reports.document import render_report_html
    from reports.models import ReportPeriod

    report = ReportPeriod.objects.get(start=PERIOD_START)  # the demo also has 2023
    full = render_report_html(report)
    public = render_report_html(report, public=True)
    assert "Offentlig udgave" in public and "Offentlig udgave" not in full
    assert "&lt;5" in public and "&lt;5" not in full
    # Outcome tables: count, then share. A hidden count has a share with no percentage.
    cells = re.findall(
        r'<td class="num">(&lt;5|x)</td><td class="num">([^<]*(?: af |%)[^<]*)</td>', public
    )
    assert len(cells) > 10  # outcome groups: most results stay readable
    for hidden, shown_share in cells:
        assert "%" not in shown_share and shown_share.startswith(f"{hidden} af "), shown_share
    # The 2022 totals stay visible: 270 participants, 205 completed.
    assert re.search(r"<td class=\"num\">270</td><td class=\"num\">65</td>", public)
    # The data-quality appendix of the public version names no references.
    assert "D22-" not in public
