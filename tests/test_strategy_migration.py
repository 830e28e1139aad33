"""The data migration that turns the strategy held in code (StrategyGoal kinds, fixed
ReportSection keys) into a strategy record: on a copy of the demo's records as they stood
before it, with a publication whose stored documents must come through byte for byte."""

import hashlib
import json
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from demo.loader import TEXTS

BEFORE = [("reports", "0002_publication"), ("strategy", None)]
PDF = b"%PDF-1.7\n" + bytes(range(256)) * 64  # stands in for the published PDF bytes


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_goals_and_sections_move_over_and_publications_stay_byte_identical():
    apps = _migrate(BEFORE)
    try:
        ReportPeriod = apps.get_model("reports", "ReportPeriod")
        ReportSection = apps.get_model("reports", "ReportSection")
        StrategyGoal = apps.get_model("reports", "StrategyGoal")
        Publication = apps.get_model("reports", "Publication")
        texts = json.loads(TEXTS.read_text("utf-8"))["sections"]
        report = ReportPeriod.objects.create(
            title="Den Socialøkonomiske Årsrapport 2022",
            start=date(2022, 1, 1),
            end=date(2023, 2, 28),
        )
        for key, text in texts.items():
            ReportSection.objects.create(report=report, key=key, text=text)
        for kind, name, target in [
            ("employment", "Beskæftigelse: mindst 30 personer om året", 30),
            ("enterprises", "40 socialøkonomiske virksomheder og initiativer", 40),
        ]:
            StrategyGoal.objects.create(
                kind=kind, name=name, target=target, start=date(2022, 1, 1), end=date(2025, 12, 31)
            )
        documents = {
            f"{d}_{f}": (PDF + d.encode()) if f == "pdf" else f"<html>{d}</html>"
            for d in ("report", "public", "summary")
            for f in ("html", "pdf")
        }
        publication = Publication.objects.create(
            report=report,
            version=1,
            published_at=timezone.now(),
            figures={"employment": {"total": 100}},
            texts=texts,
            **documents,
        )
        before = {
            name: hashlib.sha256(
                bytes(value) if isinstance(value, bytes | memoryview) else value.encode()
            ).hexdigest()
            for name, value in documents.items()
        }

        apps = _migrate(_latest())

        Strategy = apps.get_model("strategy", "Strategy")
        strategy = Strategy.objects.get()
        assert (strategy.name, strategy.start, strategy.end) == (
            "Det handler om mennesker",
            date(2022, 1, 1),
            date(2025, 12, 31),
        )
        tracks = list(strategy.tracks.order_by("order").values_list("key", "number"))
        assert tracks == [
            ("people", "2.1"),
            ("fundraising", "2.2"),
            ("extra_gear", "2.3"),
            ("civil_society", "3.1"),
            ("trials", "3.2"),
            ("sdgs", "3.3"),
            ("trends", "3.4"),
        ]
        goals = list(
            strategy.goals.order_by("order").values_list("key", "measure", "cadence", "target")
        )
        assert goals == [
            ("employment", "employed", "annual", 30),
            ("enterprises", "enterprises", "by_end", 40),
        ]
        ReportSection = apps.get_model("reports", "ReportSection")
        moved = dict(ReportSection.objects.values_list("key", "text"))
        assert moved == texts  # every narrative kept under its key: frame or track
        Publication = apps.get_model("reports", "Publication")
        after = Publication.objects.get(pk=publication.pk)
        for name in documents:
            value = getattr(after, name)
            raw = bytes(value) if isinstance(value, bytes | memoryview) else value.encode()
            assert hashlib.sha256(raw).hexdigest() == before[name], name
    finally:
        _migrate(_latest())


@pytest.mark.django_db(transaction=True)
def test_an_empty_database_gets_no_strategy():
    _migrate(BEFORE)
    try:
        apps = _migrate(_latest())
        assert not apps.get_model("strategy", "Strategy").objects.exists()
    finally:
        _migrate(_latest())
