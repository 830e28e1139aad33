import django_filters as filters
from django.db.models import Q

from enterprises.models import Enterprise, Grant, Hire, Placement
from socialeconomy.forms import DateInput
from socialeconomy.vocabulary import EnterpriseType, HireType, PlacementType


class EnterpriseFilter(filters.FilterSet):
    q = filters.CharFilter(label="Søg (navn eller CVR)", method="search")
    type = filters.ChoiceFilter(empty_label="Alle", label="Type", choices=EnterpriseType.choices)
    active_on = filters.DateFilter(
        label="Med i feltet den", method="in_field_on", widget=DateInput()
    )

    class Meta:
        model = Enterprise
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(cvr__startswith=value))

    def in_field_on(self, queryset, name, value):
        return queryset.in_field(value, value)


def _dated_filter(model, type_choices=None):
    class DatedFilter(filters.FilterSet):
        q = filters.CharFilter(
            label="Søg reference", field_name="reference", lookup_expr="icontains"
        )
        enterprise = filters.ModelChoiceFilter(
            empty_label="Alle", label="Virksomhed", queryset=Enterprise.objects.all()
        )
        date_from = filters.DateFilter(
            label="Dato fra", field_name="date", lookup_expr="gte", widget=DateInput()
        )
        date_to = filters.DateFilter(
            label="Dato til", field_name="date", lookup_expr="lte", widget=DateInput()
        )

        class Meta:
            fields = []

    DatedFilter.Meta.model = model
    if type_choices:
        DatedFilter.base_filters["type"] = filters.ChoiceFilter(
            empty_label="Alle", label="Type", field_name="type", choices=type_choices
        )
    return DatedFilter


GrantFilter = _dated_filter(Grant)
HireFilter = _dated_filter(Hire, HireType.choices)
PlacementFilter = _dated_filter(Placement, PlacementType.choices)
