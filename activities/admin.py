from django.contrib import admin

from activities.models import Activity, ActivityFigure, ActivityState, FundraisingApplication


class StateInline(admin.TabularInline):
    model = ActivityState
    extra = 0


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "track", "focus_area", "enterprise", "start", "end"]
    list_filter = ["type", "track"]
    search_fields = ["name", "focus_area", "responsible"]
    inlines = [StateInline]


@admin.register(ActivityFigure)
class ActivityFigureAdmin(admin.ModelAdmin):
    list_display = ["activity", "name", "period", "value", "basis", "reported", "source"]
    list_filter = ["basis"]
    search_fields = ["activity__name", "name"]


@admin.register(FundraisingApplication)
class FundraisingApplicationAdmin(admin.ModelAdmin):
    list_display = ["date", "enterprise", "donor", "amount", "decision", "grant"]
    list_filter = ["decision"]
