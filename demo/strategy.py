"""The demo's strategy and its second reporting period (called from demo.loader.demo_load).

The strategy «Det handler om mennesker» 2022–2025 (seed 001 §2–4) is loaded from
demo/fixtures/strategy_2022_2025.json through the same code as ``load_strategy``.

The 2023 reporting period runs 01.03.2023–29.02.2024: the 2022 report ran to 28.02.2023, so
no hire, grant, placement or completed course counts in both periods. Its records give the
status of the committee item of April 2024 (seed 003): 118 employed and 34 enterprises and
initiatives in 2023. The seed names neither the three enterprises that joined nor the
hires, so the demo invents them (their descriptions and references say so): three
enterprises joining in spring and summer 2023, and 118 hires dated March–December 2023
(references A23-001 …), also inside calendar 2023, the period of the published figure.
"""

import random
from datetime import date, timedelta
from pathlib import Path

from enterprises.models import Enterprise, Hire
from reports.models import ReportPeriod
from strategy.files import read_strategy_file, strategy_save
from strategy.models import Strategy

STRATEGY_FILE = Path(__file__).resolve().parent / "fixtures" / "strategy_2022_2025.json"
PERIOD_2023 = (date(2023, 3, 1), date(2024, 2, 29))
INVENTED = (
    "Opdigtet til demoen: udvalgssagen om årsrapporten 2023 (24-004614) nævner 34 "
    "virksomheder og initiativer i 2023, men ikke hvilke tre der kom til."
)
# name, slug, type, joined, town
ENTERPRISES_2023 = [
    (
        "Genbrugsværkstedet Skælskør",
        "genbrugsvaerkstedet-skaelskor",
        "registered",
        "2023-04-01",
        "Skælskør",
    ),
    ("Café Fællesskab", "cafe-faellesskab", "initiative", "2023-06-01", "Slagelse"),
    ("Korsør Kystlaug", "korsor-kystlaug", "voluntary", "2023-08-15", "Korsør"),
]
HIRES_2023 = {"full_time": 34, "part_time": 82, "sheltered": 2}  # 118 (seed 003)


def demo_strategy_load() -> bool:
    """Load the demo strategy unless a strategy of that name exists; True when loaded."""
    data = read_strategy_file(STRATEGY_FILE)
    if Strategy.objects.filter(name=data["name"]).exists():
        return False
    strategy_save(data)
    return True


def demo_2023_load(count) -> None:
    """The 2023 reporting period and its invented records. ``count(label, created)``."""
    start, end = PERIOD_2023
    count(
        "rapporter",
        ReportPeriod.objects.get_or_create(
            start=start,
            end=end,
            defaults={
                "title": "Den Socialøkonomiske Årsrapport 2023",
                "subtitle": "Demo: perioden 01.03.2023–29.02.2024 med opdigtede registreringer",
            },
        )[1],
    )
    new = []
    for name, slug, etype, joined, town in ENTERPRISES_2023:
        enterprise, created = Enterprise.objects.get_or_create(
            name=name,
            defaults={
                "slug": slug,
                "type": etype,
                "joined": date.fromisoformat(joined),
                "town": town,
                "description": INVENTED,
            },
        )
        count("virksomheder", created)
        new.append(enterprise)
    employers = list(Enterprise.objects.exclude(type="voluntary").order_by("name"))
    rng = random.Random(2023)
    kinds = [kind for kind, n in HIRES_2023.items() for _ in range(n)]
    rng.shuffle(kinds)
    first, last = date(2023, 3, 1), date(2023, 12, 31)
    span = (last - first).days
    for i, kind in enumerate(kinds, 1):
        day = first + timedelta(days=span * (i - 1) // (len(kinds) - 1))
        count(
            "ansættelser",
            Hire.objects.get_or_create(
                reference=f"A23-{i:03d}",
                defaults={"enterprise": employers[i % len(employers)], "date": day, "type": kind},
            )[1],
        )
