from socialeconomy import roles


def user_roles(request):
    """What the navigation may offer the signed-in user."""
    return {
        "is_consultant": roles.is_consultant(request.user),
        "can_read_reports": roles.can_read_reports(request.user),
        "is_enterprise_staff": roles.is_enterprise_staff(request.user),
    }
