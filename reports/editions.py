"""The report's three editions, made from one set of computed figures.

- ``full``: the consultants' edition, every figure;
- ``public``: the committee's and the public's edition, counts of people from 1 to 4
  suppressed with secondary suppression (reports/disclosure.py), and no narrative text
  stating what the tables hide (reports/textdisclosure.py);
- ``summary``: the committee's one-page summary, on the public edition's rules.

Every edition carries the outcome groups (``outcome_groups``) beside the outcome codes.
"""

import json

from reports.disclosure import Hidden, public_figures, with_outcome_groups

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


def figures_json(figures: dict, edition: str) -> str:
    """The edition's figures as the JSON of ../shared/spec/report-json.md."""
    return json.dumps(json_ready(edition_figures(figures, edition)), ensure_ascii=False, indent=2)
