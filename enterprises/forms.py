from django import forms

from enterprises.models import Enterprise, EnterpriseYear, Grant, Hire, Placement
from socialeconomy.forms import ModelForm


class EnterpriseForm(ModelForm):
    class Meta:
        model = Enterprise
        fields = [
            "name",
            "type",
            "cvr",
            "town",
            "joined",
            "left",
            "sdgs",
            "description",
            "target_group",
        ]


class EnterpriseYearForm(ModelForm):
    class Meta:
        model = EnterpriseYear
        fields = ["year", "this_year", "next_year"]

    def __init__(self, *args, enterprise, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.enterprise = enterprise

    def clean_year(self):
        year = self.cleaned_data["year"]
        others = EnterpriseYear.objects.filter(enterprise=self.instance.enterprise, year=year)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                f"{self.instance.enterprise} har allerede en årsbeskrivelse for {year}."
            )
        return year


class GrantForm(ModelForm):
    class Meta:
        model = Grant
        fields = ["reference", "enterprise", "date", "donor", "amount", "purpose"]


class HireForm(ModelForm):
    class Meta:
        model = Hire
        fields = ["reference", "enterprise", "date", "type"]


class PlacementForm(ModelForm):
    class Meta:
        model = Placement
        fields = ["reference", "enterprise", "date", "type"]
