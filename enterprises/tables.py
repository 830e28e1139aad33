import django_tables2 as tables

from enterprises.models import Enterprise, Grant, Hire, Placement
from socialeconomy.formatting import plural
from socialeconomy.records import DateColumn, Table


class EnterpriseTable(Table):
    name = tables.Column(linkify=True)
    joined = DateColumn()
    left = DateColumn()

    class Meta(Table.Meta):
        model = Enterprise
        fields = ["name", "type", "cvr", "town", "joined", "left"]


def _grants_total(table) -> str:
    """The footer: the sum of every grant the filter selects, not only this page's."""
    from django.contrib.humanize.templatetags.humanize import intcomma
    from django.db.models import Sum

    total = table.data.data.aggregate(total=Sum("amount"))["total"] or 0
    return f"{intcomma(total)} kr."


class GrantTable(Table):
    reference = tables.Column(
        linkify=lambda record: record.get_absolute_url(),
        footer=lambda table: f"I alt, {plural(len(table.data), 'bevilling', 'bevillinger')}",
    )
    enterprise = tables.Column(linkify=True)
    date = DateColumn()
    amount = tables.Column(
        attrs={"td": {"class": "num"}, "th": {"class": "num"}, "tf": {"class": "num"}},
        footer=_grants_total,
    )

    class Meta(Table.Meta):
        model = Grant
        fields = ["reference", "date", "enterprise", "donor", "amount"]

    def render_amount(self, value):
        from django.contrib.humanize.templatetags.humanize import intcomma

        return f"{intcomma(value)} kr."

    def value_amount(self, value):
        return value


class _DatedTable(Table):
    reference = tables.Column(linkify=lambda record: record.get_absolute_url())
    enterprise = tables.Column(linkify=True)
    date = DateColumn()

    class Meta(Table.Meta):
        fields = ["reference", "date", "enterprise", "type"]


class HireTable(_DatedTable):
    class Meta(_DatedTable.Meta):
        model = Hire


class PlacementTable(_DatedTable):
    class Meta(_DatedTable.Meta):
        model = Placement
