"""Template filters for reports and pages. Everything user-written is escaped here:
narrative text becomes paragraphs, lists and subheadings, never raw HTML."""

import re

from django import template
from django.utils.html import format_html, format_html_join

from reports.textdisclosure import MASK
from socialeconomy import formatting
from socialeconomy.suppression import is_hidden
from socialeconomy.templatetags import dk
from socialeconomy.text import paragraphs
from socialeconomy.vocabulary import (
    OUTCOME_GROUP_LABELS,
    UNKNOWN_OUTCOME_LABEL,
    AgreementModel,
    EnterpriseType,
    HireType,
    PlacementType,
    ReferringUnit,
    outcome_label,
)

register = template.Library()

register.filters.update(dk.register.filters)  # dk_int, kr, dk_date: the core's formats


@register.filter
def pct(part, whole) -> str:
    if not whole or is_hidden(part) or is_hidden(whole):
        return "–"
    return formatting.dk_percent(part, whole)


@register.simple_tag
def share(part, whole, noun: str) -> str:
    """'45 % af 20 afsluttede forløb' (formatting.dk_share)."""
    return formatting.dk_share(part, whole, noun)


def _count(n, singular: str, plural: str) -> str:
    """'1 fuldtidsstilling', '28 fuldtidsstillinger': the number and its noun, never broken
    apart on a line (NBSP). A suppressed count takes the plural."""
    noun = singular if n == 1 and not is_hidden(n) else plural
    return f"{formatting.dk_int(n)}{formatting.NBSP}{noun}"


@register.filter
def count(n, nouns: str) -> str:
    """``{{ n|count:"bevilling,bevillinger" }}``: the number with its noun in the right form."""
    singular, plural = nouns.split(",")
    return _count(n, singular, plural)


# Singular and plural of the hire types as the report counts them.
HIRE_NOUNS = {
    HireType.FULL_TIME: ("fuldtidsstilling", "fuldtidsstillinger"),
    HireType.PART_TIME: (HireType.PART_TIME.label.lower(), HireType.PART_TIME.label.lower()),
    HireType.SHELTERED: ("skånejob", "skånejob"),
}


@register.filter
def hire_count(n, code: str) -> str:
    """'1 skånejob', '28 fuldtidsstillinger'."""
    return _count(n, *HIRE_NOUNS[HireType(code)])


@register.filter
def outcome(code: str) -> str:
    return outcome_label(code)


@register.filter
def outcome_group(group: str) -> str:
    """An outcome group's Danish label (vocabulary.md), «Uoplyst» for ``unknown``."""
    return OUTCOME_GROUP_LABELS.get(group, UNKNOWN_OUTCOME_LABEL)


def _label_filter(name: str, choices) -> None:
    """Register a filter that shows a vocabulary code's Danish label."""
    register.filter(name, lambda code: choices(code).label)


_label_filter("enterprise_type", EnterpriseType)
_label_filter("agreement_model", AgreementModel)
_label_filter("hire_type", HireType)
_label_filter("placement_type", PlacementType)


@register.filter
def referring_units(codes) -> str:
    return ", ".join(ReferringUnit(c).label for c in codes or [])


@register.filter
def masked_note(text) -> str:
    """The note under a text of the public edition whose counts of people are masked."""
    n = getattr(text, "masked", 0)
    if not n:
        return ""
    sentences = "én sætning" if n == 1 else f"{n} sætninger"
    return (
        f"{MASK} I den offentlige udgave er {sentences} udeladt her, fordi "
        f"{'den' if n == 1 else 'de'} nævner et antal personer under 5."
    )


def _narrative_block(lines: list[str], heading_level: int) -> list:
    """One block of narrative (no blank line in it): '## ' lines are subheadings, runs of
    '- ' lines one list (an indented line continues its item), other runs a paragraph."""
    parts, items, words = [], [], []

    def close():
        if items:
            rows = format_html_join("", "<li>{}</li>", ((" ".join(i),) for i in items))
            parts.append(format_html("<ul>{}</ul>", rows))
            items.clear()
        if words:
            parts.append(format_html("<p>{}</p>", " ".join(words)))
            words.clear()

    for line in lines:
        stripped = line.strip()
        if stripped.startswith("## "):
            close()
            parts.append(format_html("<h{0}>{1}</h{0}>", heading_level, stripped[3:].strip()))
        elif re.match(r"-\s+", stripped):
            if words:
                close()
            items.append([re.sub(r"^-\s+", "", stripped)])
        elif items and line[:1].isspace():
            items[-1].append(stripped)
        else:
            if items:
                close()
            words.append(stripped)
    close()
    return parts


@register.filter
def narrative(text: str, heading_level: int = 3):
    """Plain text to HTML: blank lines separate paragraphs, '- ' lines make a list and a
    '## ' line a subheading. All text is escaped. Masked sentences (public edition) get
    a note saying so."""
    parts = []
    for block in paragraphs(text):
        parts.extend(_narrative_block(block.splitlines(), heading_level))
    if note := masked_note(text):
        parts.append(format_html('<p class="note masked-note">{}</p>', note))
    return format_html_join("\n", "{}", ((p,) for p in parts))
