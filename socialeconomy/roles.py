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


def is_committee(user) -> bool:
    return has_role(user, COMMITTEE)


def is_enterprise_staff(user) -> bool:
    return has_role(user, ENTERPRISE_STAFF)
