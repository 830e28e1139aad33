"""Paging through every sort of every list shows each record exactly once, on SQLite and on
PostgreSQL (CI runs this file on both): every ordering ends with the primary key, and NULLs
sort as the largest value on both."""

from datetime import date

import pytest
from django.urls import reverse

from agreements.models import Course
from tests.factories import (
    AgreementFactory,
    CourseFactory,
    EnterpriseFactory,
    GrantFactory,
    HireFactory,
    PlacementFactory,
)

pytestmark = pytest.mark.django_db
PER_PAGE = 4


@pytest.fixture
def many_ties(db):
    """Records that tie on most sortable columns: the same agreements, dates, outcomes,
    NULL end and plan dates, amounts, types and towns."""
    enterprises = [EnterpriseFactory(town="Slagelse") for _ in range(5)]
    agreements = [
        AgreementFactory(enterprise=enterprises[i % 2], capacity=5, model="1") for i in range(5)
    ]
    for i in range(23):
        CourseFactory(
            agreement=agreements[i % 2],
            start=date(2022, 1, 1 + i % 3),
            end=None if i % 3 == 0 else date(2022, 6, 1),
            outcome="" if i % 3 == 0 else ("education" if i % 2 else "flexjob"),
            plan_received=None if i % 2 else date(2022, 2, 1),
        )
    for i in range(9):
        GrantFactory(enterprise=enterprises[i % 2], amount=1000, date=date(2022, 5, 1))
        HireFactory(enterprise=enterprises[i % 2], date=date(2022, 5, 1))
        PlacementFactory(enterprise=enterprises[i % 2], date=date(2022, 5, 1))


def _page_keys(client, url, sort, page):
    response = client.get(url, {"sort": sort, "page": page, "per_page": PER_PAGE})
    assert response.status_code == 200
    table = response.context["table"]
    return [row.record.pk for row in table.page.object_list], table.paginator.num_pages


LISTS = [
    "agreements:courses",
    "agreements:list",
    "enterprises:list",
    "enterprises:grant_list",
    "enterprises:hire_list",
    "enterprises:placement_list",
]


@pytest.mark.parametrize("name", LISTS)
def test_every_sort_pages_through_each_record_once(client, consultant, many_ties, name):
    client.force_login(consultant)
    url = reverse(name)
    first = client.get(url)
    table = first.context["table"]
    total = table.paginator.count
    sortable = [c.name for c in table.columns if c.orderable]
    assert sortable, name
    for column in sortable:
        for sort in (column, f"-{column}"):
            seen = []
            keys, pages = _page_keys(client, url, sort, 1)
            seen += keys
            for page in range(2, pages + 1):
                seen += _page_keys(client, url, sort, page)[0]
            assert len(seen) == total, (name, sort)
            assert len(set(seen)) == total, (name, sort, "a record shown twice")
            # the same request twice gives the same page
            assert _page_keys(client, url, sort, 2)[0] == _page_keys(client, url, sort, 2)[0]


def test_ongoing_courses_sort_last_by_end_date(client, consultant, many_ties):
    client.force_login(consultant)
    response = client.get(reverse("agreements:courses"), {"sort": "end", "per_page": 200})
    ends = [row.record.end for row in response.context["table"].page.object_list]
    assert ends[-1] is None and ends[0] is not None
    assert ends == sorted(ends, key=lambda d: (d is None, d))
    response = client.get(reverse("agreements:courses"), {"sort": "-end", "per_page": 200})
    ends = [row.record.end for row in response.context["table"].page.object_list]
    assert ends[0] is None  # newest first: still running before any that ended


def test_default_order_ends_with_the_primary_key(consultant, many_ties):
    from socialeconomy.ordering import stable_order

    ordered = stable_order(Course.objects.order_by("outcome"))
    assert ordered.query.order_by[-1] == "pk"
    assert list(ordered) == sorted(Course.objects.all(), key=lambda c: (c.outcome, c.pk))


def test_a_list_page_shows_each_row_once(client, consultant):
    """The table's rows are rendered inside the table, and only there."""
    course = CourseFactory(reference="R-4711")
    client.force_login(consultant)
    html = client.get(reverse("agreements:courses")).text
    assert html.count(f">{course.reference}</a>") == 1
    assert html.count("<tbody") == 1
