"""The only road to agreements, courses, plans and evaluations, called first in every view.
Consultants see everything; enterprise staff see their own enterprises' records; everybody
else gets 404, never a 403 that confirms a record exists."""

from django.shortcuts import get_object_or_404

from agreements.models import Agreement, AgreementPause, Course, Evaluation, Plan
from socialeconomy import roles


def _scoped(user, queryset, enterprise_path: str):
    if roles.is_consultant(user):
        return queryset
    if roles.is_enterprise_staff(user):
        return queryset.filter(**{f"{enterprise_path}__staff": user})
    roles.consultant_or_404(user)


def agreements_for_user(user):
    return _scoped(user, Agreement.objects.select_related("enterprise"), "enterprise")


def agreement_for_user(user, pk: int, *, edit: bool = False) -> Agreement:
    """An agreement to read (consultants, its enterprise's staff) or to edit (consultants)."""
    if edit:
        roles.consultant_or_404(user)
    return get_object_or_404(agreements_for_user(user), pk=pk)


def pause_for_user(user, pk: int) -> AgreementPause:
    roles.consultant_or_404(user)
    return get_object_or_404(AgreementPause.objects.select_related("agreement"), pk=pk)


def courses_for_user(user):
    return _scoped(
        user,
        Course.objects.select_related("agreement", "agreement__enterprise"),
        "agreement__enterprise",
    )


def course_for_user(user, pk: int, *, edit: bool = False) -> Course:
    """A course to read (consultants, its enterprise's staff) or to edit (consultants)."""
    if edit:
        roles.consultant_or_404(user)
    return get_object_or_404(courses_for_user(user), pk=pk)


def plan_for_user(user, pk: int) -> Plan:
    return get_object_or_404(
        _scoped(
            user,
            Plan.objects.select_related("course__agreement__enterprise"),
            "course__agreement__enterprise",
        ),
        pk=pk,
    )


def evaluation_for_user(user, pk: int) -> Evaluation:
    return get_object_or_404(
        _scoped(
            user,
            Evaluation.objects.select_related("course__agreement__enterprise"),
            "course__agreement__enterprise",
        ),
        pk=pk,
    )
