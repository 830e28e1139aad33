"""Validators shared by models, forms and the workbook import. Messages are Danish."""

import re

from django.core.exceptions import ValidationError

_CPR_LIKE = re.compile(r"(?<!\d)\d{6}[-\s]?\d{4}(?!\d)")
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def looks_like_cpr(value: str) -> bool:
    return bool(_CPR_LIKE.search(value or ""))


def validate_not_cpr(value: str) -> None:
    """A participant reference must be pseudonymous: refuse anything shaped like a CPR number."""
    if looks_like_cpr(value):
        raise ValidationError(
            "Referencen ligner et CPR-nummer (ddmmåå-xxxx eller ti cifre). "
            "Brug en pseudonym reference, fx D22-0001.",
            code="cpr_like",
        )


def cvr_is_valid(value: str) -> bool:
    if not re.fullmatch(r"\d{8}", value or ""):
        return False
    return sum(int(d) * w for d, w in zip(value, _CVR_WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> None:
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError("CVR-nummeret skal være præcis 8 cifre.", code="cvr_format")
    if not cvr_is_valid(value):
        raise ValidationError(
            "CVR-nummeret er ugyldigt (modulus 11-kontrollen fejler).", code="cvr_checksum"
        )


def parse_sdgs(value: str) -> list[int]:
    """'4, 8, 17' -> [4, 8, 17]; raises ValidationError for anything else."""
    numbers: list[int] = []
    for part in re.split(r"[,\s;]+", (value or "").strip()):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= 17:
            raise ValidationError(
                f"Verdensmål skal være tal fra 1 til 17 adskilt af komma; «{part}» er ikke.",
                code="sdg",
            )
        if int(part) not in numbers:
            numbers.append(int(part))
    return sorted(numbers)


def validate_sdgs(value: str) -> None:
    parse_sdgs(value)
