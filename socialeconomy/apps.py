from django.apps import AppConfig


class SocialeconomyConfig(AppConfig):
    name = "socialeconomy"
    verbose_name = "Socialøkonomi"

    def ready(self):
        from django.db.backends.signals import connection_created

        from socialeconomy import middleware  # noqa: F401  (connects the login stamp)
        from socialeconomy.bounds import private_sqlite_file

        connection_created.connect(private_sqlite_file, dispatch_uid="private_sqlite_file")
