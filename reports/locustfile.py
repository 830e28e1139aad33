"""Locust scenario for `make bench` (reports/loadtest.py): consultants on the lists and the
start page, committee members downloading the published report PDF."""

import re

from locust import HttpUser, between, task

PASSWORD = "bench-adgangskode"


def _login(user: HttpUser, username: str) -> None:
    page = user.client.get("/accounts/login/", name="login form")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    user.client.post(
        "/accounts/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": user.host + "/accounts/login/"},
        name="login",
    )


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
