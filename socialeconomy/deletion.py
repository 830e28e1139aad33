"""Deleting what was entered by mistake: what may be deleted, who may, and what refuses it.
A record is refused while other records rest on it (a course's plan and evaluations, an
agreement's courses) or while a published report counted it: the publication's figures
must stay traceable to records. The history keeps the deleted record (simple-history's
"Slettet" version), and the access log names who deleted which reference."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse

from agreements import access as agreement_access
from enterprises import access as enterprise_access


@dataclass(frozen=True)
class Deletable:
    noun: str  # "forløbet", with its article: the page's sentences use it as is
    get: Any  # the access helper: (user, pk) -> the record, or 404
    after: Any  # where to go once deleted: record -> url


def _course(user, pk):
    return agreement_access.course_for_user(user, pk, edit=True)


def _agreement(user, pk):
    return agreement_access.agreement_for_user(user, pk, edit=True)


KINDS = {
    "course": Deletable("forløbet", _course, lambda c: reverse("agreements:courses")),
    "agreement": Deletable("aftalen", _agreement, lambda a: reverse("agreements:list")),
    "pause": Deletable(
        "pausen", agreement_access.pause_for_user, lambda p: p.agreement.get_absolute_url()
    ),
    "grant": Deletable(
        "bevillingen", enterprise_access.grant_for_user, lambda g: reverse("enterprises:grant_list")
    ),
    "hire": Deletable(
        "ansættelsen", enterprise_access.hire_for_user, lambda h: reverse("enterprises:hire_list")
    ),
    "placement": Deletable(
        "praktikken/løntilskuddet",
        enterprise_access.placement_for_user,
        lambda p: reverse("enterprises:placement_list"),
    ),
}


def _publications(dated: Q):
    from reports.models import Publication

    titles = {}
    for publication in Publication.objects.filter(dated).select_related("report"):
        titles.setdefault(publication.report.title, publication)
    return [
        f"Den udgivne «{title}» (udgivet {p.published_at:%d.%m.%Y}) tæller det med; "
        "ret i stedet posten, og sammenlign rapporten med i dag."
        for title, p in titles.items()
    ]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def deletion_blockers(kind: str, record) -> list[str]:
    """Why record may not be deleted, as Danish sentences; empty when it may."""
    from agreements.models import Evaluation, Plan

    reasons = []
    if kind == "course":
        if Plan.objects.filter(course=record).exists():
            reasons.append("Forløbet har en plan, som hviler på det.")
        evaluations = Evaluation.objects.filter(course=record).count()
        if evaluations:
            reasons.append(
                f"Forløbet har {_plural(evaluations, 'evaluering', 'evalueringer')}, "
                "som hviler på det."
            )
        reasons += _publications(
            Q(report__start__lte=record.end or record.start, report__end__gte=record.start)
        )
    elif kind == "agreement":
        courses = record.courses.count()
        if courses:
            reasons.append(
                f"Aftalen har {_plural(courses, 'forløb', 'forløb')}; slet eller flyt dem først."
            )
        if record.answers.exists():
            reasons.append("Aftalen har evalueringssvar til en årsrapport.")
        end = record.end or record.start
        reasons += _publications(Q(report__start__lte=end, report__end__gte=record.start))
    elif kind == "pause":
        end = record.end or record.start
        reasons += _publications(Q(report__start__lte=end, report__end__gte=record.start))
    else:  # grants, hires, placements: counted by their date
        reasons += _publications(Q(report__start__lte=record.date, report__end__gte=record.date))
    return reasons


def delete_link(kind: str, record) -> dict:
    """The edit page's link to the delete page (the template records/_delete_link.html)."""
    return {
        "delete_url": reverse(f"delete_{kind}", args=[record.pk]),
        "delete_noun": KINDS[kind].noun,
    }
