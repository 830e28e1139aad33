"""The report's data-quality appendix: every check of reports/quality.py run for the period.
The full edition lists each finding (with the record's reference); the public edition
gives only how many findings each check has, a count from 1 to 4 hidden like any count of
people («<5»)."""

from datetime import date

from reports import quality
from socialeconomy.suppression import SMALLEST_SHOWN, Hidden

# Checks whose findings are agreements or figures, not people: their counts are shown.
NOT_PEOPLE = (quality.over_capacity, quality.published_differs)


def _public_count(found: list, check, figures: dict):
    if check is quality.completed_without_outcome:
        # the same courses as the suppressed «unknown» outcome count: never told apart
        return figures["courses"]["outcomes"].get("unknown", 0)
    if check in NOT_PEOPLE:
        return len(found)
    return Hidden() if 0 < len(found) < SMALLEST_SHOWN else len(found)


def quality_appendix(
    *, start: date, end: date, today: date, differences: list, figures: dict, public: bool
) -> dict:
    """{"checks": how many checks ran, "groups": [{"check", "count", "findings"}]}.

    Published figures that differ are taken from ``differences`` (computed from the
    report's own frozen figures), so the appendix computes no figures of its own.
    ``figures``: the edition's figures (public: suppressed)."""
    groups = []
    for check in quality.CHECKS:
        if check is quality.published_differs:
            name, found = quality.PUBLISHED_DIFFERS, [d.label for d in differences]
        else:
            found = list(check(start, end, today))
            name = found[0].check if found else ""
            found = [f.text for f in found]
        if found:
            groups.append(
                {
                    "check": name,
                    "count": _public_count(found, check, figures) if public else len(found),
                    "findings": [] if public else found,
                }
            )
    return {"checks": len(quality.CHECKS), "groups": groups}
