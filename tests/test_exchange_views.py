"""Excel in the browser: upload, preview, confirm; download. Consultants only."""

import pytest
from django.urls import reverse

from agreements.models import Course
from tests.test_exchange import GOOD, workbook

pytestmark = pytest.mark.django_db


def test_upload_previews_then_confirm_writes(client, consultant, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    client.force_login(consultant)
    with workbook(tmp_path).open("rb") as handle:
        page = client.post(reverse("exchange:home"), {"fil": handle}).content.decode()
    assert "klar til at blive gemt" in page and Course.objects.count() == 0
    response = client.post(reverse("exchange:confirm"))
    assert response.status_code == 302 and Course.objects.count() == 2
    assert "er indlæst" in client.get(reverse("exchange:home")).content.decode()
    assert not list((tmp_path / "uploads").iterdir())


def test_upload_with_errors_lists_them_and_writes_nothing(client, consultant, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    sheets = {title: [list(r) for r in rows] for title, rows in GOOD.items()}
    sheets["Forløb"][0][2] = "i går"
    client.force_login(consultant)
    with workbook(tmp_path, sheets).open("rb") as handle:
        page = client.post(reverse("exchange:home"), {"fil": handle}).content.decode()
    assert "1 fejl – intet er gemt" in page and "Forløb!C2 (Start)" in page
    assert client.post(reverse("exchange:confirm")).status_code == 302
    assert Course.objects.count() == 0


def test_not_a_workbook_is_refused_with_a_message(client, consultant, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    fake = tmp_path / "x.xlsx"
    fake.write_text("ikke excel")
    client.force_login(consultant)
    with fake.open("rb") as handle:
        page = client.post(reverse("exchange:home"), {"fil": handle}).content.decode()
    assert "ikke en Excel-projektmappe" in page


def test_export_download(client, consultant, demo):
    client.force_login(consultant)
    response = client.get(reverse("exchange:export"))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("name", ["home", "export"])
def test_others_get_404(client, committee_member, staff_a, name):
    for user in (committee_member, staff_a):
        client.force_login(user)
        assert client.get(reverse(f"exchange:{name}")).status_code == 404
    assert client.post(reverse("exchange:confirm")).status_code == 404
