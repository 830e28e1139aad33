"""The narrative markup (paragraphs, '- ' lists, '## ' subheadings) and the seed report's
texts whole in the demo report."""

import re
from datetime import date

import pytest
from django.utils.html import strip_tags

from reports.document import render_edition_html
from reports.models import ReportPeriod
from reports.templatetags.report_tags import narrative


def test_a_heading_followed_by_list_lines_is_a_heading_and_a_list():
    html = str(narrative("## Formål\n- at lære\n- at arbejde\nEt afsnit bagefter."))
    assert html == (
        "<h3>Formål</h3>\n<ul><li>at lære</li><li>at arbejde</li></ul>\n<p>Et afsnit bagefter.</p>"
    )


def test_list_items_stay_separate_and_an_indented_line_continues_its_item():
    html = str(narrative("Indledning:\n- en\n  fortsat\n- to\n\nNyt afsnit\nsamme afsnit", 4))
    assert html == (
        "<p>Indledning:</p>\n<ul><li>en fortsat</li><li>to</li></ul>\n"
        "<p>Nyt afsnit samme afsnit</p>"
    )


def test_narrative_is_escaped():
    assert str(narrative("## <b>x</b>\n- <script>")) == (
        "<h3>&lt;b&gt;x&lt;/b&gt;</h3>\n<ul><li>&lt;script&gt;</li></ul>"
    )


# Paragraphs of seed 000 that the demo report once cut, section by section.
SEED_PARAGRAPHS = [
    # Kære læser
    "I afsnit 4, 5 og 6 er der arbejdet med fremadrettet konsolidering.",
    "I afsnit 11 findes Afrapportering på målsætninger i den socialøkonomiske strategi omkring "
    "antal af virksomheder og initiativer samt beskæftigelse.",
    "Rigtig god læselyst",
    # 4. Det handler om mennesker: the introduction points
    "Virksomheder som løbende har haft praktikanter og ansatte med løntilskud i 2022:",
    "Der er samarbejdsaftale med følgende virksomheder som afrapporteres efter samme model – "
    "model 1: FriRUM LAB, Mina ApS, Sumak, VeteranHaven, Stald Kanehøj, Sørby Esport og "
    "Synergihuset.",
    "Samarbejdsaftalerne evalueres efter følgende punkter:",
    "Der er ligeledes en samarbejdsaftale med AffaldPlus",
    "I samarbejdsaftalen er det aftalt, at det tilstræbes at mindst 50 % af forløbende er "
    "målrettet veteraner.",
    # AffaldPlus, model 2
    "Når Ungeenheden sammenligner sig med andre kommuner",
    # 7. Civilsamfund og frivillighed
    "Samarbejdet er afrapporteret i forhold til antal af deltagere",
    "Kongegaarden har en ansat leder, to deltidsansatte og en fleksjobber.",
    "Guldagergaard har en ansat direktør og en fuldtidsansat.",
    # 11. Afrapportering på målsætninger
    "Der skal afrapporteres på hvor mange som samlet er kommet i beskæftigelse",
    "Det er et mål over strategiens periode at vores geografi rummer 40 socialøkonomiske "
    "virksomheder og initiativer.",
]


@pytest.mark.django_db
def test_the_full_edition_has_the_seeds_paragraphs_and_separate_list_items(demo):
    report = ReportPeriod.objects.get(start=date(2022, 1, 1))
    html = render_edition_html(report, "full")
    text = " ".join(strip_tags(html).split())
    for paragraph in SEED_PARAGRAPHS:
        assert paragraph in text, paragraph
    assert re.search(r"<li>Relations dannelse med de unge[^<]*</li><li>At få en arbejdsdag", html)
    assert "- At få en arbejdsdag" not in text
