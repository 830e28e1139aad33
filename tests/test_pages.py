from datetime import date

import pytest
from django.urls import reverse

from agreements.models import Course

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_login_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_home_is_the_consultants_worklist_on_the_demo(client, demo, consultant):
    client.force_login(consultant)
    page = client.get(reverse("agreements:home"), {"dato": "31.12.2022"}).content.decode()
    assert "Det venter pr. 31.12.2022" in page
    # FriRUM LAB's courses running on 31.12.2022, against its 4 slots.
    running = Course.objects.filter(
        agreement__name="FriRUM LAB", start__lte=date(2022, 12, 31)
    ).exclude(end__lt=date(2022, 12, 31))
    ongoing = running.count()
    assert ongoing > 4
    row = page[page.index(">FriRUM LAB</a>") :].split("</tr>")[0]
    cells = (
        f'<td class="num">{ongoing}</td><td class="num">4</td><td class="num">{4 - ongoing}</td>'
    )
    assert cells in row
    assert f"{round(100 * ongoing / 4)} %" in row


def test_enterprise_staff_home_names_their_enterprise(client, staff_a):
    client.force_login(staff_a)
    page = client.get(reverse("agreements:home")).content.decode()
    assert "medarbejder hos Virksomhed A" in page
    assert "Registre" not in page
    assert "Årsrapporter" not in page  # a link that would only 404
