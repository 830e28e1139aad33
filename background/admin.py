from django.contrib import admin

from background.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "state", "user", "created", "updated"]
    list_filter = ["kind", "state"]
    exclude = ["upload"]
    readonly_fields = [f.name for f in Job._meta.fields if f.name != "upload"]

    def has_add_permission(self, request):
        return False
