"""The report's three editions, made from one set of computed figures.

- ``full``: the consultants' edition, every figure;
- ``public``: the committee's and the public's edition, counts of people from 1 to 4
  suppressed with secondary suppression (reports/disclosure.py), and no narrative text
  stating what the tables hide (reports/textdisclosure.py);
- ``summary``: the committee's one-page summary, on the public edition's rules.

Every edition carries the outcome groups (``outcome_groups``) beside the outcome codes.
"""

from reports.disclosure import public_figures, with_outcome_groups
from socialeconomy.suppression import Hidden

FULL, PUBLIC, SUMMARY = "full", "public", "summary"
EDITIONS = (FULL, PUBLIC, SUMMARY)


def is_public(edition: str) -> bool:
    """The public rules (small numbers hidden, texts checked) apply to this edition."""
    if edition not in EDITIONS:
        raise ValueError(f"unknown edition {edition!r}; use one of: {', '.join(EDITIONS)}")
    return edition != FULL


def edition_figures(figures: dict, edition: str) -> dict:
    """The computed figures as the edition shows them (a copy; ``figures`` is not changed)."""
    return public_figures(figures) if is_public(edition) else with_outcome_groups(figures)


def json_ready(value):
    """JSON-ready: a suppressed count is ``null``."""
    if isinstance(value, Hidden):
        return None
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    return value


def report_json(*, start, end, edition: str = FULL) -> dict:
    """The annual report's JSON (docs/report-json.md) in an edition: ``report_figures`` as
    the edition shows them (a suppressed count is ``None``), the ``strategy`` object counted
    from the same edition's figures of each period on its scoreboard, and the activities."""
    from activities.selectors import activity_report, public_activities
    from reports.selectors import report_figures
    from reports.strategy_figures import strategy_figures

    def figures_for(start, end) -> dict:
        return edition_figures(report_figures(start=start, end=end), edition)

    figures = figures_for(start, end)
    figures["strategy"] = strategy_figures(
        start=start, end=end, figures=figures, figures_for=figures_for
    )
    activities = activity_report(start, end)
    figures["activities"] = public_activities(activities) if is_public(edition) else activities
    return json_ready(figures)
