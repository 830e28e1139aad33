"""Every date and number a page reads from its query string goes through a form here: a bad
or absurd value gives a Danish message on the page and the default, never a server error.
Dates are limited to a range the records can hold (calendar arithmetic on 31.12.9999 or
01.01.0001 overflows); page sizes to what a page can show."""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.utils import timezone

FIRST_DATE = date(1990, 1, 1)
LAST_DATE = date(2099, 12, 31)
PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000


def validate_bounded_date(value) -> None:
    """A date a page can calculate with (deadlines days before or after it): between
    FIRST_DATE and LAST_DATE. Also for a list filter's date (agreements.filters)."""
    if value and not FIRST_DATE <= value <= LAST_DATE:
        raise forms.ValidationError(
            f"skal ligge mellem {FIRST_DATE:%d.%m.%Y} og {LAST_DATE:%d.%m.%Y}"
        )


class BoundedDateField(forms.DateField):
    """A date typed dd.mm.yyyy or yyyy-mm-dd, between FIRST_DATE and LAST_DATE."""

    input_formats = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"invalid": "er ikke en dato (skriv dd.mm.åååå eller åååå-mm-dd)"},
        )
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        validate_bounded_date(value)


class AsOfForm(forms.Form):
    dato = BoundedDateField(label="Dato")


class PeriodForm(forms.Form):
    fra = BoundedDateField(label="Fra")
    til = BoundedDateField(label="Til")

    def clean(self):
        data = super().clean()
        start, end = data.get("fra"), data.get("til")
        if start and end and start > end:
            raise forms.ValidationError("Perioden slutter før den begynder (fra er efter til)")
        return data


def _count_field(label: str, invalid: str, max_value: int) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=max_value,
        error_messages={
            "invalid": invalid,
            "min_value": "skal være mindst %(limit_value)s",
            "max_value": "må højst være %(limit_value)s",
        },
    )


class PageForm(forms.Form):
    page = _count_field("Side", "er ikke et sidenummer", MAX_PAGE)
    per_page = _count_field("Rækker pr. side", "er ikke et antal rækker", MAX_PER_PAGE)


def _message(form) -> str:
    """One sentence naming each bad parameter, its value and why."""
    parts = []
    for name, errors in form.errors.items():
        if name == "__all__":
            parts.extend(e.rstrip(".") for e in errors)
            continue
        label = form.fields[name].label or name
        value = form.data.get(name, "")
        parts.append(f"{label} «{value[:40]}» {' og '.join(e.rstrip('.') for e in errors)}")
    return "; ".join(parts)


def query_params(request, form_class, *, note: str) -> dict:
    """The cleaned query-string values of `form_class`; the bad ones are dropped (the page
    then uses its default) and named in an error message ending with `note`."""
    form = form_class(request.GET)
    if form.is_valid():
        return form.cleaned_data
    messages.error(request, f"{_message(form)}. {note}")
    good = {}
    for name, field in form.fields.items():
        if name in form.errors:
            continue
        try:
            good[name] = field.clean(form.data.get(name))
        except forms.ValidationError:
            continue
    if "__all__" in form.errors:
        good = {}
    return good


def as_of(request) -> date:
    """Today, or the day in ?dato=dd.mm.yyyy / yyyy-mm-dd (to see a past day's deadlines)."""
    chosen = query_params(request, AsOfForm, note="Siden viser i dag.").get("dato")
    return chosen or timezone.localdate()


@dataclass(frozen=True)
class Period:
    start: date | None
    end: date | None


def period(request) -> Period:
    """?fra=…&til=…; either or both may be missing (the page chooses its default)."""
    data = query_params(request, PeriodForm, note="Siden viser standardperioden.")
    return Period(data.get("fra"), data.get("til"))


def paging(request) -> tuple[int, int]:
    """(page, per_page) from ?page= and ?per_page=, each within its bounds."""
    data = query_params(request, PageForm, note="Standardværdien bruges i stedet.")
    return data.get("page") or 1, data.get("per_page") or PER_PAGE
