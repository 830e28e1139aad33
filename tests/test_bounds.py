"""Every request bounded: query strings validated by forms (a message, never a 500), page
sizes capped, bodies over the limit refused before they are read, zip bombs judged per
entry, downloads named through Django's helper, the PDF fetcher on resolved paths, files
private."""

import io
import os
import stat
import zipfile

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory
from django.urls import reverse
from openpyxl import Workbook

from exchange.archive import archive_check
from exchange.imports import WorkbookRefused, workbook_check_file
from socialeconomy.bounds import RequestSizeLimitMiddleware
from socialeconomy.pdf import static_file_allowed
from socialeconomy.records import attachment
from tests.factories import CourseFactory

pytestmark = pytest.mark.django_db


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


@pytest.mark.parametrize(
    ("url", "query", "says"),
    [
        ("agreements:home", {"dato": "31.12.9999"}, "Dato «31.12.9999» skal ligge mellem"),
        ("agreements:home", {"dato": "01.01.0001"}, "skal ligge mellem 01.01.1990 og 31.12.2099"),
        ("agreements:home", {"dato": "i morgen"}, "er ikke en dato"),
        ("reports:quality", {"fra": "0001-01-01", "til": "9999-12-31"}, "Fra «0001-01-01»"),
        ("reports:quality", {"fra": "2023-01-01", "til": "2022-01-01"}, "slutter før"),
        ("agreements:courses", {"per_page": "-5"}, "Rækker pr. side «-5»"),
        (
            "agreements:courses",
            {"per_page": "1000000"},
            "«1000000» må højst være 200. Standardværdien",
        ),
        ("agreements:courses", {"per_page": "mange"}, "er ikke et antal rækker"),
        ("agreements:courses", {"page": "0"}, "Side «0»"),
        ("agreements:list", {"page": "99999999999"}, "Side «99999999999»"),
        ("agreements:courses", {"period_from": "31.12.9999"}, None),
        ("agreements:courses", {"frist": "plan", "dato": "31.12.9999"}, None),
        ("agreements:courses", {"frist": "opfoelgning", "dato": "31.12.9999"}, None),
        ("agreements:courses", {"frist": "slutevaluering", "dato": "01.01.0001"}, None),
    ],
)
def test_bad_query_strings_give_a_message_not_a_500(client, consultant, url, query, says):
    CourseFactory()
    client.force_login(consultant)
    response = client.get(reverse(url), query)
    assert response.status_code == 200
    if says:
        assert any(says in m for m in _messages(response)), _messages(response)


def test_a_deadline_list_day_out_of_range_is_named_beside_its_field(client, consultant):
    """The course list's deadline filter counts days from its day: 31.12.9999 would
    overflow, so it is refused beside the field and the list shows nothing."""
    CourseFactory()
    client.force_login(consultant)
    response = client.get(reverse("agreements:courses"), {"frist": "plan", "dato": "31.12.9999"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "skal ligge mellem 01.01.1990 og 31.12.2099" in page


def test_page_size_is_capped_and_a_page_past_the_end_shows_the_last(client, consultant):
    for _ in range(5):
        CourseFactory()
    client.force_login(consultant)
    response = client.get(reverse("agreements:courses"), {"per_page": "2", "page": "40"})
    assert response.context["table"].page.number == 3
    response = client.get(reverse("agreements:courses"), {"per_page": "1000000"})
    assert response.context["table"].paginator.per_page == 50


def test_a_good_date_still_works(client, consultant):
    client.force_login(consultant)
    response = client.get(reverse("agreements:home"), {"dato": "31.12.2022"})
    assert response.context["today"].isoformat() == "2022-12-31"
    assert not _messages(response)


def _request(size: int) -> WSGIRequest:
    request = RequestFactory().post("/excel/", data=b"", content_type="application/octet-stream")
    request.META["CONTENT_LENGTH"] = str(size)
    return request


def test_a_1_gb_body_is_refused_before_anything_reads_it():
    def must_not_run(request):
        raise AssertionError("the body reached the view")

    request = _request(1024**3)
    request._stream = None  # reading the body would fail
    response = RequestSizeLimitMiddleware(must_not_run)(request)
    assert response.status_code == 413
    assert "1024,0 MB" in response.content.decode()


def test_a_body_within_the_limit_goes_on():
    response = RequestSizeLimitMiddleware(lambda r: "videre")(_request(1000))
    assert response == "videre"


def test_the_limit_is_the_first_middleware_and_anonymous_gets_413(client):
    assert settings.MIDDLEWARE[0] == "socialeconomy.bounds.RequestSizeLimitMiddleware"
    response = client.generic(
        "POST",
        "/excel/",
        b"x",
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
    )
    assert response.status_code == 413


def test_uploads_stay_in_memory_and_files_are_private():
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE >= settings.UPLOAD_MAX_BYTES
    assert settings.FILE_UPLOAD_PERMISSIONS == 0o600


def _workbook_with(tmp_path, extra: dict[str, tuple[bytes, int]]):
    """A real (empty) workbook with extra entries: name → (data, compression)."""
    buffer = io.BytesIO()
    Workbook().save(buffer)
    path = tmp_path / "bombe.xlsx"
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            out.writestr(item, source.read(item.filename))
        for name, (data, compression) in extra.items():
            out.writestr(name, data, compress_type=compression)
    return path


def test_one_bombed_entry_is_refused_even_when_padding_hides_it(tmp_path):
    # 2 MB of noise that does not pack keeps the whole archive's ratio near 30: a check over
    # the whole archive lets this through; the entry's own ratio is about 1,000.
    path = _workbook_with(
        tmp_path,
        {
            "xl/media/pad.bin": (os.urandom(2 * 1024 * 1024), zipfile.ZIP_STORED),
            "xl/sharedStrings.xml": (b"A" * (60 * 1024 * 1024), zipfile.ZIP_DEFLATED),
        },
    )
    assert path.stat().st_size < 3 * 1024 * 1024
    with pytest.raises(WorkbookRefused, match=r"delen xl/sharedStrings\.xml .* gange"):
        workbook_check_file(path)


def test_an_entry_over_the_absolute_limit_is_refused():
    entry = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    entry.file_size, entry.compress_size = 150 * 1024 * 1024, 10 * 1024 * 1024
    assert "grænsen for én del er 100 MB" in archive_check([entry])


def test_a_real_workbook_passes_the_archive_check(tmp_path):
    path = _workbook_with(tmp_path, {})
    workbook_check_file(path)


@pytest.mark.parametrize("name", ['plan-D"22\r\nX-Evil: 1.pdf', "plan-Ø 1.pdf", "a;b=c.pdf"])
def test_download_names_cannot_break_the_header(name):
    header = attachment(b"%PDF", name, "application/pdf")["Content-Disposition"]
    assert "\n" not in header and "\r" not in header
    assert header.startswith("attachment; filename")


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("file://{static}/css/app.css", True),
        ("file://{static}/../settings.py", False),
        ("file://{static}/%2e%2e/settings.py", False),
        ("file:///etc/passwd", False),
        ("http://example.org/x.css", False),
    ],
)
def test_the_pdf_fetcher_resolves_paths(url, allowed):
    static = (settings.BASE_DIR / "socialeconomy" / "static").resolve()
    assert static_file_allowed(url.format(static=static)) is allowed


def test_the_sqlite_file_is_private(tmp_path):
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper

    path = tmp_path / "db.sqlite3"
    path.touch(mode=0o644)
    os.chmod(path, 0o644)
    wrapper = DatabaseWrapper({**connections["default"].settings_dict, "NAME": str(path)})
    wrapper.settings_dict.setdefault("ENGINE", "django.db.backends.sqlite3")
    from socialeconomy.bounds import private_sqlite_file

    private_sqlite_file(sender=None, connection=wrapper)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
