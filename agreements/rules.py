"""The course rules, in one place, for every road in: the course form, the fast outcome
entry, the admin and the enterprise portal (all through Course.clean()) and the workbook
import (per row, through course_problems()). Each rule gives a Danish sentence by field."""

from datetime import date

from socialeconomy.validators import date_errors

DATE_FIELDS = ("start", "end", "extended_until", "plan_received", "final_evaluation_received")


def _shown(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def course_problems(
    values: dict, *, agreement_start: date | None, agreement_end: date | None, today: date
) -> dict[str, str]:
    """Every broken rule of one course, by field. values: the course's fields (start, end,
    outcome, plan_received, final_evaluation_received, extended_until; missing = empty)."""
    v = {name: values.get(name) for name in (*DATE_FIELDS, "outcome")}
    problems = date_errors({name: v[name] for name in DATE_FIELDS}, today)
    start, end = v["start"], v["end"]
    if end and start and end < start and "end" not in problems:
        problems["end"] = "Slutdatoen skal ligge på eller efter startdatoen."
    if v["outcome"] and not end:
        problems["outcome"] = (
            "Et resultat kan kun registreres på et afsluttet forløb (med slutdato)."
        )
    if v["final_evaluation_received"] and not end:
        problems["final_evaluation_received"] = (
            "En slutevaluering kan kun modtages for et afsluttet forløb (med slutdato)."
        )
    if v["extended_until"] and start and v["extended_until"] < start:
        problems.setdefault("extended_until", "Forlængelsen skal ligge efter forløbets start.")
    received = v["plan_received"]
    if received and "plan_received" not in problems:
        if start and received < start:
            problems["plan_received"] = (
                f"Planen kan ikke være modtaget før forløbets start ({_shown(start)})."
            )
        elif received > today:
            problems["plan_received"] = (
                f"Planen kan ikke være modtaget efter i dag ({_shown(today)})."
            )
    if (
        agreement_start
        and start
        and "start" not in problems
        and (start < agreement_start or (agreement_end and start > agreement_end))
    ):
        problems["start"] = (
            "Forløbet skal starte inden for aftalens periode "
            f"({_shown(agreement_start)}–{_shown(agreement_end)})."
        )
    return problems
