#!/usr/bin/env python
"""What a user sees, written to files, so that two versions of the code can be compared.

    .venv/bin/python scripts/user_snapshot.py OUTDIR [--paths-from BEFORE_DIR]
    scripts/user_snapshot_diff.sh BEFORE_DIR AFTER_DIR [--strict]   # exit 1 if any difference
    (the same as: python3 scripts/user_snapshot.py --compare BEFORE_DIR AFTER_DIR [--strict])

In a fresh temporary data directory (its own SQLite database; never the real one), with the
clock frozen at 2026-12-01 12:00 Europe/Copenhagen, it migrates, loads the demo
(`load_demo`, which publishes the 2022 report the way the app does), captures the report
figures, adds the few records the demo lacks (a course without a plan, a draft plan and
evaluation, a job, a fundraising application, a self-reported goal) and five users, and writes
to OUTDIR:

- paths.json: every URL path visited. Built from the permission matrix of
  tests/test_permissions.py (its URL names and the objects they take) when that imports, else
  from the URL resolver. With --paths-from the BEFORE list is reused exactly: URL names may
  change between versions, paths may not.
- matrix.json (path → role → status) and redirects.json (path → role → Location), for the
  roles anonymous, committee, staff_a (own enterprise), staff_b (another), consultant, admin.
- pages/<role>/<slug>.html|.pdf.txt|.xlsx.txt|.txt: each 200 response; HTML with the CSRF
  tokens blanked and job tokens named by the job's id, PDFs as `pdftotext -layout` text plus
  page count and Tagged flag, workbooks as a cell dump.
- after_worker.json and pages/<role>/<slug>.after-worker.*: a request that queued a job (the
  draft report PDFs) asked again, with its job page, once a worker (`db_worker --batch`) has
  run the queue.
- figures/: `annual_report --format json --edition full|public|summary` and `check_data
  --format json` (today: the frozen day) for every report period, on the demo as loaded.
- publications/: each stored publication's figures, texts and frozen documents (HTML, PDF as
  text).

It uses public entry points only (call_command, the test Client, the URL resolver, models by
app label). The one service it may need, publishing, is imported lazily from where it lives
now (`reports.services.report_publish`), and only if `load_demo` published nothing.
"""

import argparse
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
ROLES = ("anonymous", "committee", "staff_a", "staff_b", "consultant", "admin")
EDITIONS = ("full", "public", "summary")
# Beside every URL once: the same pages with the query strings that exercise the course-state
# rules (the start page on another day, the course list's status, outcome and deadline
# filters), the data-quality page for another period, and the lists' Excel exports.
_ALL = "per_page=200"
QUERIES = [
    "/?dato=31.12.2022",
    "/?dato=30.06.2023",
    f"/forloeb/?{_ALL}",
    f"/forloeb/?{_ALL}&sort=status",
    f"/forloeb/?{_ALL}&status=ongoing",
    f"/forloeb/?{_ALL}&status=completed",
    f"/forloeb/?{_ALL}&outcome=none",
    f"/forloeb/?{_ALL}&period_from=01.01.2023&period_to=31.03.2023",
    *(
        f"/forloeb/?{_ALL}&frist={k}&dato=31.12.2022"
        for k in ("plan", "opfoelgning", "slutevaluering")
    ),
    "/forloeb/?status=completed&eksport=xlsx",
    "/aftaler/?eksport=xlsx",
    "/virksomheder/?eksport=xlsx",
    "/datakvalitet/?fra=01.03.2023&til=29.02.2024",
]


def main() -> int:
    if sys.argv[1:2] == ["--compare"]:
        return compare(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--paths-from", type=Path, help="a BEFORE snapshot whose paths to reuse")
    args = parser.parse_args()
    if args.outdir.exists() and any(args.outdir.iterdir()):
        parser.error(f"{args.outdir} is not empty; give a new directory")

    data_dir = tempfile.mkdtemp(prefix="user-snapshot-")
    Path(data_dir, "static").mkdir()  # STATIC_ROOT; WhiteNoise warns when it is missing
    os.environ.pop("DATABASE_URL", None)
    os.environ.update(
        DJANGO_DATA_DIR=data_dir,
        DJANGO_HTTPS="false",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="user-snapshot-only",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "socialeconomy.settings")
    sys.path.insert(0, str(ROOT))

    import django
    import time_machine

    django.setup()
    try:
        with time_machine.travel(NOW, tick=False):
            return Snapshot(args.outdir, args.paths_from).run()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


class Snapshot:
    def __init__(self, outdir: Path, paths_from: Path | None):
        self.out = outdir
        self.paths_from = paths_from
        self.written = 0

    def write(self, relative: str, text: str) -> None:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.written += 1

    def write_json(self, relative: str, value) -> None:
        self.write(relative, json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")

    def run(self) -> int:
        from django.core.management import call_command
        from django.test.utils import setup_test_environment

        setup_test_environment()  # the test Client's templates and context, as in the tests
        self.out.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", password="snapshot-adgangskode", stdout=io.StringIO())
        self.publish_if_needed()
        self.figures()
        self.publications()
        world = self.world()
        paths = self.paths(world)
        self.write_json("paths.json", paths)
        self.visit(paths, world["users"])
        print(
            f"{len(paths)} paths × {len(ROLES)} roles = {len(paths) * len(ROLES)} requests; "
            f"{self.written} files written to {self.out}"
        )
        return 0

    # --- the report: figures, data quality, publications ---------------------------------------

    def publish_if_needed(self) -> None:
        from django.apps import apps

        if apps.get_model("reports", "Publication").objects.exists():
            return
        try:  # where the publishing service lives at the time of writing
            from reports.services import report_publish
        except ImportError:  # pragma: no cover - moved: find it by name
            report_publish = _find("report_publish")
        user = apps.get_model("auth", "User").objects.get(username="konsulent")
        report = apps.get_model("reports", "ReportPeriod").objects.order_by("start").first()
        report_publish(report=report, user=user)  # as load_demo does: the 2022 report

    def figures(self) -> None:
        from django.apps import apps
        from django.core.management import call_command

        for period in apps.get_model("reports", "ReportPeriod").objects.order_by("start"):
            name = f"{period.start:%Y-%m-%d}_{period.end:%Y-%m-%d}"
            dates = {"start": period.start.isoformat(), "end": period.end.isoformat()}
            for edition in EDITIONS:
                out = io.StringIO()
                call_command("annual_report", format="json", edition=edition, stdout=out, **dates)
                self.write(f"figures/annual_report_{name}_{edition}.json", out.getvalue())
            out = io.StringIO()
            call_command("check_data", format="json", stdout=out, **dates)
            self.write(f"figures/check_data_{name}.json", out.getvalue() + "\n")

    def publications(self) -> None:
        from django.apps import apps
        from django.db import models

        for pub in apps.get_model("reports", "Publication").objects.order_by("pk"):
            base = f"publications/{pub.report.start:%Y}-v{pub.version}"
            self.write_json(f"{base}/figures.json", pub.figures)
            self.write_json(f"{base}/texts.json", pub.texts)
            self.write(f"{base}/meta.txt", f"{pub.report.title}\n{pub.published_at.isoformat()}\n")
            for field in pub._meta.concrete_fields:
                value = getattr(pub, field.attname)
                if isinstance(field, models.BinaryField) and value:
                    self.write(f"{base}/{field.name}.txt", pdf_text(bytes(value)))
                elif isinstance(field, models.TextField):
                    self.write(f"{base}/{field.name}.html", normalise(value))

    # --- the objects the URLs take, and the users ------------------------------------------

    def world(self) -> dict:
        """The demo's records each URL is opened with, plus the few the demo lacks, all made in a
        fixed order so that their ids are the same in every run."""
        from django.apps import apps
        from django.contrib.auth.models import Group

        from socialeconomy import roles

        def model(label):
            return apps.get_model(*label.split("."))

        Plan, Evaluation, Course = (
            model(f"agreements.{n}") for n in ("Plan", "Evaluation", "Course")
        )
        plan = Plan.objects.order_by("pk").first()
        course = plan.course
        agreement = course.agreement
        enterprise = agreement.enterprise
        other = model("enterprises.Enterprise").objects.exclude(pk=enterprise.pk).order_by("pk")[0]

        User = model("auth.User")
        users = {"anonymous": None}
        for role, group, where in (
            ("committee", roles.COMMITTEE, None),
            ("staff_a", roles.ENTERPRISE_STAFF, enterprise),
            ("staff_b", roles.ENTERPRISE_STAFF, other),
            ("consultant", roles.CONSULTANT, None),
        ):
            user = User.objects.create_user(username=f"snapshot-{role}".replace("_", "-"))
            user.groups.add(Group.objects.get_or_create(name=group)[0])
            if where:
                where.staff.add(user)
            users[role] = user
        users["admin"] = User.objects.create_superuser(username="snapshot-admin", email="")

        def first(label, **scope):
            objects = model(label).objects.order_by("pk")
            return objects.filter(**scope).first() or objects.first()

        fresh = Course.objects.create(
            agreement=agreement, reference="S26-0001", start=date(2022, 4, 1)
        )
        draft_course = Course.objects.create(
            agreement=agreement, reference="S26-0002", start=date(2022, 4, 1)
        )
        Job = model("background.Job")
        strategy = first("strategy.Strategy")
        activity = first("activities.Activity", enterprise=enterprise)
        report = first("reports.ReportPeriod", publications__isnull=False)
        return {
            "users": users,
            "enterprise": enterprise,
            "agreement": agreement,
            "course": course,
            "fresh_course": fresh,
            "plan": plan,
            "evaluation": first("agreements.Evaluation", course__agreement=agreement),
            "draft_evaluation": Evaluation.objects.create(
                course=course, kind="ongoing", date=course.start, progression="Møder stabilt op."
            ),
            "draft_plan": Plan.objects.create(
                course=draft_course, agreed_by="Deltager og mentor", agreed_on=draft_course.start
            ),
            "pause": first("agreements.AgreementPause", agreement=agreement),
            "year": first("enterprises.EnterpriseYear", enterprise=enterprise),
            "grant": first("enterprises.Grant", enterprise=enterprise),
            "hire": first("enterprises.Hire", enterprise=enterprise),
            "placement": first("enterprises.Placement", enterprise=enterprise),
            "report": report,
            "publication": report.publications.order_by("pk").first(),
            "job": Job.objects.create(
                token="5eed" * 8,
                kind=Job.Kind.IMPORT_CHECK,
                user=users["consultant"],
                title="x.xlsx",
                state=Job.State.DONE,
                result={"errors": ["Forløb!C2 (Start): skal udfyldes"]},
            ),
            "strategy": strategy,
            "reported_goal": model("strategy.Goal").objects.create(
                strategy=strategy,
                key="snapshot_reported",
                title="Selvrapporteret",
                measure="reported",
                cadence="annual",
                target=30,
                order=99,
            ),
            "activity": activity,
            "activity_figure": first("activities.ActivityFigure", activity=activity),
            "application": model("activities.FundraisingApplication").objects.create(
                enterprise=enterprise, donor="Fond S", amount=100_000, date=date(2022, 6, 1)
            ),
        }

    def paths(self, world: dict) -> list[str]:
        if self.paths_from:
            return json.loads((self.paths_from / "paths.json").read_text())
        from django.urls import NoReverseMatch, get_resolver, reverse

        try:
            from tests.test_permissions import MATRIX, _url_names

            targets = {name: target for name, (_, target, _) in MATRIX.items()}
            names = set(_url_names(get_resolver().url_patterns)) | set(targets)
        except ImportError:  # pragma: no cover - the matrix moved: every name, first ids
            names, targets = _all_names(get_resolver()), {}
        paths = set()
        for name in sorted(names):
            target = targets.get(name, "?")
            if name == "admin":
                paths.add(reverse("admin:index"))
            elif target is None:
                paths.add(reverse(name))
            elif target == "agreement+report":
                paths.add(reverse(name, args=[world["agreement"].pk, world["report"].pk]))
            elif target == "job":
                paths.add(reverse(name, args=[world["job"].token]))
            elif target in world:
                paths.add(reverse(name, args=[world[target].pk]))
            else:
                for args in ([], [1], [world["job"].token], [1, 1]):
                    try:
                        paths.add(reverse(name, args=args))
                        break
                    except NoReverseMatch:
                        continue
        return sorted(paths) + QUERIES

    # --- the pages -----------------------------------------------------------------------------

    def visit(self, paths: list[str], users: dict) -> None:
        """Every path as every role. A request that queued a job (a draft PDF) is sent on to
        the job page; after a worker has run the queue, the job page and the path are asked
        again and kept as `.after-worker` (the draft PDFs themselves)."""
        from django.core.management import call_command
        from django.test import Client

        matrix, redirects, queued, clients = {p: {} for p in paths}, {}, [], {}
        for role in ROLES:
            clients[role] = client = Client()
            if users[role]:
                client.force_login(users[role])
            for path in paths:
                response = self.get(client, role, path)
                matrix[path][role] = response.status_code
                if "Location" in response:
                    redirects.setdefault(path, {})[role] = _jobs_named(response["Location"])
                    if response["Location"].startswith("/opgaver/"):  # a queued job
                        queued.append((role, path, response["Location"]))
        self.write_json("matrix.json", matrix)
        self.write_json("redirects.json", redirects)
        call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay", verbosity=0)
        after = {}
        for role, path, job in queued:
            after[f"{role} {path}"] = [
                self.get(clients[role], role, job, ".after-worker").status_code,
                self.get(clients[role], role, path, ".after-worker").status_code,
            ]
        self.write_json("after_worker.json", after)

    def get(self, client, role: str, path: str, suffix: str = ""):
        response = client.get(path)
        if response.status_code == 200:
            name, text = page_text(response)
            self.write(f"pages/{role}/{slug(_jobs_named(path))}{suffix}{name}", text)
        return response


def slug(path: str) -> str:
    """/forloeb/1/ → forloeb__1; / → root; a query string follows after __."""
    path, _, query = path.partition("?")
    name = (path.strip("/").replace("/", "__") or "root") + (f"__{query}" if query else "")
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name)


def normalise(text: str) -> str:
    """Blank what differs between two identical runs (CSRF tokens; random job tokens become
    the job's id). Dates and times are real content: the clock is frozen instead."""
    return _jobs_named(re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1CSRF", text))


def _jobs_named(text: str) -> str:
    from django.apps import apps

    for token, pk in apps.get_model("background", "Job").objects.values_list("token", "pk"):
        text = text.replace(token, f"JOB{pk}")
    return text


def page_text(response) -> tuple[str, str]:
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/pdf"):
        return ".pdf.txt", pdf_text(body)
    if "spreadsheetml" in kind:
        return ".xlsx.txt", workbook_text(body)
    suffix = ".html" if kind.startswith("text/html") else ".txt"
    return suffix, normalise(body.decode("utf-8", errors="replace"))


def pdf_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
        fh.write(data)
        fh.flush()
        info = subprocess.run(["pdfinfo", fh.name], capture_output=True, text=True).stdout
        text = subprocess.run(
            ["pdftotext", "-layout", fh.name, "-"], capture_output=True, text=True
        ).stdout
    keep = [line for line in info.splitlines() if line.split(":")[0] in ("Pages", "Tagged")]
    return "\n".join(keep) + "\n----\n" + text


def workbook_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    lines = []
    for sheet in book.worksheets:
        lines.append(f"== {sheet.title}")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    lines.append(f"{cell.coordinate}\t{cell.value!r}\t{cell.number_format}")
    return "\n".join(lines) + "\n"


def _all_names(resolver, prefix=""):
    """Every URL name the resolver knows, namespaced ("admin" for the whole admin)."""
    names = {f"{prefix}{key}" for key in resolver.reverse_dict if isinstance(key, str)}
    for namespace, (_, inner) in resolver.namespace_dict.items():
        names |= {"admin"} if namespace == "admin" else _all_names(inner, f"{prefix}{namespace}:")
    return names


def _find(name: str):  # pragma: no cover - only when a service has moved
    """The function `name` in any project module named services.py."""
    import importlib

    for path in sorted(ROOT.glob("*/services.py")):
        module = importlib.import_module(f"{path.parent.name}.services")
        if hasattr(module, name):
            return getattr(module, name)
    raise SystemExit(f"user_snapshot: no services.py defines {name}")


# --- comparing two snapshots -------------------------------------------------------------------


def compare(argv: list[str]) -> int:
    """`--compare BEFORE AFTER [--strict]`: the permission-matrix changes, the files on one
    side only, and a unified diff of each file that differs. An HTML file whose lines differ
    only in blank lines or runs of spaces is listed apart and is no difference (a browser
    shows the same; templates that move gain or lose a blank line) unless --strict. Exit 0 when
    the same, 1 when anything differs."""
    import difflib

    parser = argparse.ArgumentParser(prog="user_snapshot.py --compare")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--strict", action="store_true", help="whitespace in HTML counts too")
    parser.add_argument("--max-lines", type=int, default=3000, help="of diff printed")
    args = parser.parse_args(argv)
    old, new = (json.loads((d / "matrix.json").read_text()) for d in (args.before, args.after))
    for path in sorted(set(old) | set(new)):
        a, b = old.get(path, {}), new.get(path, {})
        for role in sorted(set(a) | set(b)):
            if a.get(role) != b.get(role):
                print(f"matrix: {path} {role}: {a.get(role, '-')} → {b.get(role, '-')}")

    def files(root: Path) -> set[str]:
        return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}

    def blank_insensitive(text: str) -> list[str]:
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    before, after = files(args.before), files(args.after)
    differ, spacing, lines = [], [], []
    for name in sorted(before | after):
        if name not in after or name not in before:
            differ.append(name)
            lines.append(f"only in {args.before if name in before else args.after}: {name}\n")
            continue
        a, b = ((d / name).read_text(encoding="utf-8") for d in (args.before, args.after))
        if a == b:
            continue
        html = name.endswith(".html") and not args.strict
        if html and blank_insensitive(a) == blank_insensitive(b):
            spacing.append(name)
            continue
        differ.append(name)
        lines += difflib.unified_diff(
            a.splitlines(keepends=True),
            b.splitlines(keepends=True),
            f"{args.before}/{name}",
            f"{args.after}/{name}",
        )
    if spacing:
        print(f"== {len(spacing)} HTML files differ in blank lines or spaces only:")
        print("\n".join(f"   {name}" for name in spacing))
    if not differ:
        print(f"The same: {len(before)} files, no difference.")
        return 0
    print(f"== {len(differ)} of {len(before | after)} files differ:")
    print("\n".join(f"   {name}" for name in differ))
    print("== diff")
    sys.stdout.writelines(lines[: args.max_lines])
    if len(lines) > args.max_lines:
        print(f"… {len(lines) - args.max_lines} more lines (--max-lines)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
