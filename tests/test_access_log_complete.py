"""Every page, export and import that shows or touches a reference leaves an access-log line
under it (issue 15), written in one bulk INSERT per request."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AccessLog, Action
from tests.factories import AgreementFactory, CourseFactory, GrantFactory

pytestmark = pytest.mark.django_db


def _logged(reference):
    return set(AccessLog.objects.filter(reference=reference).values_list("action", "detail"))


def _inserts(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "audit_accesslog"'))


def test_a_list_page_logs_each_reference_it_shows_in_one_insert(client, consultant):
    agreement = AgreementFactory(start=date(2022, 1, 1))
    for n in range(30):
        CourseFactory(reference=f"M22-{n:04d}", agreement=agreement, start=date(2022, 2, 1))
    client.force_login(consultant)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("agreements:courses"))
    assert response.status_code == 200
    assert _inserts(queries.captured_queries) == 1
    logged = AccessLog.objects.filter(action=Action.LIST).values_list("reference", flat=True)
    assert len(set(logged)) == 30


def test_agreement_page_outcome_entry_and_data_quality_log_their_references(client, consultant):
    agreement = AgreementFactory(name="Aftale Q", start=date(2022, 1, 1))
    CourseFactory(reference="Q22-0001", agreement=agreement, start=date(2022, 2, 1))
    CourseFactory(
        reference="Q22-0002", agreement=agreement, start=date(2022, 2, 1), end=date(2022, 4, 1)
    )
    client.force_login(consultant)
    client.get(reverse("agreements:detail", args=[agreement.pk]))
    client.get(reverse("agreements:outcomes", args=[agreement.pk]))
    client.get(reverse("reports:quality"), {"fra": "2022-01-01", "til": "2022-12-31"})
    assert (Action.LIST, "aftale Aftale Q: forløb") in _logged("Q22-0001")
    assert (Action.LIST, "aftale Aftale Q: resultater") in _logged("Q22-0002")
    # Q22-0002 ended without an outcome: a data-quality finding that names it
    assert any(d.startswith("datakvalitet") for _, d in _logged("Q22-0002"))


def test_the_exchange_export_logs_every_reference(client, consultant):
    CourseFactory(reference="X22-0001")
    GrantFactory(reference="F22-99")
    client.force_login(consultant)
    response = client.get(reverse("exchange:export"))
    assert response.status_code == 200
    for reference in ("X22-0001", "F22-99"):
        assert AccessLog.objects.filter(reference=reference, action=Action.EXPORT).exists()
