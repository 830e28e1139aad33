from django.apps import AppConfig


class SocialeconomyConfig(AppConfig):
    name = "socialeconomy"
    verbose_name = "Socialøkonomi"

    def ready(self):
        from socialeconomy import middleware  # noqa: F401  (connects the login stamp)
