#!/usr/bin/env python3
"""The project's apps in their layers, and every import between them.

    python scripts/layers.py            # the app-to-app imports, then any breach; exit 1 on one
    python scripts/layers.py --verbose  # ... with the file and line of every import

An app may import (at module level or inside a function) only apps of a LOWER rank, and its
migrations may depend only on such apps. Apps of the same rank do not import each other.
tests/test_layers.py runs the same check in the suite. Nothing here imports Django: the
check reads the source files (ast), so it also sees imports inside functions."""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# rank -> apps. Lower ranks know nothing of higher ones.
LAYERS = {
    0: ["socialeconomy"],  # core: settings, vocabulary, validators, formats, roles, pages
    1: ["background"],  # the task queue
    2: ["audit"],  # access log and history
    3: ["enterprises", "strategy"],  # domain: enterprises and their records; the strategy
    4: ["agreements", "activities"],  # domain: agreements, courses; activities
    5: ["reports", "exchange"],  # aggregation (figures, documents, data quality); workbook
    6: ["demo"],  # the demo data
}
RANK = {app: rank for rank, apps in LAYERS.items() for app in apps}


def _imported_apps(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.lineno, node.module.split(".")[0]


def _migration_dependencies(tree: ast.AST):
    """(line, app) of each ("app", "migration") tuple in a migration's ``dependencies``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "dependencies" for t in node.targets
        ):
            for element in getattr(node.value, "elts", []):
                if isinstance(element, ast.Tuple) and element.elts:
                    first = element.elts[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        yield element.lineno, first.value


def app_imports() -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) -> ["path:line", ...] for every import between apps."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for app in RANK:
        folder = ROOT / app
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            where = path.relative_to(ROOT)
            found = list(_imported_apps(tree))
            if "migrations" in path.parts:
                found += [(line, dep) for line, dep in _migration_dependencies(tree)]
            for line, other in found:
                if other in RANK and other != app:
                    edges[(app, other)].append(f"{where}:{line}")
    return dict(edges)


def breaches(edges=None) -> list[str]:
    """Every import against the layers, one line each; empty when the layout holds."""
    edges = app_imports() if edges is None else edges
    found = []
    for (app, other), places in sorted(edges.items()):
        if RANK[other] >= RANK[app]:
            how = "the same layer" if RANK[other] == RANK[app] else "a higher layer"
            found += [
                f"{place}: {app} (rank {RANK[app]}) imports {other}, {how}" for place in places
            ]
    return found


def cycles(edges=None) -> list[list[str]]:
    """Import cycles between apps (each as a list of apps), found by depth-first search."""
    edges = app_imports() if edges is None else edges
    graph: dict[str, set[str]] = defaultdict(set)
    for app, other in edges:
        graph[app].add(other)
    found, state = [], {}

    def visit(app, path):
        state[app] = "open"
        for other in sorted(graph[app]):
            if state.get(other) == "open":
                found.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other, [*path, other])
        state[app] = "done"

    for app in sorted(graph):
        if app not in state:
            visit(app, [app])
    return found


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    edges = app_imports()
    for rank, apps in LAYERS.items():
        print(f"{rank}  {', '.join(apps)}")
    print()
    for (app, other), places in sorted(edges.items(), key=lambda e: (-RANK[e[0][0]], e[0])):
        print(f"{app} -> {other}  ({len(places)})")
        if verbose:
            for place in places:
                print(f"    {place}")
    problems = breaches(edges)
    loops = cycles(edges)
    print()
    for line in problems:
        print(f"AGAINST THE LAYERS  {line}")
    for loop in loops:
        print(f"CYCLE  {' -> '.join(loop)}")
    if not problems and not loops:
        print("The layers hold: no import against them, no cycle.")
    return 1 if problems or loops else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
