from django.contrib import admin

from agreements.forms import AgreementForm
from agreements.models import (
    Agreement,
    AgreementPause,
    Course,
    Evaluation,
    Plan,
    PlanGoal,
    SubGoalAssessment,
)


class PauseInline(admin.TabularInline):
    model = AgreementPause
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    form = AgreementForm
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


class PlanGoalInline(admin.StackedInline):
    model = PlanGoal
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["course", "status", "agreed_on", "submitted_at", "handled_at"]
    list_filter = ["status"]
    search_fields = ["course__reference"]
    raw_id_fields = ["course"]
    inlines = [PlanGoalInline]


class SubGoalAssessmentInline(admin.TabularInline):
    model = SubGoalAssessment
    extra = 0
    raw_id_fields = ["sub_goal"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    inlines = [SubGoalAssessmentInline]
    list_display = ["course", "kind", "date", "status", "submitted_at"]
    list_filter = ["kind", "status"]
    search_fields = ["course__reference"]
    raw_id_fields = ["course"]
