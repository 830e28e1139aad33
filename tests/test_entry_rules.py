"""Right at entry, whatever the road in (issue 15): one CPR detector, one reference rule,
one set of course rules, applied by the forms, the admin and the workbook import alike."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from agreements.models import Course, Evaluation, PlanGoal
from audit.history import history_rows
from audit.models import AccessLog, Action
from audit.services import access_record
from enterprises.models import Grant, Hire, Placement
from exchange.imports import workbook_import
from socialeconomy.validators import looks_like_cpr, reference_problem
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    EvaluationFactory,
    GrantFactory,
    HireFactory,
    PlacementFactory,
    PlanFactory,
)
from tests.test_exchange import workbook

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 1)

# The shapes of the issue, and a few more.
CPR_SHAPES = [
    "010190-1234",
    "0101901234",
    "01 01 90-1234",
    "010190 - 1234",
    "010190\u20131234",  # en dash
    "010190\u20111234",  # non-breaking hyphen
    "010190\u22121234",  # minus sign
    "01.01.90-1234",
    "010190/1234",
    "010190\u00a01234",  # non-breaking space
    "101901234",  # a numeric cell that lost its leading zero
    "Borger 010190 1234",
    "x-311299-0001",
]
NOT_CPR = [
    "D22-0001",
    "FRI-2022-17",
    "12345",
    "A22-123456789",
    "P22-frirum-lab-01",
    "Forløbet løb 01.01.2022 - 31.12.2022 med 12 deltagere",
    "Ring 12 34 56 78",
    "Bevillingen var på 1.000.000 kr.",
    "320190-1234",  # no 32nd day
    "011390-1234",  # no 13th month
]


@pytest.mark.parametrize("value", CPR_SHAPES)
def test_every_cpr_shape_is_detected(value):
    assert looks_like_cpr(value)


def test_a_numeric_excel_cell_is_detected():
    assert looks_like_cpr(101901234) and looks_like_cpr(101901234.0)


@pytest.mark.parametrize("value", NOT_CPR)
def test_pseudonyms_dates_and_amounts_are_not_cpr(value):
    assert not looks_like_cpr(value)


SEPARATORS = st.text(
    alphabet=" .-/\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u202f_:", min_size=0, max_size=3
)


@st.composite
def cpr_numbers(draw):
    """A valid ddmmåå, four digits, and separators anywhere between digit groups (where
    the groups would read as dd.mm.åååå, the date and the serial number stay apart)."""
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2019, 12, 31)))
    digits = f"{born:%d%m%y}" + draw(st.from_regex(r"\A\d{4}\Z"))
    cuts = sorted(draw(st.sets(st.integers(1, 9), max_size=4)) | {6})
    parts, last = [], 0
    for cut in [*cuts, 10]:
        parts.append(digits[last:cut])
        last = cut
    a_year = {2, 4, 8} <= set(cuts)
    text = parts[0]
    for cut, part in zip(cuts, parts[1:], strict=True):
        separator = draw(SEPARATORS)
        if cut == 6 and a_year and not separator:
            separator = " "
        text += separator + part
    prefix = draw(st.sampled_from(["", "Borger ", "ref ", "(", "K-"]))
    return prefix + text


@given(cpr_numbers())
def test_any_cpr_number_with_any_separators_is_detected(value):
    assert looks_like_cpr(value)


@given(st.from_regex(r"\A[A-ZÆØÅ]{1,4}(-[A-Za-z]{1,8})?(-[0-9]{1,4}){1,2}\Z"))
def test_pseudonymous_codes_are_references(value):
    assert reference_problem(value) is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=40))
def test_text_without_digits_is_never_cpr_like(value):
    assert not looks_like_cpr(value)


@pytest.mark.parametrize(
    ("reference", "why"),
    [
        ("Jens Hansen", "mellemrum eller navne"),
        ("JensHansen", "mindst ét ciffer"),
        ("D22_0001", "ikke en pseudonym reference"),
        *[(shape, "CPR-nummer") for shape in CPR_SHAPES],
    ],
)
@pytest.mark.parametrize("model", [Course, Grant, Hire, Placement])
def test_every_record_type_refuses_names_and_cpr_numbers_as_references(model, reference, why):
    field = model._meta.get_field("reference")
    with pytest.raises(ValidationError) as info:
        field.run_validators(reference)
    assert why in info.value.messages[0]


def test_references_are_unique_without_regard_to_case_in_the_database():
    CourseFactory(reference="D22-0001")
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseFactory(reference="d22-0001")
    GrantFactory(reference="F22-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        GrantFactory(reference="f22-01")


@pytest.mark.parametrize(
    ("factory", "model"),
    [(GrantFactory, Grant), (HireFactory, Hire), (PlacementFactory, Placement)],
)
def test_forms_refuse_a_reference_that_differs_only_in_case(factory, model):
    factory(reference="X22-0001")
    record = factory.build(reference="x22-0001", enterprise=EnterpriseFactory())
    with pytest.raises(ValidationError) as info:
        record.full_clean()
    assert "findes allerede som «X22-0001»" in info.value.message_dict["reference"][0]


@time_machine.travel(TODAY, tick=False)
def test_the_course_form_refuses_the_issues_rows(client, consultant):
    agreement = AgreementFactory(
        name="AffaldPlus – periode 2", start=date(2022, 4, 1), end=date(2023, 2, 28)
    )
    CourseFactory(reference="D22-0001", agreement=agreement, start=date(2022, 5, 1))
    client.force_login(consultant)
    url = reverse("agreements:course_create")
    base = {"reference": "D22-0500", "agreement": agreement.pk, "start": "2022-06-01"}
    cases = [
        ({"start": "2019-03-01"}, "start", "inden for aftalens periode (01.04.2022–28.02.2023)"),
        ({"reference": "Jens Hansen"}, "reference", "mellemrum eller navne"),
        ({"reference": "d22-0001"}, "reference", "findes allerede som «D22-0001»"),
        ({"plan_received": "2022-05-01"}, "plan_received", "før forløbets start"),
        ({"plan_received": "2027-01-01"}, "plan_received", ""),
        ({"start": "2099-01-01"}, "start", "mere end et år ude i fremtiden"),
        ({"reference": "01.01.90-1234"}, "reference", "CPR-nummer"),
        ({"outcome": "education"}, "outcome", "kun registreres på et afsluttet forløb"),
        ({"final_evaluation_received": "2022-07-01"}, "final_evaluation_received", "afsluttet"),
    ]
    for change, field, text in cases:
        response = client.post(url, {**base, **change})
        assert response.status_code == 200, change
        errors = response.context["form"].errors
        assert field in errors and text in errors[field][0], (change, errors)
    assert Course.objects.count() == 1


FORLOB_HEADERS = ["Reference", "Aftale", "Start", "Slut", "Resultat", "Veteran", "Plan modtaget"]


def _forlob(tmp_path, rows, name="forloeb.xlsx"):
    return workbook(tmp_path, {"Forløb": rows}, headers={"Forløb": FORLOB_HEADERS}, name=name)


@time_machine.travel(TODAY, tick=False)
def test_the_import_refuses_the_issues_rows_whole_each_named(tmp_path):
    agreement = AgreementFactory(
        name="AffaldPlus – periode 2", start=date(2022, 4, 1), end=date(2023, 2, 28)
    )
    CourseFactory(reference="D22-0001", agreement=agreement, start=date(2022, 5, 1))
    a = agreement.name
    rows = [
        ["D22-0100", a, date(2022, 5, 1), None, None, None, None],  # a good row
        ["D22-0101", a, date(2019, 3, 1), None, None, None, None],
        ["Jens Hansen", a, date(2022, 5, 1), None, None, None, None],
        ["d22-0001", a, date(2022, 5, 1), None, None, None, None],
        ["D22-0102", a, date(2022, 5, 1), None, None, None, date(2022, 4, 20)],
        ["D22-0103", a, date(2099, 1, 1), None, None, None, None],
        ["D22-0104", a, date(2022, 5, 1), None, "education", None, None],
        [101901234, a, date(2022, 5, 1), None, None, None, None],
        ["01 01 90-1234", a, date(2022, 5, 1), None, None, None, None],
        ["D22-0105", a, date(2022, 5, 1), None, None, None, date(2027, 1, 1)],
    ]
    result = workbook_import(_forlob(tmp_path, rows))
    assert not result.written
    expected = [
        "Forløb!C3 (Start): forløbet skal starte inden for aftalens periode "
        "(01.04.2022–28.02.2023)",
        "Forløb!A4 (Reference): må ikke indeholde mellemrum eller navne",
        "Forløb!A5 (Reference): «d22-0001» findes allerede som «D22-0001»",
        "Forløb!G6 (Plan modtaget): planen kan ikke være modtaget før forløbets start",
        "Forløb!C7 (Start): datoen 01.01.2099 ligger mere end et år ude i fremtiden",
        "Forløb!E8 (Resultat): et resultat kan kun registreres på et afsluttet forløb",
        "Forløb!A9 (Reference): ligner et CPR-nummer",
        "Forløb!A10 (Reference): ligner et CPR-nummer",
        "Forløb!G11 (Plan modtaget): planen kan ikke være modtaget efter i dag (01.12.2026)",
    ]
    for text in expected:
        assert any(e.startswith(text) for e in result.errors), (text, result.errors)
    assert not any("!A2 " in e or "!C2 " in e for e in result.errors)
    assert Course.objects.count() == 1

    good = workbook_import(_forlob(tmp_path, rows[:1], name="god.xlsx"))
    assert good.written and Course.objects.filter(reference="D22-0100").exists()


def test_the_import_refuses_references_twice_in_one_file_ignoring_case(tmp_path):
    agreement = AgreementFactory(start=date(2022, 1, 1))
    rows = [
        ["K22-0001", agreement.name, date(2022, 5, 1)],
        ["k22-0001", agreement.name, date(2022, 5, 2)],
    ]
    result = workbook_import(_forlob(tmp_path, rows))
    assert not result.written
    message = "Forløb!A3 (Reference): «k22-0001» er den samme reference som «K22-0001»"
    assert any(e.startswith(message) for e in result.errors), result.errors


def test_the_import_refuses_cpr_numbers_in_donor_and_purpose(tmp_path):
    EnterpriseFactory(name="Café Ærø")
    sheets = {
        "Fundraising": [
            ["F-1", "Café Ærø", date(2022, 6, 1), "Fonden 010190-1234", 1000, ""],
            ["F-2", "Café Ærø", date(2022, 6, 1), "Fonden", 1000, "til 0101901234"],
        ]
    }
    result = workbook_import(workbook(tmp_path, sheets))
    assert not result.written
    assert any(e.startswith("Fundraising!D2 (Giver): teksten indeholder") for e in result.errors)
    assert any(e.startswith("Fundraising!F3 (Formål): teksten indeholder") for e in result.errors)


@pytest.mark.parametrize(
    ("model_factory", "field"),
    [
        (lambda: EvaluationFactory.build(course=CourseFactory()), "progression"),
        (lambda: PlanGoal(text="", order=1), "text"),
    ],
)
def test_free_text_refuses_a_cpr_number_with_a_clear_message(model_factory, field):
    record = model_factory()
    setattr(record, field, "Deltageren (cpr 01.01.90-1234) mødte stabilt")
    with pytest.raises(ValidationError) as info:
        record.clean()
    assert "ligner et CPR-nummer" in info.value.message_dict[field][0]


def test_a_search_for_a_cpr_number_is_not_stored(client, consultant):
    client.force_login(consultant)
    client.get(reverse("agreements:courses"), {"q": "010190-1234"})
    access_record(consultant, Action.SEARCH, detail="01 01 90 1234")
    stored = " ".join(AccessLog.objects.values_list("detail", flat=True))
    stored += " ".join(AccessLog.objects.values_list("path", flat=True))
    assert "1234" not in stored and "ikke gemt" in stored


@time_machine.travel(TODAY)  # ticking: the import's version comes after the factory's
def test_an_import_shows_right_in_the_history_and_the_access_log(tmp_path, consultant):
    agreement = AgreementFactory(name="Aftale H", start=date(2022, 1, 1))
    course = CourseFactory(
        reference="H22-0001",
        agreement=agreement,
        start=date(2022, 2, 1),
        end=date(2022, 3, 1),
        final_evaluation_received=date(2022, 3, 25),
    )
    rows = [
        ["H22-0001", "Aftale H", date(2022, 2, 1), date(2022, 3, 1), "education", None, None],
        ["H22-0002", "Aftale H", date(2022, 2, 1), None, None, None, None],
    ]
    result = workbook_import(_forlob(tmp_path, rows), user=consultant)
    assert result.written, result.errors
    access_record(consultant, Action.IMPORT, references=result.references, detail="fil")
    course.refresh_from_db()
    assert course.final_evaluation_received == date(2022, 3, 25)
    newest = history_rows(course)[0]
    assert newest.who == "konsulent-test"
    assert newest.changes == [("resultat", "–", "Uddannelse")]
    for reference in ("H22-0001", "H22-0002"):
        assert AccessLog.objects.filter(reference=reference, action=Action.IMPORT).exists()


def test_the_final_evaluation_rule_reaches_the_stored_value_on_import(tmp_path):
    agreement = AgreementFactory(name="Aftale E", start=date(2022, 1, 1))
    CourseFactory(
        reference="E22-0001",
        agreement=agreement,
        start=date(2022, 2, 1),
        end=date(2022, 3, 1),
        final_evaluation_received=date(2022, 3, 25),
    )
    rows = [["E22-0001", "Aftale E", date(2022, 2, 1), None, None, None, None]]
    result = workbook_import(_forlob(tmp_path, rows))
    assert not result.written
    assert any(e.startswith("Forløb!D2 (Slut): en slutevaluering kan kun") for e in result.errors)
    assert Evaluation.objects.count() == 0


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    ("record", "field"),
    [
        (lambda: AgreementFactory.build(start=date(1999, 12, 31)), "start"),
        (lambda: EnterpriseFactory.build(joined=date(2099, 1, 1)), "joined"),
        (lambda: EvaluationFactory.build(course=CourseFactory(), date=date(2031, 1, 1)), "date"),
        (lambda: GrantFactory.build(enterprise=EnterpriseFactory(), date=date(2030, 5, 1)), "date"),
    ],
)
def test_every_record_keeps_its_dates_in_the_plausible_window(record, field):
    with pytest.raises(ValidationError) as info:
        record().clean()
    assert "ligger" in info.value.message_dict[field][0]


def test_a_plan_agreed_before_its_course_started_is_refused_on_every_road():
    """The form's rule is the model's too, so the admin cannot store such a plan."""
    course = CourseFactory(start=date(2022, 3, 1))
    plan = PlanFactory.build(course=course, agreed_on=date(2022, 2, 28))
    with pytest.raises(ValidationError) as refused:
        plan.full_clean()
    assert refused.value.message_dict["agreed_on"] == [
        "Planen kan ikke være aftalt før forløbets start (01.03.2022)."
    ]
    plan.agreed_on = date(2022, 3, 1)
    plan.full_clean()
