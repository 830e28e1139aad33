"""Counts of people in narrative text: found, and masked in the public edition.

The public edition hides counts of people from 1 to 4 in its tables (reports/disclosure.py).
A sentence of the narrative, a portrait or one of the nine answers that states such a count
would give away what the tables hide, so the public edition shows such a sentence masked,
with a note, until a consultant has rewritten it. Before publishing, the consultant sees
every flagged sentence (the publish page).

What is flagged, in a sentence:

- a count from 1 to 4 (digits, «én», «ét», «to», «tre», «fire», «en enkelt») of people:
  deltagere, borgere, unge, personer, praktikanter, veteraner, sager, forløb, jobs and
  positions («2 deltagere», «to potentielle deltagere», «1 skånejob»);
- «N af …» with N from 1 to 4 («2 af deltidsjobbene», «tre af de unge»);
- «N ud af M» where N or M − N is from 1 to 4 («26 ud af 29 sager»), unless M is 10, 100
  or 1000 (a rate: «99 ud af 100 gæster»);
- a count from 1 to 4 standing for people already named («… og 2 er i praktik»);
- «begge» of people («Begge deltagere», «begge er …», «begge to»);
- «ingen af de …» / «ingen af deltagerne»;
- a sentence opening with a lone «En»/«Én» as its subject («En ønskede ikke …»).

Not flagged: capacities and bounds («ramme på 4 forløb», «mere end 4 forløb», «godkendt
til 24 unge»), weeks, days, months, years and hours, money, dates, ordinals («hver 4.
uge»), ranges («2-3 forløb»), percentages, section numbers, staff («de to medarbejdere»),
things («tre huse»), and counts of 5 or more.
"""

import re
from dataclasses import dataclass

MASK = "[…]"

SMALL_WORDS = {"én": 1, "ét": 1, "en enkelt": 1, "et enkelt": 1, "to": 2, "tre": 3, "fire": 4}
_SMALL = r"(?:[1-4]|én|ét|en enkelt|et enkelt|to|tre|fire)"
_NUMBER = r"(?:\d{1,3}(?:\.\d{3})*|én|ét|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti)"
_WORD_VALUES = {
    "en": 1,
    "et": 1,
    "én": 1,
    "ét": 1,
    "to": 2,
    "tre": 3,
    "fire": 4,
    "fem": 5,
    "seks": 6,
    "syv": 7,
    "otte": 8,
    "ni": 9,
    "ti": 10,
}
_PEOPLE = (
    r"(?:deltager\w*|borger\w*|unge|ung|person\w*|praktikant\w*|veteran\w*|elev\w*|"
    r"sag|sager\w*|sagen|kvinde\w*|mænd(?:ene)?|mand|dreng\w*|pige\w*|forløb\w*|"
    r"\w*ansatte?|ansættelse\w*|fleksjob\w*|skånejob\w*|deltidsjob\w*|fuldtidsjob\w*|job\w*|"
    r"stilling\w*|fuldtidsstilling\w*|praktikplads\w*|løntilskud\w*|førtidspension\w*|"
    r"fleksjobber\w*|familie\w*|børn\w*|barn\w*)"
)
# A word between the number and the noun: an adjective in the plural («nye», «potentielle»).
_ADJECTIVE = r"(?:[a-zæøå]+e\s+)?"
_VERB = (
    r"(?:er|var|har|havde|blev|kom|fik|gik|startede|stoppede|afsluttede|fortsatte|"
    r"endte|mangler|manglede|ønskede|valgte|ophørte|droppede|afventer|afventede|stoppet)"
)
# Words that make a number a capacity or a bound rather than a count of people.
_BOUND = re.compile(
    r"(?:ramme(?:n)?(?:\s+på)?|aftalt|aftale\s+om|godkendt\s+til|plads\s+til|op\s+til|"
    r"mere\s+end|flere\s+end|færre\s+end|over|under|mindst|højst|maks(?:imalt)?|max|"
    r"ca\.|cirka|omkring|hver|afsnit|mål|model|kapitel|nr\.|§|til)\s*$",
    re.IGNORECASE,
)
_NOT_AFTER = r"(?![\d.,]\d)(?!\.\s*[a-zæøå])(?!\s*%)(?!\s*-\s*\d)(?![-–]\d)"
_NOT_BEFORE = r"(?<![\d.,§–-])"

_RATES = {10, 100, 1000}


def _value(word: str) -> int:
    word = word.lower()
    return _WORD_VALUES[word] if word in _WORD_VALUES else int(word.replace(".", ""))


def _small_difference(match: re.Match) -> bool:
    """«N ud af M» gives a count from 1 to 4 away (and is no rate such as 99 ud af 100)."""
    part, whole = (_value(g) for g in match.groups())
    return whole not in _RATES and (0 < part < 5 or 0 < whole - part < 5)


_PLACES = (
    r"(?:praktik\w*|løntilskud|fleksjob\w*|job\w*|uddannelse\w*|forløb\w*|barsel|"
    r"fængsel\w*|lønnede\s+timer|ledig\w*|beskæftigelse|førtidspension\w*|FØP|død|"
    r"fraflyt\w*|skånejob)"
)
_ABOUT_PEOPLE = re.compile(rf"\b(?:{_PEOPLE}|{_PLACES}|resultat\w*)\b", re.IGNORECASE)


def _about_people(match: re.Match) -> bool:
    """A bare count stands for people when the sentence is about people or where they
    went («11 deltagere …, 8 i uddannelse og 2 er i praktik»; «Fleksjob: 3»)."""
    return bool(_ABOUT_PEOPLE.search(match.string))


_RULES = [
    (
        "et antal personer under 5",
        re.compile(
            rf"{_NOT_BEFORE}\b({_SMALL}){_NOT_AFTER}\s+(?:af\s+(?:de\s+|deres\s+|vores\s+)?)?"
            rf"{_ADJECTIVE}{_PEOPLE}\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        "«N ud af M» med en lille forskel",
        re.compile(
            rf"{_NOT_BEFORE}\b({_NUMBER})\s+ud\s+af\s+(?:i\s+alt\s+)?({_NUMBER})\b"
            r"(?!\s*(?:uger|dage|måneder|år|timer|gange|kr))",
            re.IGNORECASE,
        ),
        _small_difference,
    ),
    (
        "et antal personer under 5",
        re.compile(rf"{_NOT_BEFORE}\b({_SMALL}){_NOT_AFTER}\s+{_VERB}\b", re.IGNORECASE),
        _about_people,
    ),
    (
        "et antal personer under 5",
        re.compile(rf"{_NOT_BEFORE}\b({_SMALL}){_NOT_AFTER}\s+i\s+{_PLACES}", re.IGNORECASE),
        None,
    ),
    (
        "et antal personer under 5",
        re.compile(rf"(?<![\d:]):\s*([1-4]){_NOT_AFTER}\b", re.IGNORECASE),
        _about_people,
    ),
    (
        "et antal personer under 5",
        re.compile(
            rf"\b(?:(?:de\s+)?(?:resterende|øvrige|sidste|andre)|heraf(?:\s+er)?)\s+"
            rf"({_SMALL}){_NOT_AFTER}\b(?=\s+(?:{_VERB}|i|på|af|og)\b|\s*[.,;:–]|\s*$)",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        "«begge» om personer",
        re.compile(r"\b(?:de|vi)\s+(?:[a-zæøå]+\s+)?begge\b", re.IGNORECASE),
        None,
    ),
    (
        "«begge» om personer",
        re.compile(
            rf"\bbegge\s+(?:to\b|{_VERB}\b|(?:de\s+)?{_ADJECTIVE}{_PEOPLE}\b)", re.IGNORECASE
        ),
        None,
    ),
    (
        "«ingen af de …» om personer",
        re.compile(
            rf"\bingen\s+af\s+(?:de\s+(?:\w+\s+)?{_PEOPLE}|de\s+{_SMALL}\b|{_PEOPLE}|dem)\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (
        "et antal personer under 5",
        re.compile(rf"\b(?:og|hvoraf|mens)\s+(?:en|én)\s+{_VERB}\b", re.IGNORECASE),
        _about_people,
    ),
    (
        "et antal personer under 5",
        re.compile(rf"^(?:En|Én)\s+{_VERB}\b"),
        None,
    ),
]

# A sentence ends at . ! ? before a capital letter, a digit-free quote or a list dash.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9\"”«(])")
_PREFIX = re.compile(r"^(\s*(?:-\s+|##\s+)?)")


@dataclass(frozen=True)
class Statement:
    """A sentence that states a count of people, the phrase that does, and why."""

    sentence: str
    phrase: str
    reason: str


def _bounded(sentence: str, start: int) -> bool:
    """The number at ``start`` is a capacity or a bound («ramme på 4», «mere end 4»)."""
    return bool(_BOUND.search(sentence[:start].rstrip()[-25:]))


def _flag(sentence: str) -> Statement | None:
    for reason, pattern, applies in _RULES:
        for match in pattern.finditer(sentence):
            if match.groups() and _bounded(sentence, match.start(1)):
                continue
            if applies is not None and not applies(match):
                continue
            return Statement(sentence=sentence, phrase=match.group(0), reason=reason)
    return None


def sentences(text: str) -> list[str]:
    """The sentences of a text, line by line (a list item or heading is a line)."""
    return [
        s.strip()
        for line in (text or "").splitlines()
        for s in _SENTENCE_END.split(line)
        if s.strip()
    ]


def find_statements(text: str) -> list[Statement]:
    """Every sentence of ``text`` that states a count of people from 1 to 4."""
    found = []
    for sentence in sentences(text):
        statement = _flag(_PREFIX.sub("", sentence))
        if statement is not None:
            found.append(statement)
    return found


class MaskedText(str):
    """Narrative text with ``masked`` sentences replaced by «[…]» (see the narrative filter,
    which adds the note that says so)."""

    masked: int = 0


def mask_text(text: str) -> MaskedText:
    """``text`` with every sentence that states a count of people replaced by «[…]»; line
    breaks, list dashes and headings kept."""
    masked = 0
    lines = []
    for line in (text or "").split("\n"):
        parts = []
        for sentence in _SENTENCE_END.split(line):
            prefix = _PREFIX.match(sentence).group(1)
            if _flag(sentence[len(prefix) :]) is not None:
                parts.append(prefix + MASK)
                masked += 1
            else:
                parts.append(sentence)
        lines.append(" ".join(parts))
    result = MaskedText("\n".join(lines))
    result.masked = masked
    return result
