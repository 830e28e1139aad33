from django import forms
from django.utils import timezone

from activities.models import Activity, ActivityFigure, ActivityState, FundraisingApplication
from activities.periods import parse_period
from activities.tracks import NO_STRATEGY_NOTE as TRACK_HELP
from socialeconomy.forms import EMPTY_CHOICE, DateInput, ModelForm
from socialeconomy.vocabulary import ActivityStatus


class ActivityForm(ModelForm):
    """An activity; a new one also gets its first state (its history starts there)."""

    class Meta:
        model = Activity
        fields = [
            "name",
            "type",
            "track",
            "focus_area",
            "enterprise",
            "responsible",
            "partners",
            "sdgs",
            "description",
            "start",
            "end",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["track"].help_text = TRACK_HELP
        if not self.instance.pk:
            self.fields["state"] = forms.ChoiceField(
                label="Status",
                choices=[("", EMPTY_CHOICE), *ActivityStatus.choices],
            )
            self.fields["state_date"] = forms.DateField(
                label="Status fra dato", initial=timezone.localdate, widget=DateInput()
            )

    def save(self, commit=True):
        activity = super().save(commit=commit)
        if commit and "state" in self.cleaned_data:
            activity.states.create(
                state=self.cleaned_data["state"], date=self.cleaned_data["state_date"]
            )
        return activity


class ActivityStateForm(ModelForm):
    class Meta:
        model = ActivityState
        fields = ["state", "date", "note"]

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.activity = activity
        self.fields["date"].initial = timezone.localdate


class ActivityFigureForm(ModelForm):
    """A period figure. The same figure for the same period is reported once; a second
    report of it is refused with the stored value, to be corrected there instead."""

    period = forms.CharField(
        label="Periode", max_length=20, help_text="Et kvartal som 2022-Q3 eller et år som 2022."
    )
    value = forms.IntegerField(
        label="Værdi",
        min_value=0,
        error_messages={"min_value": "Værdien er et antal: et helt tal på 0 eller mere."},
    )

    class Meta:
        model = ActivityFigure
        fields = ["name", "period", "value", "basis", "reported", "source", "counts_people"]

    def __init__(self, *args, activity, consultant: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.activity = activity
        if not self.instance.pk:
            self.fields["reported"].initial = timezone.localdate
        if not consultant:
            del self.fields["counts_people"]
        names = activity.figures.order_by("name").values_list("name", flat=True).distinct()
        self.fields["name"].widget.attrs["list"] = "figure-names"
        self.figure_names = list(names)

    def clean_period(self):
        return str(parse_period(self.cleaned_data["period"]))

    def clean(self):
        cleaned = super().clean()
        name, period = cleaned.get("name"), cleaned.get("period")
        if name and period:
            same = ActivityFigure.objects.filter(
                activity=self.instance.activity, name=name, period=period
            ).exclude(pk=self.instance.pk)
            other = same.first()
            if other:
                self.add_error(
                    "period",
                    f"«{name}» for {period} er allerede indberettet ({other.value}); "
                    "ret det tal i stedet for at indberette det igen.",
                )
        return cleaned


class FundraisingApplicationForm(ModelForm):
    class Meta:
        model = FundraisingApplication
        fields = [
            "enterprise",
            "donor",
            "amount",
            "date",
            "purpose",
            "decision",
            "decided",
            "grant",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].empty_label = "Den Socialøkonomiske Enhed"
