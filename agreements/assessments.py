"""The final evaluation's assessment of the plan's sub-goals (Nået / Delvist nået / Ikke
nået): the form the enterprise fills in beside its evaluation. Only the sub-goals of this
course's own plan can be assessed; anything else in the posted data is refused by name."""

import re

from django import forms
from django.core.exceptions import ValidationError

from agreements.models import EvaluationKind, PlanSubGoal
from socialeconomy.vocabulary import Assessment

FIELD = "delmaal_{}"
_FIELD_PATTERN = re.compile(r"^delmaal_(.+)$")
NOT_YET = "Ikke vurderet endnu"


def plan_sub_goals(course) -> list[PlanSubGoal]:
    """The sub-goals of the course's plan, in the plan's order (none without a plan)."""
    return list(
        PlanSubGoal.objects.filter(goal__plan__course=course)
        .select_related("goal")
        .order_by("goal__order", "order")
    )


class AssessmentForm(forms.Form):
    """One choice per sub-goal of the course's plan. A draft may leave some unassessed; a
    submitted final evaluation assesses every one; an ongoing evaluation assesses none."""

    def __init__(self, *args, course, evaluation=None, **kwargs):
        super().__init__(*args, prefix=None, **kwargs)
        self.sub_goals = plan_sub_goals(course)
        current = {}
        if evaluation is not None and evaluation.pk:
            current = dict(evaluation.assessments.values_list("sub_goal_id", "assessment"))
        for sub in self.sub_goals:
            self.fields[FIELD.format(sub.pk)] = forms.ChoiceField(
                label=sub.text,
                choices=[("", NOT_YET), *Assessment.choices],
                required=False,
                initial=current.get(sub.pk, ""),
                widget=forms.RadioSelect(attrs={"class": "inline-choices"}),
                error_messages={
                    "invalid_choice": (
                        "«%(value)s» er ikke en kendt vurdering; vælg Nået, Delvist nået "
                        "eller Ikke nået."
                    )
                },
            )

    def goals(self) -> list[tuple[str, list]]:
        """(goal text, [bound fields of its sub-goals]) in the plan's order, for the page."""
        grouped: dict[int, tuple[str, list]] = {}
        for sub in self.sub_goals:
            entry = grouped.setdefault(sub.goal_id, (sub.goal.text, []))
            entry[1].append(self[FIELD.format(sub.pk)])
        return list(grouped.values())

    def clean(self):
        cleaned = super().clean()
        known = set(self.fields)
        foreign = sorted(key for key in self.data if _FIELD_PATTERN.match(key) and key not in known)
        if foreign:
            numbers = ", ".join(_FIELD_PATTERN.match(k).group(1) for k in foreign)
            raise ValidationError(
                f"Vurderingen af delmål nr. {numbers} er afvist: delmålet hører ikke til "
                "dette forløbs plan. Genindlæs siden og prøv igen."
            )
        return cleaned

    def check_kind(self, kind: str, *, submitting: bool) -> None:
        """Called once the evaluation's kind is known: no assessments on an ongoing
        evaluation; every sub-goal assessed when a final evaluation is submitted."""
        if not hasattr(self, "cleaned_data"):
            return
        given = {k: v for k, v in self.cleaned_data.items() if v}
        if kind != EvaluationKind.FINAL and given:
            self.add_error(
                None,
                "Delmålene vurderes kun i slutevalueringen. Vælg «Slutevaluering» som type, "
                f"eller sæt delmålene til «{NOT_YET}».",
            )
        elif kind == EvaluationKind.FINAL and submitting:
            for sub in self.sub_goals:
                name = FIELD.format(sub.pk)
                if not self.cleaned_data.get(name):
                    self.add_error(name, "Vurdér delmålet, før slutevalueringen indsendes.")

    def assessments(self) -> dict[int, str]:
        """{sub-goal id: assessment} of the chosen ones."""
        return {
            sub.pk: self.cleaned_data[FIELD.format(sub.pk)]
            for sub in self.sub_goals
            if self.cleaned_data.get(FIELD.format(sub.pk))
        }
