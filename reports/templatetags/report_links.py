"""What the reports add to pages of the apps below them, which know no report: the links
from an agreement to its evaluation answers per report, and from a strategy to the goal
reporting of each report built from it. (The apps below import nothing from the reports;
their templates load this library.)"""

from django import template

from reports.models import ReportPeriod

register = template.Library()


@register.inclusion_tag("reports/_evaluation_answer_links.html")
def evaluation_answer_links(agreement):
    return {"agreement": agreement, "reports": ReportPeriod.objects.order_by("-start")}


@register.inclusion_tag("reports/_goal_report_links.html")
def goal_report_links(strategy):
    reports = ReportPeriod.objects.filter(start__gte=strategy.start, end__lte=strategy.end)
    return {"reports": reports.order_by("start")}
