"""Roles are Django groups. An enterprise user is also linked to its enterprise(s)."""

CONSULTANT = "Konsulenter"
COMMITTEE = "Udvalgsmedlemmer"
ENTERPRISE_STAFF = "Virksomhedsmedarbejdere"

ALL = (CONSULTANT, COMMITTEE, ENTERPRISE_STAFF)


def role_names(user) -> frozenset[str]:
    """The user's groups, read once per request (cached on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    names = getattr(user, "_role_names", None)
    if names is None:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = names
    return names


def has_role(user, role: str) -> bool:
    return role in role_names(user)


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


def can_read_reports(user) -> bool:
    """Consultants read every report, drafts too; committee members the published ones."""
    return is_consultant(user) or is_committee(user)
