"""Shared fixtures: the demo database and the personas of the product."""

import pytest

from reports.demo import demo_load
from socialeconomy import roles
from tests.factories import EnterpriseFactory, UserFactory


@pytest.fixture
def demo(db):
    return demo_load(password="demo-adgangskode")


@pytest.fixture
def consultant(db):
    return UserFactory(username="konsulent-test", roles=[roles.CONSULTANT])


@pytest.fixture
def committee_member(db):
    return UserFactory(username="udvalg-test", roles=[roles.COMMITTEE])


@pytest.fixture
def enterprise_a(db):
    return EnterpriseFactory(name="Virksomhed A")


@pytest.fixture
def enterprise_b(db):
    return EnterpriseFactory(name="Virksomhed B")


@pytest.fixture
def staff_a(enterprise_a):
    user = UserFactory(username="medarbejder-a", roles=[roles.ENTERPRISE_STAFF])
    enterprise_a.staff.add(user)
    return user


@pytest.fixture
def staff_b(enterprise_b):
    user = UserFactory(username="medarbejder-b", roles=[roles.ENTERPRISE_STAFF])
    enterprise_b.staff.add(user)
    return user
