"""The strategy in the browser: one form for the strategy, one formset each for its tracks
and goals. The forms only read the fields (dates, numbers); every rule is checked by the
one validator the file uses (strategy.validation), and its problems are put beside the
field they are about."""

from django import forms

from socialeconomy.formatting import plain_number
from strategy.measures import MEASURES
from strategy.models import Cadence, Direction
from strategy.structure import BLOCKS
from strategy.validation import Problem, parse_date

DATE = forms.DateInput(format="%d.%m.%Y", attrs={"placeholder": "dd.mm.åååå"})
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]


def measure_suggestions() -> list[tuple[str, str]]:
    """Every measure string the registry knows, with its label (for a datalist)."""
    from strategy.measures import parse

    options = []
    for name, kind in MEASURES.items():
        if not kind.code_required:
            options.append((name, kind.label))
        for code in kind.codes or {}:
            measure = parse(f"{name}:{code}")
            options.append((str(measure), measure.label))
    return options


class StrategyForm(forms.Form):
    name = forms.CharField(label="Navn", max_length=200, help_text="Strategiens navn; dens nøgle.")
    title = forms.CharField(label="Titel", max_length=300)
    start = forms.DateField(label="Gælder fra", widget=DATE, input_formats=DATE_FORMATS)
    end = forms.DateField(label="Gælder til", widget=DATE, input_formats=DATE_FORMATS)
    approved_by = forms.CharField(label="Godkendt af", max_length=300, required=False)
    approved_on = forms.DateField(
        label="Godkendt den", widget=DATE, input_formats=DATE_FORMATS, required=False
    )


class TrackForm(forms.Form):
    key = forms.CharField(
        label="Nøgle", max_length=40, required=False, help_text="a-z, 0-9 og _; fx «people»."
    )
    number = forms.CharField(label="Nummer", max_length=20, required=False)
    title = forms.CharField(label="Titel", max_length=300, required=False)
    blocks = forms.MultipleChoiceField(
        label="Registreringer i sporets afsnit",
        choices=list(BLOCKS.items()),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def filled(self) -> bool:
        data = self.cleaned_data
        return any(data.get(f) for f in ("key", "number", "title", "blocks"))


class GoalForm(forms.Form):
    key = forms.CharField(label="Nøgle", max_length=40, required=False)
    title = forms.CharField(label="Titel", max_length=300, required=False)
    measure = forms.CharField(
        label="Måles som",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"list": "measures"}),
        help_text="Fx «employed», «outcome:flexjob», «outcome_group:stopped» eller «reported».",
    )
    of = forms.CharField(
        label="Andel af (valgfri)",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"list": "measures"}),
        help_text="Udfyldes, når målet er en andel i procent, fx «completed».",
    )
    cadence = forms.ChoiceField(
        label="Kadence", choices=[("", "—"), *Cadence.choices], required=False
    )
    direction = forms.ChoiceField(label="Retning", choices=Direction.choices)
    target = forms.DecimalField(
        label="Mål (tal)",
        required=False,
        decimal_places=1,
        localize=True,
        help_text="Tomt: afrapporteres uden mål.",
    )
    track = forms.CharField(
        label="Spor (nøgle, valgfri)",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"list": "tracks"}),
    )

    def filled(self) -> bool:
        data = self.cleaned_data
        return any(data.get(f) for f in ("key", "title", "measure", "of", "track")) or (
            data.get("target") is not None
        )


TrackFormSet = forms.formset_factory(TrackForm, extra=2, can_delete=True, max_num=50)
GoalFormSet = forms.formset_factory(GoalForm, extra=2, can_delete=True, max_num=50)


def as_file_data(form, tracks, goals) -> tuple[dict, list, list]:
    """The strategy as the file's dict, and which track and goal forms became its items."""
    data = form.cleaned_data
    result = {
        "name": data["name"],
        "title": data["title"],
        "start": data["start"].isoformat(),
        "end": data["end"].isoformat(),
    }
    if data.get("approved_by") or data.get("approved_on"):
        result["approved"] = {"by": data.get("approved_by") or ""}
        if data.get("approved_on"):
            result["approved"]["on"] = data["approved_on"].isoformat()
    kept_tracks = [f for f in tracks if f.filled() and not f.cleaned_data.get("DELETE")]
    kept_goals = [f for f in goals if f.filled() and not f.cleaned_data.get("DELETE")]
    result["tracks"] = [
        {
            "key": f.cleaned_data["key"],
            "number": f.cleaned_data["number"],
            "title": f.cleaned_data["title"],
            "blocks": list(f.cleaned_data["blocks"]),
        }
        for f in kept_tracks
    ]
    result["goals"] = []
    for f in kept_goals:
        d = f.cleaned_data
        item = {
            "key": d["key"],
            "title": d["title"],
            "measure": d["measure"],
            "cadence": d["cadence"],
            "direction": d["direction"],
            "target": plain_number(d["target"]),
        }
        if d["of"]:
            item["of"] = d["of"]
        if d["track"]:
            item["track"] = d["track"]
        result["goals"].append(item)
    return result, kept_tracks, kept_goals


FIELD_OF = {"approved.by": "approved_by", "approved.on": "approved_on"}


def put_problems(problems: list[Problem], form, kept_tracks, kept_goals) -> None:
    """Each problem beside its field: on the strategy form, or on the track or goal form the
    item came from. A problem with no such field goes to the form's top."""
    for problem in problems:
        if problem.section is None:
            target, name = form, FIELD_OF.get(problem.field, problem.field)
        else:
            target = (kept_tracks if problem.section == "tracks" else kept_goals)[problem.index]
            name = problem.field
        target.add_error(name if name in target.fields else None, problem.message)


def initial_from(data: dict) -> tuple[dict, list, list]:
    """The forms' initial values from a strategy's file dict (to edit or copy it)."""
    approved = data.get("approved") or {}
    form = {
        "name": data["name"],
        "title": data["title"],
        "start": parse_date(data["start"]),
        "end": parse_date(data["end"]),
        "approved_by": approved.get("by", ""),
        "approved_on": parse_date(approved["on"]) if approved.get("on") else None,
    }
    tracks = [dict(t, blocks=t.get("blocks", [])) for t in data["tracks"]]
    goals = [
        dict(
            g,
            of=g.get("of", ""),
            direction=g.get("direction", "at_least"),
            track=g.get("track", ""),
        )
        for g in data["goals"]
    ]
    return form, tracks, goals
