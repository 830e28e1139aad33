from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Visning"
    LIST = "list", "Liste"
    SEARCH = "search", "Søgning"
    EXPORT = "export", "Eksport"
    CREATE = "create", "Oprettelse"
    CHANGE = "change", "Ændring"
    IMPORT = "import", "Indlæsning"
    ANONYMISE = "anonymise", "Anonymisering"


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Adgangsloggen kan ikke ændres.")


class AccessLog(models.Model):
    """Who saw, searched, exported or changed participant data, and when: the log
    Datatilsynet expects for sensitive personal data. Entries are only ever added (and
    purged after the retention period by `purge_access_log`); nothing in the app edits them."""

    at = models.DateTimeField("tidspunkt", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="bruger",
    )
    username = models.CharField("brugernavn", max_length=150)  # kept if the user is deleted
    action = models.CharField("handling", max_length=20, choices=Action.choices)
    reference = models.CharField("reference", max_length=50, blank=True, db_index=True)
    detail = models.CharField("søgning / detaljer", max_length=500, blank=True)
    path = models.CharField("adresse", max_length=500, blank=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "adgangslogpost"
        verbose_name_plural = "adgangslog"

    def __str__(self) -> str:
        return f"{self.at:%d.%m.%Y %H.%M} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Adgangsloggen kan ikke ændres.")
        return super().save(*args, **kwargs)
