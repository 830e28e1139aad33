"""The annual report's section structure, built from the strategy in force: the frame
sections around one section per track, numbered in order.

Frame sections (fixed, the unit's own): «Kære læser» (unnumbered), Indledning, Mød
virksomhederne, «Medvind på cykelstierne» (the unit's news of the field; shown only when a
narrative is written for it), then the strategy's tracks, then Afrapportering på
målsætninger and Hjemmel og referencer.

A track's section shows its narrative, its goals, and the record blocks it names
(``Track.blocks``): e.g. the 2022 track «Det handler om mennesker» shows the agreements and
courses, «Fundraising og forandringsteori» the grants.
"""

from dataclasses import dataclass, field

FOREWORD = "foreword"
ASSESSMENT = "assessment"

# key → heading (numbered in the report)
FRAME_BEFORE = {
    "introduction": "Indledning",
    "enterprises": "Mød virksomhederne, initiativerne og de ”frivillige organisationer”",
    "tailwind": "Medvind på cykelstierne",
}
OPTIONAL_FRAME = {"tailwind"}  # shown only with a narrative
FRAME_AFTER = {
    "goals": "Afrapportering på målsætninger",
    "references": "Hjemmel og referencer",
}
#: Narratives that are not a numbered section of their own.
UNNUMBERED = {
    FOREWORD: "Kære læser",
    ASSESSMENT: "Enhedens vurdering (i afrapporteringen og udvalgsresuméet)",
}
PAGE_BREAK = {"introduction", "enterprises", "goals"}
PAGE_BREAK_BLOCKS = {"courses", "fundraising"}
RECORDS = "records"  # «Øvrige registreringer»: the blocks no track names
FRAME_KEYS = frozenset(FRAME_BEFORE) | frozenset(FRAME_AFTER) | frozenset(UNNUMBERED) | {RECORDS}

#: The record blocks a track's section can show (code → what it shows).
BLOCKS = {
    "courses": "Samarbejdsaftaler og forløb, praktik og løntilskud",
    "fundraising": "Fundraising: bevillinger og den gyldne donation",
    "voluntary": "De ”frivillige organisationers” forløb i tal",
    "sdgs": "Verdensmål, virksomhederne arbejder med",
}


@dataclass
class Section:
    key: str
    title: str
    number: int | None = None
    track: object = None  # the Track of a track section
    blocks: list[str] = field(default_factory=list)
    text: str = ""  # the narrative written for this report
    goals: list = field(default_factory=list)  # the strategy's goals on this track

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def anchor(self) -> str:
        return f"s{self.number}" if self.number else self.key

    @property
    def template(self) -> str:
        """Frame sections have their own partial; tracks share one."""
        if self.key in FRAME_BEFORE or self.key in FRAME_AFTER:
            return f"reports/sections/_{self.key}.html"
        return "reports/sections/_track.html"

    @property
    def page_break(self) -> bool:
        """A new page before the long sections (as in the 2022 report)."""
        return self.key in PAGE_BREAK or any(b in PAGE_BREAK_BLOCKS for b in self.blocks)


def report_sections(tracks, texts: dict[str, str]) -> list[Section]:
    """The numbered sections of a report: frame before, one per track, frame after."""
    sections = [
        Section(key, title, text=texts.get(key, ""))
        for key, title in FRAME_BEFORE.items()
        if key not in OPTIONAL_FRAME or (texts.get(key) or "").strip()
    ]
    for track in tracks:
        sections.append(
            Section(
                track.key,
                track.title,
                track=track,
                blocks=list(track.blocks),
                text=texts.get(track.key, ""),
            )
        )
    sections += [Section(key, title, text=texts.get(key, "")) for key, title in FRAME_AFTER.items()]
    for number, section in enumerate(sections, 1):
        section.number = number
    return sections


def narrative_fields(tracks) -> list[tuple[str, str]]:
    """Every narrative a report of this strategy has, as (key, label), in reading order."""
    fields = [(FOREWORD, UNNUMBERED[FOREWORD])]
    fields += [
        (k, f"{t} (vises kun med tekst)" if k in OPTIONAL_FRAME else t)
        for k, t in FRAME_BEFORE.items()
    ]
    fields += [(t.key, f"Spor {t.number}: {t.title}" if t.number else t.title) for t in tracks]
    fields += [(k, t) for k, t in FRAME_AFTER.items()]
    fields.append((ASSESSMENT, UNNUMBERED[ASSESSMENT]))
    return fields
