import secrets
from io import BytesIO

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from exchange.exports import workbook_export
from exchange.imports import MAX_BYTES, WorkbookRefused, workbook_import
from socialeconomy.roles import consultant_or_404

SESSION_KEY = "exchange_upload"  # the exchange moves every record: consultants only


def _upload_dir():
    path = settings.DATA_DIR / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


@login_required
@require_http_methods(["GET", "POST"])
def exchange_home(request):
    """Upload a workbook: checked in full and previewed, nothing written yet."""
    consultant_or_404(request.user)
    context = {"max_mb": MAX_BYTES // 1024 // 1024}
    if request.method == "POST":
        upload = request.FILES.get("fil")
        if upload is None:
            context["refused"] = "Vælg en Excel-fil (.xlsx) at indlæse."
        elif upload.size > MAX_BYTES:
            context["refused"] = f"Filen er større end {context['max_mb']} MB."
        else:
            token = secrets.token_hex(16)
            path = _upload_dir() / f"{token}.xlsx"
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            try:
                result = workbook_import(path, dry_run=True)
            except WorkbookRefused as refused:
                path.unlink(missing_ok=True)
                context["refused"] = str(refused)
            else:
                if result.ok:
                    request.session[SESSION_KEY] = {"token": token, "name": upload.name}
                else:
                    path.unlink(missing_ok=True)
                context.update(result=result, filename=upload.name)
    return render(request, "exchange/home.html", context)


@login_required
@require_POST
def exchange_confirm(request):
    """Write the previewed workbook, all or nothing (checked again as it is written)."""
    consultant_or_404(request.user)
    upload = request.session.pop(SESSION_KEY, None)
    path = _upload_dir() / f"{upload['token']}.xlsx" if upload else None
    if path is None or not path.exists():
        messages.error(request, "Der er ingen indlæst fil at gemme; indlæs den igen.")
        return redirect("exchange:home")
    try:
        result = workbook_import(path)
    finally:
        path.unlink(missing_ok=True)
    if not result.ok:
        return render(request, "exchange/home.html", {"result": result, "filename": upload["name"]})
    summary = "; ".join(f"{s.name}: {s.created} nye, {s.changed} ændrede" for s in result.sheets)
    messages.success(request, f"{upload['name']} er indlæst. {summary}.")
    return redirect("exchange:home")


@login_required
def exchange_export(request):
    consultant_or_404(request.user)
    stream = BytesIO()
    workbook_export(stream)
    response = HttpResponse(
        stream.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"socialokonomi-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
