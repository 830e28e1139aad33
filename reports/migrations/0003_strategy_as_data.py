"""The strategy the code held until now becomes data, and the code's goals go.

Until now the report's sections were fixed keys (ReportSection.Key) and the goals two fixed
kinds (StrategyGoal.Kind). Each span of the stored goals becomes a strategy with the tracks
that the fixed sections 4–10 were (the tracks of «Det handler om mennesker», 2.1–3.4), and
the goals become its goals measured ``employed`` (annual) and ``enterprises`` (by_end). The
narratives need no move: a track's narrative is the ReportSection with the track's key, and
the fixed sections kept their keys. Publications are not touched (their documents are stored
bytes)."""

from datetime import date

from django.db import migrations, models

TRACKS = [
    ("people", "2.1", "Det handler om mennesker", ["courses"]),
    ("fundraising", "2.2", "Fundraising og forandringsteori", ["fundraising"]),
    ("extra_gear", "2.3", "Et ekstra gear", []),
    ("civil_society", "3.1", "Civilsamfund og frivillighed", ["voluntary"]),
    ("trials", "3.2", "Prøvehandlinger", []),
    ("sdgs", "3.3", "Verdensmålene", ["sdgs"]),
    ("trends", "3.4", "Trends og tilbud", []),
]
# StrategyGoal.Kind → (goal key, measure, cadence)
KINDS = {
    "employment": ("employment", "employed", "annual"),
    "enterprises": ("enterprises", "enterprises", "by_end"),
}
DEMO_SPAN = (date(2022, 1, 1), date(2025, 12, 31))


def forwards(apps, schema_editor):
    StrategyGoal = apps.get_model("reports", "StrategyGoal")
    ReportSection = apps.get_model("reports", "ReportSection")
    Strategy = apps.get_model("strategy", "Strategy")
    Track = apps.get_model("strategy", "Track")
    Goal = apps.get_model("strategy", "Goal")

    spans: dict[tuple, list] = {}
    for goal in StrategyGoal.objects.order_by("start", "pk"):
        spans.setdefault((goal.start, goal.end), []).append(goal)
    if not spans and ReportSection.objects.exists():
        spans[DEMO_SPAN] = []  # narratives written for the fixed sections, no goals stored
    for (start, end), goals in spans.items():
        if (start, end) == DEMO_SPAN:
            strategy = Strategy.objects.create(
                name="Det handler om mennesker",
                title="Den Socialøkonomiske Strategi 2.0",
                start=start,
                end=end,
                approved_by="Erhvervs- og Teknikudvalget",
                approved_on=date(2021, 12, 6),
            )
        else:
            name = f"Strategi {start:%d.%m.%Y}–{end:%d.%m.%Y}"
            strategy = Strategy.objects.create(name=name, title=name, start=start, end=end)
        for order, (key, number, title, blocks) in enumerate(TRACKS, 1):
            Track.objects.create(
                strategy=strategy, key=key, number=number, title=title, order=order, blocks=blocks
            )
        latest = {goal.kind: goal for goal in goals}  # the last stored goal of each kind
        for order, (kind, (key, measure, cadence)) in enumerate(KINDS.items(), 1):
            if kind in latest:
                Goal.objects.create(
                    strategy=strategy,
                    key=key,
                    title=latest[kind].name,
                    measure=measure,
                    cadence=cadence,
                    direction="at_least",
                    target=latest[kind].target,
                    order=order,
                )


def backwards(apps, schema_editor):
    StrategyGoal = apps.get_model("reports", "StrategyGoal")
    Strategy = apps.get_model("strategy", "Strategy")
    kinds = {measure: kind for kind, (_, measure, _) in KINDS.items()}
    for strategy in Strategy.objects.all():
        for goal in strategy.goals.filter(measure__in=kinds, of="", target__isnull=False):
            StrategyGoal.objects.create(
                name=goal.title,
                kind=kinds[goal.measure],
                target=int(goal.target),
                start=strategy.start,
                end=strategy.end,
            )
    Strategy.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_publication"),
        ("strategy", "0001_strategy"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(
            name='StrategyGoal',
        ),
        migrations.AlterField(
            model_name='reportsection',
            name='key',
            field=models.CharField(max_length=40, verbose_name='afsnit'),
        ),
    ]
