from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Adgangslog"

    def ready(self):
        from simple_history.signals import post_create_historical_record

        from audit.services import history_logged, records_logged
        from socialeconomy.signals import records_accessed

        post_create_historical_record.connect(history_logged, dispatch_uid="audit-history")
        records_accessed.connect(records_logged, dispatch_uid="audit-records")
