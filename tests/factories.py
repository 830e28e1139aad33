from datetime import date

import factory
from django.contrib.auth.models import Group, User

from agreements.models import (
    Agreement,
    AgreementPause,
    Course,
    Evaluation,
    Plan,
    PlanGoal,
    PlanSubGoal,
    SubGoalAssessment,
)
from enterprises.models import Enterprise, EnterpriseYear, Grant, Hire, Placement
from reports.models import PublishedFigure, ReportedValue, ReportPeriod
from strategy.models import Goal, Strategy, Track


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    password = factory.django.Password("test-adgangskode")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"Virksomhed {n}")
    type = "registered"
    joined = date(2020, 1, 1)


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    name = factory.Sequence(lambda n: f"Aftale {n}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    model = "1"
    referring_unit = "jobcenter"
    capacity = 4
    start = date(2020, 1, 1)


class PauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementPause

    agreement = factory.SubFactory(AgreementFactory)
    start = date(2022, 1, 1)
    end = date(2022, 12, 31)
    reason = "Sat på pause efter gensidig dialog."


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    reference = factory.Sequence(lambda n: f"T-{n:05d}")
    agreement = factory.SubFactory(AgreementFactory)
    start = date(2022, 3, 1)


class GrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grant

    reference = factory.Sequence(lambda n: f"G-{n:05d}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    date = date(2022, 6, 1)
    donor = "Fonden"
    amount = 10_000


class HireFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hire

    reference = factory.Sequence(lambda n: f"A-{n:05d}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    date = date(2022, 6, 1)
    type = "full_time"


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    reference = factory.Sequence(lambda n: f"P-{n:05d}")
    enterprise = factory.SubFactory(EnterpriseFactory)
    date = date(2022, 6, 1)
    type = "internship"


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    name = factory.Sequence(lambda n: f"Strategi {n}")
    title = "Den Socialøkonomiske Strategi"
    start = date(2022, 1, 1)
    end = date(2025, 12, 31)


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    strategy = factory.SubFactory(StrategyFactory)
    key = factory.Sequence(lambda n: f"spor_{n}")
    number = factory.Sequence(lambda n: f"{n}.1")
    title = factory.Sequence(lambda n: f"Spor {n}")
    order = factory.Sequence(lambda n: n)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    strategy = factory.SubFactory(StrategyFactory)
    key = factory.Sequence(lambda n: f"maal_{n}")
    title = "Beskæftigelse"
    measure = "employed"
    cadence = "annual"
    target = 30
    order = factory.Sequence(lambda n: n)


class ReportedValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedValue

    goal = factory.SubFactory(GoalFactory, measure="reported")
    value = 12
    source = "Enhedens egen optælling"


class ReportPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportPeriod

    title = "Årsrapport"
    start = date(2022, 1, 1)
    end = date(2022, 12, 31)


class PublishedFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublishedFigure

    document = "Årsrapport"
    period_start = date(2022, 1, 1)
    period_end = date(2022, 12, 31)
    key = "fundraising.total_dkk"
    value = 1


class EnterpriseYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EnterpriseYear

    enterprise = factory.SubFactory(EnterpriseFactory)
    year = 2022
    this_year = "Nyt værksted åbnet."


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    course = factory.SubFactory(CourseFactory)
    agreed_by = "Deltager, mentor og sagsbehandler"
    agreed_on = factory.LazyAttribute(lambda o: o.course.start)


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    course = factory.SubFactory(CourseFactory)
    kind = "ongoing"
    date = factory.LazyAttribute(lambda o: o.course.start)
    progression = "Møder stabilt op og har taget ansvar for morgenmaden."


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.Activity"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Aktivitet {n}")
    type = "activity"
    track = "extra_gear"
    focus_area = "Beskæftigelse"
    start = date(2022, 1, 1)

    @factory.post_generation
    def state(self, create, extracted, **kwargs):
        """ActivityFactory(state="running") gives it that state from its start."""
        if create and extracted:
            self.states.create(state=extracted, date=self.start or date(2022, 1, 1))


class ActivityFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.ActivityFigure"

    activity = factory.SubFactory(ActivityFactory)
    name = "Borgere i praktik og løntilskud"
    period = "2022-Q1"
    value = 10
    basis = "ytd"


class FundraisingApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "activities.FundraisingApplication"

    enterprise = factory.SubFactory(EnterpriseFactory)
    donor = factory.Sequence(lambda n: f"Fond {n}")
    amount = 100_000
    date = date(2022, 6, 1)


class PlanGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanGoal

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Komme stabilt i praktik"


class PlanSubGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanSubGoal

    goal = factory.SubFactory(PlanGoalFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Møde til tiden fire dage om ugen"


class SubGoalAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubGoalAssessment

    evaluation = factory.SubFactory(
        EvaluationFactory, kind="final", status="received", work_capacity="Kan arbejde 20 timer."
    )
    sub_goal = factory.SubFactory(
        PlanSubGoalFactory, goal__plan__course=factory.SelfAttribute("....evaluation.course")
    )
    assessment = "achieved"
