from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from socialeconomy.db import reference_taken, unique_reference_ignoring_case
from socialeconomy.text import danish_slugify
from socialeconomy.validators import (
    date_errors,
    parse_sdgs,
    reference_problem,
    refuse_cpr_in_texts,
    validate_cvr,
    validate_reference,
    validate_sdgs,
)
from socialeconomy.vocabulary import EnterpriseType, HireType, PlacementType


class EnterpriseQuerySet(models.QuerySet):
    def in_field(self, start, end):
        """Enterprises whose membership of the field overlaps [start, end]."""
        return self.filter(joined__lte=end).filter(
            models.Q(left__isnull=True) | models.Q(left__gte=start)
        )


class Enterprise(models.Model):
    name = models.CharField("navn", max_length=200, unique=True)
    slug = models.SlugField("kort navn", max_length=80, unique=True, blank=True)
    type = models.CharField("type", max_length=20, choices=EnterpriseType.choices)
    cvr = models.CharField("CVR", max_length=8, blank=True, validators=[validate_cvr])
    town = models.CharField("by", max_length=100, blank=True)
    description = models.TextField("beskrivelse", blank=True)
    target_group = models.TextField("målgruppe", blank=True)
    sdgs = models.CharField(
        "verdensmål",
        max_length=100,
        blank=True,
        validators=[validate_sdgs],
        help_text="Numrene på de verdensmål virksomheden arbejder med, fx «8, 12, 17».",
    )
    joined = models.DateField("med i feltet fra")
    left = models.DateField("ude af feltet fra", null=True, blank=True)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="medarbejdere med login",
        related_name="enterprises",
        blank=True,
    )

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "virksomhed"
        verbose_name_plural = "virksomheder"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = danish_slugify(self.name)[:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("enterprises:detail", args=[self.pk])

    @property
    def sdg_list(self) -> list[int]:
        return parse_sdgs(self.sdgs)

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["description", "target_group"])
        errors |= date_errors({"joined": self.joined}, timezone.localdate())
        if self.left and self.joined and self.left < self.joined:
            errors["left"] = "Datoen for udtræden skal ligge på eller efter datoen for indtræden."
        if errors:
            raise ValidationError(errors)
        if self.sdgs:
            self.sdgs = ", ".join(str(n) for n in parse_sdgs(self.sdgs))


class EnterpriseYear(models.Model):
    """An enterprise's own narrative for one year: what happened, and focus ahead."""

    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.CASCADE, related_name="years", verbose_name="virksomhed"
    )
    year = models.PositiveSmallIntegerField("år", validators=[MinValueValidator(2000)])
    this_year = models.TextField("det skete i året", blank=True)
    next_year = models.TextField("fokus fremover", blank=True)

    class Meta:
        ordering = ["enterprise__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "year"], name="one_narrative_a_year")
        ]
        verbose_name = "årsbeskrivelse"
        verbose_name_plural = "årsbeskrivelser"

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}"

    def get_absolute_url(self) -> str:
        return self.enterprise.get_absolute_url()

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["this_year", "next_year"])
        if errors:
            raise ValidationError(errors)


class DatedRecord(models.Model):
    """A dated event of an enterprise, counted when its date lies within a period."""

    # a participant reference (audit.services finds such models for the access log)
    participant_reference = True

    reference = models.CharField(
        "reference",
        max_length=50,
        unique=True,
        validators=[validate_reference],
        help_text="Pseudonym reference, fx F22-01. Aldrig navn eller CPR-nummer.",
    )
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, verbose_name="virksomhed", related_name="+"
    )
    date = models.DateField("dato", db_index=True)

    free_texts: tuple[str, ...] = ()

    class Meta:
        abstract = True
        ordering = ["-date", "reference"]
        constraints = [unique_reference_ignoring_case("%(class)s_reference_ci")]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse(f"enterprises:{self.url_name}_edit", args=[self.pk])

    def clean(self):
        errors = refuse_cpr_in_texts(self, self.free_texts)
        errors |= date_errors({"date": self.date}, timezone.localdate())
        if self.reference and reference_problem(self.reference) is None:
            taken = reference_taken(type(self), self.reference, self.pk)
            if taken:
                errors["reference"] = taken
        if errors:
            raise ValidationError(errors)


class Grant(DatedRecord):
    url_name = "grant"
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, verbose_name="virksomhed", related_name="grants"
    )
    donor = models.CharField("giver", max_length=300)
    amount = models.PositiveBigIntegerField(
        "beløb (kr.)",
        validators=[MinValueValidator(1, "Beløbet skal være større end 0 kr.")],
    )
    purpose = models.TextField("formål", blank=True)
    history = HistoricalRecords()
    free_texts = ("donor", "purpose")

    class Meta(DatedRecord.Meta):
        verbose_name = "bevilling"
        verbose_name_plural = "fundraising"


class Hire(DatedRecord):
    url_name = "hire"
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, verbose_name="virksomhed", related_name="hires"
    )
    type = models.CharField("ansættelsestype", max_length=20, choices=HireType.choices)

    class Meta(DatedRecord.Meta):
        verbose_name = "ansættelse"
        verbose_name_plural = "ansættelser"


class Placement(DatedRecord):
    url_name = "placement"
    enterprise = models.ForeignKey(
        Enterprise, on_delete=models.PROTECT, verbose_name="virksomhed", related_name="placements"
    )
    type = models.CharField("type", max_length=20, choices=PlacementType.choices)

    class Meta(DatedRecord.Meta):
        verbose_name = "praktik eller løntilskud"
        verbose_name_plural = "praktik og løntilskud"
