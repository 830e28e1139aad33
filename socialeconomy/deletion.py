"""Deleting what was entered by mistake: what may be deleted, who may, and what refuses it.
A record is refused while other records rest on it (a course's plan and evaluations, an
agreement's courses) or while a published report counted it: the publication's figures
must stay traceable to records. The history keeps the deleted record (simple-history's
"Slettet" version), and the access log names who deleted which reference.

The core knows no app: each app registers the kinds it owns in its AppConfig.ready()
(``register``), and an app above them registers a guard that refuses for its own reasons
(``register_guard``: the reports refuse what a publication counted)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Deletable:
    noun: str  # "forløbet", with its article: the page's sentences use it as is
    get: Callable[[Any, int], Any]  # the access helper: (user, pk) -> the record, or 404
    after: Callable[[Any], str]  # where to go once deleted: record -> url
    dated: Callable[[Any], tuple[date, date]]  # the days the record is counted on
    resting: Callable[[Any], list[str]] = field(default=lambda record: [])  # who rests on it


# kind -> Deletable, in the order the apps register them; URLs are named delete_<kind>.
KINDS: dict[str, Deletable] = {}
# (kind, record, (first day, last day)) -> reasons; registered by apps above the records.
_GUARDS: list[Callable[[str, Any, tuple[date, date]], list[str]]] = []


def register(kind: str, deletable: Deletable) -> None:
    KINDS[kind] = deletable


def register_guard(guard: Callable[[str, Any, tuple[date, date]], list[str]]) -> None:
    if guard not in _GUARDS:
        _GUARDS.append(guard)


def guarded(kind: str, record, dated: tuple[date, date]) -> list[str]:
    """What the registered guards say against deleting record (counted on the days
    ``dated``); also for records with a delete page of their own, such as a strategy."""
    return [reason for guard in _GUARDS for reason in guard(kind, record, dated)]


def deletion_blockers(kind: str, record) -> list[str]:
    """Why record may not be deleted, as Danish sentences; empty when it may."""
    deletable = KINDS[kind]
    return list(deletable.resting(record)) + guarded(kind, record, deletable.dated(record))


def delete_link(kind: str, record) -> dict:
    """The edit page's link to the delete page (the template records/_delete_link.html)."""
    from django.urls import reverse

    return {
        "delete_url": reverse(f"delete_{kind}", args=[record.pk]),
        "delete_noun": KINDS[kind].noun,
    }
