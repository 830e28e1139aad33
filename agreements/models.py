from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from agreements.rules import DATE_FIELDS, course_problems
from socialeconomy.db import (
    DaysBetween,
    StaleEdit,
    reference_taken,
    unique_reference_ignoring_case,
)
from socialeconomy.validators import date_errors, refuse_cpr_in_texts, validate_reference
from socialeconomy.vocabulary import (
    AgreementModel,
    Assessment,
    Outcome,
    ReferringUnit,
    StartingPoint,
)


def validate_referring_units(value) -> None:
    if not isinstance(value, list) or any(v not in ReferringUnit.values for v in value):
        raise ValidationError(
            "Henvisende enheder skal være en liste af koder: "
            + ", ".join(ReferringUnit.values)
            + "."
        )


def overlaps(start_field: str, end_field: str, start, end) -> models.Q:
    """Q for records whose [start_field, end_field] (open end when null) overlaps [start, end]."""
    return models.Q(**{f"{start_field}__lte": end}) & (
        models.Q(**{f"{end_field}__isnull": True}) | models.Q(**{f"{end_field}__gte": start})
    )


class Agreement(models.Model):
    """A collaboration agreement (samarbejdsaftale) on courses with one enterprise."""

    name = models.CharField("navn", max_length=200, unique=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name="virksomhed",
    )
    model = models.CharField("afrapporteringsmodel", max_length=20, choices=AgreementModel.choices)
    referring_unit = models.CharField(
        "henvisende enhed", max_length=20, choices=ReferringUnit.choices
    )
    also_referring_units = models.JSONField(
        "anvendes også af",
        default=list,
        blank=True,
        validators=[validate_referring_units],
    )
    capacity = models.PositiveSmallIntegerField(
        "ramme (antal samtidige forløb)", null=True, blank=True
    )
    standard_weeks = models.PositiveSmallIntegerField(
        "standardlængde (uger)", default=13, validators=[MinValueValidator(1)]
    )
    plan_deadline_days = models.PositiveSmallIntegerField(
        "frist for plan (dage efter start)",
        null=True,
        blank=True,
        default=28,
        help_text="Tom, hvis aftalen ikke kræver en plan.",
    )
    follow_up_days = models.PositiveSmallIntegerField(
        "opfølgning ca. hver (dage)", null=True, blank=True, default=28
    )
    final_evaluation_deadline_days = models.PositiveSmallIntegerField(
        "frist for slutevaluering (dage efter slut)", null=True, blank=True, default=14
    )
    start = models.DateField("start")
    end = models.DateField("slut", null=True, blank=True)
    description = models.TextField("om aftalen", blank=True)
    target_group = models.TextField("målgruppe", blank=True)
    aim = models.CharField(
        "mål i aftalen", max_length=300, blank=True, help_text="Fx «mindst 50 % veteraner»."
    )
    aim_veteran_share = models.PositiveSmallIntegerField(
        "mål for andel veteraner (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "samarbejdsaftale"
        verbose_name_plural = "samarbejdsaftaler"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.pk])

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["description", "target_group", "aim"])
        errors |= date_errors({"start": self.start}, timezone.localdate())
        if self.end and self.start and self.end < self.start:
            errors["end"] = "Slutdatoen skal ligge på eller efter startdatoen."
        if errors:
            raise ValidationError(errors)
        others = [u for u in self.also_referring_units or [] if u != self.referring_unit]
        self.also_referring_units = sorted(set(others), key=ReferringUnit.values.index)

    @property
    def referring_units_display(self) -> str:
        labels = [ReferringUnit(self.referring_unit).label]
        labels += [ReferringUnit(u).label for u in self.also_referring_units or []]
        return ", ".join(labels)


class AgreementPause(models.Model):
    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="pauses", verbose_name="aftale"
    )
    start = models.DateField("pause fra")
    end = models.DateField("pause til", null=True, blank=True)
    reason = models.TextField("begrundelse")

    class Meta:
        ordering = ["agreement__name", "start"]
        verbose_name = "pause"
        verbose_name_plural = "pauser"

    def __str__(self) -> str:
        return f"{self.agreement}: pause fra {self.start:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["reason"])
        if self.end and self.start and self.end < self.start:
            errors["end"] = "Pausens slutdato skal ligge på eller efter dens start."
        if errors:
            raise ValidationError(errors)


def _due_by(field: str, days_field: str, limit) -> models.Q:
    """Courses whose `field` + the agreement's `days_field` falls on or before `limit`, in
    the database: one condition per distinct number of days (there are a handful). The
    numbers come from the agreements table (tens of rows), never from joining every course:
    a number no course of the user's uses simply matches nothing. An agreement without the
    number (no such deadline) matches nothing either."""
    values = (
        Agreement.objects.exclude(**{f"{days_field}__isnull": True})
        .values_list(days_field, flat=True)
        .distinct()
    )
    condition = models.Q(pk__in=[])
    for days in values.order_by():
        agreements = Agreement.objects.filter(**{days_field: days}).values("pk")
        condition |= models.Q(
            agreement__in=agreements, **{f"{field}__lte": limit - timedelta(days)}
        )
    return condition


class CourseQuerySet(models.QuerySet):
    """A course's states, each rule defined here once. The start page and the course list
    (agreements.deadlines, agreements.filters), the data-quality checks (reports.quality)
    and the report's figures (reports.selectors) all use these. Days are inclusive.

    The report counts inside its aggregates, so its rules are given as Q objects
    (``completed_q``, ``continuing_q``, ``ongoing_q``, ``plan_on_time_q``,
    ``final_evaluation_on_time_q``) that the methods themselves use.

    Two pairs look alike and are not the same:

    - ``ongoing(on)`` is a course running on a day, its last day included (it holds its slot
      that day); ``continuing(start, end)`` is a participant of a period not completed by
      the period's last day (the report's «i gang»): a course ending on that day is
      completed, not continuing. ``open()`` is a course with no end date recorded at all
      (the course list's «I gang»), whatever the day.
    - ``plan_overdue(day)`` judges the record (no plan received, the deadline passed): the
      data-quality check. ``plan_due(today, horizon)`` is the consultant's to-do on the
      start page: running courses only, due within the horizon, and a plan the enterprise
      has submitted in the portal is not listed (it waits among the documents to receive).
    """

    # The rules as Q objects. ``prefix`` reaches the course through a relation
    # ("courses__" from an agreement).

    @staticmethod
    def ongoing_q(on, prefix: str = "") -> models.Q:
        """Started on or before the day and not ended before it."""
        return models.Q(**{f"{prefix}start__lte": on}) & (
            models.Q(**{f"{prefix}end__isnull": True}) | models.Q(**{f"{prefix}end__gte": on})
        )

    @staticmethod
    def completed_q(by) -> models.Q:
        """Ended on or before the day."""
        return models.Q(end__isnull=False, end__lte=by)

    @staticmethod
    def continuing_q(by) -> models.Q:
        """Not completed by the day: no end date, or one after it (``~completed_q``)."""
        return models.Q(end__isnull=True) | models.Q(end__gt=by)

    @staticmethod
    def plan_on_time_q() -> models.Q:
        """A plan received within the agreement's plan deadline (days after the start)."""
        lead = DaysBetween("plan_received", "start")
        return models.Q(plan_received__isnull=False) & models.Q(
            LessThanOrEqual(lead, models.F("agreement__plan_deadline_days"))
        )

    @staticmethod
    def final_evaluation_on_time_q() -> models.Q:
        """A final evaluation received within the agreement's deadline (days after the end).
        Received but later is the report's «for sent»; not received when the deadline has
        passed is ``final_evaluation_overdue``."""
        lag = DaysBetween("final_evaluation_received", "end")
        return models.Q(final_evaluation_received__isnull=False) & models.Q(
            LessThanOrEqual(lag, models.F("agreement__final_evaluation_deadline_days"))
        )

    def participants(self, start, end):
        """Courses that overlap [start, end]: the period's participants."""
        return self.filter(overlaps("start", "end", start, end))

    def ongoing(self, on):
        """Courses running on the day (see the class's note)."""
        return self.filter(self.ongoing_q(on))

    def open(self):
        """Courses with no end date recorded (Course.is_ongoing): the lists' «I gang»."""
        return self.filter(end__isnull=True)

    def ended(self):
        """Courses with an end date recorded: the lists' «Afsluttet»."""
        return self.filter(end__isnull=False)

    def completed_by(self, day):
        """Courses ended on or before the day, since whenever."""
        return self.filter(self.completed_q(day))

    def completed(self, start, end):
        """The period's participants that completed within it (ended by its last day)."""
        return self.participants(start, end).filter(self.completed_q(end))

    def continuing(self, start, end):
        """The period's participants not completed by its last day (the report's «i gang»)."""
        return self.participants(start, end).filter(self.continuing_q(end))

    def without_outcome(self):
        """No outcome recorded (the report's «ukendt» among completed courses)."""
        return self.filter(outcome="")

    def _plan_missing_due_by(self, day):
        """No plan received, and its deadline (start + the agreement's plan deadline) falls
        on or before the day. Agreements that require no plan never match."""
        return self.filter(plan_received__isnull=True).filter(
            _due_by("start", "plan_deadline_days", day)
        )

    def plan_overdue(self, day):
        """No plan received, and its deadline passed before the day (the record's view:
        the data-quality check, see the class's note)."""
        return self._plan_missing_due_by(day - timedelta(days=1))

    def plan_due(self, today, horizon: int):
        """Running courses without a received or submitted plan whose deadline is passed or
        within ``horizon`` days (the start page, see the class's note)."""
        return (
            self.ongoing(today)
            ._plan_missing_due_by(today + timedelta(days=horizon))
            .exclude(plan__status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.RECEIVED])
        )

    def follow_up_due(self, today, horizon: int):
        """Open courses started by the day whose next follow-up falls on or before
        ``horizon`` days after it. The next follow-up is the latest delivered (not draft)
        evaluation, or the start if later or none, plus the agreement's follow-up
        interval. Annotated: ``follow_up_from`` (that latest day) and ``follow_up_slack``
        (days from the horizon's end to the follow-up: ≤ 0), so rows sort by due date."""
        latest = (
            Evaluation.objects.filter(course=models.OuterRef("pk"))
            .exclude(status=SubmissionStatus.DRAFT)
            .order_by()
            .values("course")
            .annotate(latest=models.Max("date"))
            .values("latest")
        )
        by = today + timedelta(days=horizon)
        return (
            self.ongoing(today)
            .open()
            .filter(agreement__follow_up_days__isnull=False)
            .annotate(follow_up_from=Greatest("start", Coalesce(models.Subquery(latest), "start")))
            .alias(
                follow_up_slack=models.F("agreement__follow_up_days")
                - DaysBetween(models.Value(by), models.F("follow_up_from"))
            )
            .filter(follow_up_slack__lte=0)
        )

    def final_evaluation_overdue(self, today):
        """Ended courses without a final evaluation received or delivered in the portal,
        whose deadline (end + the agreement's final-evaluation deadline) passed before the
        day. Not the report's «modtaget for sent» (received, but after the deadline)."""
        delivered = Evaluation.objects.filter(kind=EvaluationKind.FINAL).exclude(
            status__in=[SubmissionStatus.DRAFT, SubmissionStatus.RETURNED]
        )
        return (
            self.filter(end__isnull=False, final_evaluation_received__isnull=True)
            .filter(_due_by("end", "final_evaluation_deadline_days", today - timedelta(days=1)))
            .exclude(pk__in=delivered.values("course"))
        )


class Course(models.Model):
    """One citizen's course (forløb) under an agreement. Pseudonymous: a reference, never a
    name or CPR number."""

    # a participant reference (audit.services finds such models for the access log)
    participant_reference = True

    reference = models.CharField(
        "reference",
        max_length=50,
        unique=True,
        validators=[validate_reference],
        help_text="Pseudonym sagsreference, fx D22-0001. Aldrig navn eller CPR-nummer.",
    )
    agreement = models.ForeignKey(
        Agreement, on_delete=models.PROTECT, related_name="courses", verbose_name="aftale"
    )
    start = models.DateField("start")
    end = models.DateField("slut", null=True, blank=True)
    extended_until = models.DateField(
        "forlænget til",
        null=True,
        blank=True,
        help_text="Udfyldes, når forløbet er aftalt forlænget ud over standardlængden.",
    )
    outcome = models.CharField(
        "resultat", max_length=30, choices=Outcome.choices, blank=True, default=""
    )
    veteran = models.BooleanField("veteran", default=False)
    starting_point = models.CharField(
        "udgangspunkt",
        max_length=30,
        choices=StartingPoint.choices,
        blank=True,
        default="",
        help_text="Borgerens målgruppe ved forløbets start, som sagsbehandleren oplyser den.",
    )
    plan_received = models.DateField("plan modtaget", null=True, blank=True)
    final_evaluation_received = models.DateField("slutevaluering modtaget", null=True, blank=True)

    version = models.PositiveIntegerField("version", default=0, editable=False)
    anonymised_on = models.DateField("anonymiseret", null=True, blank=True, editable=False)

    objects = CourseQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["agreement__name", "start", "reference"]
        indexes = [
            models.Index(fields=["end"], name="course_end"),
            models.Index(fields=["agreement", "end"], name="course_agreement_end"),
            models.Index(fields=["-start", "reference"], name="course_newest_first"),
            # the start page: ended without an outcome; final evaluations not received
            models.Index(fields=["outcome", "end"], name="course_outcome_end"),
            models.Index(
                fields=["agreement", "end"],
                name="course_final_evaluation_open",
                condition=models.Q(final_evaluation_received__isnull=True, end__isnull=False),
            ),
        ]
        constraints = [unique_reference_ignoring_case("course_reference_ci")]
        verbose_name = "forløb"
        verbose_name_plural = "forløb"

    def __str__(self) -> str:
        return self.reference

    def save(self, *args, expected_version: int | None = None, **kwargs):
        """Every save counts the version up. With expected_version (the version a form was
        opened at) the save happens only if nobody saved in between; else StaleEdit."""
        if self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic():
            if expected_version is not None:
                moved = Course.objects.filter(pk=self.pk, version=expected_version).update(
                    version=models.F("version") + 1
                )
                if not moved:
                    raise StaleEdit(f"{self} er blevet ændret af en anden i mellemtiden.")
                self.version = expected_version + 1
            else:
                self.version += 1
            return super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("agreements:course", args=[self.pk])

    def logged_reference(self) -> str:
        """The access log names a changed course by its reference."""
        return self.reference

    @property
    def is_ongoing(self) -> bool:
        """No end date recorded: CourseQuerySet.open()."""
        return self.end is None

    def clean(self):
        agreement = self.agreement if self.agreement_id else None
        errors = course_problems(
            {name: getattr(self, name) for name in (*DATE_FIELDS, "outcome")},
            agreement_start=agreement.start if agreement else None,
            agreement_end=agreement.end if agreement else None,
            today=timezone.localdate(),
        )
        if self.reference and "reference" not in errors:
            taken = reference_taken(Course, self.reference, self.pk)
            if taken:
                errors["reference"] = taken
        if errors:
            raise ValidationError(errors)

    @property
    def plan_due(self):
        days = self.agreement.plan_deadline_days
        return self.start + timedelta(days=days) if days is not None else None


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", "Kladde"
    SUBMITTED = "submitted", "Indsendt"
    RECEIVED = "received", "Modtaget"
    RETURNED = "returned", "Sendt retur"


class Submission(models.Model):
    """A document an enterprise writes about a course and submits to the unit: a draft until
    submitted, then read-only to the enterprise until a consultant receives it or returns it
    with a comment."""

    status = models.CharField(
        "status", max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    created_at = models.DateTimeField("oprettet", auto_now_add=True)
    updated_at = models.DateTimeField("senest ændret", auto_now=True)
    submitted_at = models.DateTimeField("indsendt", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="indsendt af",
    )
    handled_at = models.DateTimeField("behandlet", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="behandlet af",
    )
    return_comment = models.TextField("kommentar ved retursending", blank=True)

    class Meta:
        abstract = True

    free_texts: tuple[str, ...] = ("return_comment",)

    def clean(self):
        errors = refuse_cpr_in_texts(self, self.free_texts)
        if errors:
            raise ValidationError(errors)

    @property
    def editable_by_enterprise(self) -> bool:
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED)


class Plan(Submission):
    """The course's plan: goals with sub-goals, agreed with the participant."""

    course = models.OneToOneField(
        Course, on_delete=models.CASCADE, related_name="plan", verbose_name="forløb"
    )
    agreed_by = models.CharField(
        "aftalt af",
        max_length=300,
        blank=True,  # a draft may be saved half-written; submitting requires it
        help_text="Hvem der har aftalt planen, fx «deltager, mentor og sagsbehandler».",
    )
    agreed_on = models.DateField("aftalt den", null=True, blank=True)

    history = HistoricalRecords()
    free_texts = ("agreed_by", "return_comment")

    class Meta:
        verbose_name = "plan"
        verbose_name_plural = "planer"

    def __str__(self) -> str:
        return f"Plan for {self.course}"

    def get_absolute_url(self) -> str:
        return reverse("agreements:plan", args=[self.pk])

    def logged_reference(self) -> str:
        """The access log names the course of a changed plan (its goals save with it)."""
        return self.course.reference

    @staticmethod
    def agreed_on_problem(value, course) -> str | None:
        """Why ``value`` may not be the day the plan was agreed, or None: a plausible date,
        not before the course's start. The one rule of the form and of clean()."""
        problem = date_errors({"agreed_on": value}, timezone.localdate()).get("agreed_on")
        if problem:
            return problem
        if value and value < course.start:
            return f"Planen kan ikke være aftalt før forløbets start ({course.start:%d.%m.%Y})."
        return None

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as refused:
            errors = refused.update_error_dict(errors)
        problem = self.agreed_on_problem(self.agreed_on, self.course) if self.course_id else None
        if problem:
            errors.setdefault("agreed_on", []).append(problem)
        if errors:
            raise ValidationError(errors)


class PlanGoal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    order = models.PositiveSmallIntegerField("nr.")
    text = models.TextField("mål")

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = "mål"
        verbose_name_plural = "mål"

    def __str__(self) -> str:
        return self.text

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["text"])
        if errors:
            raise ValidationError(errors)


class PlanSubGoal(models.Model):
    goal = models.ForeignKey(PlanGoal, on_delete=models.CASCADE, related_name="sub_goals")
    order = models.PositiveSmallIntegerField("nr.")
    text = models.TextField("delmål")

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "order"]
        verbose_name = "delmål"
        verbose_name_plural = "delmål"

    def __str__(self) -> str:
        return self.text

    def clean(self):
        errors = refuse_cpr_in_texts(self, ["text"])
        if errors:
            raise ValidationError(errors)


class EvaluationKind(models.TextChoices):
    ONGOING = "ongoing", "Løbende evaluering"
    FINAL = "final", "Slutevaluering"


class Evaluation(Submission):
    """An ongoing evaluation (about every four weeks) or the final evaluation of a course."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="evaluations", verbose_name="forløb"
    )
    kind = models.CharField("type", max_length=20, choices=EvaluationKind.choices)
    date = models.DateField("dato", null=True, blank=True)  # required when submitted
    progression = models.TextField("deltagerens progression", blank=True)
    results = models.TextField("resultater", blank=True)
    work_capacity = models.TextField(
        "beskrivelse af arbejdsevne",
        blank=True,
        help_text="Til rehabiliteringsteamet. Skal udfyldes i slutevalueringen.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["course", "date", "pk"]
        verbose_name = "evaluering"
        verbose_name_plural = "evalueringer"

    def __str__(self) -> str:
        when = f"{self.date:%d.%m.%Y}" if self.date else "uden dato"
        return f"{self.get_kind_display()} for {self.course} ({when})"

    def get_absolute_url(self) -> str:
        return reverse("agreements:evaluation", args=[self.pk])

    def logged_reference(self) -> str:
        """The access log names the course of a changed evaluation."""
        return self.course.reference

    free_texts = ("progression", "results", "work_capacity", "return_comment")

    def clean(self):
        errors = refuse_cpr_in_texts(self, self.free_texts)
        submitted = not self.editable_by_enterprise  # a draft may be saved half-written
        if (
            submitted
            and self.kind == EvaluationKind.FINAL
            and not (self.work_capacity or "").strip()
        ):
            errors["work_capacity"] = (
                "Slutevalueringen skal beskrive deltagerens arbejdsevne til rehabiliteringsteamet."
            )
        errors |= date_errors({"date": self.date}, timezone.localdate())
        course = self.course if self.course_id else None
        if course and self.date and self.date < course.start and "date" not in errors:
            errors["date"] = (
                f"Evalueringen kan ikke være dateret før forløbets start ({course.start:%d.%m.%Y})."
            )
        if errors:
            raise ValidationError(errors)


class SubGoalAssessment(models.Model):
    """The final evaluation's assessment of one sub-goal of the course's plan (Nået /
    Delvist nået / Ikke nået), written by the enterprise."""

    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name="slutevaluering",
    )
    sub_goal = models.ForeignKey(
        PlanSubGoal, on_delete=models.CASCADE, related_name="assessments", verbose_name="delmål"
    )
    assessment = models.CharField(
        "vurdering",
        max_length=20,
        choices=Assessment.choices,
        error_messages={
            "invalid_choice": "«%(value)s» er ikke en kendt vurdering; brug Nået, Delvist nået "
            "eller Ikke nået."
        },
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "sub_goal__goal__order", "sub_goal__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "sub_goal"], name="one_assessment_a_sub_goal"
            )
        ]
        verbose_name = "vurdering af delmål"
        verbose_name_plural = "vurderinger af delmål"

    def __str__(self) -> str:
        return f"{self.sub_goal}: {self.get_assessment_display()}"

    def clean(self):
        if not (self.evaluation_id and self.sub_goal_id):
            return
        if self.evaluation.kind != EvaluationKind.FINAL:
            raise ValidationError(
                {"evaluation": "Delmålene vurderes i slutevalueringen, ikke i en løbende."}
            )
        plan_course = (
            PlanSubGoal.objects.filter(pk=self.sub_goal_id)
            .values_list("goal__plan__course_id", flat=True)
            .first()
        )
        if plan_course != self.evaluation.course_id:
            raise ValidationError(
                {
                    "sub_goal": f"Delmålet «{self.sub_goal}» hører til et andet forløbs plan "
                    f"end {self.evaluation.course}; det kan ikke vurderes her."
                }
            )
