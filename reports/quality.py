"""Data-quality findings for a period. The report's appendix and (later) the check_data
command and page all use these functions."""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from agreements.models import Course
from reports.models import PublishedFigure
from socialeconomy.suppression import is_hidden


@dataclass(frozen=True)
class FigureDifference:
    code: ClassVar[str] = "published_figure_differs"  # as reports.checks.published_differs
    key: str
    label: str
    document: str
    published: int
    stated_as: str
    computed: object  # a count, None, or Hidden in the public version

    @property
    def difference(self) -> int | None:
        if self.computed is None or is_hidden(self.computed):
            return None
        return self.computed - self.published


def lookup(figures: dict, dotted: str):
    value = figures
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def published_differences(start: date, end: date, figures: dict) -> list[FigureDifference]:
    """Published figures for exactly this period that the records do not bear out."""
    found = []
    for figure in PublishedFigure.objects.filter(period_start=start, period_end=end):
        computed = lookup(figures, figure.key)
        if computed != figure.value:
            found.append(
                FigureDifference(
                    key=figure.key,
                    label=figure.get_key_display(),
                    document=figure.document,
                    published=figure.value,
                    stated_as=figure.stated_as,
                    computed=computed,
                )
            )
    return found


def without_outcome_by_agreement(start: date, end: date) -> list[dict]:
    """Per agreement: completed courses in the period with no outcome, with references."""
    rows = (
        Course.objects.completed(start, end)
        .without_outcome()
        .values("agreement__name", "reference")
        .order_by("agreement__name", "reference")
    )
    grouped: dict[str, list[str]] = {}
    for row in rows:
        grouped.setdefault(row["agreement__name"], []).append(row["reference"])
    return [
        {
            "code": "course_without_outcome",
            "agreement": name,
            "count": len(refs),
            "references": refs,
        }
        for name, refs in grouped.items()
    ]
