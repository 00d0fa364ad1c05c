"""The facilitator's practice log and wellbeing check-in ('Mijn praktijk').

Views parse input, call one service or selector, and render. Every page is
personal: `no-store`, and objects come from the facilitator's own querysets,
so a wrong id (or someone else's) is a 404. A form with an error is shown
again with everything that was typed.
"""

import csv
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from training.hooks import PRACTICE_LOG_PROMPTS, contributions
from training.http import no_store, resend_forms
from training.learning.permissions import academies_of_learner
from training.spreadsheets import csv_safe
from training.versioning import conflict_forms

from . import calendar, errors, selectors, services
from .forms import (
    AttendanceForm,
    CaseEditForm,
    CaseForm,
    CheckInForm,
    ExternalActivityForm,
    PracticeSessionEditForm,
    PracticeSessionForm,
)
from .models import GroupSetting
from .permissions import (
    UNCHOSEN,
    cases_readable_by,
    may_keep_log,
    meetings_visible_to,
    own_cases,
    own_external_activities,
    own_sessions,
)


def _page(request, template, context=None, status=200):
    return no_store(TemplateResponse(request, template, context or {}, status=status))


def _not_for_you(request):
    return _page(request, "continuing/not_for_you.html", status=403)


@never_cache
@login_required
def log(request):
    if not may_keep_log(request.user):
        return _not_for_you(request)
    context = {
        "sessions": own_sessions(request.user).select_related("checkin"),
        "summary": selectors.log_summary(user=request.user),
        # Higher apps add prompts (the groups app: a dip in participants' feedback).
        "prompts": [
            prompt
            for contribute in contributions(PRACTICE_LOG_PROMPTS)
            for prompt in contribute(user=request.user) or []
        ],
    }
    return _page(request, "continuing/log.html", context)


def _session_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in services.SESSION_FIELDS}


def _chosen_place(form):
    """The place chosen in the form (see `AddressedPlaceMixin`); none offered: no choice."""
    return form.cleaned_data["academy"] if "academy" in form.fields else UNCHOSEN


@never_cache
@login_required
@resend_forms(PracticeSessionForm)
def session_new(request):
    if not may_keep_log(request.user):
        return _not_for_you(request)
    form = PracticeSessionForm(request.POST or None, places=academies_of_learner(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            session, created = services.practice_session_create(
                facilitator=request.user,
                client_id=form.cleaned_data["client_id"],
                academy=_chosen_place(form),
                **_session_fields(form),
            )
        except errors.ContinuingError as error:
            messages.error(request, error.message)
        else:
            if created:
                messages.success(request, _("Your session is in your log."))
            return redirect("continuing:session_checkin", public_id=session.public_id)
    return _page(request, "continuing/session_form.html", {"form": form, "is_new": True})


@never_cache
@login_required
@resend_forms(PracticeSessionEditForm)
def session_edit(request, public_id):
    session = get_object_or_404(own_sessions(request.user), public_id=public_id)
    form_class = partial(PracticeSessionEditForm, places=academies_of_learner(request.user))
    form = form_class(request.POST or None, instance=session)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_session_update(
                session=session,
                version=form.cleaned_data["version"],
                academy=_chosen_place(form),
                **_session_fields(form),
            )
        except errors.SessionChangedElsewhere as error:
            conflict, form = conflict_forms(
                form_class, request.POST, own_sessions(request.user), session.pk
            )
            messages.error(request, error.message)
        except errors.ContinuingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("continuing:log")
    return _page(
        request,
        "continuing/session_form.html",
        {"form": form, "session": session, "is_new": False, "conflict": conflict},
        status=409 if conflict else 200,
    )


@never_cache
@login_required
def session_delete(request, public_id):
    session = get_object_or_404(own_sessions(request.user), public_id=public_id)
    if request.method == "POST":
        services.practice_session_delete(session=session)
        messages.success(request, _("The session is deleted from your log."))
        return redirect("continuing:log")
    return _page(request, "continuing/session_delete.html", {"session": session})


@never_cache
@login_required
@resend_forms(CheckInForm)
def session_checkin(request, public_id):
    session = get_object_or_404(
        own_sessions(request.user).select_related("checkin"), public_id=public_id
    )
    if hasattr(session, "checkin"):
        return redirect("continuing:wellbeing")
    return _checkin(request, session=session)


@never_cache
@login_required
@resend_forms(CheckInForm)
def wellbeing(request):
    if not may_keep_log(request.user):
        return _not_for_you(request)
    return _checkin(request, session=None)


def _checkin(request, *, session):
    form = CheckInForm(request.POST or None, places=academies_of_learner(request.user))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        client_id = data.pop("client_id")
        data.pop("academy", None)
        try:
            checkin, _created = services.checkin_record(
                facilitator=request.user,
                client_id=client_id,
                session=session,
                academy=_chosen_place(form),
                **data,
            )
        except errors.ContinuingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Thank you. Your check-in is saved; only you can see it."))
            if checkin.wants_contact:
                messages.info(request, _("Your trainer will get in touch with you."))
            return redirect("continuing:wellbeing")
    labels = {
        "energy_cost": _("Energy it cost"),
        "energy_gain": _("Energy it gave"),
        "sleep": _("Sleep"),
    }
    context = {
        "form": form,
        "session": session,
        "trend": selectors.wellbeing_trend(user=request.user, labels=labels),
        "gridlines": selectors.gridlines(),
    }
    return _page(request, "continuing/wellbeing.html", context)


@never_cache
@login_required
def too_much(request):
    return _page(request, "continuing/too_much.html")


CSV_HEADER = [
    "date",
    "kind of group",
    "where",
    "minutes",
    "co-facilitator",
    "participants",
    "own experience",
    "listening",
    "boundary",
    "shared with trainers",
]


@never_cache
@login_required
def export_csv(request):
    """The facilitator's own log for their portfolio (reflections included: it is theirs)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="praktijklogboek-{day}.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    settings_labels = dict(GroupSetting.choices)
    for session in own_sessions(request.user).order_by("held_on", "created_at"):
        writer.writerow(
            [
                csv_safe(value)
                for value in (
                    session.held_on.isoformat(),
                    session.group_kind,
                    str(settings_labels.get(session.setting, session.setting)),
                    session.duration_minutes,
                    session.co_facilitator,
                    "" if session.participants is None else session.participants,
                    session.own_experience,
                    session.listening_moment,
                    session.boundary_moment,
                    "yes" if session.shared_with_trainer else "no",
                )
            ]
        )
    return no_store(response)


@never_cache
@login_required
def print_log(request):
    context = {
        "sessions": own_sessions(request.user).order_by("held_on", "created_at"),
        "summary": selectors.log_summary(user=request.user),
        "today": timezone.localdate(),
    }
    return _page(request, "continuing/print.html", context)


# --- Continued education ----------------------------------------------------------------


@never_cache
@login_required
def education(request):
    if not may_keep_log(request.user):
        return _not_for_you(request)
    progress = [
        p
        for p in (
            selectors.renewal_progress(certificate=c)
            for c in selectors.current_certificates(user=request.user)
        )
        if p is not None
    ]
    context = {
        "progress": progress,
        "activities": own_external_activities(request.user),
        "in_intervision": selectors.in_intervision_group(user=request.user),
    }
    return _page(request, "continuing/education.html", context)


@never_cache
@login_required
@resend_forms(ExternalActivityForm)
def activity_new(request):
    if not may_keep_log(request.user):
        return _not_for_you(request)
    form = ExternalActivityForm(
        request.POST or None, request.FILES or None, places=academies_of_learner(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("academy", None)
        try:
            services.external_activity_add(
                facilitator=request.user,
                client_id=data.pop("client_id"),
                proof=data.pop("proof"),
                academy=_chosen_place(form),
                **data,
            )
        except errors.ContinuingError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Added. It counts once a trainer has confirmed it."))
            return redirect("continuing:education")
    return _page(request, "continuing/activity_form.html", {"form": form})


@never_cache
@login_required
def activity_proof(request, public_id):
    activity = get_object_or_404(own_external_activities(request.user), public_id=public_id)
    return no_store(
        FileResponse(activity.proof.open("rb"), as_attachment=True, filename=_proof_name(activity))
    )


def _proof_name(activity) -> str:
    name = activity.proof.name.rsplit("/", 1)[-1]
    return name.split("-", 1)[-1] if "-" in name else name


# --- Intervision ---------------------------------------------------------------------------


@never_cache
@login_required
def intervision(request):
    meetings = meetings_visible_to(request.user).select_related("group").order_by("starts_at")
    now = timezone.now()
    context = {
        "upcoming": [m for m in meetings if m.starts_at >= now],
        "past": [m for m in meetings if m.starts_at < now][::-1],
    }
    return _page(request, "continuing/intervision.html", context)


@never_cache
@login_required
@resend_forms(CaseForm, AttendanceForm)
def meeting(request, public_id):
    meeting = get_object_or_404(
        meetings_visible_to(request.user).select_related("group__coordinator"),
        public_id=public_id,
    )
    group = meeting.group
    is_coordinator = group.coordinator_id == request.user.pk
    is_member = group.members.filter(pk=request.user.pk).exists()
    members = list(group.members.order_by("display_name", "email"))
    attendance_form = case_form = None
    if is_coordinator:
        present = {str(a.facilitator_id) for a in meeting.attendance.all() if a.present}
        attendance_form = AttendanceForm(
            request.POST if "attendance" in request.POST else None,
            members=members,
            initial={"present": sorted(present)},
        )
    if is_member:
        case_form = CaseForm(request.POST if "case" in request.POST else None)
    if request.method == "POST":
        if (
            attendance_form is not None
            and "attendance" in request.POST
            and attendance_form.is_valid()
        ):
            count = services.attendance_take(
                meeting=meeting,
                coordinator=request.user,
                present_ids={int(pk) for pk in attendance_form.cleaned_data["present"]},
            )
            messages.success(request, _("Attendance saved: %(count)s present.") % {"count": count})
            return redirect("continuing:meeting", public_id=meeting.public_id)
        if case_form is not None and "case" in request.POST and case_form.is_valid():
            data = dict(case_form.cleaned_data)
            services.case_save(
                meeting=meeting, brought_by=request.user, client_id=data.pop("client_id"), **data
            )
            messages.success(request, _("Your case notes are saved."))
            return redirect("continuing:meeting", public_id=meeting.public_id)
    context = {
        "meeting": meeting,
        "group": group,
        "members": members,
        "is_coordinator": is_coordinator,
        "attendance_form": attendance_form,
        "case_form": case_form,
        "cases": cases_readable_by(request.user, meeting).select_related("brought_by"),
    }
    return _page(request, "continuing/meeting.html", context)


@never_cache
@login_required
@resend_forms(CaseEditForm)
def case_edit(request, public_id):
    """Change the notes of a case one brought; anyone else's case is a 404."""
    case = get_object_or_404(
        own_cases(request.user).select_related("meeting__group"), public_id=public_id
    )
    form = CaseEditForm(request.POST or None, instance=case)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.case_update(notes=case, version=version, **data)
        except errors.CaseChangedElsewhere as error:
            conflict, form = conflict_forms(
                CaseEditForm, request.POST, own_cases(request.user), case.pk
            )
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your case notes are saved."))
            return redirect("continuing:meeting", public_id=case.meeting.public_id)
    return _page(
        request,
        "continuing/case_form.html",
        {"form": form, "case": case, "meeting": case.meeting, "conflict": conflict},
        status=409 if conflict else 200,
    )


@never_cache
@login_required
def meeting_ics(request, public_id):
    meeting = get_object_or_404(
        meetings_visible_to(request.user).select_related("group"), public_id=public_id
    )
    response = HttpResponse(calendar.meeting_ical(meeting), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="intervisie.ics"'
    return no_store(response)
