"""Counts of people in narrative text: the detector on the seed report's own sentences,
both ways, masking in the public edition, and the list on the publish page."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils.html import strip_tags
from hypothesis import given
from hypothesis import strategies as st

from reports.document import render_edition_html
from reports.models import ReportPeriod
from reports.textdisclosure import MASK, find_statements, mask_text

# Sentences of seed 000 (the published 2022 report) that state a count of 1 to 4 people.
CAUGHT = [
    "Status er at der er lavet plan efter 4 uger på 26 ud af 29 sager.",
    "Begge deltagere er påvirkede af deres diagnoser.",
    "2 deltagere har ikke haft en plan, og det er sket ifølge aftale med sagsbehandler.",
    "2 af deltidsjobbene er reelt uddannelsesstillinger – hvor der er tilbudt job ved siden af.",
    "Status pr. den 21.12.2022 er, at 32 unge har været aktive i forløbet: 11 deltagere er "
    "endt i ordinært job, 8 i uddannelse og 2 er i praktik.",
    "Andel af veteraner i afsluttede forløb: 2 ud af 19 = 10,5 %.",
    "3 er fortsat i forløb og 8 er afsluttede.",
    "Resultater er: Fleksjob: 3, startet uddannelse: 1, videre i praktik: 5, tilkendt "
    "førtidspension: 3.",
    "8 borgere er ledige – heraf er 4 stoppet grundet massive udfordringer.",
    "De resterende 4 afventer indsats.",
    "Danmarks Busmuseum er primært drevet af frivillige, og har to personer i små fleksjob.",
    "I perioden har to deltagere været i forløb og begge er efterfølgende kommet i fleksjob.",
    "De kom begge med et ønske om at opnå fleksjob/lønnede timer som buschauffør.",
    "I perioden har tre deltagere været i forløb og en er forsat i forløb.",
    "Efter forløb er én opstartet i uddannelse og én er på barsel.",
    "To potentielle deltagere har været til formøde.",
    "En ønskede ikke at deltage i samarbejdet og den anden ville gerne en anden vej.",
    "- Søholt har haft 1 i løntilskud",
    "28 fuldtidsstillinger, 71 deltidsjob/lønnede timer/fleksjob og 1 skånejob.",
    "Ingen af de unge er stoppet i forløbet.",
]

# Sentences of seed 000 with numbers that are no count of 1 to 4 people.
PASSED = [
    "Der er aftalt en ramme på 4 forløb, og et forløb varer som udgangspunkt 13 uger.",
    "Forløbene har været i brug i 2022, hvor der ofte har været mere end 4 forløb i brug.",
    "Jf. samarbejdsaftalen skal der i løbet af de første 4 uger udarbejdes en individuel plan.",
    "Opfølgning sker ca. hver 4. uge og der kan indkaldes til ekstra opfølgningsmøder.",
    "I 2022 har 22 deltagere haft en plan efter 4 uger.",
    "Målgruppen er seniorer og 99 ud af 100 gæster er gået på pension.",
    "82% har én eller flere diagnoser, og 50% af deltagerne udebliver fra forløbet.",
    "Rammen er hvert sted pr. år 2-3 forløb for deltagere med mulighed for at aftale andet.",
    "De to medarbejdere sikrede løbende evaluering.",
    "Botræningen Magleby foregår i tre mindre enheder.",
    "Begge dele til gavn for borgerne.",
    "I begge varmestuer er det muligt at være i virksomhedspraktik.",
    "En ansøgning er sendt af sted og to er stadig i proces.",
    "For de sidste to målgrupper, har det vist sig at virksomhederne har rummelighed.",
    "Der er afholdt fire møde á to timer hvor fokus har været ny lovgivning.",
    "Det socialøkonomiske felt har samlet fundraiset 9.553.911 kr. i perioden.",
    "Lovforslaget betyder at alle kommuner senest d. 1. juli 2023 forpligtes.",
    "I 2022 er der udvidet med to samarbejdsaftaler i forhold til forløb.",
    "Sørby Esport er i dag den største esport forening i Danmark med 555 medlemmer.",
    "Vi lægger ud med en indledning til årsrapporten i afsnit 1.",
    "Der er mulighed for at starte op som 2-4 årig med Leg med bold.",
    "Når en deltager starter i forløb hos FriRUM LAB udarbejdes en plan.",
    "- Sidemandsoplæring med støtte 1:1 – med henblik på tydelighed.",
    "Ifølge EU's tal beskæftiger socialøkonomien ca. 14 millioner mennesker, ca. 6,3 %.",
]


@pytest.mark.parametrize("sentence", CAUGHT)
def test_the_seeds_statements_of_small_counts_are_caught(sentence):
    assert find_statements(sentence), sentence


@pytest.mark.parametrize("sentence", PASSED)
def test_capacities_weeks_money_dates_and_large_counts_pass(sentence):
    assert find_statements(sentence) == [], sentence


def test_masking_replaces_only_the_sentence_and_keeps_lists_and_headings():
    text = (
        "## Planer\n\nI 2022 har 22 deltagere haft en plan efter 4 uger. 2 deltagere har ikke "
        "haft en plan. Det følges op.\n\n- Søholt har haft 1 i løntilskud\n- Musholm har haft 9"
    )
    masked = mask_text(text)
    assert masked.masked == 2
    assert masked == (
        f"## Planer\n\nI 2022 har 22 deltagere haft en plan efter 4 uger. {MASK} Det følges op."
        f"\n\n- {MASK}\n- Musholm har haft 9"
    )
    assert mask_text("Ingen tal her.").masked == 0


@pytest.mark.django_db
def test_public_edition_masks_the_demos_statements_with_a_note_and_full_keeps_them(demo):
    report = ReportPeriod.objects.get(start=date(2022, 1, 1))
    full = strip_tags(render_edition_html(report, "full"))
    public = strip_tags(render_edition_html(report, "public"))
    for sentence in ("26 ud af 29 sager", "Begge deltagere er påvirkede", "2 af deltidsjobbene"):
        assert sentence in full
        assert sentence not in public
    assert "fordi den nævner et antal personer under 5" in public
    assert "fordi den nævner" not in full


@pytest.mark.django_db
def test_the_publish_page_lists_every_flagged_sentence_with_a_link_to_rewrite_it(client, demo):
    from django.contrib.auth import get_user_model

    report = ReportPeriod.objects.get(start=date(2022, 1, 1))
    client.force_login(get_user_model().objects.get(username="konsulent"))
    page = client.get(reverse("reports:publish", args=[report.pk])).content.decode()
    assert "Tekster, der nævner et antal personer under 5" in page
    assert "Begge deltagere er påvirkede af deres diagnoser." in page
    assert f'href="{reverse("reports:texts", args=[report.pk])}#id_goals"' in page
    veteranhaven = demo_agreement_pk("VeteranHaven")
    assert f'href="{reverse("reports:answers", args=[veteranhaven, report.pk])}"' in page


def demo_agreement_pk(name: str) -> int:
    from agreements.models import Agreement

    return Agreement.objects.get(name=name).pk


NOUNS = ["deltagere", "borgere", "unge", "personer", "praktikanter", "veteraner", "sager"]


@given(n=st.integers(1, 60), noun=st.sampled_from(NOUNS), digits=st.booleans())
def test_a_count_of_people_is_flagged_exactly_when_it_is_1_to_4(n, noun, digits):
    words = {1: "én", 2: "to", 3: "tre", 4: "fire"}
    number = str(n) if digits or n not in words else words[n]
    assert bool(find_statements(f"I 2022 har {number} {noun} været i forløb.")) == (n < 5)


@given(part=st.integers(0, 60), rest=st.integers(0, 60))
def test_n_ud_af_m_is_flagged_when_either_side_is_1_to_4(part, rest):
    whole = part + rest
    flagged = bool(find_statements(f"Der er lavet plan på {part} ud af {whole} sager."))
    rate = whole in (10, 100, 1000)
    assert flagged == (not rate and (0 < part < 5 or 0 < rest < 5))
