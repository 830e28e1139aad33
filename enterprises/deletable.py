"""Grants, hires and placements may be deleted (registered with the core's delete page in
EnterprisesConfig.ready(); socialeconomy.deletion). Each is counted on its date."""

from django.urls import reverse

from enterprises import access
from socialeconomy.deletion import Deletable, register


def _on_its_date(record):
    return record.date, record.date


def register_kinds() -> None:
    for kind, noun, helper, listing in (
        ("grant", "bevillingen", access.grant_for_user, "enterprises:grant_list"),
        ("hire", "ansættelsen", access.hire_for_user, "enterprises:hire_list"),
        (
            "placement",
            "praktikken/løntilskuddet",
            access.placement_for_user,
            "enterprises:placement_list",
        ),
    ):
        register(kind, Deletable(noun, helper, lambda r, url=listing: reverse(url), _on_its_date))
