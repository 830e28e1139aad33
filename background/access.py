"""The only road to a background job: consultants, and only the one who started it. Anything
else, including a malformed token, is a 404."""

import re

from django.http import Http404

from background.models import Job
from socialeconomy.roles import consultant_or_404

_TOKEN = re.compile(r"[0-9a-f]{32}")


def job_for_user(user, token: str) -> Job:
    consultant_or_404(user)
    if not _TOKEN.fullmatch(token):
        raise Http404("Ingen opgave med den nøgle.")
    job = Job.objects.defer("upload").filter(token=token, user=user).first()
    if job is None:
        raise Http404("Ingen opgave med den nøgle.")
    return job
