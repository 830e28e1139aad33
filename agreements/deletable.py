"""What of an agreement's records may be deleted, and what rests on them (registered with
the core's delete page in AgreementsConfig.ready(); socialeconomy.deletion)."""

from django.urls import reverse

from agreements import access
from socialeconomy.deletion import Deletable, register
from socialeconomy.formatting import plural


def _course(user, pk):
    return access.course_for_user(user, pk, edit=True)


def _agreement(user, pk):
    return access.agreement_for_user(user, pk, edit=True)


def _course_resting(course) -> list[str]:
    from agreements.models import Evaluation, Plan

    reasons = []
    if Plan.objects.filter(course=course).exists():
        reasons.append("Forløbet har en plan, som hviler på det.")
    evaluations = Evaluation.objects.filter(course=course).count()
    if evaluations:
        reasons.append(
            f"Forløbet har {plural(evaluations, 'evaluering', 'evalueringer')}, som hviler på det."
        )
    return reasons


def _agreement_resting(agreement) -> list[str]:
    courses = agreement.courses.count()
    if courses:
        return [f"Aftalen har {plural(courses, 'forløb', 'forløb')}; slet eller flyt dem først."]
    return []


def _from_start_to_end(record):
    return record.start, record.end or record.start


def register_kinds() -> None:
    register(
        "course",
        Deletable(
            "forløbet",
            _course,
            lambda c: reverse("agreements:courses"),
            _from_start_to_end,
            _course_resting,
        ),
    )
    register(
        "agreement",
        Deletable(
            "aftalen",
            _agreement,
            lambda a: reverse("agreements:list"),
            _from_start_to_end,
            _agreement_resting,
        ),
    )
    register(
        "pause",
        Deletable(
            "pausen",
            access.pause_for_user,
            lambda p: p.agreement.get_absolute_url(),
            _from_start_to_end,
        ),
    )
