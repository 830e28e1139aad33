"""The record rules that the forms apply, applied to the workbook's rows: the course rules
(agreements.rules, the same function Course.clean() calls), plausible dates of grants, hires
and placements, and references unique without regard to case, within the file and against
the system. Each broken rule names its row: sheet!cell (column): why."""

from django.db.models import Q
from django.utils import timezone

from agreements.models import Agreement, Course
from agreements.rules import course_problems
from exchange.spec import AGREEMENT, SHEETS_BY_NAME
from socialeconomy.validators import date_problem

# Course fields the sheet has no column for are checked with the stored value and reported
# on the column whose change breaks the rule.
_REPORTED_ON = {"final_evaluation_received": "end", "extended_until": "start"}


def rows_check(reader, parsed: dict) -> None:
    today = timezone.localdate()
    _references_check(reader, parsed)
    for name in ("Fundraising", "Ansættelser", "Praktik og løntilskud"):
        sheet = SHEETS_BY_NAME[name]
        for row in parsed.get(name, []):
            problem = date_problem(row.values.get("date"), today)
            if problem:
                reader.error(sheet, row.letters["date"], row.number, "Dato", problem)
    if "Forløb" in parsed:
        _courses_check(reader, parsed, today)


def _references_check(reader, parsed: dict) -> None:
    for name, rows in parsed.items():
        sheet = SHEETS_BY_NAME[name]
        if sheet.key.field != "reference" or not rows:
            continue
        stored: dict[str, str] = {}
        for reference in sheet.model.objects.values_list("reference", flat=True).iterator(
            chunk_size=5_000
        ):
            stored[reference.lower()] = reference
        seen: dict[str, tuple[str, int]] = {}
        for row in rows:
            reference = row.values.get("reference")
            if not reference:
                continue
            letter = row.letters["reference"]
            folded = reference.lower()
            other = stored.get(folded)
            if other is not None and other != reference:
                reader.error(
                    sheet,
                    letter,
                    row.number,
                    sheet.key.header,
                    f"«{reference}» findes allerede som «{other}»; store og små bogstaver "
                    "regnes for ens",
                )
            earlier = seen.get(folded)
            if earlier and earlier[0] != reference:  # the same key twice is named already
                reader.error(
                    sheet,
                    letter,
                    row.number,
                    sheet.key.header,
                    f"«{reference}» er den samme reference som «{earlier[0]}» i række "
                    f"{earlier[1]}; store og små bogstaver regnes for ens",
                )
            seen.setdefault(folded, (reference, row.number))


def _courses_check(reader, parsed: dict, today) -> None:
    sheet = SHEETS_BY_NAME["Forløb"]
    headers = {c.field: c.header for c in sheet.columns}
    periods = {
        name: (start, end)
        for name, start, end in Agreement.objects.values_list("name", "start", "end")
    }
    for row in parsed.get("Aftaler", []):
        periods[row.values["name"]] = (row.values.get("start"), row.values.get("end"))
    references = {
        r.values["reference"].lower() for r in parsed["Forløb"] if r.values.get("reference")
    }
    stored = {}
    if references:
        unseen = Course.objects.filter(
            Q(final_evaluation_received__isnull=False) | Q(extended_until__isnull=False)
        )
        for reference, final, extended in unseen.values_list(
            "reference", "final_evaluation_received", "extended_until"
        ).iterator(chunk_size=5_000):
            stored[reference.lower()] = {
                "final_evaluation_received": final,
                "extended_until": extended,
            }
    for row in parsed["Forløb"]:
        values = dict(row.values)
        values.update(stored.get((values.get("reference") or "").lower(), {}))
        agreement_start, agreement_end = periods.get(values.get(AGREEMENT), (None, None))
        problems = course_problems(
            values, agreement_start=agreement_start, agreement_end=agreement_end, today=today
        )
        for field, text in problems.items():
            column = _REPORTED_ON.get(field, field)
            text = text[0].lower() + text[1:].rstrip(".")  # as the import's other messages
            reader.error(sheet, row.letters.get(column, "A"), row.number, headers[column], text)
