"""Agreements, courses, plans and evaluations, and the start page (its lists come from
agreements.deadlines). Every view calls its access helper first; writes go through
agreements.services; lists and forms use the shared page shapes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from agreements import access, deadlines
from agreements.assessments import AssessmentForm
from agreements.filters import AgreementFilter, CourseFilter
from agreements.forms import (
    AgreementForm,
    CourseForm,
    EvaluationForm,
    GoalFormSet,
    OutcomeFormSet,
    PauseForm,
    PlanForm,
    ReturnForm,
)
from agreements.models import EvaluationKind, Plan, SubGoalAssessment
from agreements.services import (
    NotEditable,
    evaluation_save,
    plan_save,
    submission_missing,
    submission_receive,
    submission_return,
    submission_submit_checked,
)
from agreements.tables import AgreementTable, CourseTable
from audit.history import history_rows
from audit.services import Action, access_record
from socialeconomy import roles
from socialeconomy.db import StaleEdit
from socialeconomy.deletion import delete_link
from socialeconomy.pdf import html_to_pdf
from socialeconomy.querystring import as_of
from socialeconomy.records import form_page, list_page, pdf_response


@login_required
def agreement_list(request):
    agreements = access.agreements_for_user(request.user)
    consultant = roles.is_consultant(request.user)
    return list_page(
        request,
        queryset=agreements,
        filterset_class=AgreementFilter,
        table_class=AgreementTable,
        title="Samarbejdsaftaler",
        export_stem="aftaler",
        actions=[("Ny aftale", reverse("agreements:create"))] if consultant else [],
    )


@login_required
def agreement_detail(request, pk):
    agreement = access.agreement_for_user(request.user, pk)
    consultant = roles.is_consultant(request.user)
    courses = agreement.courses.order_by("-start", "reference")
    ongoing = list(courses.open())
    access_record(
        request,
        Action.LIST,
        references=[c.reference for c in ongoing],
        detail=f"aftale {agreement.name}: forløb",
    )
    context = {
        "agreement": agreement,
        "pauses": agreement.pauses.all(),
        "ongoing": ongoing,
        "completed_count": courses.ended().count(),
        "history": history_rows(agreement) if consultant else None,
    }
    return render(request, "agreements/detail.html", context)


@login_required
def agreement_create(request):
    roles.consultant_or_404(request.user)
    form = AgreementForm(
        request.POST or None, initial={"enterprise": request.GET.get("virksomhed")}
    )
    return form_page(request, form=form, title="Ny aftale", cancel_url=reverse("agreements:list"))


@login_required
def agreement_edit(request, pk):
    agreement = access.agreement_for_user(request.user, pk, edit=True)
    form = AgreementForm(request.POST or None, instance=agreement)
    return form_page(
        request,
        form=form,
        title=f"Rediger {agreement}",
        cancel_url=agreement.get_absolute_url(),
        context=delete_link("agreement", agreement),
    )


@login_required
def pause_create(request, pk):
    agreement = access.agreement_for_user(request.user, pk, edit=True)
    form = PauseForm(request.POST or None, agreement=agreement)
    return form_page(
        request,
        form=form,
        title=f"Ny pause for {agreement}",
        cancel_url=agreement.get_absolute_url(),
    )


@login_required
def pause_edit(request, pk):
    pause = access.pause_for_user(request.user, pk)
    form = PauseForm(request.POST or None, instance=pause, agreement=pause.agreement)
    return form_page(
        request,
        form=form,
        title=str(pause),
        cancel_url=pause.get_absolute_url(),
        context=delete_link("pause", pause),
    )


@login_required
def agreement_outcomes(request, pk):
    """Fast outcome entry: end date, outcome and plan date of the agreement's courses in one
    form, saved together or not at all."""
    agreement = access.agreement_for_user(request.user, pk, edit=True)
    show_all = request.GET.get("alle") == "1"
    courses = agreement.courses.order_by("start", "reference")
    if not show_all:
        courses = courses.open() | courses.without_outcome()
    access_record(
        request,
        Action.LIST,
        references=courses.values_list("reference", flat=True),
        detail=f"aftale {agreement.name}: resultater",
    )
    formset = OutcomeFormSet(request.POST or None, queryset=courses)
    if request.method == "POST" and formset.is_valid():
        try:
            with transaction.atomic():
                changed = formset.save()
        except StaleEdit as stale:
            messages.error(request, f"{stale} Intet er gemt; prøv igen.")
        else:
            messages.success(request, f"{len(changed)} forløb er opdateret.")
            return redirect(request.get_full_path())
    context = {"agreement": agreement, "formset": formset, "show_all": show_all}
    return render(request, "agreements/outcomes.html", context)


@login_required
def course_list(request):
    courses = access.courses_for_user(request.user).order_by("-start", "reference")
    consultant = roles.is_consultant(request.user)
    return list_page(
        request,
        queryset=courses,
        filterset_class=CourseFilter,
        table_class=CourseTable,
        table_kwargs={} if consultant else {"exclude": ("outcome",)},
        title="Forløb",
        export_stem="forloeb",
        actions=[("Nyt forløb", reverse("agreements:course_create"))] if consultant else [],
    )


@login_required
def course_detail(request, pk):
    course = access.course_for_user(request.user, pk)
    access_record(request, Action.VIEW, references=[course.reference], detail="forløb")
    context = {
        "course": course,
        "plan": Plan.objects.filter(course=course).prefetch_related("goals__sub_goals").first(),
        "evaluations": course.evaluations.all(),
        "history": history_rows(course) if roles.is_consultant(request.user) else None,
    }
    return render(request, "agreements/course.html", context)


@login_required
def course_create(request):
    roles.consultant_or_404(request.user)
    form = CourseForm(request.POST or None, initial={"agreement": request.GET.get("aftale")})
    return form_page(
        request, form=form, title="Nyt forløb", cancel_url=reverse("agreements:courses")
    )


@login_required
def course_edit(request, pk):
    course = access.course_for_user(request.user, pk, edit=True)
    if request.method == "GET":
        access_record(request, Action.VIEW, references=[course.reference], detail="redigering")
    form = CourseForm(request.POST or None, instance=course)
    return form_page(
        request,
        form=form,
        title=f"Rediger forløb {course}",
        cancel_url=course.get_absolute_url(),
        context=delete_link("course", course),
    )


@login_required
def plan_edit(request, pk):
    course = access.course_for_user(request.user, pk)
    plan = Plan.objects.filter(course=course).prefetch_related("goals__sub_goals").first()
    if access.document_read_only(request.user, plan):
        return redirect(plan.get_absolute_url())
    access.document_writable_or_404(request.user, plan)
    initial_goals = [
        {"text": g.text, "sub_goals": "\n".join(s.text for s in g.sub_goals.all())}
        for g in (plan.goals.all() if plan else [])
    ]
    initial = {"agreed_by": plan.agreed_by, "agreed_on": plan.agreed_on} if plan else {}
    data = request.POST or None
    submitting = bool(data) and "submit" in data
    form = PlanForm(data, course=course, initial=initial, submitting=submitting)
    goals = GoalFormSet(data, prefix="goals", submitting=submitting)
    if not data:
        # Always room for more: two empty goals beyond the ones written.
        goals = GoalFormSet(initial=[*initial_goals, {}, {}], prefix="goals")
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        plan = plan_save(
            course=course,
            user=request.user,
            agreed_by=form.cleaned_data["agreed_by"],
            agreed_on=form.cleaned_data["agreed_on"],
            goals=goals.goals(),
            submit=False,  # submitting is a step of its own, confirmed on document_submit
        )
        if submitting:
            messages.success(request, "Planen er gemt. Bekræft herunder, at den skal indsendes.")
            return redirect("agreements:plan_submit", pk=plan.pk)
        messages.success(request, "Planen er gemt som kladde.")
        return redirect(reverse("agreements:plan_edit", args=[course.pk]))
    context = {"course": course, "plan": plan, "form": form, "goals": goals}
    return render(request, "agreements/plan_form.html", context)


@login_required
def evaluation_create(request, pk):
    course = access.course_for_user(request.user, pk)
    access.document_writable_or_404(request.user, None)
    form = EvaluationForm(request.POST or None, course=course, submitting="submit" in request.POST)
    return _evaluation_form(
        request, form, course, AssessmentForm(request.POST or None, course=course)
    )


@login_required
def evaluation_edit(request, pk):
    evaluation = access.evaluation_for_user(request.user, pk)
    if access.document_read_only(request.user, evaluation):
        return redirect(evaluation.get_absolute_url())
    access.document_writable_or_404(request.user, evaluation)
    form = EvaluationForm(
        request.POST or None,
        instance=evaluation,
        course=evaluation.course,
        submitting="submit" in request.POST,
    )
    assessments = AssessmentForm(
        request.POST or None, course=evaluation.course, evaluation=evaluation
    )
    return _evaluation_form(request, form, evaluation.course, assessments)


def _evaluation_form(request, form, course, assessments):
    submit = form.submitting  # "Indsend" was pressed: the form requires what a draft may lack
    if request.method == "POST":
        form.is_valid()  # both forms are checked, so every error shows at once
        if assessments.is_valid() and form.cleaned_data.get("kind"):
            assessments.check_kind(form.cleaned_data["kind"], submitting=submit)
    if request.method == "POST" and form.is_valid() and assessments.is_valid():
        # saved as a draft; submitting is confirmed on the next page
        evaluation = evaluation_save(
            evaluation=form.instance,
            user=request.user,
            submit=False,
            assessments=assessments.assessments(),
        )
        if submit:
            messages.success(
                request, "Evalueringen er gemt. Bekræft herunder, at den skal indsendes."
            )
            return redirect("agreements:evaluation_submit", pk=evaluation.pk)
        messages.success(request, "Evalueringen er gemt som kladde.")
        return redirect(evaluation.get_absolute_url())
    context = {"course": course, "form": form, "assessments": assessments}
    return render(request, "agreements/evaluation_form.html", context)


DOCUMENTS = {"plan": access.plan_for_user, "evaluation": access.evaluation_for_user}


def _document(document, kind) -> dict:
    """What every page of a plan or evaluation shows (templates/agreements/_document_body):
    a plan's goals and sub-goals, a final evaluation's assessments, each read in one go."""
    if kind == "plan":
        prefetch_related_objects([document], "goals__sub_goals")
    elif document.kind == EvaluationKind.FINAL:
        assessed = SubGoalAssessment.objects.select_related("sub_goal__goal")
        prefetch_related_objects([document], Prefetch("assessments", queryset=assessed))
    return {"document": document, "kind": kind, "course": document.course}


def _document_context(request, document, kind, return_form=None) -> dict:
    """The document's page: for a consultant also the handling form and the change history
    (the templates ask the context processor's is_consultant)."""
    return _document(document, kind) | {
        "return_form": return_form or ReturnForm(),
        "history": history_rows(document) if roles.is_consultant(request.user) else None,
    }


@login_required
def document_detail(request, kind, pk, pdf=False):
    document = DOCUMENTS[kind](request.user, pk, printed=pdf)
    access_record(
        request,
        Action.EXPORT if pdf else Action.VIEW,
        references=[document.course.reference],
        detail=f"{document._meta.verbose_name}{' (PDF)' if pdf else ''}",
    )
    if pdf:
        context = _document(document, kind)
        html = render_to_string("agreements/document_print.html", context, request=request)
        stem = "plan" if kind == "plan" else "evaluering"
        return pdf_response(html_to_pdf(html), f"{stem}-{document.course.reference}.pdf")
    return render(request, "agreements/document.html", _document_context(request, document, kind))


@login_required
def document_submit(request, kind, pk):
    """The confirmation before the final step: the enterprise sees the document as it will
    be sent and submits it; afterwards it can only read it until it is sent back."""
    document = DOCUMENTS[kind](request.user, pk)
    if access.document_read_only(request.user, document):
        return redirect(document.get_absolute_url())
    access.document_writable_or_404(request.user, document)
    missing = submission_missing(document)
    if request.method == "POST" and not missing:
        try:
            submission_submit_checked(document=document, user=request.user)
        except NotEditable:
            messages.error(request, "Dokumentet er allerede indsendt.")
        else:
            noun = "Planen" if kind == "plan" else "Evalueringen"
            messages.success(request, f"{noun} er indsendt.")
        return redirect(document.get_absolute_url())
    context = _document(document, kind) | {"missing": missing}
    return render(request, "agreements/document_submit.html", context)


@login_required
@require_POST
def document_handle(request, kind, pk):
    """A consultant receives a submitted plan or evaluation, or returns it with a comment."""
    document = DOCUMENTS[kind](request.user, pk, handle=True)
    try:
        if request.POST.get("action") == "receive":
            submission_receive(document=document, user=request.user)
            messages.success(request, "Dokumentet er markeret som modtaget.")
        else:
            form = ReturnForm(request.POST)
            if not form.is_valid():
                context = _document_context(request, document, kind, form)
                return render(request, "agreements/document.html", context, status=400)
            submission_return(
                document=document, user=request.user, comment=form.cleaned_data["comment"]
            )
            messages.success(request, "Dokumentet er sendt retur til virksomheden.")
    except NotEditable:
        messages.error(request, "Dokumentet er ikke indsendt og kan ikke behandles.")
    return redirect(document.get_absolute_url())


@login_required
def home(request):
    """The start page answers "what needs me now" for the user's role."""
    user = request.user
    if not (roles.is_consultant(user) or roles.is_enterprise_staff(user)):
        return redirect("reports:list")
    today = as_of(request)
    courses = access.courses_for_user(user)
    records_day = None if "dato" in request.GET else deadlines.opening_day(courses, today)
    today = records_day or today
    context = {
        "today": today,
        "records_day": records_day,
        "plans_due": deadlines.plans_due(courses, today),
        "follow_ups_due": deadlines.follow_ups_due(courses, today),
        "finals_overdue": deadlines.final_evaluations_overdue(courses, today),
        "shown": deadlines.SHOWN,
        "horizon": deadlines.HORIZON_DAYS,
    }
    if roles.is_consultant(user):
        context |= {
            "waiting": deadlines.documents_waiting(courses),
            "without_outcome": deadlines.ended_without_outcome(courses, today),
            "capacity": deadlines.capacity_today(access.agreements_for_user(user), today),
        }
        template = "agreements/home.html"
    else:
        context |= {
            "enterprises": user.enterprises.order_by("name"),
            "returned": deadlines.documents_returned(courses),
        }
        template = "agreements/home_enterprise.html"
    references = deadlines.references_shown(context)
    access_record(request, Action.LIST, references=references, detail="startsiden: frister")
    return render(request, template, context)
