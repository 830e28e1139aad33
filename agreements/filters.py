import django_filters as filters
from django.db.models import Q
from django.utils import timezone

from agreements.deadlines import DEADLINE_LISTS, deadline_courses
from agreements.models import Agreement, Course, overlaps
from enterprises.models import Enterprise
from socialeconomy import roles
from socialeconomy.forms import DateInput
from socialeconomy.querystring import validate_bounded_date
from socialeconomy.vocabulary import AgreementModel, Outcome, ReferringUnit

STATUS = [("ongoing", "I gang"), ("completed", "Afsluttet")]


class _Scoped(filters.FilterSet):
    """Choice lists hold only what the user may see."""

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        from agreements.access import agreements_for_user
        from enterprises.access import enterprises_for_user

        user = request.user
        if "agreement" in self.filters:
            self.filters["agreement"].queryset = agreements_for_user(user)
        if "enterprise" in self.filters:
            self.filters["enterprise"].queryset = enterprises_for_user(user)


class AgreementFilter(_Scoped):
    q = filters.CharFilter(label="Søg (navn)", field_name="name", lookup_expr="icontains")
    enterprise = filters.ModelChoiceFilter(
        empty_label="Alle", label="Virksomhed", queryset=Enterprise.objects.none()
    )
    model = filters.ChoiceFilter(empty_label="Alle", label="Model", choices=AgreementModel.choices)
    referring_unit = filters.ChoiceFilter(
        empty_label="Alle", label="Henvisende enhed", choices=ReferringUnit.choices
    )
    active_on = filters.DateFilter(label="Aktiv den", method="active", widget=DateInput())

    class Meta:
        model = Agreement
        fields = []

    def active(self, queryset, name, value):
        return queryset.filter(overlaps("start", "end", value, value))


class CourseFilter(_Scoped):
    q = filters.CharFilter(label="Søg reference", field_name="reference", lookup_expr="icontains")
    agreement = filters.ModelChoiceFilter(
        empty_label="Alle", label="Aftale", queryset=Agreement.objects.none()
    )
    enterprise = filters.ModelChoiceFilter(
        empty_label="Alle",
        label="Virksomhed",
        field_name="agreement__enterprise",
        queryset=Enterprise.objects.none(),
    )
    status = filters.ChoiceFilter(
        empty_label="Alle", label="Status", choices=STATUS, method="by_status"
    )
    outcome = filters.ChoiceFilter(
        empty_label="Alle",
        label="Resultat",
        choices=[("none", "Intet resultat endnu"), *Outcome.choices],
        method="by_outcome",
    )
    period_from = filters.DateFilter(label="I forløb fra", method="_period", widget=DateInput())
    period_to = filters.DateFilter(label="I forløb til", method="_period", widget=DateInput())
    frist = filters.ChoiceFilter(
        empty_label="Alle",
        label="Frist (startsidens lister)",
        choices=list(DEADLINE_LISTS.items()),
        method="_period",  # applied with its day in filter_queryset
    )
    dato = filters.DateFilter(
        label="Frister pr. dato",
        method="_period",
        widget=DateInput(),
        validators=[validate_bounded_date],  # the deadlines count days from it
    )

    class Meta:
        model = Course
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if not roles.is_consultant(request.user):
            # Outcomes are special-category data and the unit's records: not for enterprises.
            del self.filters["outcome"]

    def by_status(self, queryset, name, value):
        return queryset.open() if value == "ongoing" else queryset.ended()

    def by_outcome(self, queryset, name, value):
        return queryset.without_outcome() if value == "none" else queryset.filter(outcome=value)

    def _period(self, queryset, name, value):
        return queryset  # both ends are applied together in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("period_from")
        end = self.form.cleaned_data.get("period_to")
        if start:
            queryset = queryset.filter(Q(end__isnull=True) | Q(end__gte=start))
        if end:
            queryset = queryset.filter(start__lte=end)
        if self.form.cleaned_data.get("frist"):
            day = self.form.cleaned_data.get("dato") or timezone.localdate()
            queryset = deadline_courses(self.form.cleaned_data["frist"], queryset, day)
        return queryset
