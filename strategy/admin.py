from django.contrib import admin

from strategy.models import Goal, Strategy, Track


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "start", "end"]
    search_fields = ["name", "title"]
    inlines = [TrackInline, GoalInline]
