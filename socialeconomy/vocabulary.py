"""The controlled vocabulary of docs/vocabulary.md: stable codes, Danish labels.

Codes are what the database, the JSON report and the exchange workbook hold; the
interface shows the label.
"""

from django.db import models


class EnterpriseType(models.TextChoices):
    REGISTERED = "registered", "Registreret socialøkonomisk virksomhed"
    INITIATIVE = "initiative", "Socialøkonomisk initiativ"
    VOLUNTARY = "voluntary", "Frivillig organisation"


class AgreementModel(models.TextChoices):
    MODEL_1 = "1", "Model 1"
    MODEL_2 = "2", "Model 2"
    VOLUNTARY = "voluntary", "Frivilligt socialøkonomisk initiativ"


class Outcome(models.TextChoices):
    ORDINARY_JOB = "ordinary_job", "Ordinær beskæftigelse"
    FLEXJOB = "flexjob", "Fleksjob"
    PAID_HOURS = "paid_hours", "Lønnede timer"
    INTERNSHIP = "internship", "Praktik"
    EDUCATION = "education", "Uddannelse"
    DISABILITY_PENSION = "disability_pension", "Førtidspension (tilkendt eller på vej)"
    OTHER_SE_COURSE = "other_se_course", "Videre i forløb i anden socialøkonomisk virksomhed"
    UNEMPLOYED_AWAITING = "unemployed_awaiting", "Ledig, afventer ny indsats"
    STOPPED_COMPLEX_NEEDS = (
        "stopped_complex_needs",
        "Stoppet pga. massive udfordringer (anden indsats/behandling)",
    )
    STOPPED_NONATTENDANCE = "stopped_nonattendance", "Stoppet pga. manglende fremmøde/medvirken"
    MEDICALLY_UNFIT = "medically_unfit", "Lægeligt forhindret"
    MOVED_AWAY = "moved_away", "Fraflyttet"
    PARENTAL_LEAVE = "parental_leave", "Barsel"
    PRISON = "prison", "Fængsel"
    DECEASED = "deceased", "Død"


#: The key under which completed courses without an outcome are counted.
UNKNOWN_OUTCOME = "unknown"
UNKNOWN_OUTCOME_LABEL = "Uoplyst (mangler registrering)"

OUTCOME_GROUP = {
    "ordinary_job": "progression",
    "flexjob": "progression",
    "paid_hours": "progression",
    "internship": "progression",
    "education": "progression",
    "disability_pension": "pension",
    "other_se_course": "other_course",
    "unemployed_awaiting": "unemployed",
    "stopped_complex_needs": "stopped",
    "stopped_nonattendance": "stopped",
    "medically_unfit": "stopped",
    "moved_away": "left",
    "parental_leave": "left",
    "prison": "left",
    "deceased": "left",
}

OUTCOME_GROUP_LABELS = {
    "progression": "Videre i job, uddannelse eller praktik",
    "pension": "Førtidspension",
    "other_course": "Videre i andet forløb",
    "unemployed": "Ledig",
    "stopped": "Stoppet",
    "left": "Fraflyttet, barsel, fængsel eller død",
}

#: Outcomes that reveal health, criminal or similar special-category information
#: (GDPR art. 9 and 10). They are shown to consultants only, never per participant to others.
SPECIAL_CATEGORY_OUTCOMES = frozenset(
    {"disability_pension", "medically_unfit", "stopped_complex_needs", "prison", "deceased"}
)


def outcome_label(code: str) -> str:
    if code == UNKNOWN_OUTCOME:
        return UNKNOWN_OUTCOME_LABEL
    return Outcome(code).label


class HireType(models.TextChoices):
    FULL_TIME = "full_time", "Fuldtidsstilling"
    PART_TIME = "part_time", "Deltidsjob / lønnede timer / fleksjob"
    SHELTERED = "sheltered", "Skånejob"


class PlacementType(models.TextChoices):
    INTERNSHIP = "internship", "Praktik"
    WAGE_SUBSIDY = "wage_subsidy", "Løntilskud"


class ReferringUnit(models.TextChoices):
    JOBCENTER = "jobcenter", "Jobcenter"
    YOUTH_UNIT = "youth_unit", "Ungeenheden"
    INTEGRATION = "integration", "Integration"
    CULTURE_LEISURE = "culture_leisure", "Kultur og Fritid"


class StartingPoint(models.TextChoices):
    """The citizen's situation when the course starts (`Udgangspunkt`): the target groups of
    the employment legislation, as the referring caseworker states them."""

    JOB_READY = "job_ready", "Jobparat"
    ACTIVITY_READY = "activity_ready", "Aktivitetsparat"
    EDUCATION_READY = "education_ready", "Uddannelsesparat"
    RESOURCE_COURSE = "resource_course", "Ressourceforløb"
    JOB_CLARIFICATION = "job_clarification", "Jobafklaringsforløb"
    FLEXJOB_VISITED = "flexjob_visited", "Visiteret til fleksjob (ledighedsydelse)"
    SICKNESS_BENEFIT = "sickness_benefit", "Sygedagpenge"
    OTHER = "other", "Andet"


#: The key under which completed courses without a starting point are counted.
UNKNOWN_START = "unknown"
UNKNOWN_START_LABEL = "Uoplyst udgangspunkt"


def starting_point_label(code: str) -> str:
    if code == UNKNOWN_START:
        return UNKNOWN_START_LABEL
    return StartingPoint(code).label


class Assessment(models.TextChoices):
    """How far a sub-goal of the plan was reached, assessed at the final evaluation
    (`Vurdering`)."""

    ACHIEVED = "achieved", "Nået"
    PARTLY = "partly", "Delvist nået"
    NOT_ACHIEVED = "not_achieved", "Ikke nået"


#: The nine evaluation questions of a model-1 agreement, numbered 1-9.
EVALUATION_QUESTIONS = {
    1: "Introduktion til aftalen og målgruppen",
    2: "Overblik efter endt forløb",
    3: "Er forløbene i brug?",
    4: "Har deltageren en plan?",
    5: "Har deltageren ejerskab til planen?",
    6: "Sker opfølgningen og foretages opfølgningsmøderne?",
    7: "Får sagsbehandler hvad der er aftalt?",
    8: "Samarbejdet med virksomheden?",
    9: "Hvad opnår deltagerne i forløbet – effekter i den praktiske hverdag (adfærd/holdninger)?",
}


def parse_choice(choices: type[models.TextChoices], value: object) -> str | None:
    """The code for ``value`` given as a code or a Danish label (case and surrounding
    whitespace ignored), or None when it is neither."""
    text = str(value).strip().casefold()
    for code, label in choices.choices:
        if text in (str(code).casefold(), str(label).casefold()):
            return code
    return None


class ActivityType(models.TextChoices):
    """The records behind the strategy's tracks (`Type` in `Aktiviteter`)."""

    ACTIVITY = "activity", "Aktivitet"
    INTERNAL_TRIAL = "internal_trial", "Internt forsøg (et ekstra gear)"
    TRIAL_ACTION = "trial_action", "Prøvehandling"
    PARTNERSHIP = "partnership", "Samarbejde med civilsamfund og frivillige"
    SDG_SOLUTION = "sdg_solution", "Verdensmålsløsning"
    TREND = "trend", "Trend eller tilbud udefra"
    ACTION = "action", "Handling i handleplanen"


class ActivityStatus(models.TextChoices):
    """An activity's state (`Status` in `Aktiviteter`)."""

    PLANNED = "planned", "Planlagt"
    STARTED = "started", "Igangsat"
    RUNNING = "running", "I drift"
    PAUSED = "paused", "Sat på pause"
    DONE = "done", "Gennemført"
    STOPPED = "stopped", "Stoppet"


class FigureBasis(models.TextChoices):
    """How a period figure is counted (`Opgørelse` in `Aktivitetstal`)."""

    YTD = "ytd", "år til dato"
    PERIOD = "period", "periode"


class ApplicationDecision(models.TextChoices):
    """A fundraising application's decision."""

    PENDING = "pending", "Afventer"
    GRANTED = "granted", "Bevilget"
    REFUSED = "refused", "Afslået"
