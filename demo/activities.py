"""The demo's activities, from the source documents (../shared/seeds):

- seed 002 («Udviklingen på aktivitetsniveau», the housing-social master plan's activities
  in 2022) by focus area, with the counts it gives as figures for the year 2022, and the
  quarterly figures it admits went wrong: 45 citizens in internships and wage subsidies year
  to date at Q2, then three at Q3 (reported by CAI). These are flagged by the checks.
  The plan is not a track of the social-economy strategy, so these activities have no track.
- seed 004 (status of the 2014 action plan, spring 2015): the action plan's actions and
  their states. The document is undated beyond its content; the states are dated
  01.04.2015 (before the opening it announces for 6 May).
- the 2022 annual report (seed 000, sections 5–10): trials, partnerships, circular-economy
  initiatives and trends as activities under the track keys of the report's sections
  (extra_gear, civil_society, trials, sdgs, trends, fundraising).

No amounts are given for the applications the report mentions, so no fundraising
application is invented; the cross-sector application is a trial action (section 8).
Running it again changes nothing."""

from datetime import date

from activities.models import Activity, ActivityFigure
from enterprises.models import Enterprise

UNIT = "Den Socialøkonomiske Enhed"
HOUSING = "Boligselskabernes boligsociale indsats"
YEAR = "2022"
PLAN_DATE = date(2015, 4, 1)

# name, type, track, focus area, responsible (enterprise or free text), partners, sdgs,
# start, [(state, date, note)], description
ACTIVITIES = [
    # Seed 002, focus area «Uddannelse og Livschancer»
    (
        "HippHopp+ og Skolestart+",
        "activity",
        "",
        "Uddannelse og Livschancer",
        HOUSING,
        "Gerlev – Center for leg og bevægelse; daginstitutioner og skoler",
        "4",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Ugentlige vejledninger med forældre i børnenes sidste år i daginstitution og første "
        "skoleår. Forløbene følger skoleåret.",
    ),
    (
        "Samarbejde med UU om Åben Vejledning",
        "activity",
        "",
        "Uddannelse og Livschancer",
        "Slagelse Kommune (UU)",
        "Jobcenter, Fritidsjobindsatsen, KVINFO, beboervejledningen",
        "4",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Fremskudt vejledning: faste, ugentlige «Åben Vejledning» i beboerhusene i alle tre "
        "boligområder.",
    ),
    (
        "Lektiecafé",
        "activity",
        "",
        "Uddannelse og Livschancer",
        HOUSING,
        "Red Barnet Ungdom (Læringscafé, Ringparken); Dansk Flygtningehjælp (Lektiecafé, "
        "Motalavej)",
        "4",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "To lektiecaféer, drevet af frivillige. Ca. 10-15 børn og unge pr. gang i hver.",
    ),
    (
        "Hverdagsøkonomi",
        "activity",
        "",
        "Uddannelse og Livschancer",
        HOUSING,
        "Økonomirådgivningen",
        "4",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Kurser for unge om skat, budget, forsikring og lån i Sydbyen og Ringparken. På "
        "Motalavej kunne der ikke rekrutteres nok deltagere til første forløb.",
    ),
    # «Beskæftigelse»
    (
        "KVINFO-projektet",
        "activity",
        "",
        "Beskæftigelse",
        HOUSING,
        "KVINFO; Jobcentret",
        "5, 8",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Mentorprojekt for minoritetskvinder uden for arbejdsmarkedet, med frivillige mentorer.",
    ),
    (
        "Håndholdt beskæftigelsesindsats 30+",
        "activity",
        "",
        "Beskæftigelse",
        "Slagelse Kommune (Jobcenter)",
        "CAI (afrapportering)",
        "8",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Individuel indsats for beboere over 30 år mod job, uddannelse, praktik eller afklaring. "
        "Kvartalstallene er uregelmæssige; i dialog med CAI afdækkes de reelle forhold.",
    ),
    (
        "Åben beskæftigelsesvejledning 18+",
        "activity",
        "",
        "Beskæftigelse",
        "Slagelse Kommune (Jobcenter)",
        "UU, KVINFO, fritidsjob- og beboervejledningen",
        "8",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Lokal beskæftigelsesvejledning i beboerhusene. Også her formodes uregelmæssigheder i "
        "tallene.",
    ),
    # «Kriminalitetsforebyggelse»
    (
        "Fritidsjobformidlingen",
        "activity",
        "",
        "Kriminalitetsforebyggelse",
        HOUSING,
        "Lokale virksomheder; UU",
        "8, 16",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Mini-forløb hos fritidsjobkonsulenten og matchning med samarbejdsvirksomheder.",
    ),
    (
        "Mind Your Own Business",
        "activity",
        "",
        "Kriminalitetsforebyggelse",
        HOUSING,
        "NGO'en Mind Your Own Business; frivillige fra erhvervslivet",
        "16",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Iværksætterprogram for unge drenge på Motalavej og i Ringparken; følger skoleåret.",
    ),
    (
        "Junior Betjent",
        "activity",
        "",
        "Kriminalitetsforebyggelse",
        HOUSING,
        "Politiet; Slagelse Kommunes Kriminalpræventive Enhed",
        "16",
        "2022-08-01",
        [("running", "2022-08-01", "Forløb på Motalavej i efteråret 2022")],
        "Rollemodelprojekt: intensivt forløb hos politiet for op til 12 drenge om året.",
    ),
    (
        "Get2Sport",
        "activity",
        "",
        "Kriminalitetsforebyggelse",
        "Slagelse Kommune",
        "Lokale foreninger; DBU",
        "3",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Satellittræninger i boligområderne og foreningsguider; en DBU fodboldskole i "
        "sommerferien.",
    ),
    # «Sammenhængskraft og Medborgerskab»
    (
        "Beboervejledning",
        "activity",
        "",
        "Sammenhængskraft og Medborgerskab",
        HOUSING,
        "Slagelse Kommune; Økonomirådgivningen",
        "10",
        "2022-01-01",
        [("started", "2022-01-01", "Ny aktivitet i helhedsplanen"), ("running", "2022-04-01", "")],
        "Vejledning om hverdagens udfordringer i beboerhusene, med faste træffetider.",
    ),
    (
        "Lokalt engagement og frivillighed",
        "activity",
        "",
        "Sammenhængskraft og Medborgerskab",
        HOUSING,
        "Dansk Folkehjælp; KFUM (Hele Danmarks Familieklub); Hjerteforeningen; Fødevarebanken",
        "3, 10",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Ferielejr, FamilieNet, familieklubber og et sundhedstema i alle tre boligområder.",
    ),
    # The 2022 annual report, section 5: fundraising
    (
        "Skrivetimer",
        "activity",
        "fundraising",
        "Fundraising",
        UNIT,
        "Frivilligcenteret",
        "17",
        "2022-01-01",
        [("running", "2022-01-01", "Konceptet fortsætter")],
        "Skrivetimer om ansøgninger, fonde, ideer og fælles tiltag, for klassiske og tværgående "
        "ansøgninger.",
    ),
    # Section 6: an extra gear
    (
        "Flere små forsøg i virksomhedernes maskinrum",
        "internal_trial",
        "extra_gear",
        "Forretningsudvikling",
        UNIT,
        "",
        "8",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "Den entreprenelle metode: test en idé i lille skala, evaluér og lav flere iterationer.",
    ),
    (
        "Socialøkonomisk Netværk",
        "activity",
        "extra_gear",
        "Forretningsudvikling",
        UNIT,
        "",
        "17",
        "2022-01-01",
        [("running", "2022-01-01", "Fortsat fra tidligere år")],
        "Netværksmøder med oplæg, dialog, udforskning og sparring.",
    ),
    (
        "Samarbejdsmøder om deltagernes værdikæde",
        "internal_trial",
        "extra_gear",
        "Forretningsudvikling",
        UNIT,
        "Virksomheder med samarbejdsaftaler",
        "8",
        "2022-01-01",
        [("started", "2022-01-01", "")],
        "Virksomheder med samarbejdsaftaler sikrer sammen kvalitet og udvikling i forløbene.",
    ),
    # Section 7: civil society and volunteering
    (
        "Samarbejde med Frivilligcenteret Slagelse",
        "partnership",
        "civil_society",
        "Civilsamfund",
        UNIT,
        "Frivilligcenteret Slagelse",
        "17",
        "2022-01-01",
        [("running", "2022-01-01", "Fastholdt trods besparelser")],
        "Sparring, ideudvikling, netværk og kontakter; Frivilligcenteret deltager i netværket og "
        "i skrivetimerne.",
    ),
    (
        "Fællesskabsalliancen",
        "partnership",
        "civil_society",
        "Civilsamfund",
        "Frivilligcenteret Slagelse",
        "Socialstyrelsen; lokale foreninger",
        "10, 17",
        "2022-06-01",
        [("started", "2022-06-01", "Bevilget for fire år (4,7 mio. kr.)")],
        "Lokale partnerskaber om unge i sårbare positioner i frivillige fællesskaber; målet er "
        "325 unge over perioden.",
    ),
    (
        "Nyt frivilligt socialøkonomisk initiativ på Guldagergaard",
        "partnership",
        "civil_society",
        "Civilsamfund",
        "Guldagergaard",
        "Kultur og Fritid",
        "",
        "2022-06-01",
        [("running", "2022-06-01", "Samarbejdet startet i sommeren 2022")],
        "Femte «frivillige organisation» med et socialøkonomisk initiativ.",
    ),
    (
        "Fodbold for fremtiden",
        "partnership",
        "civil_society",
        "Civilsamfund",
        "SBI – Slagelse Boldklub og Idrætsforening",
        "Velux Fonden; DBU; Ungeenheden",
        "3",
        "2022-01-01",
        [("running", "2022-01-01", "")],
        "",
    ),
    # Section 8: trial actions
    (
        "Tværgående ansøgning: jobcrafting og efterværn",
        "trial_action",
        "trials",
        "Prøvehandlinger",
        UNIT,
        "En fond (tæt på udviklingen af ideen)",
        "8, 17",
        "2022-06-01",
        [("started", "2022-06-01", "Ansøgningen er sendt; der afventes svar til april 2023")],
        "Et «vildt problem» med prøvehandlingsmetoden: små forsøg, opsamling og iterationer.",
    ),
    (
        "To nye tværgående ansøgninger",
        "trial_action",
        "trials",
        "Prøvehandlinger",
        UNIT,
        "",
        "17",
        "2022-09-01",
        [("planned", "2022-09-01", "Påbegyndt i efteråret; i proces")],
        "",
    ),
    # Section 9: the SDGs and circular economy
    (
        "Restprodukter: covers fra CD'er og DVD'er",
        "sdg_solution",
        "sdgs",
        "Cirkulær økonomi",
        "FriRUM LAB",
        "AffaldPlus",
        "12, 17",
        "2022-09-01",
        [("started", "2022-09-01", "")],
        "Restprodukter løftes højere op i værdikæden; testes med det samme i virkeligheden.",
    ),
    (
        "Restprodukter: rest glas fra containeren",
        "sdg_solution",
        "sdgs",
        "Cirkulær økonomi",
        "FriRUM LAB",
        "AffaldPlus",
        "12, 17",
        "2022-09-01",
        [("started", "2022-09-01", "")],
        "",
    ),
    (
        "Tasker af filt fra brugt arbejdstøj",
        "sdg_solution",
        "sdgs",
        "Cirkulær økonomi",
        "Mina ApS",
        "En stor dansk virksomhed (endnu anonym)",
        "12",
        "2022-11-01",
        [("started", "2022-11-01", "Samarbejdsaftale underskrevet i november 2022")],
        "Design og produktion af tasker til medarbejderne; ansættelse af personer på kanten af "
        "arbejdsmarkedet.",
    ),
    (
        "Partnerskab for handling med VestsjællandCentret",
        "sdg_solution",
        "sdgs",
        "Cirkulær økonomi",
        "FriRUM LAB",
        "VestsjællandCentret",
        "17",
        "2022-10-01",
        [("started", "2022-10-01", "")],
        "Workshops og arrangementer om bæredygtighed og verdensmål; rekruttering til praktik og "
        "lønnede timer i centrets butikker.",
    ),
    # Section 10: trends and offers from outside
    (
        "Taskforcen vedr. sociale indkøb",
        "trend",
        "trends",
        "Trends og tilbud",
        UNIT,
        "Erhvervsstyrelsen, Kooperationen, Den Sociale Kapitalfond, Selveje Danmark m.fl.",
        "12",
        "2022-06-01",
        [("running", "2022-06-01", "")],
        "Perspektiver på sociale indkøb, udbredelsesmetoder og «how to».",
    ),
    (
        "Efterværn på arbejdsmarkedet og jobcrafting",
        "trend",
        "trends",
        "Trends og tilbud",
        UNIT,
        "",
        "8",
        "2022-10-01",
        [("planned", "2022-10-01", "Vi er begyndt at kigge ind i det")],
        "",
    ),
]

# Seed 004: the action plan's actions, with the state the status gives them.
ACTIONS = [
    (
        "Strategi- og politikudvikling",
        "started",
        "under udarbejdelse – køres nu sammen med CSR-strategien",
    ),
    (
        "Tværorganisatorisk projektorganisation",
        "started",
        "køres nu sammen med CSR-strategien",
    ),
    ("Task force: 30 fleksjobbere i arbejde i socialøkonomiske virksomheder", "started", "nedsat"),
    (
        "Blindes Arbejde: filial i Slagelse Kommune",
        "planned",
        "åbning ved borgmesteren (tbc.) den 6. maj",
    ),
    ("Musholm Bugt: flere socialøkonomiske elementer i driften", "started", "i proces"),
    ("Legehytten: ansættelse af udsatte borgere", "started", "i proces"),
    (
        "Dialog og støtte til 8-9 andre initiativer",
        "running",
        "ikke offentliggjort af hensyn til virksomhedernes strategiske arbejde",
    ),
    ("Kompetencer til rådgivning af virksomheder", "started", "under opbygning"),
    ("Videns- og ressourcenetværk internt i kommunen", "started", "under opbygning"),
    ("Møder og sparring med interesserede virksomheder og iværksættere", "running", ""),
    ("Netværk for lokale socialøkonomiske virksomheder", "started", "opstartet"),
    ("Frivillige indkøbsaftaler med socialøkonomiske virksomheder", "started", ""),
    ("Markedsføring af kommunen med socialøkonomisk profil", "running", ""),
    ("Konferencer: tiltrække datterselskaber og filialer", "running", ""),
    ("Nationalt videnscenter for socialøkonomi: besøg og værktøjsudvikling", "done", ""),
    ("Intern og ekstern videns- og kapacitetsopbygning", "running", ""),
    ("Besøg af EU's socialudvalg", "done", ""),
    ("Kommunalnetværk om at fremme socialøkonomi", "running", ""),
    ("Det Sociale Vækstprogram: støtte til socialøkonomiske iværksættere", "running", ""),
    ("Nationale midler til fremme af socialøkonomi", "done", "ansøgt og bevilget"),
    ("Dialog med ministerier om afknopning og rimelighedskravet", "started", ""),
]

# activity, figure, period, value, basis, counts people, source
FIGURES = [
    (
        "HippHopp+ og Skolestart+",
        "Familier (inkl. nye hold og gengangere)",
        YEAR,
        90,
        "period",
        True,
        "",
    ),
    ("HippHopp+ og Skolestart+", "Skoler og institutioner", YEAR, 4, "period", False, ""),
    ("HippHopp+ og Skolestart+", "Individuelle vejledninger", YEAR, 400, "period", False, ""),
    ("Samarbejde med UU om Åben Vejledning", "Unge vejledt af UU", YEAR, 60, "period", True, ""),
    ("Lektiecafé", "Lektiecafétilbud", YEAR, 2, "period", False, ""),
    ("Hverdagsøkonomi", "Unge på de første forløb", YEAR, 26, "period", True, ""),
    ("KVINFO-projektet", "Mentor-mentee matches", YEAR, 30, "period", True, ""),
    (
        "Håndholdt beskæftigelsesindsats 30+",
        "Borgere i praktik og løntilskud",
        "2022-Q2",
        45,
        "ytd",
        True,
        "CAI",
    ),
    (
        "Håndholdt beskæftigelsesindsats 30+",
        "Borgere i praktik og løntilskud",
        "2022-Q3",
        3,
        "ytd",
        True,
        "CAI",
    ),
    (
        "Håndholdt beskæftigelsesindsats 30+",
        "Borgere i ordinær beskæftigelse",
        "2022-Q2",
        15,
        "ytd",
        True,
        "CAI",
    ),
    (
        "Åben beskæftigelsesvejledning 18+",
        "Beskæftigelsesvejledninger med unge",
        YEAR,
        40,
        "period",
        False,
        "CAI",
    ),
    ("Fritidsjobformidlingen", "Unge i fritidsjob og job", YEAR, 60, "period", True, ""),
    ("Fritidsjobformidlingen", "Samtaler med unge", YEAR, 400, "period", False, ""),
    ("Fritidsjobformidlingen", "Virksomhedsbesøg", YEAR, 200, "period", False, ""),
    (
        "Mind Your Own Business",
        "Drenge i programmet (inkl. nyt hold)",
        YEAR,
        25,
        "period",
        True,
        "",
    ),
    ("Junior Betjent", "Drenge på forløb", YEAR, 12, "period", True, ""),
    ("Get2Sport", "Satellittræninger", YEAR, 25, "period", False, ""),
    ("Beboervejledning", "Samtaler i beboerhusene", YEAR, 650, "period", False, ""),
    (
        "Lokalt engagement og frivillighed",
        "Familier på sommerferielejr",
        YEAR,
        45,
        "period",
        True,
        "",
    ),
    (
        "Lokalt engagement og frivillighed",
        "Personer på sommerferielejr",
        YEAR,
        165,
        "period",
        True,
        "",
    ),
    (
        "Lokalt engagement og frivillighed",
        "Frivillige på sommerferielejr",
        YEAR,
        10,
        "period",
        True,
        "",
    ),
    (
        "Lokalt engagement og frivillighed",
        "Deltagere i FamilieNet (inkl. gengangere)",
        YEAR,
        300,
        "period",
        True,
        "",
    ),
    ("Lokalt engagement og frivillighed", "Uddannede hjertereddere", YEAR, 20, "period", True, ""),
    ("Skrivetimer", "Skrivetimer afholdt (á 1,5 time)", YEAR, 2, "period", False, UNIT),
    (
        "Tasker af filt fra brugt arbejdstøj",
        "Tasker aftalt",
        YEAR,
        1_700,
        "period",
        False,
        "Mina ApS",
    ),
    (
        "Tværgående ansøgning: jobcrafting og efterværn",
        "Måneder i ansøgningsprocessen",
        YEAR,
        7,
        "period",
        False,
        UNIT,
    ),
]


def demo_activities(count) -> None:
    """Load the demo's activities, states and figures; ``count(label, created)`` tallies."""
    enterprises = dict(Enterprise.objects.values_list("name", "pk"))
    rows = [
        (
            name,
            "action",
            "",
            "Handleplanen 2014",
            UNIT,
            "",
            "",
            None,
            [(state, PLAN_DATE.isoformat(), note)],
            "",
        )
        for name, state, note in ACTIONS
    ]
    for name, kind, track, area, responsible, partners, sdgs, start, states, text in (
        ACTIVITIES + rows
    ):
        enterprise = enterprises.get(responsible)
        activity, new = Activity.objects.get_or_create(
            name=name,
            defaults={
                "type": kind,
                "track": track,
                "focus_area": area,
                "enterprise_id": enterprise,
                "responsible": "" if enterprise else responsible,
                "partners": partners,
                "sdgs": sdgs,
                "description": text,
                "start": date.fromisoformat(start) if start else None,
            },
        )
        if new:
            activity.full_clean()
        count("aktiviteter", new)
        for state, day, note in states:
            count(
                "aktivitetsstatus",
                activity.states.get_or_create(
                    state=state, date=date.fromisoformat(day), defaults={"note": note}
                )[1],
            )
    activities = dict(Activity.objects.values_list("name", "pk"))
    for name, figure, period, value, basis, people, source in FIGURES:
        count(
            "aktivitetstal",
            ActivityFigure.objects.get_or_create(
                activity_id=activities[name],
                name=figure,
                period=period,
                defaults={
                    "value": value,
                    "basis": basis,
                    "counts_people": people,
                    "source": source,
                },
            )[1],
        )
