import django_filters as filters
from django.db.models import Q

from activities.models import Activity, FundraisingApplication
from enterprises.models import Enterprise
from socialeconomy.forms import DateInput
from socialeconomy.vocabulary import ActivityStatus, ActivityType, ApplicationDecision


class ActivityFilter(filters.FilterSet):
    q = filters.CharFilter(label="Søg (navn, indsatsområde)", method="search")
    type = filters.ChoiceFilter(empty_label="Alle", label="Type", choices=ActivityType.choices)
    track = filters.CharFilter(label="Spor", field_name="track")
    state_now = filters.ChoiceFilter(
        empty_label="Alle", label="Status", choices=ActivityStatus.choices
    )

    class Meta:
        model = Activity
        fields = []

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(focus_area__icontains=value))


class ApplicationFilter(filters.FilterSet):
    enterprise = filters.ModelChoiceFilter(
        empty_label="Alle", label="Ansøger", queryset=Enterprise.objects.all()
    )
    decision = filters.ChoiceFilter(
        empty_label="Alle", label="Afgørelse", choices=ApplicationDecision.choices
    )
    date_from = filters.DateFilter(
        label="Sendt fra", field_name="date", lookup_expr="gte", widget=DateInput()
    )
    date_to = filters.DateFilter(
        label="Sendt til", field_name="date", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = FundraisingApplication
        fields = []
