from django import template

from background.views import job_progress_text

register = template.Library()


@register.filter
def job_progress(job) -> str:
    return job_progress_text(job)
