from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from socialeconomy.validators import refuse_cpr_in_texts
from socialeconomy.vocabulary import EVALUATION_QUESTIONS


class ReportPeriod(models.Model):
    """An annual report: its title and period (both ends inclusive)."""

    title = models.CharField("titel", max_length=200)
    subtitle = models.CharField("undertitel", max_length=200, blank=True)
    start = models.DateField("periode fra")
    end = models.DateField("periode til")
    issued = models.DateField("udgivelsesdato", null=True, blank=True)

    class Meta:
        ordering = ["-start"]
        constraints = [models.UniqueConstraint(fields=["start", "end"], name="one_report_a_period")]
        verbose_name = "årsrapport"
        verbose_name_plural = "årsrapporter"

    def __str__(self) -> str:
        return f"{self.title} ({self.start:%d.%m.%Y}–{self.end:%d.%m.%Y})"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Periodens slutdato skal ligge på eller efter starten."})


class ReportSection(models.Model):
    """The consultants' narrative for one section of one report (plain paragraphs and lists)."""

    # key: a frame section's key or a track's key of the strategy in force (strategy.structure
    # names them and their titles).
    report = models.ForeignKey(
        ReportPeriod, on_delete=models.CASCADE, related_name="sections", verbose_name="rapport"
    )
    key = models.CharField("afsnit", max_length=40)
    text = models.TextField(
        "tekst",
        blank=True,
        help_text="Almindelige afsnit adskilt af en tom linje; linjer der starter med «- » "
        "bliver til punktlister, og en linje der starter med «## » til en underoverskrift.",
    )

    class Meta:
        ordering = ["report", "key"]
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="one_text_a_section")]
        verbose_name = "rapportafsnit"
        verbose_name_plural = "rapportafsnit"

    def __str__(self) -> str:
        return f"{self.report.title}: {self.key}"


class PublishedFigure(models.Model):
    """A figure as a published document states it, kept to compare with the records."""

    class Key(models.TextChoices):
        ENTERPRISES_TOTAL = "enterprises.total", "Virksomheder og initiativer i alt"
        ENTERPRISES_REGISTERED = "enterprises.by_type.registered", "Registrerede virksomheder"
        ENTERPRISES_INITIATIVE = "enterprises.by_type.initiative", "Socialøkonomiske initiativer"
        ENTERPRISES_VOLUNTARY = "enterprises.by_type.voluntary", "Frivillige organisationer"
        EMPLOYMENT_TOTAL = "employment.total", "Ansatte i alt"
        EMPLOYMENT_FULL_TIME = "employment.by_type.full_time", "Fuldtidsstillinger"
        EMPLOYMENT_PART_TIME = "employment.by_type.part_time", "Deltid / lønnede timer / fleksjob"
        EMPLOYMENT_SHELTERED = "employment.by_type.sheltered", "Skånejob"
        FUNDRAISING_TOTAL = "fundraising.total_dkk", "Fundraising i alt (kr.)"
        COURSES_PARTICIPANTS = "courses.participants", "Deltagere i forløb"
        COURSES_COMPLETED = "courses.completed", "Afsluttede forløb"

    document = models.CharField("dokument", max_length=300)
    published = models.DateField("udgivet", null=True, blank=True)
    period_start = models.DateField("periode fra")
    period_end = models.DateField("periode til")
    key = models.CharField("tal", max_length=60, choices=Key.choices)
    value = models.BigIntegerField("værdi")
    stated_as = models.CharField(
        "som skrevet", max_length=100, blank=True, help_text="Tallet som dokumentet skriver det."
    )

    class Meta:
        ordering = ["period_start", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "period_start", "period_end", "key"],
                name="one_published_value",
            )
        ]
        verbose_name = "offentliggjort tal"
        verbose_name_plural = "offentliggjorte tal"

    def __str__(self) -> str:
        return f"{self.get_key_display()} {self.period_start:%Y}: {self.stated_as or self.value}"


class PublicationQuerySet(models.QuerySet):
    DOCUMENTS = [f"{d}_{f}" for d in ("report", "public", "summary") for f in ("html", "pdf")]

    def without_documents(self):
        """Metadata only: the stored HTML and PDFs (a few hundred kB each) are loaded when a
        view reads one of them."""
        return self.defer(*self.DOCUMENTS)


class Publication(models.Model):
    """A published version of a report: its figures, texts and documents frozen as they were.
    The stored PDFs are served byte for byte, whatever changes in the records later."""

    report = models.ForeignKey(
        ReportPeriod,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name="rapport",
    )
    version = models.PositiveIntegerField("version")
    published_at = models.DateTimeField("udgivet")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="udgivet af",
    )
    figures = models.JSONField("tal ved udgivelsen")
    texts = models.JSONField("tekster ved udgivelsen")
    report_html = models.TextField("rapport, fuld udgave (HTML)")
    report_pdf = models.BinaryField("rapport, fuld udgave (PDF)")
    public_html = models.TextField("rapport, offentlig udgave (HTML)")
    public_pdf = models.BinaryField("rapport, offentlig udgave (PDF)")
    summary_html = models.TextField("udvalgsresumé (HTML)")
    summary_pdf = models.BinaryField("udvalgsresumé (PDF)")

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["report", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["report", "version"], name="one_version_number")
        ]
        verbose_name = "udgivelse"
        verbose_name_plural = "udgivelser"

    def __str__(self) -> str:
        return f"{self.report.title}, version {self.version}"


class DeviationComment(models.Model):
    """The consultant's comment on one deviation of one report (reports/deviations.py):
    what went otherwise than planned, why, and what is learnt or corrected. Keyed by the
    deviation's code and the record it concerns (an agreement's name, a figure's key)."""

    report = models.ForeignKey(
        ReportPeriod,
        on_delete=models.CASCADE,
        related_name="deviation_comments",
        verbose_name="rapport",
    )
    code = models.CharField("afvigelse", max_length=40)
    subject = models.CharField("vedrører", max_length=200, blank=True)
    comment = models.TextField("kommentar", blank=True)

    class Meta:
        ordering = ["report", "code", "subject"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "code", "subject"], name="one_comment_a_deviation"
            )
        ]
        verbose_name = "kommentar til afvigelse"
        verbose_name_plural = "kommentarer til afvigelser"

    def __str__(self) -> str:
        return f"{self.report.title}: {self.code} {self.subject}".strip()


class EvaluationAnswer(models.Model):
    """The answer to one of the nine model-1 questions, per agreement per report: part of the
    report's content, like its narrative (the form is reports.forms.AnswersForm)."""

    agreement = models.ForeignKey(
        "agreements.Agreement",
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name="aftale",
    )
    report = models.ForeignKey(
        ReportPeriod,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name="rapport",
    )
    question = models.PositiveSmallIntegerField(
        "spørgsmål", choices=sorted(EVALUATION_QUESTIONS.items())
    )
    text = models.TextField("svar")

    class Meta:
        ordering = ["report", "agreement__name", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "report", "question"], name="one_answer_a_question"
            )
        ]
        verbose_name = "evalueringssvar"
        verbose_name_plural = "evalueringssvar"

    def __str__(self) -> str:
        return f"{self.agreement} – {self.question}"

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["text"])
        if errors:
            raise ValidationError(errors)


class ReportedValue(models.Model):
    """The value of a goal measured ``reported`` for one reporting period, with its source."""

    goal = models.ForeignKey(
        "strategy.Goal",
        on_delete=models.CASCADE,
        related_name="reported_values",
        verbose_name="mål",
    )
    report = models.ForeignKey(
        ReportPeriod,
        on_delete=models.CASCADE,
        related_name="reported_values",
        verbose_name="rapportperiode",
    )
    value = models.FloatField("værdi")
    source = models.CharField("kilde", max_length=500)

    class Meta:
        ordering = ["goal", "report__start"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "report"], name="one_value_a_period"),
        ]
        verbose_name = "indberettet værdi"
        verbose_name_plural = "indberettede værdier"

    def __str__(self) -> str:
        return f"{self.goal}: {self.value}"
