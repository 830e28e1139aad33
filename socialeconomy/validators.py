"""Validators shared by models, forms and the workbook import. Messages are Danish."""

import calendar
import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError

_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)

# A CPR number is ten digits, ddmmåå-xxxx, written with any separators or none: spaces,
# dots, slashes, hyphens of every kind (en dash, non-breaking hyphen, minus sign …). The
# digits are read in groups (maximal runs of digits); two groups belong to one number when
# one to three separator characters (anything but a letter, a digit or a line break) stand
# between them. A run of groups is CPR-like when it holds ten digits whose first six are a
# valid date, unless its groups read as a date with a four-digit year (01.01.2022 and a
# number after it). A single group of nine digits whose day lost its
# leading zero (a numeric Excel cell: 101901234 for 010190-1234) is CPR-like too.
_DIGITS = re.compile(r"\d+")
_SEPARATOR = re.compile(r"(?:[^\w\n\r]|_){1,3}")


def _is_ddmmyy(digits: str) -> bool:
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if not 1 <= month <= 12:
        return False
    # The century is not known from six digits: allow 29 February in any year ending 00–99
    # that is a leap year in either century.
    leap = calendar.isleap(1900 + year) or calendar.isleap(2000 + year)
    days = 29 if month == 2 and leap else calendar.monthrange(2001, month)[1]
    return 1 <= day <= days


def _digit_runs(text: str) -> list[list[str]]:
    """The digit groups of text, chained where only a short separator stands between."""
    runs: list[list[str]] = []
    previous_end = None
    for match in _DIGITS.finditer(text):
        between = text[previous_end : match.start()] if previous_end is not None else None
        if runs and between is not None and _SEPARATOR.fullmatch(between):
            runs[-1].append(match.group())
        else:
            runs.append([match.group()])
        previous_end = match.end()
    return runs


def _run_is_cpr_like(groups: list[str]) -> bool:
    for first in range(len(groups)):
        digits, boundaries = "", set()
        for group in groups[first:]:
            digits += group
            boundaries.add(len(digits))
            if len(digits) >= 10:
                break
        a_year = {2, 4, 8} <= boundaries and 6 not in boundaries  # dd.mm.åååå: a date
        if len(digits) == 10 and not a_year and _is_ddmmyy(digits):
            return True
    return any(len(g) == 9 and g[0] != "0" and _is_ddmmyy("0" + g[:5]) for g in groups)


def looks_like_cpr(value) -> bool:
    """Whether value holds a number shaped like a CPR number, in any writing (see above)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    return any(_run_is_cpr_like(groups) for groups in _digit_runs(str(value or "")))


def validate_not_cpr(value: str) -> None:
    """A participant reference must be pseudonymous: refuse anything shaped like a CPR number."""
    if looks_like_cpr(value):
        raise ValidationError(
            "Referencen ligner et CPR-nummer (ddmmåå-xxxx, med eller uden skilletegn). "
            "Brug en pseudonym reference, fx D22-0001.",
            code="cpr_like",
        )


REFERENCE_PATTERN = re.compile(r"[A-Za-zÆØÅæøå0-9-]*[0-9][A-Za-zÆØÅæøå0-9-]*")
REFERENCE_RULE = "bogstaver, cifre og «-», mindst ét ciffer, fx D22-0001"


def reference_problem(value: str) -> str | None:
    """Why value is not a pseudonymous reference, as a Danish sentence; None when it is one.
    One rule for every record type (course, grant, hire, placement) and every road in."""
    text = value or ""
    if looks_like_cpr(text):
        return (
            "ligner et CPR-nummer (ddmmåå-xxxx, med eller uden skilletegn); "
            "brug en pseudonym reference, fx D22-0001"
        )
    if not REFERENCE_PATTERN.fullmatch(text):
        if " " in text.strip():
            return f"må ikke indeholde mellemrum eller navne; en reference er {REFERENCE_RULE}"
        return f"er ikke en pseudonym reference; en reference er {REFERENCE_RULE}"
    return None


def validate_reference(value: str) -> None:
    problem = reference_problem(value)
    if problem:
        raise ValidationError(f"Referencen {problem}.", code="reference")


def text_cpr_problem(value) -> str | None:
    """A free text (plan, evaluation, pause reason, narrative, donor, purpose …) must never
    hold a CPR number; the message does not repeat the number."""
    if looks_like_cpr(value):
        return (
            "Teksten indeholder et tal, der ligner et CPR-nummer. Skriv aldrig CPR-numre; "
            "omtal deltageren ved forløbets reference"
        )
    return None


def refuse_cpr_in_texts(instance, field_names) -> dict[str, str]:
    """Errors by field for each named free-text field of instance that holds a CPR number;
    called from the models' clean(), so forms, the admin and imports all refuse them."""
    errors = {}
    for name in field_names:
        problem = text_cpr_problem(getattr(instance, name, ""))
        if problem:
            errors[name] = problem + "."
    return errors


# The plausible window for a date typed or imported: not before 2000, and not years ahead.
EARLIEST_DATE = date(2000, 1, 1)
DAYS_AHEAD = 366


def latest_plausible_date(today: date) -> date:
    return min(date(2100, 12, 31), today + timedelta(days=DAYS_AHEAD))


def date_problem(value: date | None, today: date) -> str | None:
    """Why a record's date is implausible, or None: before 2000 or more than a year ahead."""
    if value is None:
        return None
    if value < EARLIEST_DATE:
        return f"{value:%d.%m.%Y} ligger før år 2000"
    latest = latest_plausible_date(today)
    if value > latest:
        return f"{value:%d.%m.%Y} ligger mere end et år ude i fremtiden (senest {latest:%d.%m.%Y})"
    return None


def date_errors(values: dict, today: date) -> dict[str, str]:
    """Errors by field for each date of values (field name -> date or None) outside the
    plausible window: the one sentence the models' clean() and the course rules give."""
    return {
        name: f"Datoen {problem}."
        for name, value in values.items()
        if (problem := date_problem(value, today))
    }


def cvr_is_valid(value: str) -> bool:
    if not re.fullmatch(r"\d{8}", value or ""):
        return False
    return sum(int(d) * w for d, w in zip(value, _CVR_WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> None:
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError("CVR-nummeret skal være præcis 8 cifre.", code="cvr_format")
    if not cvr_is_valid(value):
        raise ValidationError(
            "CVR-nummeret er ugyldigt (modulus 11-kontrollen fejler).", code="cvr_checksum"
        )


def parse_sdgs(value: str) -> list[int]:
    """'4, 8, 17' -> [4, 8, 17]; raises ValidationError for anything else."""
    numbers: list[int] = []
    for part in re.split(r"[,\s;]+", (value or "").strip()):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 17:
            raise ValidationError(
                f"Verdensmål skal være tal fra 1 til 17 adskilt af komma; «{part}» er ikke.",
                code="sdg",
            )
        if int(part) not in numbers:
            numbers.append(int(part))
    return sorted(numbers)


def validate_sdgs(value: str) -> None:
    parse_sdgs(value)


def validate_no_cpr_text(value) -> None:
    """The free-text rule as a field validator, for forms that are not model forms."""
    problem = text_cpr_problem(value)
    if problem:
        raise ValidationError(problem + ".", code="cpr_in_text")
