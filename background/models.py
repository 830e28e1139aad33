"""The state of heavy work that runs on a task worker instead of in a web request: imports,
publishing, draft PDFs, anonymisation and log purges. The queue itself is django-tasks'
database backend (django_tasks_db); a Job is what the user sees of one piece of work: its
stage, rows read so far, and outcome. Everything lives in the database, so any web node can
show any job and a restart of a web process loses nothing."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

STALE_AFTER = 10 * 60  # seconds without news from a running job: its worker is gone
WAITING_TOO_LONG = 5 * 60  # seconds queued without a worker taking it


def _token() -> str:
    return secrets.token_hex(16)


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT_CHECK = "import_check", "Kontrol af Excel-fil"
        IMPORT_WRITE = "import_write", "Indlæsning af Excel-fil"
        PUBLISH = "publish", "Udgivelse af årsrapport"
        PDF = "pdf", "PDF af kladde"
        ANONYMISE = "anonymise", "Anonymisering efter opbevaringstiden"
        PURGE = "purge", "Sletning af gammel adgangslog"

    class State(models.TextChoices):
        QUEUED = "queued", "I kø"
        RUNNING = "running", "I gang"
        DONE = "done", "Færdig"
        REFUSED = "refused", "Afvist"
        FAILED = "failed", "Fejlet"

    token = models.CharField(max_length=32, unique=True, default=_token, editable=False)
    kind = models.CharField("slags", max_length=20, choices=Kind.choices)
    state = models.CharField("tilstand", max_length=10, choices=State.choices, default=State.QUEUED)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="startet af",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField("titel", max_length=255)
    stage = models.CharField("trin", max_length=200, blank=True)
    rows = models.PositiveIntegerField("rækker læst", default=0)
    total = models.PositiveIntegerField("rækker i alt", default=0)
    message = models.TextField("besked", blank=True)
    result = models.JSONField("resultat", default=dict, blank=True)
    upload = models.BinaryField("uploadet fil", null=True, blank=True, editable=False)
    task_id = models.CharField("opgave-id", max_length=64, blank=True)
    created = models.DateTimeField("oprettet", default=timezone.now, db_index=True)
    updated = models.DateTimeField("sidst nyt", default=timezone.now)

    class Meta:
        verbose_name = "baggrundsopgave"
        verbose_name_plural = "baggrundsopgaver"
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("background:job", args=[self.token])

    @property
    def running(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)

    @property
    def seconds_silent(self) -> float:
        return (timezone.now() - self.updated).total_seconds()

    @property
    def stale(self) -> bool:
        """Running, but its worker has said nothing for STALE_AFTER (it was stopped)."""
        return self.state == self.State.RUNNING and self.seconds_silent > STALE_AFTER

    @property
    def waiting_long(self) -> bool:
        """Queued, and no worker has taken it for a while (is a worker running?)."""
        return self.state == self.State.QUEUED and self.seconds_silent > WAITING_TOO_LONG

    @property
    def percent(self) -> int | None:
        return min(100, self.rows * 100 // self.total) if self.total else None

    @property
    def errors(self) -> list[str]:
        return self.result.get("errors", [])

    @property
    def ready_to_write(self) -> bool:
        """A checked workbook without errors, waiting for the consultant's confirmation."""
        return (
            self.kind == self.Kind.IMPORT_CHECK
            and self.state == self.State.DONE
            and not (self.errors)
        )


class RenderedPDF(models.Model):
    """A PDF rendered once and served many times. `key` is the SHA-256 of the HTML it was
    made from (which is made from the figures and texts), so the same figures and texts find
    the same PDF, and a changed figure or text makes a new one. One PDF is kept per `slot`
    (a report's draft of one kind): a newer rendering replaces the older."""

    key = models.CharField("nøgle (SHA-256 af HTML)", max_length=64, unique=True)
    slot = models.CharField("plads", max_length=100, db_index=True)
    html = models.TextField("HTML", blank=True)
    pdf = models.BinaryField("PDF", null=True, blank=True, editable=False)
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField("oprettet", default=timezone.now)
    served = models.PositiveIntegerField("hentet", default=0)

    class Meta:
        verbose_name = "dannet PDF"
        verbose_name_plural = "dannede PDF'er"

    def __str__(self):
        return f"{self.slot} ({self.key[:12]})"
