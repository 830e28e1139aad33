"""Small text helpers."""

import re

from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    """'Stald Kanehøj' -> 'stald-kanehoj' (Django's slugify drops ø)."""
    return slugify(value.translate(_DANISH))


def paragraphs(text: str) -> list[str]:
    """Split narrative text into paragraphs on blank lines."""
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
