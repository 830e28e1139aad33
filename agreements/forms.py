from django import forms
from django.core.exceptions import ValidationError

from agreements.models import (
    Agreement,
    AgreementPause,
    Course,
    Evaluation,
    EvaluationKind,
    Plan,
)
from socialeconomy.forms import DateInput, ModelForm, VersionedModelForm
from socialeconomy.validators import validate_no_cpr_text
from socialeconomy.vocabulary import ReferringUnit


class AgreementForm(ModelForm):
    also_referring_units = forms.TypedMultipleChoiceField(
        label="Anvendes også af",
        choices=ReferringUnit.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Agreement
        fields = [
            "name",
            "enterprise",
            "model",
            "referring_unit",
            "also_referring_units",
            "start",
            "end",
            "capacity",
            "standard_weeks",
            "plan_deadline_days",
            "follow_up_days",
            "final_evaluation_deadline_days",
            "aim",
            "aim_veteran_share",
            "description",
            "target_group",
        ]


class PauseForm(ModelForm):
    class Meta:
        model = AgreementPause
        fields = ["start", "end", "reason"]

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agreement = agreement


class CourseForm(VersionedModelForm):
    class Meta:
        model = Course
        fields = [
            "reference",
            "agreement",
            "start",
            "end",
            "extended_until",
            "starting_point",
            "outcome",
            "veteran",
            "plan_received",
            "final_evaluation_received",
        ]


class OutcomeRowForm(VersionedModelForm):
    """One row of the fast outcome entry: end date, outcome and plan date of a course."""

    class Meta:
        model = Course
        fields = ["end", "starting_point", "outcome", "plan_received"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reference = self.instance.reference
        for field in self.fields.values():
            if field.label:  # not the hidden version field
                field.widget.attrs["aria-label"] = f"{field.label.capitalize()} for {reference}"


class BaseOutcomeFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if form.instance.pk is None:
                raise ValidationError(
                    "Formularen indeholder et forløb, der ikke hører til denne aftale. "
                    "Genindlæs siden og prøv igen."
                )


OutcomeFormSet = forms.modelformset_factory(
    Course, form=OutcomeRowForm, formset=BaseOutcomeFormSet, extra=0, edit_only=True
)


class GoalForm(forms.Form):
    text = forms.CharField(
        label="Mål",
        required=False,
        max_length=2000,
        validators=[validate_no_cpr_text],
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sub_goals = forms.CharField(
        label="Delmål (ét pr. linje)",
        required=False,
        max_length=5000,
        validators=[validate_no_cpr_text],
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if data.get("sub_goals", "").strip() and not data.get("text", "").strip():
            self.add_error("text", "Skriv målet, som delmålene hører til.")
        return data


class BaseGoalFormSet(forms.BaseFormSet):
    """A draft may be saved half-written; a plan is submitted with at least one goal."""

    def __init__(self, *args, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting

    def clean(self):
        if any(self.errors):
            return
        if self.submitting and not self.goals():
            raise ValidationError("En plan indsendes med mindst ét mål.")

    def goals(self) -> list[tuple[str, list[str]]]:
        goals = []
        for form in self.forms:
            text = (form.cleaned_data.get("text") or "").strip()
            if text:
                lines = (form.cleaned_data.get("sub_goals") or "").splitlines()
                goals.append((text, [line.strip() for line in lines if line.strip()]))
        return goals


GoalFormSet = forms.formset_factory(
    GoalForm, formset=BaseGoalFormSet, extra=0, max_num=30, validate_max=True
)


class PlanForm(forms.Form):
    """A draft saves whatever is written; submitting requires who agreed the plan and when."""

    agreed_by = forms.CharField(
        label="Aftalt af",
        required=False,
        max_length=300,
        validators=[validate_no_cpr_text],
        help_text="Hvem der har aftalt planen, fx «deltager, mentor og sagsbehandler».",
    )
    agreed_on = forms.DateField(label="Aftalt den", required=False, widget=DateInput())

    def __init__(self, *args, course, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        self.submitting = submitting

    def clean(self):
        data = super().clean()
        if self.submitting:
            _require(
                self,
                data,
                {
                    "agreed_by": "Skriv, hvem der har aftalt planen, før den indsendes.",
                    "agreed_on": "Skriv datoen, planen er aftalt, før den indsendes.",
                },
            )
        return data

    def clean_agreed_on(self):
        value = self.cleaned_data["agreed_on"]
        problem = Plan.agreed_on_problem(value, self.course)
        if problem:
            raise ValidationError(problem)
        return value


class EvaluationForm(ModelForm):
    class Meta:
        model = Evaluation
        fields = ["kind", "date", "progression", "results", "work_capacity"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, course, submitting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.course = course
        self.submitting = submitting
        if not self.instance.pk and course.end:
            self.initial.setdefault("kind", EvaluationKind.FINAL)

    def clean(self):
        """A draft saves whatever is written; submitting requires the date, the progression
        and, for a final evaluation, the description of the work capacity."""
        data = super().clean()
        if self.submitting:
            required = {
                "date": "Skriv evalueringens dato, før den indsendes.",
                "progression": "Beskriv deltagerens progression, før evalueringen indsendes.",
            }
            if data.get("kind") == EvaluationKind.FINAL:
                required["work_capacity"] = (
                    "Slutevalueringen skal beskrive deltagerens arbejdsevne til "
                    "rehabiliteringsteamet, før den indsendes."
                )
            _require(self, data, required)
        return data


def _require(form, data: dict, required: dict[str, str]) -> None:
    """Submitting needs what a draft may leave empty: an error beside each empty field."""
    for name, message in required.items():
        value = data.get(name)
        empty = value is None or (isinstance(value, str) and not value.strip())
        if empty and name not in form.errors:
            form.add_error(name, message)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Kommentar til virksomheden",
        max_length=5000,
        validators=[validate_no_cpr_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Hvad skal rettes eller uddybes?",
    )
