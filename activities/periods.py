"""A figure's period: a quarter `2022-Q3` or a year `2022`. The one place that reads,
orders and dates periods."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError

PERIOD_PATTERN = re.compile(r"(\d{4})(?:-[Qq]([1-4]))?")


@dataclass(frozen=True, order=True)
class Period:
    year: int
    quarter: int | None = None  # None: the whole year

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def label(self) -> str:
        """Danish: «3. kvartal 2022» or «2022»."""
        return f"{self.quarter}. kvartal {self.year}" if self.quarter else str(self.year)

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * (self.quarter or 1) - 2, 1)

    @property
    def last_day(self) -> date:
        if not self.quarter or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    def overlaps(self, start: date, end: date) -> bool:
        return self.first_day <= end and self.last_day >= start


def parse_period(value) -> Period:
    """`2022-Q3` (also `2022-q3`) or `2022`; anything else is refused with a Danish sentence."""
    text = str(value if value is not None else "").strip()
    match = PERIOD_PATTERN.fullmatch(text)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError(
            f"«{text}» er ikke en periode; skriv et kvartal som 2022-Q3 eller et år som 2022 "
            "(årene 2000–2100).",
            code="period",
        )
    quarter = int(match.group(2)) if match.group(2) else None
    return Period(int(match.group(1)), quarter)


def validate_period(value: str) -> None:
    parse_period(value)
