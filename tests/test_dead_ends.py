"""No dead ends, Danish date entry (issue 15): the menu offers only what the user may open;
dates are typed dd.mm.åååå in a text field whatever the browser's language."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from agreements.forms import CourseForm
from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_administration_is_offered_only_to_who_may_use_the_admin(client, consultant):
    consultant.is_staff = True  # staff, as the demo's konsulent, but no admin permission
    consultant.save()
    client.force_login(consultant)
    assert "Administration" not in client.get(reverse("agreements:courses")).content.decode()
    consultant.user_permissions.add(Permission.objects.get(codename="view_course"))
    client.force_login(consultant)
    assert "Administration" in client.get(reverse("agreements:courses")).content.decode()


def test_date_fields_are_danish_text_fields_and_read_danish_dates():
    form = CourseForm(
        data={"reference": "D22-0900", "agreement": AgreementFactory().pk, "start": "01.03.2022"}
    )
    html = str(form["start"])
    assert 'type="text"' in html and 'placeholder="dd.mm.åååå"' in html
    assert form.is_valid(), form.errors
    assert form.cleaned_data["start"] == date(2022, 3, 1)
    bound = CourseForm(instance=form.save())
    assert 'value="01.03.2022"' in str(bound["start"])


def test_the_data_quality_page_reads_danish_dates(client, consultant):
    client.force_login(consultant)
    response = client.get(reverse("reports:quality"), {"fra": "01.01.2022", "til": "31.12.2022"})
    assert (response.context["start"], response.context["end"]) == (
        date(2022, 1, 1),
        date(2022, 12, 31),
    )
    page = response.content.decode()
    assert 'value="01.01.2022"' in page and 'type="date"' not in page
