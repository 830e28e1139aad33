from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = "Samarbejdsaftaler og forløb"

    def ready(self):
        from agreements.deletable import register_kinds

        register_kinds()
