"""The small-count rule, the one home of it: a count of people from 1 to 4 is never shown
in the committee's (public) edition; it becomes a ``Hidden`` value that prints «<5», and any
sum that includes it is hidden too («x»). ``reports.disclosure`` decides which counts of a
report are hidden (secondary suppression); everything else only asks ``is_hidden``."""

from dataclasses import dataclass

SMALLEST_SHOWN = 5


@dataclass(frozen=True)
class Hidden:
    """A suppressed count. Any sum that includes it is hidden too."""

    primary: bool = True

    def __str__(self) -> str:
        return "<5" if self.primary else "x"

    def __add__(self, other):
        return Hidden(primary=False)

    __radd__ = __add__


def is_hidden(value) -> bool:
    return isinstance(value, Hidden)
