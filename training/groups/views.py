"""The facilitator's pages: their groups, feedback moments and results ('Mijn groepen').

Views parse input, call one service or selector, and render. Every page is personal:
`no-store`, and objects come from the facilitator's own querysets (permissions.py), so
a wrong id (or another facilitator's) is a 404 — for a visitor who is not signed in too
(no sign-in redirect that would confirm the page exists). Figures come only from
`selectors.answer_summary` (the threshold).
"""

import uuid

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from training.continuing.errors import ContinuingError
from training.continuing.permissions import meetings_visible_to, own_sessions
from training.converters import parse_id
from training.http import no_store, resend_forms

from . import errors, pdf, selectors, services
from .forms import MomentForm, PeerGroupEditForm, PeerGroupForm
from .permissions import associations_open_to, may_lead_groups, own_groups, own_moments


def _page(request, template, context=None, status=200):
    return no_store(TemplateResponse(request, template, context or {}, status=status))


def _not_for_you(request):
    return _page(request, "groups/not_for_you.html", status=403)


def participant_url(request, moment) -> str:
    return request.build_absolute_uri(reverse("groups:answer", kwargs={"token": moment.token}))


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m", micro=False).svg_data_uri(
        scale=8, border=2, dark="#1a1a1a", light="#ffffff"
    )


@never_cache
@login_required
def group_list(request):
    if not may_lead_groups(request.user):
        return _not_for_you(request)
    rows = selectors.groups_overview(user=request.user)
    return _page(request, "groups/list.html", {"rows": rows})


@never_cache
@login_required
@resend_forms(PeerGroupForm)
def group_new(request):
    if not may_lead_groups(request.user):
        return _not_for_you(request)
    associations = associations_open_to(request.user)
    form = PeerGroupForm(
        request.POST or None, associations=associations, initial={"client_id": uuid.uuid4()}
    )
    error = None
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data.get(name) for name in services.GROUP_FIELDS}
        try:
            group, _created = services.peer_group_create(
                facilitator=request.user, client_id=form.cleaned_data["client_id"], **fields
            )
        except errors.GroupsError as refusal:
            error = refusal.message
        else:
            return redirect("groups:detail", public_id=group.public_id)
    return _page(request, "groups/group_form.html", {"form": form, "error": error, "is_new": True})


@never_cache
@resend_forms(PeerGroupEditForm)
def group_edit(request, public_id):
    group = get_object_or_404(own_groups(request.user), public_id=public_id)
    form = PeerGroupEditForm(
        request.POST or None, instance=group, associations=associations_open_to(request.user)
    )
    error = None
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data.get(name)
            for name in services.GROUP_FIELDS
            if name in form.fields
        }
        try:
            services.peer_group_update(group=group, **fields)
        except errors.GroupsError as refusal:
            error = refusal.message
        else:
            return redirect("groups:detail", public_id=group.public_id)
    return _page(request, "groups/group_form.html", {"form": form, "group": group, "error": error})


@never_cache
def group_detail(request, public_id):
    group = get_object_or_404(own_groups(request.user), public_id=public_id)
    results = selectors.group_results(group=group)
    context = {
        "group": group,
        "results": results,
        "gridlines": selectors.gridlines(),
        "threshold": selectors.feedback_threshold(),
        "latest": next(reversed(results.shown_meetings), None) if results.shown_meetings else None,
    }
    return _page(request, "groups/detail.html", context)


@never_cache
@resend_forms(MomentForm)
def moment_new(request, public_id):
    group = get_object_or_404(own_groups(request.user), public_id=public_id)
    sessions = own_sessions(request.user).filter(group_meeting__isnull=True)
    form = MomentForm(
        request.POST or None, sessions=sessions, initial={"held_on": timezone.localdate()}
    )
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_get_or_create(
                group=group,
                held_on=form.cleaned_data["held_on"],
                practice_session=form.cleaned_data.get("practice_session"),
            )
            moment = services.moment_open(
                meeting=meeting, lifetime_hours=form.cleaned_data["lifetime_hours"]
            )
        except errors.GroupsError as refusal:
            error = refusal.message
        else:
            return redirect("groups:moment", public_id=moment.public_id)
    return _page(request, "groups/moment_form.html", {"form": form, "group": group, "error": error})


def _own_moment(request, public_id):
    return get_object_or_404(
        own_moments(request.user).select_related("meeting__group"), public_id=public_id
    )


@never_cache
def moment_detail(request, public_id):
    moment = _own_moment(request, public_id)
    url = participant_url(request, moment)
    summary = selectors.answer_summary(answers=moment.answers.all())
    intervision = (
        meetings_visible_to(request.user)
        .filter(starts_at__gte=timezone.now())
        .select_related("group")
    )
    context = {
        "intervision_meetings": intervision if summary.shown else [],
        "moment": moment,
        "group": moment.meeting.group,
        "url": url,
        "qr": qr_data_uri(url),
        "summary": summary,
        "is_open": moment.is_open(),
    }
    return _page(request, "groups/moment.html", context)


@never_cache
def moment_screen(request, public_id):
    """The QR code full screen, to hold up at the end of the meeting."""
    moment = _own_moment(request, public_id)
    url = participant_url(request, moment)
    context = {"moment": moment, "url": url, "qr": qr_data_uri(url), "is_open": moment.is_open()}
    return _page(request, "groups/moment_screen.html", context)


@never_cache
def moment_card(request, public_id):
    """An A6 card to print for a group on site: the QR code and the short link."""
    moment = _own_moment(request, public_id)
    content = pdf.moment_card_pdf(moment=moment, url=participant_url(request, moment))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="feedback-kaart.pdf"'
    return no_store(response)


@never_cache
@require_POST
def moment_case(request, public_id):
    """Bring the meeting's figures (never open answers) to an intervision meeting."""
    moment = _own_moment(request, public_id)
    intervision_meeting = get_object_or_404(
        meetings_visible_to(request.user), pk=parse_id(request.POST.get("intervision_meeting"))
    )
    try:
        case = services.meeting_case_bring(
            moment=moment, intervision_meeting=intervision_meeting, brought_by=request.user
        )
    except (errors.GroupsError, ContinuingError):
        return redirect("groups:moment", public_id=moment.public_id)
    return redirect("continuing:case_edit", public_id=case.public_id)


@never_cache
@require_POST
def moment_close(request, public_id):
    moment = _own_moment(request, public_id)
    services.moment_close(moment=moment)
    return redirect("groups:moment", public_id=moment.public_id)
