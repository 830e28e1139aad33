"""Deviations and lessons: what the figures show went otherwise than planned.

The strategy asks the report to "fremhæve det skæve, det uventede, læringer og
korrektioner". This module finds, in a report's figures, the goals not met, the agreements
far under or over their capacity, the missed plan and final-evaluation deadlines, the
veteran aims not met, and the published figures the records do not bear out. Each
deviation carries the consultant's comment (DeviationComment), written in the browser.

The deviations are found from the edition's figures, so the public edition states them
with its suppressed counts («<5», «x»), and its comments are checked for counts of people
like every other text (reports/textdisclosure.py).
"""

from dataclasses import dataclass

from reports.models import DeviationComment, ReportPeriod
from reports.quality import difference_text
from socialeconomy.formatting import dk_int, dk_share
from socialeconomy.suppression import is_hidden

#: An agreement is far under its capacity below this share of it, far over above the other.
UNDER_CAPACITY = 50
OVER_CAPACITY = 120

TITLES = {
    "goal_employment": "Årsnormen for beskæftigelse er ikke nået",
    "goal_enterprises": "Målet for antal virksomheder er endnu ikke nået",
    "capacity_under": "Langt under rammen",
    "capacity_over": "Langt over rammen",
    "plans_late": "Planer ikke modtaget inden for fristen",
    "finals_late": "Slutevalueringer for sent",
    "veteran_aim": "Målet for veteraner er ikke nået",
    "published_differs": "Offentliggjort tal afviger fra registreringerne",
}


@dataclass(frozen=True)
class Deviation:
    code: str
    subject: str  # the agreement's name or the figure's key; "" for the report as a whole
    text: str
    comment: str = ""

    @property
    def title(self) -> str:
        return TITLES[self.code]

    @property
    def about(self) -> str:
        """The agreement it concerns ("" for the report as a whole or a figure)."""
        return "" if self.code == "published_differs" else self.subject

    @property
    def key(self) -> str:
        """The form field of its comment."""
        return f"{self.code}|{self.subject}"


def _goals(figures: dict):
    employment, enterprises = figures["employment"], figures["enterprises"]
    norm, total = employment["annual_norm"], employment["total"]
    if norm is not None and not is_hidden(total) and total < norm:
        yield "goal_employment", "", f"{dk_int(total)} ansat mod en årsnorm på {dk_int(norm)}."
    target, count = enterprises["target"], enterprises["total"]
    if target is not None and count < target:
        yield (
            "goal_enterprises",
            "",
            f"{dk_int(count)} virksomheder og initiativer mod målet {dk_int(target)} "
            f"over strategiens periode; der mangler {dk_int(target - count)}.",
        )


def _agreement(a: dict):
    name, use = a["name"], a.get("capacity_use")
    # Model 1's capacity is simultaneous courses; the voluntary initiatives' is a year's.
    if a["model"] == "1" and use and use["share"] is not None:
        if use["share"] < UNDER_CAPACITY:
            code = "capacity_under"
        elif use["share"] > OVER_CAPACITY:
            code = "capacity_over"
        else:
            code = None
        if code:
            yield (
                code,
                name,
                f"Gennemsnitligt {use['average']} samtidige forløb mod en ramme på "
                f"{dk_int(a['capacity'])} ({use['share']}\u00a0% af {dk_int(a['capacity'])}).",
            )
    on_time, participants = a.get("plans_on_time"), a["participants"]
    # A suppressed count (public edition) cannot be compared: the deviation is listed.
    unknown = is_hidden(on_time) or is_hidden(participants)
    if on_time is not None and participants and (unknown or on_time < participants):
        yield (
            "plans_late",
            name,
            f"Plan inden for {a['plan_deadline_days']} dage: "
            f"{dk_share(on_time, participants, 'forløb')}.",
        )
    late, completed = a.get("final_evaluations_late"), a["completed"]
    if late is not None and (is_hidden(late) or late > 0):
        yield (
            "finals_late",
            name,
            f"Slutevaluering for sent: {dk_share(late, completed, 'afsluttede forløb')}.",
        )
    if a.get("veteran_aim_met") is False:
        yield (
            "veteran_aim",
            name,
            f"Veteraner: {dk_share(a['veterans_completed'], completed, 'afsluttede forløb')} "
            f"mod et mål på mindst {a['aim_veteran_share']}\u00a0%.",
        )


def find_deviations(figures: dict, differences: list) -> list[tuple[str, str, str]]:
    """(code, subject, text) of every deviation in the report's figures (as report_context
    prepares them: agreements with ``capacity_use`` and ``veteran_aim_met``)."""
    found = list(_goals(figures))
    for agreement in figures["agreements"]:
        found.extend(_agreement(agreement))
    found += [("published_differs", d.key, difference_text(d)) for d in differences]
    return found


def report_deviations(
    report: ReportPeriod, figures: dict, differences: list, show=str
) -> list[Deviation]:
    """The report's deviations with their comments (``show``: how a comment is shown,
    e.g. masked in the public edition)."""
    comments = {}
    if report.pk:
        comments = {
            (c.code, c.subject): c.comment for c in DeviationComment.objects.filter(report=report)
        }
    return [
        Deviation(code, subject, text, show(comments.get((code, subject), "")))
        for code, subject, text in find_deviations(figures, differences)
    ]
