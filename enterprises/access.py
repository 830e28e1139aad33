"""The only road to enterprises and their dated records, called first in every view.
Outside the user's scope the answer is 404, never 403."""

from django.shortcuts import get_object_or_404

from enterprises.models import Enterprise, EnterpriseYear, Grant, Hire, Placement
from socialeconomy import roles


def enterprises_for_user(user):
    """Consultants: every enterprise. Enterprise staff: their own. Others: 404."""
    if roles.is_consultant(user):
        return Enterprise.objects.all()
    if roles.is_enterprise_staff(user):
        return Enterprise.objects.filter(staff=user)
    roles.consultant_or_404(user)


def enterprise_for_user(user, pk: int, *, edit: bool = False) -> Enterprise:
    """An enterprise to read (consultants, its own staff) or to edit (consultants)."""
    if edit:
        roles.consultant_or_404(user)
    return get_object_or_404(enterprises_for_user(user), pk=pk)


def enterprise_year_for_user(user, pk: int) -> EnterpriseYear:
    roles.consultant_or_404(user)
    return get_object_or_404(EnterpriseYear.objects.select_related("enterprise"), pk=pk)


def grants_for_user(user):
    """Fundraising, hires and placements are the unit's records: consultants only."""
    roles.consultant_or_404(user)
    return Grant.objects.select_related("enterprise")


def grant_for_user(user, pk: int) -> Grant:
    return get_object_or_404(grants_for_user(user), pk=pk)


def hires_for_user(user):
    roles.consultant_or_404(user)
    return Hire.objects.select_related("enterprise")


def hire_for_user(user, pk: int) -> Hire:
    return get_object_or_404(hires_for_user(user), pk=pk)


def placements_for_user(user):
    roles.consultant_or_404(user)
    return Placement.objects.select_related("enterprise")


def placement_for_user(user, pk: int) -> Placement:
    return get_object_or_404(placements_for_user(user), pk=pk)
