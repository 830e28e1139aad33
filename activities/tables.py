import django_tables2 as tables

from activities.models import Activity, FundraisingApplication
from socialeconomy.records import DateColumn, Table
from socialeconomy.vocabulary import ActivityStatus


class ActivityTable(Table):
    name = tables.Column(linkify=True)
    responsible = tables.Column(
        verbose_name="Ansvarlig", empty_values=(), order_by=("enterprise__name", "responsible")
    )
    state_now = tables.Column(verbose_name="Status", empty_values=())
    start = DateColumn()
    end = DateColumn()

    class Meta(Table.Meta):
        model = Activity
        fields = ["name", "type", "track", "focus_area", "responsible", "state_now", "start", "end"]

    def render_track(self, value):
        """The track's title (as the newest strategy names it), not its key; the key for a
        track no strategy has."""
        if not hasattr(self, "_track_titles"):
            from strategy.models import Track

            tracks = Track.objects.order_by("strategy__start")
            self._track_titles = {t.key: str(t) for t in tracks}  # the newest wins
        return self._track_titles.get(value, value)

    def render_responsible(self, record):
        return record.responsible_name or "–"

    def value_responsible(self, record):
        return record.responsible_name

    def render_state_now(self, value):
        return ActivityStatus(value).label if value else "–"

    def value_state_now(self, value):
        return ActivityStatus(value).label if value else ""


class ApplicationTable(Table):
    date = DateColumn(linkify=lambda record: record.get_absolute_url())
    applicant = tables.Column(verbose_name="Ansøger", empty_values=(), order_by="enterprise__name")
    amount = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    decided = DateColumn()
    grant = tables.Column(linkify=lambda record: record.grant.get_absolute_url())

    class Meta(Table.Meta):
        model = FundraisingApplication
        fields = ["date", "applicant", "donor", "amount", "decision", "decided", "grant"]

    def render_amount(self, value):
        from socialeconomy.formatting import dk_kr

        return dk_kr(value)

    def value_amount(self, value):
        return value
