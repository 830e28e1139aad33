import django_tables2 as tables

from agreements.models import Agreement, Course
from socialeconomy.records import DateColumn, Table


class AgreementTable(Table):
    name = tables.Column(linkify=True)
    enterprise = tables.Column(linkify=True)
    start = DateColumn()
    end = DateColumn()
    capacity = tables.Column(verbose_name="Ramme", attrs={"td": {"class": "num"}})

    class Meta(Table.Meta):
        model = Agreement
        fields = ["name", "enterprise", "model", "referring_unit", "capacity", "start", "end"]


class CourseTable(Table):
    reference = tables.Column(linkify=True)
    agreement = tables.Column(linkify=True)
    start = DateColumn()
    end = DateColumn()
    status = tables.Column(verbose_name="Status", empty_values=(), order_by=("end",))
    plan_received = DateColumn()

    class Meta(Table.Meta):
        model = Course
        fields = ["reference", "agreement", "start", "end", "status", "outcome", "plan_received"]

    def render_status(self, record):
        return "I gang" if record.is_ongoing else "Afsluttet"
