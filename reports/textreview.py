"""Before publishing: every sentence of a report's texts that states a count of people,
where it stands and where to rewrite it. The public edition masks these sentences
(reports/textdisclosure.py); the consultant sees them all on the publish page first."""

from dataclasses import dataclass

from django.urls import reverse

from agreements.models import Agreement, AgreementPause, overlaps
from enterprises.models import Enterprise, EnterpriseYear
from reports.models import ReportPeriod
from reports.textdisclosure import Statement, find_statements
from socialeconomy.vocabulary import EVALUATION_QUESTIONS
from strategy.selectors import strategy_in_force
from strategy.structure import narrative_fields


@dataclass(frozen=True)
class FlaggedText:
    """A text of the report with the sentences that state a count of people."""

    place: str
    edit_url: str
    statements: list[Statement]


def _texts(report: ReportPeriod, agreement_names: list[str]):
    """(place, edit URL, text) of every narrative text the report's documents show."""
    strategy = strategy_in_force(report.end)
    labels = dict(narrative_fields(strategy.tracks.order_by("order") if strategy else []))
    order = {key: n for n, key in enumerate(labels)}
    texts_url = reverse("reports:texts", args=[report.pk])
    for section in sorted(report.sections.all(), key=lambda s: order.get(s.key, len(order))):
        label = labels.get(section.key, section.key)  # a track of an earlier strategy
        yield f"Afsnit «{label}»", f"{texts_url}#id_{section.key}", section.text
    for answer in report.answers.select_related("agreement").order_by(
        "agreement__name", "question"
    ):
        yield (
            f"{answer.agreement.name}, spørgsmål {answer.question}: "
            f"{EVALUATION_QUESTIONS[answer.question]}",
            reverse("reports:answers", args=[answer.agreement_id, report.pk]),
            answer.text,
        )
    enterprises = Enterprise.objects.in_field(report.start, report.end).order_by("name")
    for enterprise in enterprises:
        url = reverse("enterprises:edit", args=[enterprise.pk])
        yield f"{enterprise.name}: beskrivelse", url, enterprise.description
    years = EnterpriseYear.objects.filter(year=report.start.year, enterprise__in=enterprises)
    for year in years.select_related("enterprise").order_by("enterprise__name"):
        url = reverse("enterprises:year_edit", args=[year.pk])
        yield f"{year.enterprise.name}: året {year.year}", url, year.this_year
        yield f"{year.enterprise.name}: fokus fremover", url, year.next_year
    agreements = Agreement.objects.filter(name__in=agreement_names).order_by("name")
    for agreement in agreements.filter(model="2"):
        url = reverse("agreements:edit", args=[agreement.pk])
        yield f"{agreement.name}: om aftalen", url, agreement.description
    pauses = AgreementPause.objects.filter(
        overlaps("start", "end", report.start, report.end), agreement__in=agreements
    ).select_related("agreement")
    for pause in pauses.order_by("agreement__name", "start"):
        url = reverse("agreements:pause_edit", args=[pause.pk])
        yield f"{pause.agreement.name}: pause", url, pause.reason


def flagged_texts(report: ReportPeriod, figures: dict) -> list[FlaggedText]:
    """Every text of the report (``figures``: its computed figures) with a sentence that
    states a count of people from 1 to 4, in the order the report shows them."""
    names = [a["name"] for a in figures["agreements"]]
    flagged = []
    for place, url, text in _texts(report, names):
        statements = find_statements(text)
        if statements:
            flagged.append(FlaggedText(place=place, edit_url=url, statements=statements))
    return flagged
