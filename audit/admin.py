from django.contrib import admin

from audit.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Read-only: the log is written by the app and purged by command, never edited."""

    list_display = ["at", "username", "action", "reference", "detail"]
    list_filter = ["action"]
    search_fields = ["reference", "username", "detail"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
