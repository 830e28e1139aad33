"""Load test for `make bench` (bench/run.py): gunicorn as `make serve` runs it (DEBUG off,
WhiteNoise) on the bench's database (100,000 courses), on loopback; locust drives 20
concurrent users (consultants on the lists and the start page, committee members downloading
the published report PDF) for LOAD_SECONDS; p95 per page and over all (logins excluded) and
the error count go back to the bench."""

import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
USERS = int(os.environ.get("LOAD_USERS", "20"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "45"))
GUNICORN_LIMITS = [  # as `make serve` runs it
    "--limit-request-line",
    "4094",
    "--limit-request-fields",
    "50",
    "--limit-request-field_size",
    "8190",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"loadtest: {url} did not answer within {timeout:.0f} s")


def run(*, database_url: str) -> list:
    """The load test against gunicorn on `database_url` (the bench's database, demo users
    with PASSWORD); returns the bench's measures. p95 is over every request but the logins
    (20 logins at once take seconds on purpose: PBKDF2)."""
    from bench.run import Measure

    tmp = Path(tempfile.mkdtemp(prefix="socialokonomi-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialeconomy.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",  # loopback without TLS; the proxy in front terminates it
        "DJANGO_SECRET_KEY": "loadtest-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DATA_DIR": str(tmp),
        "DATABASE_URL": database_url,
        "AXES_FAILURE_LIMIT": "1000",
        "LOAD_TIMES_FILE": str(tmp / "times.json"),
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "socialeconomy.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
            "--threads",
            "2",
            "--timeout",
            "120",
            *GUNICORN_LIMITS,
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(host + "/accounts/login/")
        stats = tmp / "locust"
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                f"{SECONDS}s",
                "--host",
                host,
                "--csv",
                str(stats),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            env=env,
            cwd=ROOT,
            check=False,
            capture_output=True,
        )
        rows = list(csv.DictReader((tmp / "locust_stats.csv").open()))
        times = json.loads((tmp / "times.json").read_text())
    finally:
        server.terminate()
        server.wait(timeout=30)
    out = []
    failures = sum(int(r["Failure Count"]) for r in rows if r["Name"] == "Aggregated")
    everything = sorted(t for name, values in times.items() for t in values)
    label = f"{USERS} users for {SECONDS} s, gunicorn 3×2"
    out.append(Measure("load_p95", f"{label}: p95, logins excluded", _p95(everything), "ms", 300))
    for name, values in sorted(times.items()):
        key = "load_p95_" + name.replace(" ", "_").replace(",", "")
        out.append(Measure(key, f"  p95 {name} ({len(values)} requests)", _p95(values), "ms"))
    out.append(Measure("load_requests", f"{label}: requests", len(everything), ""))
    out.append(Measure("load_errors", f"{label}: errors", failures, "", 0))
    return out


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * 0.95))] if values else float("nan")
