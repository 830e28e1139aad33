"""Enterprises and their dated records (fundraising, hires, placements). Every view calls its
access helper first; the pages themselves are the shared list and form shapes."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from audit.history import history_rows
from enterprises import access
from enterprises.filters import EnterpriseFilter, GrantFilter, HireFilter, PlacementFilter
from enterprises.forms import (
    EnterpriseForm,
    EnterpriseYearForm,
    GrantForm,
    HireForm,
    PlacementForm,
)
from enterprises.tables import EnterpriseTable, GrantTable, HireTable, PlacementTable
from socialeconomy import roles
from socialeconomy.deletion import delete_link
from socialeconomy.records import form_page, list_page


@login_required
def enterprise_list(request):
    enterprises = access.enterprises_for_user(request.user)
    new = [("Ny virksomhed", reverse("enterprises:create"))]
    return list_page(
        request,
        queryset=enterprises,
        filterset_class=EnterpriseFilter,
        table_class=EnterpriseTable,
        title="Virksomheder og initiativer",
        export_stem="virksomheder",
        actions=new if roles.is_consultant(request.user) else [],
    )


@login_required
def enterprise_detail(request, pk):
    enterprise = access.enterprise_for_user(request.user, pk)
    consultant = roles.is_consultant(request.user)
    context = {
        "enterprise": enterprise,
        "agreements": enterprise.agreements.order_by("-start"),
        "years": enterprise.years.all() if consultant else None,
        "grants": enterprise.grants.all() if consultant else None,
        "hires": enterprise.hires.all() if consultant else None,
        "placements": enterprise.placements.all() if consultant else None,
    }
    return render(request, "enterprises/detail.html", context)


@login_required
def enterprise_create(request):
    roles.consultant_or_404(request.user)
    form = EnterpriseForm(request.POST or None)
    return form_page(
        request, form=form, title="Ny virksomhed", cancel_url=reverse("enterprises:list")
    )


@login_required
def enterprise_edit(request, pk):
    enterprise = access.enterprise_for_user(request.user, pk, edit=True)
    form = EnterpriseForm(request.POST or None, instance=enterprise)
    return form_page(
        request, form=form, title=f"Rediger {enterprise}", cancel_url=enterprise.get_absolute_url()
    )


@login_required
def enterprise_year_create(request, pk):
    enterprise = access.enterprise_for_user(request.user, pk, edit=True)
    form = EnterpriseYearForm(request.POST or None, enterprise=enterprise)
    return form_page(
        request,
        form=form,
        title=f"Ny årsbeskrivelse for {enterprise}",
        cancel_url=enterprise.get_absolute_url(),
    )


@login_required
def enterprise_year_edit(request, pk):
    year = access.enterprise_year_for_user(request.user, pk)
    form = EnterpriseYearForm(request.POST or None, instance=year, enterprise=year.enterprise)
    return form_page(
        request, form=form, title=f"Årsbeskrivelse {year}", cancel_url=year.get_absolute_url()
    )


@dataclass(frozen=True)
class Dated:
    """Fundraising, hires and placements share one shape: list, new, edit."""

    scope: Callable
    get: Callable
    form: type
    filterset: type
    table: type
    title: str
    noun: str
    stem: str


DATED = {
    "grant": Dated(
        access.grants_for_user,
        access.grant_for_user,
        GrantForm,
        GrantFilter,
        GrantTable,
        "Fundraising",
        "bevilling",
        "fundraising",
    ),
    "hire": Dated(
        access.hires_for_user,
        access.hire_for_user,
        HireForm,
        HireFilter,
        HireTable,
        "Ansættelser",
        "ansættelse",
        "ansaettelser",
    ),
    "placement": Dated(
        access.placements_for_user,
        access.placement_for_user,
        PlacementForm,
        PlacementFilter,
        PlacementTable,
        "Praktik og løntilskud",
        "praktik eller løntilskud",
        "praktik",
    ),
}


@login_required
def dated_list(request, kind):
    dated = DATED[kind]
    records = dated.scope(request.user)
    return list_page(
        request,
        queryset=records,
        filterset_class=dated.filterset,
        table_class=dated.table,
        title=dated.title,
        export_stem=dated.stem,
        actions=[(f"Ny {dated.noun}", reverse(f"enterprises:{kind}_create"))],
    )


@login_required
def dated_create(request, kind):
    dated = DATED[kind]
    dated.scope(request.user)
    form = dated.form(request.POST or None, initial={"enterprise": request.GET.get("virksomhed")})
    return form_page(
        request,
        form=form,
        title=f"Ny {dated.noun}",
        cancel_url=reverse(f"enterprises:{kind}_list"),
        success_url=reverse(f"enterprises:{kind}_list"),
    )


@login_required
def dated_edit(request, kind, pk):
    dated = DATED[kind]
    record = dated.get(request.user, pk)
    form = dated.form(request.POST or None, instance=record)
    return form_page(
        request,
        form=form,
        title=f"Rediger {dated.noun} {record.reference}",
        cancel_url=reverse(f"enterprises:{kind}_list"),
        success_url=reverse(f"enterprises:{kind}_list"),
        context={
            "history": history_rows(record) if hasattr(record, "history") else None,
            **delete_link(kind, record),
        },
    )
