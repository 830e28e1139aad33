from django import forms
from django.contrib import admin

from agreements.models import Agreement, AgreementPause, Course, EvaluationAnswer
from socialeconomy.vocabulary import ReferringUnit


class AgreementAdminForm(forms.ModelForm):
    also_referring_units = forms.MultipleChoiceField(
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
            "capacity",
            "standard_weeks",
            "plan_deadline_days",
            "follow_up_days",
            "final_evaluation_deadline_days",
            "start",
            "end",
            "description",
            "target_group",
            "aim",
            "aim_veteran_share",
        ]


class PauseInline(admin.TabularInline):
    model = AgreementPause
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    form = AgreementAdminForm
    list_display = ["name", "enterprise", "model", "referring_unit", "capacity", "start", "end"]
    list_filter = ["model", "referring_unit"]
    search_fields = ["name", "enterprise__name"]
    autocomplete_fields = ["enterprise"]
    inlines = [PauseInline]


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "agreement",
        "start",
        "end",
        "outcome",
        "plan_received",
        "final_evaluation_received",
    ]
    list_filter = ["agreement", "outcome", "veteran"]
    search_fields = ["reference"]
    date_hierarchy = "start"
    autocomplete_fields = ["agreement"]
    list_select_related = ["agreement"]


@admin.register(EvaluationAnswer)
class EvaluationAnswerAdmin(admin.ModelAdmin):
    list_display = ["agreement", "report", "question"]
    list_filter = ["report", "agreement", "question"]
    search_fields = ["text", "agreement__name"]
