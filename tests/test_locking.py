"""Two consultants editing the same course: the second save is refused with a clear message,
keeps what was typed, and saving again overwrites on purpose."""

import re

import pytest
from django.urls import reverse

from agreements.models import Course
from socialeconomy import roles
from socialeconomy.db import StaleEdit
from tests.factories import CourseFactory, UserFactory

pytestmark = pytest.mark.django_db


def _form(course, **changes):
    data = {
        "reference": course.reference,
        "agreement": course.agreement.pk,
        "start": course.start.isoformat(),
        "seen_version": course.version,
    }
    return {**data, **changes}


def test_the_second_save_is_refused_and_keeps_what_was_typed(client, consultant):
    course = CourseFactory(reference="K-1")
    other = UserFactory(username="anden-konsulent", roles=[roles.CONSULTANT])
    url = reverse("agreements:course_edit", args=[course.pk])
    opened_by_me = _form(course)  # both open the form at version 0
    client.force_login(other)
    assert client.post(url, _form(course, end="2022-05-31")).status_code == 302
    client.force_login(consultant)
    page = client.post(url, {**opened_by_me, "end": "2022-06-30"})
    text = page.content.decode()
    assert page.status_code == 200
    assert (
        "K-1 er blevet ændret af anden-konsulent" in text and "Dine ændringer er ikke gemt" in text
    )
    assert "Slut: 31.05.2022" in text  # what the other saved
    assert 'value="2022-06-30"' in text  # what I typed is still there
    course.refresh_from_db()
    assert str(course.end) == "2022-05-31" and course.version == 1
    seen = re.search(r'name="seen_version" value="(\d+)"', text).group(1)
    assert seen == "1"  # saving the re-displayed form again overwrites on purpose
    assert (
        client.post(url, {**opened_by_me, "end": "2022-06-30", "seen_version": seen}).status_code
        == 302
    )
    course.refresh_from_db()
    assert str(course.end) == "2022-06-30" and course.version == 2


def test_a_save_between_check_and_write_is_refused():
    course = CourseFactory()
    stale = Course.objects.get(pk=course.pk)
    course.veteran = True
    course.save()
    stale.veteran = False
    with pytest.raises(StaleEdit):
        stale.save(expected_version=0)
    course.refresh_from_db()
    assert course.veteran is True


def test_fast_outcome_entry_refuses_a_stale_row(client, consultant):
    course = CourseFactory(reference="R-1", end=None)
    agreement = course.agreement
    url = reverse("agreements:outcomes", args=[agreement.pk])
    client.force_login(consultant)
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-0-id": course.pk,
        "form-0-end": "2022-06-01",
        "form-0-outcome": "education",
        "form-0-seen_version": "0",
    }
    Course.objects.filter(pk=course.pk).update(version=5)  # someone else saved meanwhile
    page = client.post(url, data).content.decode()
    assert "R-1 er blevet ændret" in page
    course.refresh_from_db()
    assert course.end is None
