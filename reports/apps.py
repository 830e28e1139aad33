from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Årsrapporter"

    def ready(self):
        from reports.deletion import published_or_answered
        from socialeconomy.deletion import register_guard

        register_guard(published_or_answered)
