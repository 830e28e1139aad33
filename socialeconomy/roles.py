"""Roles are Django groups. An enterprise user is also linked to its enterprise(s)."""

CONSULTANT = "Konsulenter"
COMMITTEE = "Udvalgsmedlemmer"
ENTERPRISE_STAFF = "Virksomhedsmedarbejdere"

ALL = (CONSULTANT, COMMITTEE, ENTERPRISE_STAFF)


def has_role(user, role: str) -> bool:
    if not user.is_authenticated:
        return False
    return any(group.name == role for group in user.groups.all())


def is_consultant(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, CONSULTANT))


def consultant_or_404(user) -> None:
    """Consultants only; everybody else gets the 404 that does not confirm a thing exists."""
    from django.http import Http404

    if not is_consultant(user):
        raise Http404("Ingen adgang")


def is_committee(user) -> bool:
    return has_role(user, COMMITTEE)


def is_enterprise_staff(user) -> bool:
    return has_role(user, ENTERPRISE_STAFF)
