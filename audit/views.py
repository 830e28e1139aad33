from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from audit.selectors import access_log_for_reference
from audit.services import Action, access_record
from socialeconomy.roles import consultant_or_404


@login_required
def access_log(request):
    """The access log for one reference: who saw, searched, exported or changed it."""
    consultant_or_404(request.user)
    reference = request.GET.get("reference", "").strip()
    page = None
    if reference:
        access_record(request, Action.SEARCH, detail=f"adgangslog for {reference}")
        page = Paginator(access_log_for_reference(reference), 100).get_page(request.GET.get("side"))
    return render(request, "audit/access_log.html", {"reference": reference, "page": page})
