"""A job's page and the small JSON its page polls (static/js/progress.js)."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render

from background.access import job_for_user
from socialeconomy.formatting import dk_int

# kind → the partial that shows a finished job's outcome
RESULT_TEMPLATES = {
    "import_check": "exchange/_job_result.html",
    "import_write": "exchange/_job_result.html",
    "publish": "reports/_publish_result.html",
    "pdf": "reports/_pdf_result.html",
}


@login_required
def job_page(request, token):
    job = job_for_user(request.user, token)
    template = RESULT_TEMPLATES.get(job.kind, "background/_result.html")
    return render(request, "background/job.html", {"job": job, "result_template": template})


def job_progress_text(job) -> str:
    """The sentence the page's live region reads out."""
    if job.state == job.State.QUEUED:
        return "Venter på en ledig arbejder …"
    if not job.stage:
        return "Går i gang …"
    if job.rows and job.total:
        return f"{job.stage}: {dk_int(job.rows)} af {dk_int(job.total)} rækker"
    if job.rows:
        return f"{job.stage}: {dk_int(job.rows)} rækker"
    return job.stage


@login_required
def job_status(request, token):
    job = job_for_user(request.user, token)
    return JsonResponse(
        {
            "state": job.state,
            "running": job.running and not job.stale,
            "text": job_progress_text(job),
            "percent": job.percent,
        }
    )
