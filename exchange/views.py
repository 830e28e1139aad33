from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from audit.services import Action, access_record, all_references
from background.access import job_for_user
from exchange.exports import workbook_export
from exchange.imports import MAX_BYTES
from exchange.jobs import job_confirm, job_upload
from socialeconomy.records import XLSX, attachment
from socialeconomy.roles import consultant_or_404

MAX_MB = MAX_BYTES // 1024 // 1024


@login_required
@require_http_methods(["GET", "POST"])
def exchange_home(request):
    """Upload a workbook: it is checked in full on the task queue and previewed on its job's
    page; nothing is written before the consultant confirms."""
    consultant_or_404(request.user)  # the exchange moves every record: consultants only
    context = {"max_mb": MAX_MB}
    if request.method == "POST":
        upload = request.FILES.get("fil")
        if upload is None:
            context["refused"] = "Vælg en Excel-fil (.xlsx) at indlæse."
        elif upload.size > MAX_BYTES:
            context["refused"] = f"Filen er større end {MAX_MB} MB."
        else:
            job = job_upload(user=request.user, upload=upload)
            return redirect(job)
    return render(request, "exchange/home.html", context)


@login_required
@require_POST
def exchange_confirm(request, token):
    """Write the previewed workbook, all or nothing (checked again as it is written)."""
    job = job_for_user(request.user, token)
    try:
        job = job_confirm(job=job)
    except ValueError:
        messages.error(request, "Der er ingen kontrolleret fil at gemme; indlæs den igen.")
        return redirect("exchange:home")
    return redirect(job)


@login_required
def exchange_export(request):
    consultant_or_404(request.user)
    access_record(
        request,
        Action.EXPORT,
        references=all_references(),
        detail="hele udvekslingsfilen (alle forløb)",
    )
    stream = BytesIO()
    workbook_export(stream)
    filename = f"socialokonomi-{timezone.localdate():%Y-%m-%d}.xlsx"
    return attachment(stream.getvalue(), filename, XLSX)
