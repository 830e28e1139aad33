"""The reports' reasons to refuse a deletion: a published report counted the record (its
figures must stay traceable to records), an agreement has evaluation answers in a report, or
a published report was built from the strategy.
Registered with the core's delete page in ReportsConfig.ready(); socialeconomy.deletion."""

from reports.models import EvaluationAnswer, Publication


def published_or_answered(kind: str, record, dated) -> list[str]:
    start, end = dated
    if kind == "strategy":  # a report is built from the strategy in force on its last day
        built = (
            Publication.objects.without_documents()
            .filter(report__end__range=(start, end))
            .select_related("report")
            .order_by("report__start", "version")
        )
        return [f"{p.report.title}, version {p.version}" for p in built]
    reasons = []
    if kind == "agreement" and EvaluationAnswer.objects.filter(agreement=record).exists():
        reasons.append("Aftalen har evalueringssvar til en årsrapport.")
    titles = {}
    counted = Publication.objects.filter(report__start__lte=end, report__end__gte=start)
    for publication in counted.select_related("report"):
        titles.setdefault(publication.report.title, publication)
    reasons += [
        f"Den udgivne «{title}» (udgivet {p.published_at:%d.%m.%Y}) tæller det med; "
        "ret i stedet posten, og sammenlign rapporten med i dag."
        for title, p in titles.items()
    ]
    return reasons
