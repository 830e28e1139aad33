import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_login_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_home_shows_the_field_of_2022(client, demo, consultant):
    client.force_login(consultant)
    page = client.get(reverse("reports:home")).content.decode()
    assert "Den Socialøkonomiske Årsrapport 2022" in page
    assert "9.503.911 kr." in page
    assert "AffaldPlus – periode 2" in page


def test_enterprise_staff_home_names_their_enterprise(client, staff_a):
    client.force_login(staff_a)
    page = client.get(reverse("reports:home")).content.decode()
    assert "medarbejder hos Virksomhed A" in page
    assert "Registre" not in page
    assert "Årsrapporter" not in page  # a link that would only 404
