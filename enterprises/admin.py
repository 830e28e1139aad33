from django.contrib import admin

from enterprises.models import Enterprise, EnterpriseYear, Grant, Hire, Placement


class EnterpriseYearInline(admin.StackedInline):
    model = EnterpriseYear
    extra = 0


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "town", "cvr", "joined", "left"]
    list_filter = ["type", "joined", "left"]
    search_fields = ["name", "cvr", "town"]
    prepopulated_fields = {}
    filter_horizontal = ["staff"]
    inlines = [EnterpriseYearInline]


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ["reference", "enterprise", "date", "donor", "amount"]
    list_filter = ["enterprise", "date"]
    search_fields = ["reference", "donor", "purpose", "enterprise__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["enterprise"]


@admin.register(Hire)
class HireAdmin(admin.ModelAdmin):
    list_display = ["reference", "enterprise", "date", "type"]
    list_filter = ["type", "enterprise", "date"]
    search_fields = ["reference", "enterprise__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["enterprise"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["reference", "enterprise", "date", "type"]
    list_filter = ["type", "enterprise", "date"]
    search_fields = ["reference", "enterprise__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["enterprise"]
