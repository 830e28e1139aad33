"""The only road to agreements, courses, plans and evaluations, called first in every view.
Consultants see everything; enterprise staff see their own enterprises' records; everybody
else gets 404, never a 403 that confirms a record exists."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from agreements.models import (
    Agreement,
    AgreementPause,
    Course,
    Evaluation,
    Plan,
    SubmissionStatus,
)
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


def _document_for_user(user, queryset, pk: int, *, handle: bool, printed: bool):
    if handle:
        roles.consultant_or_404(user)
    document = get_object_or_404(
        _scoped(
            user,
            queryset.select_related("course__agreement__enterprise"),
            "course__agreement__enterprise",
        ),
        pk=pk,
    )
    if printed and document.status == SubmissionStatus.DRAFT:
        raise Http404("En kladde udskrives ikke")
    return document


def plan_for_user(user, pk: int, *, handle: bool = False, printed: bool = False) -> Plan:
    """A plan to read (consultants, its enterprise's staff), to receive or send back
    (handle: consultants) or to print (printed: not a draft)."""
    return _document_for_user(user, Plan.objects, pk, handle=handle, printed=printed)


def evaluation_for_user(
    user, pk: int, *, handle: bool = False, printed: bool = False
) -> Evaluation:
    """An evaluation, as plan_for_user."""
    return _document_for_user(user, Evaluation.objects, pk, handle=handle, printed=printed)


def document_read_only(user, document: Plan | Evaluation | None) -> bool:
    """A plan or evaluation its reader may no longer edit: any document for a consultant,
    a submitted or received one for the enterprise. Its edit address shows it read-only
    instead of a dead end."""
    return document is not None and (
        roles.is_consultant(user) or not document.editable_by_enterprise
    )


def document_writable_or_404(user, document: Plan | Evaluation | None) -> None:
    """Plans and evaluations are written by the enterprise's staff, while they are drafts
    or sent back (document None: a new one)."""
    if not roles.is_enterprise_staff(user) or (document and not document.editable_by_enterprise):
        raise Http404("Kan ikke redigeres")
