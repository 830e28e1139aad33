"""The two page shapes every register shares: a filtered, sortable, paginated list that
exports what it shows to Excel, and a form that re-displays with its errors. Views call their
access helper first, then one of these."""

import io

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import EmptyPage
from django.db.models import ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django_tables2.data import TableQuerysetData

from socialeconomy.db import StaleEdit
from socialeconomy.ordering import stable_order
from socialeconomy.querystring import paging
from socialeconomy.signals import records_accessed
from socialeconomy.xlsx import rows_export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DateColumn(tables.DateColumn):
    """dd.mm.yyyy on the page, a real date in the Excel export."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", "d.m.Y")
        self.date_format = kwargs["format"]
        super().__init__(*args, **kwargs)

    def render(self, value, bound_column):
        # django-tables2's DateColumn compiles a template for every cell; a date needs none.
        if value is None:
            return bound_column.default
        return dateformat.format(value, self.date_format)

    def value(self, value):
        return value


class StableQuerysetData(TableQuerysetData):
    """Whatever column is sorted, the order ends with the primary key and NULLs sort as
    the largest value on every database (socialeconomy.ordering)."""

    def order_by(self, aliases):
        super().order_by(aliases)
        self.data = stable_order(self.data)


class Table(tables.Table):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None and TableQuerysetData.validate(data):
            data = StableQuerysetData(data)
        super().__init__(data, *args, **kwargs)

    @property
    def cell_rows(self) -> list[list[tuple[str, str]]]:
        """The page's cells as (td attributes, content): each column's attributes are worked
        out once per column, not once per cell as the generic template does (its largest
        cost on a 50-row page). records/table.html renders these."""
        columns = []
        for column in self.columns:
            attrs = column.attrs["td"].as_html()
            columns.append((column.name, format_html(" {}", attrs) if attrs else ""))
        return [
            [(attrs, row.get_cell(name)) for name, attrs in columns] for row in self.paginated_rows
        ]

    class Meta:
        attrs = {"class": "data"}
        template_name = "records/table.html"
        empty_text = "Ingen poster matcher."
        default = "–"  # the app's one sign for "nothing", as on every other page


def list_page(
    request,
    *,
    queryset,
    filterset_class,
    table_class,
    title: str,
    export_stem: str,
    actions: list[tuple[str, str]] = (),
    table_kwargs: dict | None = None,
):
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if not filterset.is_bound:
        rows = queryset
    else:  # an invalid filter shows nothing, its errors beside the fields
        rows = filterset.qs if filterset.is_valid() else queryset.none()
    table = table_class(rows, **(table_kwargs or {}))
    if request.GET.get("eksport") == "xlsx":
        _log_shown(request, title, rows, export=True)
        return _xlsx(table, title, export_stem)
    tables.RequestConfig(request, paginate=False).configure(table)  # the sort
    page, per_page = paging(request)
    try:
        table.paginate(page=page, per_page=per_page)
    except EmptyPage:  # past the last page: show the last
        table.page = table.paginator.page(table.paginator.num_pages)
    _log_shown(request, title, [row.record for row in table.paginated_rows])
    query = request.GET.copy()
    query.pop("page", None)
    query["eksport"] = "xlsx"
    context = {
        "title": title,
        "filter": filterset,
        "table": table,
        "actions": actions,
        "export_query": query.urlencode(),
    }
    return render(request, "records/list.html", context)


def _log_shown(request, title: str, records, export: bool = False) -> None:
    """A list of records with participant references (a model that says so with
    ``participant_reference = True``: courses, grants, hires, placements) leaves an
    access-log line under every reference it showed or exported, and the search term."""
    model = getattr(records, "model", None) or (type(records[0]) if records else None)
    if not getattr(model, "participant_reference", False):
        return
    if export:
        references = records.values_list("reference", flat=True)
        action = "export"
    else:
        references = [r.reference for r in records]
        action = "search" if request.GET.get("q") else "list"
    query = request.GET.urlencode()
    detail = request.GET["q"] if action == "search" else f"{title.lower()} {query}"
    records_accessed.send(
        sender=model, request=request, action=action, references=references, detail=detail.strip()
    )


def _xlsx(table, title: str, stem: str) -> HttpResponse:
    values = table.as_values()
    headers = [str(h) for h in next(values)]
    buffer = io.BytesIO()
    rows_export(buffer, title=title, headers=headers, rows=values)
    filename = f"{stem}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return attachment(buffer.getvalue(), filename, XLSX)


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download named `filename`; the header is built by Django's own helper, so quotes,
    newlines or non-ASCII letters in a name cannot break it."""
    response = HttpResponse(bytes(content), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF as a download named `filename`."""
    return attachment(content, filename, "application/pdf")


def form_page(
    request,
    *,
    form,
    title: str,
    cancel_url: str,
    saved_message: str | None = None,
    save=None,
    success_url=None,
    template: str = "records/form.html",
    context=None,
):
    """GET shows the form; a valid POST saves (form.save() or save(form)) and redirects;
    an invalid POST re-displays everything typed with the errors beside the fields."""
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form) if save else form.save()
        except StaleEdit:  # saved by someone else between the check and the write
            form.add_error(
                None, "Posten er netop blevet ændret af en anden. Intet er gemt; prøv igen."
            )
        else:
            messages.success(request, saved_message or f"{title}: gemt.")
            url = success_url(obj) if callable(success_url) else success_url
            return redirect(url or obj.get_absolute_url())
    return render(
        request,
        template,
        {"form": form, "title": title, "cancel_url": cancel_url, **(context or {})},
    )


@login_required
def record_delete(request, kind: str, pk: int):
    """The one delete page: the access helper first, then a confirmation (what will be
    deleted, or why it may not be); POST deletes and says so. History is kept."""
    from socialeconomy.deletion import KINDS, deletion_blockers

    if kind not in KINDS:
        raise Http404("Ukendt posttype")
    deletable = KINDS[kind]
    record = deletable.get(request.user, pk)
    blockers = deletion_blockers(kind, record)
    if request.method == "POST" and not blockers:
        name, reference = str(record), getattr(record, "reference", "")
        try:
            record.delete()
        except ProtectedError:
            blockers = [f"Andre poster hviler på {deletable.noun}; det kan ikke slettes."]
        else:
            if reference and not hasattr(record, "logged_reference"):
                # a record naming its logged_reference() is logged by its history already
                records_accessed.send(
                    sender=type(record),
                    request=request,
                    action="change",
                    references=[reference],
                    detail=f"{kind} slettet",
                )
            messages.success(request, f"{name} er slettet. Historikken er bevaret.")
            return redirect(deletable.after(record))
    context = {"record": record, "noun": deletable.noun, "blockers": blockers}
    status = 409 if request.method == "POST" and blockers else 200
    return render(request, "records/delete.html", context, status=status)
