"""The measures a strategy goal can count: ONE registry that parses and validates a measure
string (``employed:full_time``, ``outcome_group:progression`` …) and computes it from the
figures of ``reports.selectors.report_figures`` — the one aggregation. No measure counts
anything in the database itself.

To add a measure, call ``register`` with its name, its Danish label, the codes it accepts
after the colon (or none), and a function of (figures, code) giving its value.
"""

from collections.abc import Callable
from dataclasses import dataclass

from socialeconomy.formatting import round_half_up
from socialeconomy.vocabulary import (
    OUTCOME_GROUP,
    OUTCOME_GROUP_LABELS,
    UNKNOWN_OUTCOME,
    UNKNOWN_OUTCOME_LABEL,
    UNKNOWN_START,
    UNKNOWN_START_LABEL,
    Assessment,
    EnterpriseType,
    HireType,
    Outcome,
    PlacementType,
    StartingPoint,
)

REPORTED = "reported"
PROGRESSION_GROUP = "progression"  # the outcome group progression_from counts
STARTING_POINTS = dict(StartingPoint.choices) | {UNKNOWN_START: UNKNOWN_START_LABEL}


class MeasureError(ValueError):
    """A measure string no registered measure knows; the message is Danish and names why."""


@dataclass(frozen=True)
class MeasureKind:
    name: str
    label: str
    compute: Callable[[dict, str | None], object] | None
    codes: dict[str, str] | None = None  # code → label; None: takes no code
    code_required: bool = False
    people: bool = True  # counts people (suppressed 1–4 in the public edition)
    cumulative: bool = True  # a flow: values of periods that do not overlap add up


MEASURES: dict[str, MeasureKind] = {}


def register(kind: MeasureKind) -> MeasureKind:
    MEASURES[kind.name] = kind
    return kind


@dataclass(frozen=True)
class Measure:
    kind: MeasureKind
    code: str | None

    def __str__(self) -> str:
        return f"{self.kind.name}:{self.code}" if self.code else self.kind.name

    @property
    def label(self) -> str:
        if self.code:
            return f"{self.kind.label}: {self.kind.codes[self.code].lower()}"
        return self.kind.label

    def value(self, figures: dict):
        return self.kind.compute(figures, self.code)


def parse(text: str) -> Measure:
    """The measure named by ``text``, or MeasureError saying what is wrong."""
    text = (text or "").strip()
    if not text:
        raise MeasureError("mangler: skriv hvad målet tæller, fx «employed»")
    name, _, code = text.partition(":")
    kind = MEASURES.get(name)
    if kind is None:
        known = ", ".join(sorted(MEASURES))
        raise MeasureError(f"«{name}» er ikke et kendt mål; brug et af: {known}")
    if not code:
        if kind.code_required:
            raise MeasureError(
                f"«{name}» skal have en kode efter kolon, fx «{name}:{next(iter(kind.codes))}»"
            )
        return Measure(kind, None)
    if kind.codes is None:
        raise MeasureError(f"«{name}» tager ingen kode efter kolon")
    if code not in kind.codes:
        known = ", ".join(kind.codes)
        raise MeasureError(f"«{code}» er ikke en kendt kode for «{name}»; brug en af: {known}")
    return Measure(kind, code)


def goal_value(measure: str, of: str, figures: dict):
    """A goal's value over one period's figures: the measure, or with ``of`` the share in per
    cent rounded half up to one decimal (None when ``of`` is 0). A hidden count (public edition)
    gives a hidden value. Not for ``reported`` goals, whose value is entered by hand."""
    value = parse(measure).value(figures)
    if not of:
        return value
    whole = parse(of).value(figures)
    if _hidden(value) or _hidden(whole):
        return value if _hidden(value) else whole
    if not whole:
        return None
    return float(round_half_up(100 * value / whole, 1))


def _hidden(value) -> bool:
    from socialeconomy.suppression import is_hidden

    return is_hidden(value)


def _by_type(section: str, total_key: str = "total"):
    def compute(figures, code):
        part = figures[section]
        return part["by_type"][code] if code else part[total_key]

    return compute


def _placements(figures, code):
    counts = figures["placements"]
    return counts[code] if code else sum(counts.values())


def _courses(key: str):
    return lambda figures, code: figures["courses"][key]


def _outcome(figures, code):
    return figures["courses"]["outcomes"].get(code, 0)


def _progression(figures) -> dict:
    return figures["courses"]["progression"]


def _withheld() -> object:
    """The value of a count in a progression table the public edition withholds: hidden,
    never a number worked out from the rest."""
    from socialeconomy.suppression import Hidden

    return Hidden(primary=False)


def _starting_point(figures, code):
    totals = _progression(figures)["start_totals"]
    return _withheld() if totals is None else totals.get(code, 0)


def _progression_from(figures, code):
    table = _progression(figures)["by_start"]
    return _withheld() if table is None else table.get(code, {}).get(PROGRESSION_GROUP, 0)


def _subgoals(figures, code):
    return _progression(figures)["subgoals"][code]


def _outcome_group(figures, code):
    outcomes = figures["courses"]["outcomes"]
    if code == UNKNOWN_OUTCOME:
        return outcomes.get(UNKNOWN_OUTCOME, 0)
    return sum(n for c, n in outcomes.items() if OUTCOME_GROUP.get(c) == code)


register(
    MeasureKind(
        "employed",
        "Ansatte",
        _by_type("employment"),
        codes=dict(HireType.choices),
    )
)
register(
    MeasureKind(
        "enterprises",
        "Virksomheder og initiativer",
        _by_type("enterprises"),
        codes=dict(EnterpriseType.choices),
        people=False,
        cumulative=False,  # a stock: counted in every period they are in the field
    )
)
register(
    MeasureKind("participants", "Deltagere i forløb", _courses("participants"), cumulative=False)
)
register(MeasureKind("ongoing", "Forløb fortsat i gang", _courses("ongoing"), cumulative=False))
register(MeasureKind("completed", "Afsluttede forløb", _courses("completed")))
register(
    MeasureKind(
        "outcome",
        "Afsluttede forløb med resultatet",
        _outcome,
        codes=dict(Outcome.choices) | {UNKNOWN_OUTCOME: UNKNOWN_OUTCOME_LABEL},
        code_required=True,
    )
)
register(
    MeasureKind(
        "outcome_group",
        "Afsluttede forløb i resultatgruppen",
        _outcome_group,
        codes=OUTCOME_GROUP_LABELS | {UNKNOWN_OUTCOME: UNKNOWN_OUTCOME_LABEL},
        code_required=True,
    )
)
register(
    MeasureKind(
        "starting_point",
        "Afsluttede forløb med udgangspunktet",
        _starting_point,
        codes=STARTING_POINTS,
        code_required=True,
    )
)
register(
    MeasureKind(
        "progression_from",
        "Afsluttede forløb med progression fra udgangspunktet",
        _progression_from,
        codes=STARTING_POINTS,
        code_required=True,
    )
)
register(
    MeasureKind(
        "subgoals",
        "Delmål vurderet i slutevalueringer som",
        _subgoals,
        codes=dict(Assessment.choices),
        code_required=True,
        people=False,  # assessments, not people; still a count the public edition may hide
    )
)
register(
    MeasureKind(
        "placements", "Praktik og løntilskud", _placements, codes=dict(PlacementType.choices)
    )
)
register(
    MeasureKind(
        "fundraising_dkk",
        "Fundraising (kr.)",
        lambda figures, code: figures["fundraising"]["total_dkk"],
        people=False,
    )
)
register(
    MeasureKind(
        "repeat_donors",
        "Gentagne givere (den gyldne donation)",
        lambda figures, code: len(figures["fundraising"]["repeat_donors"]),
        people=False,
        cumulative=False,
    )
)
register(MeasureKind(REPORTED, "Indberettet af enheden", None, people=False, cumulative=False))
