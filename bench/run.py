"""`make bench`: speed figures, printed beside their targets, never asserted in tests.

One run measures one database (a throwaway SQLite file, or the PostgreSQL of DATABASE_URL
with --postgres, as `scripts/with_postgres.sh` provides): the demo plus a synthetic history
of 2,000 courses a year going back in time, so 4,000, 40,000 and 100,000 courses are the
same field's database after two, twenty and fifty years.

- the report's figures at 40,000 courses against 4,000 (flat: indexed by period);
- import of a 40,000-course workbook into an empty database of the same kind;
- single requests at 100,000 courses through the whole Django stack (median of 5);
- the load test (bench/loadtest.py): 20 users against gunicorn on this same database;
- with --pdf, the PDF pipeline against WeasyPrint alone.

`--json FILE` keeps the figures; `--compare A.json B.json` prints two runs side by side.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-adgangskode"  # the demo users' password (bench/locustfile.py)
PER_YEAR = 2_000  # courses a year in the synthetic history
FULL = 100_000


@dataclass
class Measure:
    key: str
    label: str
    value: float
    unit: str  # "ms", "s", "", "MB"
    target: float | None = None  # at most

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    def text(self) -> str:
        return _fmt(self.value, self.unit)


def _fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:,.0f} ms"
    if unit == "s":
        return f"{value:,.1f} s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:,.2f}" if isinstance(value, float) and value % 1 else f"{value:,.0f}"


def _setup(postgres: bool) -> str:
    tmp = Path(tempfile.mkdtemp(prefix="socialokonomi-bench-"))
    if postgres:
        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith("postgres"):
            raise SystemExit("bench --postgres: DATABASE_URL is not PostgreSQL")
    else:
        url = f"sqlite:///{tmp}/bench.db"
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_DATA_DIR"] = str(tmp)
    (tmp / "static").mkdir()
    os.environ["DJANGO_HTTPS"] = "false"  # plain http on loopback: no redirect to https
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 40)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialeconomy.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return url


def _grow_to(total: int, period_start: date) -> None:
    """Add history before the report period until there are ``total`` courses: 2,000 courses
    a year under one agreement a year, going back in time. The report's own period is left
    as the demo has it."""
    from agreements.models import Agreement, Course
    from enterprises.models import Enterprise

    enterprise = Enterprise.objects.get(name="Mina ApS")
    have = Course.objects.count()
    agreements: dict[int, Agreement] = {}
    batch = []
    outcomes = ["flexjob", "education", "unemployed_awaiting", "", "internship"]
    for n in range(have, total):
        age_days = 1 + (n - 270) * 365 // PER_YEAR  # n-th course back from the period start
        start = period_start - timedelta(days=age_days + 92)
        year = start.year
        if year not in agreements:
            agreements[year], _ = Agreement.objects.get_or_create(
                name=f"Historisk aftale {year}",
                defaults={
                    "enterprise": enterprise,
                    "model": "1",
                    "referring_unit": "jobcenter",
                    "capacity": 40,
                    "start": date(year, 1, 1),
                    "end": date(year, 12, 31),
                },
            )
        batch.append(
            Course(
                reference=f"H-{n:06d}",
                agreement=agreements[year],
                start=start,
                end=start + timedelta(days=91),
                outcome=outcomes[n % len(outcomes)],
                plan_received=start + timedelta(days=10 + n % 30) if n % 7 else None,
            )
        )
        if len(batch) == 5000:
            Course.objects.bulk_create(batch)
            batch = []
    Course.objects.bulk_create(batch)
    _analyze()


def _analyze() -> None:
    """After a bulk load, what autovacuum would soon do on its own (PostgreSQL: the visibility
    map and planner statistics), so that it does not run in the middle of the measurements;
    SQLite: planner statistics."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _median(fn, repeat: int = 5) -> float:
    fn()  # warm: the first request of a kind pays for caches and the planner
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _bench_pdf(report, out: list[Measure]) -> None:
    from weasyprint import HTML

    from reports.document import render_report_html
    from socialeconomy.pdf import PDF_OPTIONS, html_to_pdf

    html = render_report_html(report)
    weasy, pipeline = float("inf"), float("inf")
    for _ in range(2):  # interleaved, best of two: the machine's noise hits both alike
        started = time.perf_counter()
        HTML(string=html).write_pdf(**PDF_OPTIONS)  # tagged, as the pipeline makes it
        weasy = min(weasy, time.perf_counter() - started)
        started = time.perf_counter()
        html_to_pdf(render_report_html(report))
        pipeline = min(pipeline, time.perf_counter() - started)
    out.append(Measure("pdf_weasyprint", "PDF: WeasyPrint alone", weasy, "s"))
    out.append(Measure("pdf_pipeline", "PDF: figures + HTML + PDF", pipeline, "s"))
    out.append(Measure("pdf_ratio", "PDF: pipeline / WeasyPrint", pipeline / weasy, "", 1.2))


def _bench_strategy(out: list[Measure]) -> None:
    """The demo's 2023 report (two periods on the strategy's scoreboard): the whole report
    (figures, HTML, PDF) with the strategy against the same without the strategy object
    (what the report cost before the strategy became data), and the JSON against
    report_figures alone."""
    from unittest import mock

    from demo.strategy import PERIOD_2023
    from reports.document import render_report_html
    from reports.editions import report_json
    from reports.models import ReportPeriod
    from reports.selectors import report_figures
    from socialeconomy.pdf import html_to_pdf

    start, end = PERIOD_2023
    report = ReportPeriod.objects.get(start=start, end=end)

    def whole_report():
        html_to_pdf(render_report_html(report))

    with_strategy, without = float("inf"), float("inf")
    for _ in range(2):  # interleaved, best of two
        with_strategy = min(with_strategy, _median(whole_report, repeat=1))
        with mock.patch("reports.strategy_report.strategy_figures", lambda **kwargs: None):
            without = min(without, _median(whole_report, repeat=1))
    out.append(Measure("strategy_report", "2023 report with the strategy", with_strategy, "s"))
    out.append(
        Measure(
            "strategy_ratio",
            "2023 report: with / without the strategy",
            with_strategy / without,
            "",
            1.1,
        )
    )
    plain = _median(lambda: report_figures(start=start, end=end), repeat=7)
    full = _median(lambda: report_json(start=start, end=end), repeat=7)
    out.append(Measure("strategy_json", "2023 report JSON with the strategy", full * 1000, "ms"))
    out.append(Measure("strategy_figures", "2023 report_figures alone", plain * 1000, "ms"))


def _bench_figures(report, out: list[Measure]) -> Path:
    """Figures at 4,000 and 40,000 courses; returns the 40,000-course workbook."""
    from exchange.exports import workbook_export
    from reports.selectors import report_figures

    start, end = report.start, report.end
    medians = {}
    for total in (4_000, 40_000):
        _grow_to(total, start)
        medians[total] = _median(lambda: report_figures(start=start, end=end), repeat=7)
        out.append(
            Measure(
                f"figures_{total}",
                f"report figures at {total:,} courses",
                medians[total] * 1000,
                "ms",
            )
        )
    ratio = medians[40_000] / medians[4_000]
    out.append(Measure("figures_ratio", "report figures, 40,000 / 4,000 courses", ratio, "", 1.2))
    path = Path(tempfile.mkdtemp(prefix="socialokonomi-import-")) / "udveksling.xlsx"
    workbook_export(path)
    return path


def _empty_database(url: str):
    """A second, empty database of the same kind as `url`: (its URL, a function that drops it)."""
    if url.startswith("sqlite"):
        tmp = Path(tempfile.mkdtemp(prefix="socialokonomi-import-"))
        return f"sqlite:///{tmp}/empty.db", lambda: None
    import psycopg
    from django.db import connection

    name = f"bench_import_{os.getpid()}"
    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")

    def drop():
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    return url.rsplit("/", 1)[0] + "/" + name, drop


def _bench_import(url: str, path: Path, out: list[Measure]) -> None:
    """import_workbook of the 40,000-course workbook into an empty database, in a child
    process whose peak memory (max RSS) is read afterwards."""
    import resource

    empty, drop = _empty_database(url)
    env = {**os.environ, "DATABASE_URL": empty}
    manage = [sys.executable, str(ROOT / "manage.py")]
    try:
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        started = time.perf_counter()
        subprocess.run(
            [*manage, "import_workbook", str(path)], env=env, check=True, capture_output=True
        )
        seconds = time.perf_counter() - started
    finally:
        drop()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size = path.stat().st_size / 1024 / 1024
    label = f"import of 40,000 courses ({size:.1f} MB workbook) into an empty database"
    out.append(Measure("import_40k", label, seconds, "s", 10))
    out.append(Measure("import_memory", "import: peak memory of the process", peak, "MB"))


PAGES = [  # key, label, URL, target in ms
    ("course_list", "course list, first page", "/forloeb/", 80),
    ("start_page", "start page (deadlines, capacity)", "/", 80),
    ("data_quality", "data quality, the report period (all checks)", "/datakvalitet/", 300),
    (
        "course_list_outcome",
        "course list sorted by outcome, page 3",
        "/forloeb/?sort=outcome&page=3",
        None,
    ),
    ("course_list_end", "course list sorted by end date", "/forloeb/?sort=end", None),
    ("course_list_page_1000", "course list, page 1,000", "/forloeb/?page=1000", None),
    ("course_list_search", "course list, search 'H-0999'", "/forloeb/?q=H-0999", None),
    (
        "course_list_no_outcome",
        "course list, completed without outcome",
        "/forloeb/?status=completed&outcome=none",
        None,
    ),
    ("agreement_list", "agreement list", "/aftaler/", None),
]


def _bench_pages(out: list[Measure]) -> None:
    """The browser's pages at 100,000 courses: server time per request through the whole
    Django stack (middleware, access helper, filter, table, template), median of 5."""
    from django.contrib.auth.models import User
    from django.test import Client

    user = User.objects.get(username="konsulent")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    for key, label, url, target in PAGES:
        seconds = _median(lambda url=url: _ok(client.get(url), url))
        out.append(Measure(key, label, seconds * 1000, "ms", target))


def _pages_in_a_fresh_process(url: str) -> list[Measure]:
    """The pages measured by a new process, as a web worker would serve them: this one has
    rendered PDFs and built 100,000 objects, and its heap slows everything it does after."""
    result = Path(tempfile.mkdtemp(prefix="socialokonomi-pages-")) / "pages.json"
    env = {**os.environ, "DATABASE_URL": url}
    command = [sys.executable, "-m", "bench", "--pages", "--json", str(result)]
    subprocess.run(command, env=env, cwd=ROOT, check=True)
    return [Measure(**m) for m in json.loads(result.read_text())]


def _ok(response, url) -> None:
    if response.status_code != 200:
        raise SystemExit(f"bench: {url} gave {response.status_code}")


def run(postgres: bool, pdf: bool) -> list[Measure]:
    url = _setup(postgres)
    from agreements.models import Course
    from demo.loader import PERIOD_START, demo_load, demo_publish
    from reports.models import ReportPeriod

    demo_load(password=PASSWORD)
    demo_publish()  # the committee's PDF in the load test
    report = ReportPeriod.objects.get(start=PERIOD_START)  # the demo also has 2023
    out: list[Measure] = []
    database = "PostgreSQL" if postgres else "SQLite"
    print(f"Socialøkonomi benchmark on {database}", flush=True)
    if pdf:
        _bench_pdf(report, out)
        _bench_strategy(out)
    workbook = _bench_figures(report, out)
    _bench_import(url, workbook, out)
    _grow_to(FULL, report.start)
    print(f"  {Course.objects.count():,} courses", flush=True)
    out.extend(_pages_in_a_fresh_process(url))
    from django.db import connections

    connections.close_all()
    from bench import loadtest

    out.extend(loadtest.run(database_url=url))
    return out


def _print(measures: list[Measure]) -> None:
    for m in measures:
        target = "" if m.target is None else f"  (target ≤ {_fmt(m.target, m.unit)})"
        flag = {True: "  ok", False: "  MISSED", None: ""}[m.met]
        print(f"  {m.label}: {m.text()}{target}{flag}")


def compare(paths: list[str]) -> None:
    runs = [
        (Path(p).stem, {m["key"]: Measure(**m) for m in json.loads(Path(p).read_text())})
        for p in paths
    ]
    keys = list(dict.fromkeys(k for _, run in runs for k in run))
    names = [name for name, _ in runs]
    width = 58
    print(f"\n{'measure':<{width}}" + "".join(f"{n:>16}" for n in names) + f"{'target':>12}")
    for key in keys:
        first = next(run[key] for _, run in runs if key in run)
        cells = []
        for _, run in runs:
            m = run.get(key)
            cells.append("–" if m is None else m.text() + ("" if m.met in (None, True) else " !"))
        target = "" if first.target is None else f"≤ {_fmt(first.target, first.unit)}"
        print(
            f"{first.label[: width - 1]:<{width}}"
            + "".join(f"{c:>16}" for c in cells)
            + f"{target:>12}"
        )
    print("(! = target missed)")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--postgres", action="store_true", help="measure DATABASE_URL")
    parser.add_argument("--pdf", action="store_true", help="also the PDF pipeline")
    parser.add_argument("--json", help="keep the figures in this file")
    parser.add_argument("--compare", nargs="+", metavar="JSON", help="print runs side by side")
    parser.add_argument("--pages", action="store_true", help=argparse.SUPPRESS)  # internal
    args = parser.parse_args()
    if args.compare:
        compare(args.compare)
        return 0
    if args.pages:  # the pages of the database in DATABASE_URL, for run()
        os.environ.setdefault("DJANGO_HTTPS", "false")
        os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 40)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialeconomy.settings")
        import django

        django.setup()
        measures: list[Measure] = []
        _bench_pages(measures)
        Path(args.json).write_text(json.dumps([asdict(m) for m in measures]))
        return 0
    measures = run(args.postgres, args.pdf)
    _print(measures)
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(m) for m in measures], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
