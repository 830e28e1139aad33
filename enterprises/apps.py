from django.apps import AppConfig


class EnterprisesConfig(AppConfig):
    name = "enterprises"
    verbose_name = "Virksomheder"

    def ready(self):
        from enterprises.deletable import register_kinds

        register_kinds()
