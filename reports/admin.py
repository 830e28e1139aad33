from django.contrib import admin

from reports.models import (
    DeviationComment,
    EvaluationAnswer,
    Publication,
    PublishedFigure,
    ReportedValue,
    ReportPeriod,
    ReportSection,
)


class SectionInline(admin.StackedInline):
    model = ReportSection
    extra = 0


@admin.register(ReportPeriod)
class ReportPeriodAdmin(admin.ModelAdmin):
    list_display = ["title", "start", "end", "issued"]
    search_fields = ["title"]
    inlines = [SectionInline]


@admin.register(PublishedFigure)
class PublishedFigureAdmin(admin.ModelAdmin):
    list_display = ["key", "period_start", "period_end", "value", "stated_as", "document"]
    list_filter = ["key", "document"]
    search_fields = ["document", "stated_as"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Publications are made by «Udgiv» and never edited: read-only here."""

    list_display = ["report", "version", "published_at", "published_by"]
    fields = ["report", "version", "published_at", "published_by", "texts"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(DeviationComment)
class DeviationCommentAdmin(admin.ModelAdmin):
    list_display = ["report", "code", "subject"]
    list_filter = ["code"]
    search_fields = ["subject", "comment"]


@admin.register(EvaluationAnswer)
class EvaluationAnswerAdmin(admin.ModelAdmin):
    list_display = ["agreement", "report", "question"]
    list_filter = ["report", "agreement", "question"]
    search_fields = ["text", "agreement__name"]


@admin.register(ReportedValue)
class ReportedValueAdmin(admin.ModelAdmin):
    list_display = ["goal", "report", "value", "source"]
    list_filter = ["goal__strategy"]
