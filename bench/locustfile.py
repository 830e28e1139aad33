"""Locust scenario for `make bench` (bench/loadtest.py): consultants on the lists and the
start page, committee members downloading the published report PDF."""

import json
import os
import re

from locust import HttpUser, between, events, task

PASSWORD = "bench-adgangskode"
USERS = int(os.environ.get("LOAD_USERS", "20"))
TIMES: dict[str, list[float]] = {}  # response times (ms) per page, logins excluded
LOGGED_IN = []  # one entry per user signed in


@events.request.add_listener
def _record(request_type, name, response_time, exception=None, **kwargs):
    """Count requests once every user has signed in: 20 logins at once keep both cores
    busy for seconds (PBKDF2, on purpose), and what queues behind them is the login's cost."""
    if name.startswith("login") or len(LOGGED_IN) < USERS:
        return
    TIMES.setdefault(name, []).append(response_time)


@events.quitting.add_listener
def _write(environment, **kwargs):
    if path := os.environ.get("LOAD_TIMES_FILE"):
        with open(path, "w") as out:
            json.dump(TIMES, out)


def _login(user: HttpUser, username: str) -> None:
    page = user.client.get("/accounts/login/", name="login form")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    user.client.post(
        "/accounts/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": user.host + "/accounts/login/"},
        name="login",
    )
    LOGGED_IN.append(username)


class Consultant(HttpUser):
    weight = 3
    wait_time = between(0.5, 1.5)

    def on_start(self):
        _login(self, "konsulent")

    @task(3)
    def courses(self):
        self.client.get("/forloeb/", name="course list")

    @task(2)
    def courses_filtered(self):
        self.client.get("/forloeb/?status=completed&outcome=none", name="course list, filtered")

    @task(2)
    def dashboard(self):
        self.client.get("/", name="start page")

    @task(1)
    def agreements(self):
        self.client.get("/aftaler/", name="agreement list")


class CommitteeMember(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        _login(self, "udvalg")
        page = self.client.get("/rapporter/", name="report list")
        found = re.search(r'href="(/[^"]*udgivelser/\d+/offentlig/pdf/)"', page.text)
        self.pdf = found.group(1) if found else None

    @task
    def report_pdf(self):
        if self.pdf:
            self.client.get(self.pdf, name="published report PDF")
