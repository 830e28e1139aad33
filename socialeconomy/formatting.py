"""Danish number, money, percentage and date formats: 9.503.911 kr., 45 %, 8,3 %, 28.02.2023.

A number and its unit never break apart on a line: they are joined by a no-break space
(NBSP). Shares are rounded half up (12,5 % becomes 13 %, never 12 %)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from socialeconomy.suppression import Hidden, is_hidden

NBSP = "\u00a0"


def dk_int(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, Hidden):
        return str(value)
    text = f"{abs(int(value)):,}".replace(",", ".")
    return f"−{text}" if int(value) < 0 else text


def dk_kr(value) -> str:
    return "–" if value is None else f"{dk_int(value)}{NBSP}kr."


def round_half_up(value, places: int = 0) -> Decimal:
    """``value`` rounded half up (not to even, as round() does): 12.5 → 13, 0.25 → 0.3."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def dk_decimal(value, places: int = 1) -> str:
    """'4,8': a number with ``places`` decimals, rounded half up, Danish decimal comma."""
    return str(round_half_up(value, places)).replace(".", ",")


def plural(count: int, one: str, many: str) -> str:
    """'1 evaluering', '3 evalueringer': a count in a sentence with its noun in the right form
    (the report's tables join them with a no-break space: the count filter of report_tags)."""
    return f"{count} {one if count == 1 else many}"


def dk_number(value, places: int = 1) -> str:
    """'40' or '12,5': a whole number as dk_int, any other with ``places`` decimals (half up)."""
    if isinstance(value, float) and not value.is_integer():
        return dk_decimal(value, places)
    return dk_int(value)


def dk_percent(part: int, whole: int) -> str:
    """'45 %' — whole percent, or one decimal when below 10 and not whole (e.g. '8,3 %')."""
    share = Decimal(100 * part) / Decimal(whole)
    if share == share.to_integral_value() or share >= 10:
        return f"{round_half_up(share)}{NBSP}%"
    return f"{dk_decimal(share)}{NBSP}%"


def dk_date(value: date | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return value.strftime("%d.%m.%Y")


def dk_share(part, whole, noun: str) -> str:
    """'45 % af 20 afsluttede forløb': every percentage names its denominator. No percentage
    rests on a suppressed count: '<5 af 20 afsluttede forløb'."""
    if not whole:
        return f"ingen {noun}"
    if is_hidden(part) or is_hidden(whole):
        return f"{dk_int(part)} af {dk_int(whole)} {noun}"
    return f"{dk_percent(part, whole)} af {dk_int(whole)} {noun}"


def plain_number(value):
    """A number as the JSON and the forms hold it: 40, not 40.0 (an int when whole, else a
    float; None stays None). For targets and reported values (floats or Decimals)."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)
