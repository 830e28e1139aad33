"""Validation rules of the domain: each error names its field and says why, in Danish."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Agreement, Course
from enterprises.models import Enterprise, Grant
from socialeconomy.validators import cvr_is_valid, looks_like_cpr, parse_sdgs
from socialeconomy.vocabulary import EnterpriseType, Outcome, parse_choice
from tests.factories import AgreementFactory, EnterpriseFactory

pytestmark = pytest.mark.django_db


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


@pytest.mark.parametrize(
    "reference", ["010190-1234", "0101901234", "Borger 010190 1234", "x-311299-0001"]
)
def test_cpr_like_reference_is_refused(reference):
    course = Course(reference=reference, agreement=AgreementFactory(), start=date(2022, 3, 1))
    messages = errors_of(course)
    assert "reference" in messages
    assert "CPR-nummer" in messages["reference"][0]


@pytest.mark.parametrize("reference", ["D22-0001", "FRI-2022-17", "12345", "A22-123456789"])
def test_pseudonymous_references_are_accepted(reference):
    assert not looks_like_cpr(reference)


def test_course_end_before_start_and_outcome_without_end():
    agreement = AgreementFactory(start=date(2020, 1, 1))
    messages = errors_of(
        Course(reference="T1", agreement=agreement, start=date(2022, 3, 1), end=date(2022, 2, 1))
    )
    assert messages["end"] == ["Slutdatoen skal ligge på eller efter startdatoen."]

    messages = errors_of(
        Course(reference="T2", agreement=agreement, start=date(2022, 3, 1), outcome=Outcome.FLEXJOB)
    )
    assert "afsluttet forløb" in messages["outcome"][0]

    messages = errors_of(
        Course(
            reference="T3",
            agreement=agreement,
            start=date(2022, 3, 1),
            final_evaluation_received=date(2022, 6, 1),
        )
    )
    assert "final_evaluation_received" in messages


def test_course_on_its_end_date_and_outcome_is_valid():
    agreement = AgreementFactory(start=date(2020, 1, 1))
    Course(
        reference="T4",
        agreement=agreement,
        start=date(2022, 3, 1),
        end=date(2022, 3, 1),
        outcome=Outcome.EDUCATION,
    ).full_clean()


def test_course_must_start_within_its_agreement():
    agreement = AgreementFactory(start=date(2022, 4, 1), end=date(2022, 12, 31))
    messages = errors_of(Course(reference="T5", agreement=agreement, start=date(2022, 3, 31)))
    assert "aftalens periode" in messages["start"][0]


def test_unknown_outcome_code_is_refused():
    agreement = AgreementFactory(start=date(2020, 1, 1))
    course = Course(
        reference="T6",
        agreement=agreement,
        start=date(2022, 3, 1),
        end=date(2022, 4, 1),
        outcome="won_the_lottery",
    )
    assert "outcome" in errors_of(course)


def test_agreement_dates_and_capacity():
    enterprise = EnterpriseFactory()
    messages = errors_of(
        Agreement(
            name="X",
            enterprise=enterprise,
            model="1",
            referring_unit="jobcenter",
            start=date(2022, 2, 1),
            end=date(2022, 1, 1),
            capacity=-1,
        )
    )
    assert messages["end"] == ["Slutdatoen skal ligge på eller efter startdatoen."]
    assert "capacity" in messages
    Agreement(
        name="Y",
        enterprise=enterprise,
        model="1",
        referring_unit="jobcenter",
        start=date(2022, 2, 1),
        capacity=0,
    ).full_clean()


def test_grant_amount_must_be_above_zero():
    grant = Grant(
        reference="G1",
        enterprise=EnterpriseFactory(),
        date=date(2022, 1, 1),
        donor="Fond",
        amount=0,
    )
    assert errors_of(grant)["amount"] == ["Beløbet skal være større end 0 kr."]


def test_enterprise_cvr_left_date_and_sdgs():
    enterprise = Enterprise(
        name="Ny",
        type=EnterpriseType.REGISTERED,
        joined=date(2022, 5, 1),
        left=date(2022, 4, 1),
        cvr="12345678",
        sdgs="8, 18",
    )
    messages = errors_of(enterprise)
    assert "modulus 11" in messages["cvr"][0]
    assert "sdgs" in messages
    assert "udtræden" in messages["left"][0]


def test_cvr_modulus_11():
    assert cvr_is_valid("10150817")  # weights 2,7,6,5,4,3,2,1: sum 66 = 6 x 11
    assert not cvr_is_valid("10150818")
    assert not cvr_is_valid("1015081")
    assert not cvr_is_valid("abcdefgh")


def test_sdgs_are_normalised():
    assert parse_sdgs("17, 8 12,8") == [8, 12, 17]
    with pytest.raises(ValidationError):
        parse_sdgs("0")


def test_enterprise_slug_is_danish():
    assert EnterpriseFactory(name="Stald Kanehøj").slug == "stald-kanehoj"
    assert EnterpriseFactory(name="Sørby Æble Å").slug == "sorby-aeble-aa"


def test_vocabulary_accepts_code_or_label():
    assert parse_choice(Outcome, " Fleksjob ") == "flexjob"
    assert parse_choice(Outcome, "FLEXJOB") == "flexjob"
    assert parse_choice(EnterpriseType, "frivillig organisation") == "voluntary"
    assert parse_choice(Outcome, "flex") is None
