"""Load test for `make bench`: gunicorn as `make serve` runs it (DEBUG off, WhiteNoise), on a
throwaway database with the demo, on loopback; locust drives 20 concurrent users (consultants
on the lists and the start page, committee members downloading the published report PDF)
for LOAD_SECONDS, then p50/p95 per page and the error count are printed."""

import csv
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
PASSWORD = "bench-adgangskode"


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


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="socialokonomi-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "socialeconomy.settings",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "false",  # loopback without TLS; the proxy in front terminates it
        "DJANGO_SECRET_KEY": "loadtest-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_DATA_DIR": str(tmp),
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{tmp}/load.db"),
        "AXES_FAILURE_LIMIT": "1000",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for args in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([*manage, *args], env=env, check=True)
    subprocess.run(
        [*manage, "load_demo", "--password", PASSWORD], env=env, check=True, capture_output=True
    )
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
                str(ROOT / "reports" / "locustfile.py"),
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
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"  load test: {USERS} concurrent users for {SECONDS} s against gunicorn "
        f"(3 workers × 2 threads, DEBUG off) on {host}:"
    )
    failures = sum(int(r["Failure Count"]) for r in rows if r["Name"] == "Aggregated")
    for row in rows:
        label = "all requests" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"    {label}: {int(row['Request Count']):,} requests, "
            f"{int(row['Failure Count'])} errors, p50 {row['50%']} ms, p95 {row['95%']} ms"
        )
    print(f"  load test errors: {failures} (target 0)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
