"""The layout tells the truth about the design: apps in layers, no import against them and
no cycle, module level or inside functions, migrations included (scripts/layers.py)."""

import importlib.util
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("layers", ROOT / "scripts" / "layers.py")
layers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(layers)


def test_no_app_imports_against_the_layers():
    assert layers.breaches() == []


def test_no_import_cycle_between_apps():
    assert layers.cycles() == []


def test_the_core_imports_no_app():
    edges = layers.app_imports()
    assert [other for app, other in edges if app == "socialeconomy"] == []


def test_every_project_app_has_a_layer_in_the_order_of_installed_apps():
    project = [app for app in settings.INSTALLED_APPS if (ROOT / app / "apps.py").exists()]
    assert set(project) == set(layers.RANK) & set(project)
    assert all(app in layers.RANK for app in project)
    ranks = [layers.RANK[app] for app in project]
    assert ranks == sorted(ranks)


def test_the_check_sees_an_import_against_the_layers_and_a_cycle():
    edges = {
        ("agreements", "reports"): ["agreements/views.py:40"],
        ("reports", "agreements"): ["reports/selectors.py:13"],
        ("socialeconomy", "audit"): ["socialeconomy/records.py:122"],
    }
    assert layers.breaches(edges) == [
        "agreements/views.py:40: agreements (rank 4) imports reports, a higher layer",
        "socialeconomy/records.py:122: socialeconomy (rank 0) imports audit, a higher layer",
    ]
    assert layers.cycles(edges) == [["agreements", "reports", "agreements"]]


def test_reports_hold_no_demo_benchmark_or_load_test():
    names = [p.name for p in (ROOT / "reports").rglob("*.py")]
    assert [n for n in names if any(w in n for w in ("demo", "bench", "loadtest", "locust"))] == []
