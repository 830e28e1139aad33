"""Activities: the records behind the strategy's tracks beyond the courses (trials,
partnerships, the action plan's actions…), their dated states, their period figures, and the
fundraising applications of track 2.2."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse

from activities.periods import parse_period, validate_period
from enterprises.models import Enterprise, Grant
from socialeconomy.validators import parse_sdgs, validate_sdgs
from socialeconomy.vocabulary import (
    ActivityStatus,
    ActivityType,
    ApplicationDecision,
    FigureBasis,
)

validate_track_key = RegexValidator(
    r"^[a-z0-9_]{1,40}$",
    "Sporet skrives som en nøgle med små bogstaver, tal og _ (fx «extra_gear»).",
)


class Activity(models.Model):
    name = models.CharField("navn", max_length=200, unique=True)
    type = models.CharField("type", max_length=20, choices=ActivityType.choices)
    track = models.CharField(
        "spor",
        max_length=40,
        blank=True,
        validators=[validate_track_key],
        help_text="Nøglen for strategiens spor, fx «extra_gear», «civil_society», «trials», "
        "«sdgs», «trends», «people» eller «fundraising».",
    )
    focus_area = models.CharField(
        "indsatsområde", max_length=100, blank=True, help_text="Fx «Beskæftigelse»."
    )
    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="ansvarlig virksomhed",
        help_text="Virksomhedens medarbejdere kan se aktiviteten og indberette dens tal.",
    )
    responsible = models.CharField(
        "ansvarlig (fritekst)",
        max_length=200,
        blank=True,
        help_text="Når den ansvarlige ikke er en virksomhed i systemet, fx «Slagelse Kommune».",
    )
    partners = models.TextField("samarbejdspartnere", blank=True)
    sdgs = models.CharField(
        "verdensmål",
        max_length=100,
        blank=True,
        validators=[validate_sdgs],
        help_text="Numrene på de verdensmål aktiviteten tjener, fx «12, 17».",
    )
    description = models.TextField("beskrivelse", blank=True)
    start = models.DateField("start", null=True, blank=True)
    end = models.DateField("slut", null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "aktivitet"
        verbose_name_plural = "aktiviteter"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("activities:detail", args=[self.pk])

    @property
    def responsible_name(self) -> str:
        return self.enterprise.name if self.enterprise_id else self.responsible

    @property
    def sdg_list(self) -> list[int]:
        return parse_sdgs(self.sdgs)

    def state_on(self, day=None):
        """The latest state dated on or before ``day`` (the latest of all without a day)."""
        states = [s for s in self.states.all() if day is None or s.date <= day]
        return max(states, key=lambda s: (s.date, s.pk or 0), default=None)

    @property
    def current_state(self):
        return self.state_on()

    def clean(self):
        from activities.tracks import track_problem

        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Slutdatoen skal ligge på eller efter startdatoen."})
        if self.enterprise_id and self.responsible:
            raise ValidationError(
                {"responsible": "Vælg enten en virksomhed eller skriv den ansvarlige; ikke begge."}
            )
        if self.track and (problem := track_problem(self.track, self.start)):
            raise ValidationError({"track": problem})
        if self.sdgs:
            self.sdgs = ", ".join(str(n) for n in parse_sdgs(self.sdgs))


class ActivityState(models.Model):
    """One step of an activity's history: from this date, it is in this state."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="states", verbose_name="aktivitet"
    )
    state = models.CharField("status", max_length=20, choices=ActivityStatus.choices)
    date = models.DateField("fra dato")
    note = models.CharField("bemærkning", max_length=300, blank=True)

    class Meta:
        ordering = ["activity", "date", "pk"]
        verbose_name = "status"
        verbose_name_plural = "statushistorik"

    def __str__(self) -> str:
        return f"{self.activity}: {self.get_state_display()} fra {self.date:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url()


class ActivityFigure(models.Model):
    """A named figure of an activity for one quarter or year, as reported."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="figures", verbose_name="aktivitet"
    )
    name = models.CharField(
        "tal", max_length=200, help_text="Hvad der tælles, fx «Borgere i praktik og løntilskud»."
    )
    period = models.CharField(
        "periode",
        max_length=7,
        validators=[validate_period],
        help_text="Et kvartal som 2022-Q3 eller et år som 2022.",
    )
    value = models.PositiveIntegerField("værdi")
    basis = models.CharField(
        "opgørelse",
        max_length=10,
        choices=FigureBasis.choices,
        help_text="År til dato: samlet fra årets start. Periode: perioden alene.",
    )
    reported = models.DateField("indberettet", null=True, blank=True)
    source = models.CharField(
        "kilde", max_length=100, blank=True, help_text="Hvem der indberettede, fx «CAI»."
    )
    counts_people = models.BooleanField(
        "tæller personer",
        default=True,
        help_text="Små antal personer (1–4) vises som «<5» i den offentlige udgave.",
    )

    class Meta:
        ordering = ["activity", "name", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "name", "period"], name="one_figure_a_period"
            )
        ]
        verbose_name = "aktivitetstal"
        verbose_name_plural = "aktivitetstal"

    def __str__(self) -> str:
        return f"{self.activity} – {self.name} {self.period}: {self.value}"

    def get_absolute_url(self) -> str:
        return self.activity.get_absolute_url()

    @property
    def parsed_period(self):
        return parse_period(self.period)

    def clean(self):
        if self.period:
            try:
                self.period = str(parse_period(self.period))
            except ValidationError as error:
                raise ValidationError({"period": error.messages}) from None


class FundraisingApplication(models.Model):
    """An application for funds (strategy track 2.2), and its decision."""

    enterprise = models.ForeignKey(
        Enterprise,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name="ansøger",
        help_text="Tom: Den Socialøkonomiske Enhed selv.",
    )
    donor = models.CharField("fond eller giver", max_length=300)
    amount = models.PositiveBigIntegerField(
        "ansøgt beløb (kr.)",
        validators=[MinValueValidator(1, "Beløbet skal være større end 0 kr.")],
    )
    date = models.DateField("sendt", db_index=True)
    purpose = models.TextField("formål", blank=True)
    decision = models.CharField(
        "afgørelse",
        max_length=10,
        choices=ApplicationDecision.choices,
        default=ApplicationDecision.PENDING,
    )
    decided = models.DateField("afgjort", null=True, blank=True)
    grant = models.OneToOneField(
        Grant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="application",
        verbose_name="bevilling",
        help_text="Den registrerede bevilling, når ansøgningen er bevilget.",
    )

    class Meta:
        ordering = ["-date", "donor"]
        verbose_name = "fondsansøgning"
        verbose_name_plural = "fondsansøgninger"

    def __str__(self) -> str:
        return f"{self.applicant} → {self.donor} ({self.date:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return reverse("activities:application_edit", args=[self.pk])

    @property
    def applicant(self) -> str:
        return self.enterprise.name if self.enterprise_id else "Den Socialøkonomiske Enhed"

    def clean(self):
        errors: dict[str, list[str]] = {}
        if self.grant_id and self.decision != ApplicationDecision.GRANTED:
            errors["grant"] = ["Kun en bevilget ansøgning kan knyttes til en bevilling."]
        if self.decision == ApplicationDecision.PENDING and self.decided:
            errors["decided"] = ["En ansøgning, der afventer svar, har ingen afgørelsesdato."]
        if self.decided and self.date and self.decided < self.date:
            errors.setdefault("decided", []).append(
                "Afgørelsen kan ikke ligge før ansøgningen blev sendt."
            )
        if errors:
            raise ValidationError(errors)
