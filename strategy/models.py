"""The strategy as data: a strategy, its tracks (spor) in order and its goals
(docs/strategy.md). The values entered by hand for goals measured ``reported`` belong to a
report period: reports.models.ReportedValue."""

from django.db import models


class Cadence(models.TextChoices):
    ANNUAL = "annual", "Hvert år (hver rapportperiode)"
    BY_END = "by_end", "Ved strategiens udløb"


class Direction(models.TextChoices):
    AT_LEAST = "at_least", "Mindst"
    AT_MOST = "at_most", "Højst"


class Strategy(models.Model):
    name = models.CharField("navn", max_length=200, unique=True)
    title = models.CharField("titel", max_length=300)
    start = models.DateField("gælder fra")
    end = models.DateField("gælder til")
    approved_by = models.CharField("godkendt af", max_length=300, blank=True)
    approved_on = models.DateField("godkendt den", null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = "strategi"
        verbose_name_plural = "strategier"

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%Y}–{self.end:%Y})"


class Track(models.Model):
    """A track of the strategy: one section of the annual report."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="tracks", verbose_name="strategi"
    )
    key = models.CharField("nøgle", max_length=40)
    number = models.CharField("nummer", max_length=20, blank=True)
    title = models.CharField("titel", max_length=300)
    order = models.PositiveIntegerField("rækkefølge")
    blocks = models.JSONField(
        "registreringer i afsnittet",
        default=list,
        blank=True,
        help_text="Hvilke registreringer sporets afsnit i årsrapporten viser.",
    )

    class Meta:
        ordering = ["strategy", "order"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "key"], name="one_track_a_key"),
        ]
        verbose_name = "spor"
        verbose_name_plural = "spor"

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Goal(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="goals", verbose_name="strategi"
    )
    key = models.CharField("nøgle", max_length=40)
    title = models.CharField("titel", max_length=300)
    measure = models.CharField("måles som", max_length=80)
    of = models.CharField("andel af", max_length=80, blank=True)
    cadence = models.CharField("kadence", max_length=10, choices=Cadence.choices)
    direction = models.CharField(
        "retning", max_length=10, choices=Direction.choices, default=Direction.AT_LEAST
    )
    target = models.FloatField("mål", null=True, blank=True)
    track = models.ForeignKey(
        Track,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
        verbose_name="spor",
    )
    order = models.PositiveIntegerField("rækkefølge")

    class Meta:
        ordering = ["strategy", "order"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "key"], name="one_goal_a_key"),
        ]
        verbose_name = "mål"
        verbose_name_plural = "mål"

    def __str__(self) -> str:
        return self.title

    @property
    def measure_label(self) -> str:
        """What the goal counts, in Danish (as the report says it); the code if unknown."""
        from strategy.measures import MeasureError, parse

        try:
            label = parse(self.measure).label
            if self.of:
                label = f"{label}, i procent af: {parse(self.of).label.lower()}"
        except MeasureError:
            return f"{self.measure} af {self.of}" if self.of else self.measure
        return label
