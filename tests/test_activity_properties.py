"""Properties of the activity checks and of the public edition's small numbers, over
generated series (hypothesis; no database)."""

from hypothesis import given
from hypothesis import strategies as st

from activities.irregularities import figure_flags
from activities.models import Activity, ActivityFigure
from activities.selectors import public_activities
from socialeconomy.suppression import is_hidden

ACTIVITY = Activity(name="Aktivitet")


def _quarters(values, basis="ytd"):
    return [
        ActivityFigure(activity=ACTIVITY, name="Borgere", period=f"2022-Q{q}", value=v, basis=basis)
        for q, v in enumerate(values, start=1)
    ]


@given(st.lists(st.integers(0, 500), min_size=1, max_size=4))
def test_a_ytd_series_is_flagged_as_falling_exactly_when_it_falls(values):
    flags = [f for f in figure_flags(_quarters(values)) if f.code == "activity_ytd_falls"]
    falls = [i for i in range(1, len(values)) if values[i] < max(values[:i])]
    assert [int(f.figure.period[-1]) - 1 for f in flags] == falls
    for flag in flags:
        i = int(flag.figure.period[-1]) - 1
        assert f"falder fra {max(values[:i])} " in flag.message.replace(".", "")
        assert f" til {values[i]} (" in flag.message.replace(".", "")


@given(st.lists(st.integers(1, 100), min_size=3, max_size=4))
def test_a_jump_is_flagged_exactly_by_the_stated_rule(values):
    flags = figure_flags(_quarters(values, basis="period"))
    expected = []
    for i in range(2, len(values)):
        mean = sum(values[:i]) / i
        if values[i] > 3 * mean or values[i] * 3 < mean:
            expected.append(i)
    assert [int(f.figure.period[-1]) - 1 for f in flags if f.code == "activity_jump"] == expected


figure = st.fixed_dictionaries(
    {"value": st.integers(0, 30), "counts_people": st.booleans(), "flags": st.just([])}
)
row = st.fixed_dictionaries({"figures": st.lists(figure, max_size=4)})


@given(st.lists(row, max_size=5))
def test_public_edition_hides_exactly_the_counts_of_one_to_four_people(rows):
    for r in rows:
        r["latest"] = r["figures"][:1]
    report = {
        "tracks": {"trials": rows},
        "focus_areas": [{"name": "X", "activities": rows}],
        "action_plan": [],
        "flags": [],
    }
    public = public_activities(report)
    for original, shown in zip(rows, public["tracks"]["trials"], strict=True):
        for a, b in zip(original["figures"], shown["figures"], strict=True):
            small = a["counts_people"] and 1 <= a["value"] <= 4
            assert is_hidden(b["value"]) == small
            if not small:
                assert b["value"] == a["value"]
