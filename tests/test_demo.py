"""load_demo reproduces the published 2022 report's figures (docs/demo-2022.md)."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from agreements.models import Course
from demo.loader import demo_load
from enterprises.models import Enterprise, Grant
from reports.models import EvaluationAnswer, PublishedFigure
from reports.selectors import report_figures
from socialeconomy import roles
from socialeconomy.validators import looks_like_cpr

pytestmark = pytest.mark.django_db

AGREEMENTS = {
    # name: (capacity, participants, ongoing, completed, outcomes)
    "FriRUM LAB": (
        4,
        29,
        9,
        20,
        {
            "flexjob": 3,
            "education": 1,
            "internship": 5,
            "disability_pension": 3,
            "stopped_complex_needs": 4,
            "unemployed_awaiting": 4,
        },
    ),
    "Mina ApS": (
        6,
        74,
        22,
        52,
        {
            "flexjob": 6,
            "paid_hours": 7,
            "internship": 8,
            "moved_away": 2,
            "disability_pension": 9,
            "deceased": 1,
            "prison": 1,
            "other_se_course": 1,
            "unemployed_awaiting": 8,
            "stopped_complex_needs": 9,
        },
    ),
    "Sumak": (
        10,
        34,
        8,
        26,
        {
            "flexjob": 1,
            "paid_hours": 2,
            "internship": 7,
            "other_se_course": 1,
            "disability_pension": 1,
            "stopped_complex_needs": 8,
            "unemployed_awaiting": 6,
        },
    ),
    "VeteranHaven": (
        8,
        29,
        10,
        19,
        {
            "flexjob": 5,
            "education": 3,
            "disability_pension": 1,
            "stopped_complex_needs": 4,
            "stopped_nonattendance": 4,
            "unemployed_awaiting": 2,
        },
    ),
    "Sørby Esport": (
        6,
        11,
        3,
        8,
        {
            "paid_hours": 2,
            "flexjob": 1,
            "internship": 2,
            "stopped_complex_needs": 2,
            "unemployed_awaiting": 1,
        },
    ),
    "Synergihuset": (3, 3, 1, 2, {"education": 1, "unemployed_awaiting": 1}),
    "Stald Kanehøj": (3, 0, 0, 0, {}),
    "AffaldPlus – periode 1": (
        None,
        32,
        1,
        31,
        {
            "ordinary_job": 9,
            "education": 3,
            "flexjob": 1,
            "internship": 2,
            "moved_away": 1,
            "prison": 1,
            "parental_leave": 1,
            "other_se_course": 5,
            "unemployed_awaiting": 8,
        },
    ),
    "AffaldPlus – periode 2": (
        None,
        50,
        8,
        42,
        {
            "ordinary_job": 1,
            "education": 2,
            "moved_away": 5,
            "parental_leave": 1,
            "other_se_course": 4,
            "unemployed_awaiting": 29,
        },
    ),
    "By- og Overfartsmuseet": (3, 1, 1, 0, {}),
    "Danmarks Busmuseum": (3, 2, 0, 2, {"flexjob": 2}),
    "Kongegaarden": (3, 3, 1, 2, {"education": 1, "parental_leave": 1}),
    "SBI": (3, 1, 0, 1, {"medically_unfit": 1}),
    "Guldagergaard": (3, 1, 1, 0, {}),
}


@pytest.fixture
def figures(demo):
    return report_figures(start=date(2022, 1, 1), end=date(2023, 2, 28))


def test_demo_headline_figures(figures):
    assert figures["enterprises"] == {
        "by_type": {"registered": 11, "initiative": 15, "voluntary": 5},
        "total": 31,
        "target": 40,
    }
    assert figures["employment"] == {
        "by_type": {"full_time": 28, "part_time": 71, "sheltered": 1},
        "total": 100,
        "annual_norm": 30,
    }
    assert figures["placements"] == {"internship": 27, "wage_subsidy": 13}
    assert figures["placements_by_enterprise"]["Den Interne Skole"] == {
        "internship": 8,
        "wage_subsidy": 2,
    }


def test_demo_fundraising_total_is_the_sum_of_the_grants_not_the_published_figure(figures):
    fundraising = figures["fundraising"]
    assert fundraising["total_dkk"] == 9_503_911
    assert fundraising["total_dkk"] == sum(Grant.objects.values_list("amount", flat=True))
    assert fundraising["by_enterprise"]["Mina ApS"] == 103_000
    assert fundraising["by_enterprise"]["Musholm ferie-, sport- og konferencecenter"] == 3_200_000
    assert fundraising["repeat_donors"] == [
        {"enterprise": "Mina ApS", "donor": "Velliv", "grants": 2}
    ]
    published = PublishedFigure.objects.get(
        key="fundraising.total_dkk", period_end=date(2023, 2, 28)
    )
    assert published.value == 9_553_911


def test_demo_agreements(figures):
    rows = {a["name"]: a for a in figures["agreements"]}
    assert list(rows) == sorted(AGREEMENTS)
    for name, (capacity, participants, ongoing, completed, outcomes) in AGREEMENTS.items():
        row = rows[name]
        assert row["capacity"] == capacity, name
        assert (row["participants"], row["ongoing"], row["completed"]) == (
            participants,
            ongoing,
            completed,
        ), name
        assert row["outcomes"] == outcomes, name
    assert figures["courses"]["participants"] == 270
    assert figures["courses"]["ongoing"] == 65
    assert figures["courses"]["completed"] == 205
    assert rows["Stald Kanehøj"]["paused"][0]["end"] == "2022-12-31"


def test_demo_model_1_facts(figures):
    rows = {a["name"]: a for a in figures["agreements"]}
    assert (rows["FriRUM LAB"]["plans_on_time"], rows["FriRUM LAB"]["participants"]) == (26, 29)
    assert rows["FriRUM LAB"]["final_evaluations_late"] == 12
    assert rows["Mina ApS"]["plans_received"] == 44
    assert rows["VeteranHaven"]["plans_on_time"] == 22
    assert rows["VeteranHaven"]["veterans_completed"] == 2
    assert rows["VeteranHaven"]["aim_veteran_share"] == 50
    assert rows["Sørby Esport"]["plans_received"] == 11


def test_demo_texts_and_nine_answers(demo):
    mina = Enterprise.objects.get(name="Mina ApS")
    assert mina.description.startswith("Mina ApS tilbyder beskæftigelses- og afklaringsforløb")
    assert mina.years.get(year=2022).next_year.startswith("Det fremadrettede fokus for 2023")
    answers = EvaluationAnswer.objects.filter(agreement__name="FriRUM LAB")
    assert set(answers.values_list("question", flat=True)) == {1, 3, 4, 5, 6, 7, 8, 9}
    assert answers.get(question=4).text.startswith("Jf. samarbejdsaftalen")


def test_demo_courses_are_pseudonymous_and_valid(demo):
    for course in Course.objects.select_related("agreement"):
        assert course.reference.startswith("D22-")
        assert not looks_like_cpr(course.reference)
        course.full_clean()


def test_demo_users_and_roles(demo):
    expected = {
        "admin",
        "konsulent",
        "udvalg",
        "frirum-lab",
        "mina-aps",
        "sumak",
        "veteranhaven",
        "sorby-esport",
        "synergihuset",
        "stald-kanehoj",
        "affaldplus",
        "by-og-overfartsmuseet",
        "danmarks-busmuseum",
        "kongegaarden",
        "sbi",
        "guldagergaard",
    }
    assert set(User.objects.values_list("username", flat=True)) == expected
    assert User.objects.get(username="admin").is_superuser
    assert roles.is_consultant(User.objects.get(username="konsulent"))
    assert roles.is_committee(User.objects.get(username="udvalg"))
    sumak = User.objects.get(username="sumak")
    assert roles.is_enterprise_staff(sumak)
    assert list(sumak.enterprises.values_list("name", flat=True)) == ["Sumak"]
    assert User.objects.get(username="sbi").enterprises.get().name.startswith("SBI")
    assert sumak.check_password("demo-adgangskode")


def test_load_demo_twice_changes_nothing(demo, capsys):
    counts = {model: model.objects.count() for model in (Course, Enterprise, Grant, User)}
    courses_before = list(Course.objects.order_by("reference").values())

    result = demo_load(password="en-anden")

    assert not any(result.created.values())
    assert result.password is None
    assert {model: model.objects.count() for model in counts} == counts
    assert list(Course.objects.order_by("reference").values()) == courses_before
    assert User.objects.get(username="konsulent").check_password("demo-adgangskode")

    call_command("load_demo", no_publish=True)
    assert "intet ændret" in capsys.readouterr().out


def test_load_demo_command_prints_a_random_password_once(db, capsys):
    call_command("load_demo", no_publish=True)
    out = capsys.readouterr().out
    assert "Adgangskode til demo-brugerne" in out
    password = out.rsplit(": ", 1)[1].strip()
    assert User.objects.get(username="udvalg").check_password(password)

    call_command("load_demo", no_publish=True)
    assert "Adgangskode" not in capsys.readouterr().out


def test_load_demo_with_given_password_does_not_print_it(db, capsys):
    call_command("load_demo", password="mit-eget-kodeord", no_publish=True)
    assert "mit-eget-kodeord" not in capsys.readouterr().out
    assert User.objects.get(username="admin").check_password("mit-eget-kodeord")
