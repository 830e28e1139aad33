"""A published report's figures beside today's recomputation of the same period."""

from dataclasses import dataclass

from socialeconomy.vocabulary import (
    OUTCOME_GROUP_LABELS,
    UNKNOWN_START,
    Assessment,
    EnterpriseType,
    HireType,
    PlacementType,
    StartingPoint,
    outcome_label,
)

FIELD_LABELS = {
    "enterprises": "Virksomheder og initiativer",
    "employment": "Ansatte",
    "placements": "Praktik og løntilskud",
    "placements_by_enterprise": "Praktik og løntilskud",
    "fundraising": "Fundraising",
    "courses": "Forløb i alt",
    "agreements": "Aftale",
    "by_type": "",
    "by_enterprise": "",
    "total": "i alt",
    "total_dkk": "i alt (kr.)",
    "grants": "bevillinger",
    "target": "mål",
    "annual_norm": "årsnorm",
    "participants": "deltagere",
    "ongoing": "i forløb",
    "completed": "afsluttede",
    "veterans": "veteraner",
    "veterans_completed": "veteraner, afsluttede",
    "plans_received": "planer modtaget",
    "plans_on_time": "planer til tiden",
    "final_evaluations_received": "slutevalueringer modtaget",
    "final_evaluations_late": "slutevalueringer for sent",
    "final_evaluations_missing": "slutevalueringer mangler",
    "course_days": "forløbsdage",
    "capacity": "ramme",
    "outcomes": "resultat:",
    "standard_weeks": "standardlængde (uger)",
    "plan_deadline_days": "frist for plan (dage)",
    "aim_veteran_share": "mål for veteraner (%)",
    "progression": "progression",
    "by_start": "udgangspunkt → resultatgruppe",
    "start_totals": "afsluttede efter udgangspunkt",
    "group_totals": "afsluttede efter resultatgruppe",
    "subgoals": "vurderede delmål",
}
CODE_LABELS = {
    **dict(EnterpriseType.choices),
    **dict(HireType.choices),
    **dict(PlacementType.choices),
    **dict(StartingPoint.choices),
    **dict(Assessment.choices),
    **OUTCOME_GROUP_LABELS,
    UNKNOWN_START: "uoplyst",
}
SKIPPED = {"period", "repeat_donors", "paused", "referring_units", "start", "end"}


@dataclass(frozen=True)
class ComparedFigure:
    key: str
    label: str
    published: int | None
    today: int | None

    @property
    def differs(self) -> bool:
        return self.published != self.today

    @property
    def difference(self) -> int | None:
        if self.published is None or self.today is None:
            return None
        return self.today - self.published


def _flatten(value, path: tuple, out: dict) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key not in SKIPPED:
                _flatten(inner, (*path, key), out)
    elif isinstance(value, list) and path == ("agreements",):
        for agreement in value:
            name = agreement["name"]
            for key, inner in agreement.items():
                if key not in SKIPPED:
                    _flatten(inner, (*path, name, key), out)
    elif isinstance(value, int) and not isinstance(value, bool):
        out[path] = value


def _label(path: tuple) -> str:
    words = []
    for i, part in enumerate(path):
        if path[i - 1 : i] == ("outcomes",):
            words.append(outcome_label(part))
        elif part in FIELD_LABELS:
            words.append(FIELD_LABELS[part])
        else:
            words.append(CODE_LABELS.get(part, part))
    return " · ".join(w for w in words if w).replace("resultat: · ", "resultat: ")


def figures_compare(published: dict, today: dict) -> list[ComparedFigure]:
    """Every count and amount in either set of figures, in the published order first."""
    old: dict[tuple, int] = {}
    new: dict[tuple, int] = {}
    _flatten(published, (), old)
    _flatten(today, (), new)
    keys = list(old) + [k for k in new if k not in old]
    return [ComparedFigure(".".join(map(str, k)), _label(k), old.get(k), new.get(k)) for k in keys]
