"""Danish number, money, percentage and date formats: 9.503.911 kr., 45 %, 10,5 %, 28.02.2023."""

from datetime import date

from reports.disclosure import Hidden


def dk_int(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Hidden):
        return str(value)
    text = f"{abs(int(value)):,}".replace(",", ".")
    return f"−{text}" if int(value) < 0 else text


def dk_kr(value) -> str:
    return "–" if value is None else f"{dk_int(value)} kr."


def dk_percent(part: int, whole: int) -> str:
    """'45 %' — whole percent, or one decimal when below 10 and not whole (e.g. '8,3 %')."""
    share = 100 * part / whole
    if share == round(share) or share >= 10:
        return f"{round(share)} %"
    return f"{share:.1f} %".replace(".", ",")


def dk_date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d.%m.%Y")
