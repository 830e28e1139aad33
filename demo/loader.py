"""The demo database: the social-economy field of 2022 as the published annual report
describes it (docs/demo-2022.md; texts from seed 000 in demo/fixtures/).

Individual course records are not published, so pseudonymous courses (D22-0001, ...) are
generated deterministically with counts that match the report exactly and plausible dates.
Loading is idempotent: every record is looked up by its key and only created when missing.
"""

import json
import random
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from agreements.models import Agreement, AgreementPause, Course
from demo.activities import demo_activities
from demo.progression import demo_progression
from demo.strategy import demo_2023_load, demo_strategy_load
from enterprises.models import Enterprise, EnterpriseYear, Grant, Hire, Placement
from reports.models import EvaluationAnswer, PublishedFigure, ReportPeriod, ReportSection
from socialeconomy import roles

TEXTS = Path(__file__).resolve().parent / "fixtures" / "demo_2022_texts.json"

PERIOD_START = date(2022, 1, 1)
PERIOD_END = date(2023, 2, 28)
REPORT_TITLE = "Den Socialøkonomiske Årsrapport 2022"
REPORT_2023 = "Den Socialøkonomiske Årsrapport 2023 (udvalgssag 24-004614, 4. april 2024)"

R, INI, V = "registered", "initiative", "voluntary"
D = date.fromisoformat

# name, slug, type, joined (the report gives no dates: plausible, before the period), town, SDGs
ENTERPRISES = [
    ("Botræningen Magleby", "botraeningen-magleby", R, "2015-11-01", "Skælskør", ""),
    ("CSRNext", "csrnext", R, "2019-01-01", "", ""),
    ("Den Interne Skole", "den-interne-skole", R, "2016-01-01", "Magleby", "4"),
    ("FriRUM LAB", "frirum-lab", R, "2017-01-01", "Slagelse", "12, 17"),
    ("Golfstrømmen", "golfstrommen", R, "2017-04-01", "Rude", ""),
    ("Magleby Skolecenter", "magleby-skolecenter", R, "2016-01-01", "Magleby", "4"),
    ("Mina ApS", "mina-aps", R, "2016-01-01", "Korsør", "8, 12"),
    ("Musholm ferie-, sport- og konferencecenter", "musholm", R, "2015-05-01", "Korsør", ""),
    ("Sumak", "sumak", R, "2016-01-01", "Korsør", "8"),
    ("Søholt", "soholt", R, "2018-01-01", "", ""),
    ("VeteranHaven", "veteranhaven", R, "2017-01-01", "Slots Bjergby", "8, 15"),
    ("AffaldPlus", "affaldplus", INI, "2019-01-01", "Slagelse", "12"),
    ("Giftet Institute", "giftet-institute", INI, "2020-01-01", "", ""),
    ("Kirkens Korshær", "kirkens-korshaer", INI, "2016-01-01", "Slagelse", ""),
    ("Konfus Collective", "konfus-collective", INI, "2019-01-01", "", ""),
    ("Korsør Bykontor", "korsor-bykontor", INI, "2020-01-01", "Korsør", ""),
    ("Liselund Højskole", "liselund-hojskole", INI, "2021-01-01", "Slagelse", ""),
    ("LOF Slagelse-Korsør-Skælskør", "lof", INI, "2021-01-01", "Slagelse", ""),
    ("Mina Huset", "mina-huset", INI, "2020-01-01", "", ""),
    ("Møllegården", "mollegaarden", INI, "2021-06-01", "Kirke Stillinge", ""),
    ("OK-Fonden", "ok-fonden", INI, "2021-06-01", "Slagelse", ""),
    ("Stald Kanehøj", "stald-kanehoj", INI, "2017-01-01", "", ""),
    ("Sund og Bælt", "sund-og-baelt", INI, "2019-01-01", "Korsør", "15, 17"),
    ("Synergihuset", "synergihuset", INI, "2021-06-01", "", ""),
    ("Sørby Esport", "sorby-esport", INI, "2021-09-01", "Sørbymagle", ""),
    ("VestsjællandCentret", "vestsjaellandcentret", INI, "2021-10-01", "Slagelse", "12, 17"),
    ("By- og Overfartsmuseet", "by-og-overfartsmuseet", V, "2019-01-01", "Korsør", ""),
    ("Danmarks Busmuseum", "danmarks-busmuseum", V, "2019-01-01", "Skælskør", ""),
    ("Guldagergaard", "guldagergaard", V, "2022-06-01", "Skælskør", ""),
    ("Kongegaarden", "kongegaarden", V, "2019-01-01", "Korsør", ""),
    ("SBI – Slagelse Boldklub og Idrætsforening", "sbi", V, "2020-01-01", "Slagelse", ""),
]


@dataclass
class AgreementSpec:
    name: str
    enterprise: str
    model: str
    referrer: str
    also: list[str]
    capacity: int | None
    start: str
    end: str | None
    participants: int
    ongoing: int
    outcomes: dict[str, int]
    plans_on_time: int = 0
    plans_late: int = 0
    new_without_plan: int = 0  # ongoing courses started less than 4 weeks before period end
    final_evaluations_late: int = 0
    veterans_completed: int = 0
    veterans_ongoing: int = 0
    aim: str = ""
    aim_veteran_share: int | None = None
    short_from: str | None = None  # courses starting from this date last 5 weeks
    pause: tuple[str, str] | None = None

    @property
    def is_model_1(self) -> bool:
        return self.model == "1"


AGREEMENTS = [
    AgreementSpec(
        "FriRUM LAB",
        "FriRUM LAB",
        "1",
        "youth_unit",
        ["jobcenter"],
        4,
        "2019-01-01",
        None,
        participants=29,
        ongoing=9,
        outcomes={
            "flexjob": 3,
            "education": 1,
            "internship": 5,
            "disability_pension": 3,
            "stopped_complex_needs": 4,
            "unemployed_awaiting": 4,
        },
        plans_on_time=26,
        plans_late=3,
        final_evaluations_late=12,
    ),
    AgreementSpec(
        "Mina ApS",
        "Mina ApS",
        "1",
        "jobcenter",
        ["youth_unit"],
        6,
        "2017-01-01",
        None,
        participants=74,
        ongoing=22,
        outcomes={
            "flexjob": 6,
            "paid_hours": 7,
            "internship": 8,
            "moved_away": 2,
            "disability_pension": 9,
            "deceased": 1,
            "prison": 1,
            "other_se_course": 1,
            "unemployed_awaiting": 8,
            "stopped_complex_needs": 9,
        },
        plans_on_time=44,
    ),
    AgreementSpec(
        "Sumak",
        "Sumak",
        "1",
        "jobcenter",
        ["youth_unit"],
        10,
        "2017-01-01",
        None,
        participants=34,
        ongoing=8,
        outcomes={
            "flexjob": 1,
            "paid_hours": 2,
            "internship": 7,
            "other_se_course": 1,
            "disability_pension": 1,
            "stopped_complex_needs": 8,
            "unemployed_awaiting": 6,
        },
        plans_on_time=31,
        plans_late=3,
    ),
    AgreementSpec(
        "VeteranHaven",
        "VeteranHaven",
        "1",
        "jobcenter",
        ["youth_unit"],
        8,
        "2018-01-01",
        None,
        participants=29,
        ongoing=10,
        outcomes={
            "flexjob": 5,
            "education": 3,
            "disability_pension": 1,
            "stopped_complex_needs": 4,
            "stopped_nonattendance": 4,
            "unemployed_awaiting": 2,
        },
        plans_on_time=22,
        new_without_plan=5,
        veterans_completed=2,
        veterans_ongoing=3,
        aim="Det tilstræbes, at mindst 50 % af forløbene er målrettet veteraner.",
        aim_veteran_share=50,
    ),
    AgreementSpec(
        "Sørby Esport",
        "Sørby Esport",
        "1",
        "youth_unit",
        ["jobcenter"],
        6,
        "2022-02-01",
        None,
        participants=11,
        ongoing=3,
        outcomes={
            "paid_hours": 2,
            "flexjob": 1,
            "internship": 2,
            "stopped_complex_needs": 2,
            "unemployed_awaiting": 1,
        },
        plans_on_time=8,
        plans_late=3,
    ),
    AgreementSpec(
        "Synergihuset",
        "Synergihuset",
        "1",
        "youth_unit",
        [],
        3,
        "2022-03-01",
        None,
        participants=3,
        ongoing=1,
        outcomes={"education": 1, "unemployed_awaiting": 1},
        plans_on_time=3,
    ),
    AgreementSpec(
        "Stald Kanehøj",
        "Stald Kanehøj",
        "1",
        "jobcenter",
        [],
        3,
        "2019-01-01",
        None,
        participants=0,
        ongoing=0,
        outcomes={},
        pause=("2022-01-01", "2022-12-31"),
    ),
    AgreementSpec(
        "AffaldPlus – periode 1",
        "AffaldPlus",
        "2",
        "youth_unit",
        [],
        None,
        "2021-11-01",
        "2022-04-01",
        participants=32,
        ongoing=1,
        outcomes={
            "ordinary_job": 9,
            "education": 3,
            "flexjob": 1,
            "internship": 2,
            "moved_away": 1,
            "prison": 1,
            "parental_leave": 1,
            "other_se_course": 5,
            "unemployed_awaiting": 8,
        },
    ),
    AgreementSpec(
        "AffaldPlus – periode 2",
        "AffaldPlus",
        "2",
        "youth_unit",
        [],
        None,
        "2022-04-01",
        "2023-02-28",
        participants=50,
        ongoing=8,
        outcomes={
            "ordinary_job": 1,
            "education": 2,
            "moved_away": 5,
            "parental_leave": 1,
            "other_se_course": 4,
            "unemployed_awaiting": 29,
        },
        short_from="2022-09-01",
    ),
    AgreementSpec(
        "By- og Overfartsmuseet",
        "By- og Overfartsmuseet",
        "voluntary",
        "culture_leisure",
        [],
        3,
        "2019-01-01",
        None,
        participants=1,
        ongoing=1,
        outcomes={},
    ),
    AgreementSpec(
        "Danmarks Busmuseum",
        "Danmarks Busmuseum",
        "voluntary",
        "culture_leisure",
        [],
        3,
        "2019-01-01",
        None,
        participants=2,
        ongoing=0,
        outcomes={"flexjob": 2},
    ),
    AgreementSpec(
        "Guldagergaard",
        "Guldagergaard",
        "voluntary",
        "culture_leisure",
        [],
        3,
        "2022-06-01",
        None,
        participants=1,
        ongoing=1,
        outcomes={},
    ),
    AgreementSpec(
        "Kongegaarden",
        "Kongegaarden",
        "voluntary",
        "culture_leisure",
        [],
        3,
        "2019-01-01",
        None,
        participants=3,
        ongoing=1,
        outcomes={"education": 1, "parental_leave": 1},
    ),
    AgreementSpec(
        "SBI",
        "SBI – Slagelse Boldklub og Idrætsforening",
        "voluntary",
        "culture_leisure",
        [],
        3,
        "2020-01-01",
        None,
        participants=1,
        ongoing=0,
        outcomes={"medically_unfit": 1},
    ),
]

# (enterprise, internships, wage subsidies) in the period
PLACEMENTS = [
    ("Musholm ferie-, sport- og konferencecenter", 3, 6),
    ("Liselund Højskole", 3, 0),
    ("Kirkens Korshær", 4, 0),
    ("Botræningen Magleby", 2, 0),
    ("Den Interne Skole", 8, 2),
    ("Golfstrømmen", 4, 4),
    ("Magleby Skolecenter", 3, 0),
    ("Søholt", 0, 1),
]

# reference, enterprise, date, donor, kroner, purpose
GRANTS = [
    (
        "F22-01",
        "FriRUM LAB",
        "2022-04-20",
        "Puljen Hensyntagende fritidstilbud",
        75_000,
        "Aktiviteter på hold for børn og unge med særlige behov, primært inden for "
        "autismespektret.",
    ),
    ("F22-02", "Mina ApS", "2022-03-15", "Velliv", 50_000, "Madprojekt."),
    ("F22-03", "Mina ApS", "2022-05-10", "Trelleborg Fonden", 25_000, "Madprojekt."),
    (
        "F22-04",
        "Mina ApS",
        "2022-09-20",
        "Velliv",
        28_000,
        "Udvikling af medarbejdernes mentale trivsel.",
    ),
    (
        "F22-05",
        "Musholm ferie-, sport- og konferencecenter",
        "2022-06-01",
        "En endnu anonym fond",
        3_200_000,
        "Badebro, udekøkken og sauna.",
    ),
    (
        "F22-06",
        "VeteranHaven",
        "2022-12-15",
        "Flere givere (donationer over 5.000 kr.)",
        733_111,
        "Anonyme donorer, STAR, Ole Erik Andersen fond, Friluftsrådet, Styrelsen for "
        "Arbejdsmarked Graduate forløb, Lars Erik Andersens Familiefond, Velliv, Harboes "
        "bryggeri, Minipigs A/S, De Danske Forsvarsbrødre, Slagelse Firmaidræt, Henrik Thaarups "
        "fond for veteraner, § 18-midler og Grønvold & Schou/XL-Byg: drift, inventar, velfærd "
        "og byggematerialer.",
    ),
    (
        "F22-07",
        "Kirkens Korshær",
        "2022-12-15",
        "Genbrugsmidler, Socialministeriet, lottomidler, donationer og gaver",
        2_100_000,
        "Varmestuerne i Slagelse Kommune.",
    ),
    (
        "F22-08",
        "Sørby Esport",
        "2022-11-01",
        "Velle, Nordea, DGI/DIF, Bank Trelleborg, Lions Club og Slagelse Kommunes handicappulje",
        272_800,
        "Inklusionsprojekter.",
    ),
    (
        "F22-09",
        "LOF Slagelse-Korsør-Skælskør",
        "2022-08-15",
        "Oplysningsforbundenes lokalforeningspulje",
        25_000,
        "",
    ),
    (
        "F22-10",
        "Danmarks Busmuseum",
        "2022-07-01",
        "RA's Støttefond og Møllerens Fond",
        140_000,
        "",
    ),
    (
        "F22-11",
        "Kongegaarden",
        "2022-10-01",
        "Den Obelske Familiefond, Augustinus Fonden, Knud Højgaards Fond og 15. Juni Fonden",
        855_000,
        "",
    ),
    (
        "F22-12",
        "Guldagergaard",
        "2022-11-15",
        "Små og store fonde",
        2_000_000,
        "Beløbet er oplyst som «ca. 2.000.000 kr.».",
    ),
]

HIRES = {"full_time": 28, "part_time": 71, "sheltered": 1}

PUBLISHED = [
    # document, published, start, end, key, value, as stated
    (REPORT_TITLE, "2023-03-31", PERIOD_START, PERIOD_END, "enterprises.total", 31, "31"),
    (
        REPORT_TITLE,
        "2023-03-31",
        PERIOD_START,
        PERIOD_END,
        "enterprises.by_type.registered",
        11,
        "11",
    ),
    (
        REPORT_TITLE,
        "2023-03-31",
        PERIOD_START,
        PERIOD_END,
        "enterprises.by_type.initiative",
        15,
        "15",
    ),
    (REPORT_TITLE, "2023-03-31", PERIOD_START, PERIOD_END, "enterprises.by_type.voluntary", 5, "5"),
    (REPORT_TITLE, "2023-03-31", PERIOD_START, PERIOD_END, "employment.total", 100, "100"),
    (
        REPORT_TITLE,
        "2023-03-31",
        PERIOD_START,
        PERIOD_END,
        "employment.by_type.full_time",
        28,
        "28",
    ),
    (
        REPORT_TITLE,
        "2023-03-31",
        PERIOD_START,
        PERIOD_END,
        "employment.by_type.part_time",
        71,
        "71",
    ),
    (REPORT_TITLE, "2023-03-31", PERIOD_START, PERIOD_END, "employment.by_type.sheltered", 1, "1"),
    (
        REPORT_TITLE,
        "2023-03-31",
        PERIOD_START,
        PERIOD_END,
        "fundraising.total_dkk",
        9_553_911,
        "9.553.911 mio. kr.",
    ),
    (
        REPORT_2023,
        "2024-04-04",
        date(2023, 1, 1),
        date(2023, 12, 31),
        "employment.total",
        118,
        "118",
    ),
    (
        REPORT_2023,
        "2024-04-04",
        date(2023, 1, 1),
        date(2023, 12, 31),
        "enterprises.total",
        34,
        "34",
    ),
]


@dataclass
class DemoResult:
    created: dict[str, int]
    password: str | None


def _spread(lo: date, hi: date, n: int, rng: random.Random, jitter: int = 3) -> list[date]:
    """n dates spread evenly over [lo, hi], each moved a few days at random, kept inside."""
    if n == 0:
        return []
    span = max((hi - lo).days, 0)
    days = []
    for i in range(n):
        d = round(span * (i + 0.5) / n) + rng.randint(-jitter, jitter)
        days.append(lo + timedelta(days=min(max(d, 0), span)))
    return sorted(days)


def demo_courses(spec: AgreementSpec, first_number: int) -> list[dict]:
    """Deterministic course records for one agreement whose counts match ``spec``."""
    rng = random.Random(f"demo-2022:{spec.name}")
    a_start, a_end = D(spec.start), D(spec.end) if spec.end else None
    weeks13 = timedelta(days=91)
    short_from = D(spec.short_from) if spec.short_from else None
    completed_n = spec.participants - spec.ongoing

    outcomes = [code for code, n in spec.outcomes.items() for _ in range(n)]
    assert len(outcomes) == completed_n, spec.name
    rng.shuffle(outcomes)

    courses: list[dict] = []
    # Completed courses: start so that the course ends inside the period.
    last_start = min(a_end or PERIOD_END, PERIOD_END - timedelta(days=35))
    first_start = max(a_start, PERIOD_START - timedelta(days=80))
    for start, outcome in zip(
        _spread(first_start, last_start, completed_n, rng), outcomes, strict=True
    ):
        length = timedelta(days=35) if short_from and start >= short_from else weeks13
        if outcome.startswith("stopped") or outcome in {"deceased", "prison", "moved_away"}:
            length = timedelta(days=rng.randint(21, 70))
        end = min(start + length, PERIOD_END)
        end = max(end, PERIOD_START)
        courses.append({"start": start, "end": end, "outcome": outcome})

    # Ongoing courses: no end date yet.
    normal_ongoing = spec.ongoing - spec.new_without_plan
    lo = max(a_start, PERIOD_END - timedelta(days=88))
    hi = PERIOD_END - timedelta(days=30)
    if a_end and a_end < PERIOD_END:  # e.g. a course still running when its period ended
        lo, hi = max(a_start, a_end - timedelta(days=60)), a_end
    for start in _spread(lo, hi, normal_ongoing, rng, jitter=2):
        courses.append({"start": start, "end": None, "outcome": ""})
    for start in _spread(
        PERIOD_END - timedelta(days=26),
        PERIOD_END - timedelta(days=2),
        spec.new_without_plan,
        rng,
        jitter=0,
    ):
        courses.append({"start": start, "end": None, "outcome": "", "new": True})

    # Plans (model 1): on time within 28 days, late after, or none.
    if spec.is_model_1:
        candidates = [c for c in courses if not c.get("new")]
        order = list(range(len(candidates)))
        rng.shuffle(order)
        completed_idx = [i for i in order if candidates[i]["end"]]
        late_idx = set(completed_idx[: spec.plans_late])
        remaining = [i for i in order if i not in late_idx]
        on_time_idx = set(remaining[: spec.plans_on_time])
        assert len(late_idx) == spec.plans_late and len(on_time_idx) == spec.plans_on_time
        for i, course in enumerate(candidates):
            if i in on_time_idx:
                course["plan_received"] = course["start"] + timedelta(days=rng.randint(7, 27))
            elif i in late_idx:
                course["plan_received"] = course["start"] + timedelta(days=rng.randint(35, 60))
        finished = [c for c in courses if c["end"]]
        late_final = set(rng.sample(range(len(finished)), spec.final_evaluations_late))
        for i, course in enumerate(finished):
            delay = rng.randint(21, 60) if i in late_final else rng.randint(2, 14)
            course["final_evaluation_received"] = course["end"] + timedelta(days=delay)

    if spec.veterans_completed or spec.veterans_ongoing:
        finished = [c for c in courses if c["end"]]
        running = [c for c in courses if not c["end"]]
        for course in rng.sample(finished, spec.veterans_completed):
            course["veteran"] = True
        for course in rng.sample(running, spec.veterans_ongoing):
            course["veteran"] = True

    courses.sort(key=lambda c: c["start"])
    for n, course in enumerate(courses, start=first_number):
        course["reference"] = f"D22-{n:04d}"
        course.pop("new", None)
    return courses


def _ensure_users(password: str | None, enterprises: dict[str, Enterprise]) -> tuple[int, str]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
    wanted = [
        ("admin", None, None),
        ("konsulent", roles.CONSULTANT, None),
        ("udvalg", roles.COMMITTEE, None),
    ]
    slugs_with_agreement = sorted({enterprises[spec.enterprise].slug for spec in AGREEMENTS})
    by_slug = {e.slug: e for e in enterprises.values()}
    wanted += [(slug, roles.ENTERPRISE_STAFF, by_slug[slug]) for slug in slugs_with_agreement]

    missing = [w for w in wanted if not User.objects.filter(username=w[0]).exists()]
    if not missing:
        return 0, ""
    password = password or secrets.token_urlsafe(12)
    for username, group, enterprise in missing:
        user = User(
            username=username,
            is_staff=username in ("admin", "konsulent"),
            is_superuser=username == "admin",
        )
        user.set_password(password)
        user.save()
        if group:
            user.groups.add(groups[group])
        if enterprise:
            enterprise.staff.add(user)
    return len(missing), password


@transaction.atomic
def demo_load(*, password: str | None = None) -> DemoResult:
    texts = json.loads(TEXTS.read_text(encoding="utf-8"))
    created: dict[str, int] = {}

    def count(label: str, was_created: bool) -> None:
        created[label] = created.get(label, 0) + int(was_created)

    report, new = ReportPeriod.objects.get_or_create(
        start=PERIOD_START,
        end=PERIOD_END,
        defaults={
            "title": REPORT_TITLE,
            "subtitle": "”Det handler om mennesker”",
            "issued": date(2023, 3, 31),
        },
    )
    count("rapporter", new)
    for key, text in texts["sections"].items():
        count(
            "rapportafsnit",
            ReportSection.objects.get_or_create(report=report, key=key, defaults={"text": text})[1],
        )
    count("strategier", demo_strategy_load())
    for document, published, start, end, key, value, stated in PUBLISHED:
        count(
            "offentliggjorte tal",
            PublishedFigure.objects.get_or_create(
                document=document,
                period_start=start,
                period_end=end,
                key=key,
                defaults={"published": D(published), "value": value, "stated_as": stated},
            )[1],
        )

    enterprises: dict[str, Enterprise] = {}
    for name, slug, etype, joined, town, sdgs in ENTERPRISES:
        text = texts["enterprises"][name]
        enterprise, new = Enterprise.objects.get_or_create(
            name=name,
            defaults={
                "slug": slug,
                "type": etype,
                "joined": D(joined),
                "town": town,
                "sdgs": sdgs,
                "description": text["description"],
                "target_group": text["target_group"],
            },
        )
        if new:
            enterprise.full_clean()
        count("virksomheder", new)
        enterprises[name] = enterprise
        if text["this_year"] or text["next_year"]:
            count(
                "årsbeskrivelser",
                EnterpriseYear.objects.get_or_create(
                    enterprise=enterprise,
                    year=2022,
                    defaults={"this_year": text["this_year"], "next_year": text["next_year"]},
                )[1],
            )

    number = 1
    existing_refs = set(Course.objects.values_list("reference", flat=True))
    for spec in AGREEMENTS:
        text = texts["agreements"].get(spec.name, {})
        agreement, new = Agreement.objects.get_or_create(
            name=spec.name,
            defaults={
                "enterprise": enterprises[spec.enterprise],
                "model": spec.model,
                "referring_unit": spec.referrer,
                "also_referring_units": spec.also,
                "capacity": spec.capacity,
                "start": D(spec.start),
                "end": D(spec.end) if spec.end else None,
                "plan_deadline_days": 28 if spec.is_model_1 else None,
                "follow_up_days": 28 if spec.is_model_1 else None,
                "final_evaluation_deadline_days": 14 if spec.is_model_1 else None,
                "description": text.get("description", ""),
                "target_group": text.get("target_group", ""),
                "aim": spec.aim,
                "aim_veteran_share": spec.aim_veteran_share,
            },
        )
        if new:
            agreement.full_clean()
        count("aftaler", new)
        if spec.pause:
            count(
                "pauser",
                AgreementPause.objects.get_or_create(
                    agreement=agreement,
                    start=D(spec.pause[0]),
                    defaults={"end": D(spec.pause[1]), "reason": text.get("pause_reason", "")},
                )[1],
            )
        answers = dict(text.get("answers", {}))
        if spec.is_model_1 and text.get("description"):
            answers["1"] = "\n\n".join(filter(None, [text["description"], text["target_group"]]))
        for question, answer in answers.items():
            count(
                "evalueringssvar",
                EvaluationAnswer.objects.get_or_create(
                    agreement=agreement,
                    report=report,
                    question=int(question),
                    defaults={"text": answer},
                )[1],
            )

        new_courses = []
        for row in demo_courses(spec, number):
            if row["reference"] not in existing_refs:
                course = Course(agreement=agreement, **row)
                course.full_clean(validate_unique=False)
                new_courses.append(course)
        number += spec.participants
        bulk_create_with_history(new_courses, Course)  # so a first change shows "before"
        created["forløb"] = created.get("forløb", 0) + len(new_courses)

    created.update(demo_progression(PERIOD_START, PERIOD_END))  # invented: no source states them
    rng = random.Random("demo-2022:records")
    for name, internships, subsidies in PLACEMENTS:
        kinds = ["internship"] * internships + ["wage_subsidy"] * subsidies
        for i, (kind, day) in enumerate(
            zip(kinds, _spread(PERIOD_START, PERIOD_END, len(kinds), rng), strict=True), 1
        ):
            ref = f"P22-{enterprises[name].slug}-{i:02d}"
            count(
                "praktik og løntilskud",
                Placement.objects.get_or_create(
                    reference=ref,
                    defaults={"enterprise": enterprises[name], "date": day, "type": kind},
                )[1],
            )

    for ref, name, day, donor, amount, purpose in GRANTS:
        count(
            "bevillinger",
            Grant.objects.get_or_create(
                reference=ref,
                defaults={
                    "enterprise": enterprises[name],
                    "date": D(day),
                    "donor": donor,
                    "amount": amount,
                    "purpose": purpose,
                },
            )[1],
        )

    # The report gives no split of the 100 hires by enterprise; spread them over the
    # registered enterprises and initiatives so that every record has an enterprise.
    kinds = [kind for kind, n in HIRES.items() for _ in range(n)]
    rng.shuffle(kinds)
    employers = [enterprises[n] for n, _, t, *_ in ENTERPRISES if t != V]
    for i, (kind, day) in enumerate(
        zip(kinds, _spread(PERIOD_START, PERIOD_END, len(kinds), rng), strict=True), 1
    ):
        count(
            "ansættelser",
            Hire.objects.get_or_create(
                reference=f"A22-{i:03d}",
                defaults={"enterprise": employers[i % len(employers)], "date": day, "type": kind},
            )[1],
        )

    demo_2023_load(count)
    demo_activities(count)  # activities, their states and figures (demo/activities.py)
    users, password_used = _ensure_users(password, enterprises)
    created["brugere"] = users
    return DemoResult(created=created, password=password_used or None)


def demo_publish() -> bool:
    """Publish the demo report as the demo consultant, unless it is published already.
    Returns whether a publication was made (it takes a few seconds: three PDFs)."""
    from django.contrib.auth import get_user_model

    from reports.services import report_publish

    report = ReportPeriod.objects.get(start=PERIOD_START, end=PERIOD_END)
    if report.publications.exists():
        return False
    user = get_user_model().objects.filter(username="konsulent").first()
    report_publish(report=report, user=user)
    return True
