"""Learner views of the skills lab: parse input, call one service or selector, render.

Every page shows personal data and is marked `no_store`; a group or round the
user may not see is a 404 (the scoped queryset of the group policy).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from training.assessments.reflections.coach import OPEN_QUESTION_SUGGESTION, rules_for_browser
from training.http import no_store

from . import services
from .calendar import group_invitation
from .chart import growth_chart
from .errors import NotMetYet, PracticeError
from .forms import (
    AgreementForm,
    MeetingForm,
    ObservationForm,
    OptInForm,
    RatingForm,
    SelfReflectionForm,
    TurnForm,
)
from .models import PracticeActivityPage, PracticeGroup, PracticeGroupMet
from .selectors import (
    active_enrolment,
    group_for_user,
    group_rounds,
    listener_growth,
    member_of,
)


def _activity(pk) -> PracticeActivityPage:
    return get_object_or_404(PracticeActivityPage.objects.live(), pk=pk)


def _group(request, public_id, action="view") -> PracticeGroup:
    try:
        return group_for_user(user=request.user, public_id=public_id, action=action)
    except PracticeGroup.DoesNotExist:
        raise Http404 from None


@login_required
@require_POST
def opt_in(request, activity_id):
    activity = _activity(activity_id)
    enrolment = active_enrolment(user=request.user, activity=activity)
    if enrolment is None:
        raise Http404
    form = OptInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose at least one moment of the week."))
        return redirect(activity.url + "#opt-in")
    try:
        services.practice_opt_in(
            activity=activity, enrolment=enrolment, slots=form.cleaned_data["slots"]
        )
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("You are signed up. Your trainer forms the groups; you will see yours here.")
        )
    return redirect(activity.url + "#opt-in")


@login_required
@require_POST
def opt_out(request, activity_id):
    activity = _activity(activity_id)
    enrolment = active_enrolment(user=request.user, activity=activity)
    if enrolment is None:
        raise Http404
    try:
        services.practice_opt_out(activity=activity, enrolment=enrolment)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You are no longer signed up for this practice."))
    return redirect(activity.url)


def _group_context(request, group, **extra):
    member = member_of(group=group, user=request.user)
    members = list(
        group.members.select_related("enrolment__learner", "trainer").order_by("position")
    )
    context = {
        "group": group,
        "activity": group.activity,
        "member": member,
        "members": members,
        "all_agreed": all(m.has_agreed for m in members),
        "rounds": group_rounds(group=group),
        "agreement_form": AgreementForm(),
        "meeting_form": MeetingForm(
            starts=services.meeting_choices(group=group),
            initial={"meeting_place": group.meeting_place},
        ),
        **_met_context(group),
    }
    context.update(extra)
    return context


@login_required
def group_detail(request, public_id):
    group = _group(request, public_id)
    return no_store(
        TemplateResponse(request, "practice/group_detail.html", _group_context(request, group))
    )


@login_required
@require_POST
def group_agree(request, public_id):
    group = _group(request, public_id, "take_part")
    member = member_of(group=group, user=request.user)
    form = AgreementForm(request.POST)
    if not form.is_valid():
        context = _group_context(request, group, agreement_form=form)
        return no_store(TemplateResponse(request, "practice/group_detail.html", context))
    services.practice_agree(member=member)
    messages.success(request, _("Thank you. The rounds start when everyone has agreed."))
    return redirect("practice:group", public_id=group.public_id)


@login_required
@require_POST
def group_meeting(request, public_id):
    group = _group(request, public_id, "take_part")
    form = MeetingForm(request.POST, starts=services.meeting_choices(group=group))
    if form.is_valid():
        try:
            services.practice_meeting_set(
                group=group,
                meeting_at=form.cleaned_data["meeting_at"],
                meeting_place=form.cleaned_data["meeting_place"],
            )
        except PracticeError as error:
            form.add_error("meeting_place", error.message)
        else:
            messages.success(request, _("Saved. Add the meeting to your calendar below."))
            return redirect("practice:group", public_id=group.public_id)
    context = _group_context(request, group, meeting_form=form)
    return no_store(TemplateResponse(request, "practice/group_detail.html", context))


@login_required
@require_POST
def group_met(request, public_id):
    """A member says, for the group, "we met" (idempotent: the first one stays)."""
    group = _group(request, public_id, "take_part")
    member = member_of(group=group, user=request.user)
    try:
        services.practice_group_met_confirm(group=group, member=member)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved: your group has met. You can fill in the rounds now."))
    number = request.POST.get("round", "")
    if number.isdigit() and group.rounds.filter(number=int(number)).exists():
        return redirect("practice:round", public_id=group.public_id, number=int(number))
    return redirect(reverse("practice:group", args=[group.public_id]) + "#meeting")


@login_required
def group_ics(request, public_id):
    group = _group(request, public_id)
    if group.meeting_at is None:
        raise Http404
    response = HttpResponse(group_invitation(group=group), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="oefengroep.ics"'
    return no_store(response)


# --- A round ------------------------------------------------------------------------


FORMS = {
    "observation": ObservationForm,
    "rating": RatingForm,
    "reflection": SelfReflectionForm,
    "turn": TurnForm,
}


def _met_context(group):
    """Whether the group's live rounds can be recorded yet, and who said the group met."""
    opens_at = services.live_rounds_open_at(group)
    return {
        "met": PracticeGroupMet.objects.filter(group=group)
        .select_related("confirmed_by__enrolment__learner")
        .first(),
        "rounds_open_at": opens_at,
        "rounds_open": group.is_written or (opens_at is not None and opens_at <= timezone.now()),
    }


def _round_view(group, number):
    for view in group_rounds(group=group):
        if view.round.number == number:
            return view
    raise Http404


def _round_context(request, group, round_view, bound=None):
    member = member_of(group=group, user=request.user)
    practice_round = round_view.round
    criteria = list(group.activity.criteria.all())
    observation = next(
        (o for o in round_view.observations if member and o.observer_id == member.pk), None
    )
    forms = {
        "observation": ObservationForm(
            criteria=criteria, initial=observation.answers if observation else None
        ),
        "rating": RatingForm(
            initial={
                "felt_heard": round_view.rating.felt_heard,
                "sentence": round_view.rating.sentence,
            }
            if round_view.rating
            else None
        ),
        "reflection": SelfReflectionForm(
            initial={
                "went_well": round_view.reflection.went_well,
                "advice_moment": round_view.reflection.advice_moment,
            }
            if round_view.reflection
            else None
        ),
        "turn": TurnForm(),
    }
    if bound:
        forms[bound[0]] = bound[1]
    is_observer = bool(member and member.pk in {m.pk for m in round_view.observers})
    last_turn = round_view.turns[-1] if round_view.turns else None
    return {
        "group": group,
        "activity": group.activity,
        "member": member,
        "view": round_view,
        "round": practice_round,
        "is_speaker": bool(member and member.pk == practice_round.speaker_id),
        "is_listener": bool(member and member.pk == practice_round.listener_id),
        "is_observer": is_observer,
        "my_turn": bool(
            member and member.pk == services.written_turn_next_author(practice_round, last_turn)
        ),
        "all_agreed": not group.members.filter(agreed_at__isnull=True).exists(),
        "forms": forms,
        "observation_rows": _observation_rows(criteria, round_view.observations),
        "coach_rules": {
            "rules": rules_for_browser(),
            "open_question": str(OPEN_QUESTION_SUGGESTION),
        },
        **_met_context(group),
    }


def _observation_rows(criteria, observations):
    return [
        {"criterion": c, "values": [o.answers.get(str(c.key)) for o in observations]}
        for c in criteria
    ]


@login_required
def round_detail(request, public_id, number):
    group = _group(request, public_id)
    if request.method == "POST":
        return _round_post(request, group, number)
    context = _round_context(request, group, _round_view(group, number))
    return no_store(TemplateResponse(request, "practice/round_detail.html", context))


def _round_post(request, group, number):
    group = _group(request, group.public_id, "take_part")
    member = member_of(group=group, user=request.user)
    round_view = _round_view(group, number)
    practice_round = round_view.round
    kind = request.POST.get("form", "")
    if kind not in FORMS:
        raise Http404
    if kind == "observation":
        form = ObservationForm(request.POST, criteria=group.activity.criteria.all())
    else:
        form = FORMS[kind](request.POST)
    if kind == "turn" and request.POST.get("close"):
        try:
            services.written_round_close(practice_round=practice_round, member=member)
        except PracticeError as error:
            messages.error(request, error.message)
        return redirect("practice:round", public_id=group.public_id, number=number)
    if form.is_valid():
        try:
            if request.POST.get("we_met") and kind != "turn":
                # "We met", ticked in the form itself: said for the group, then saved.
                services.practice_group_met_confirm(group=group, member=member)
            if kind == "observation":
                services.observation_submit(
                    practice_round=practice_round, observer=member, answers=form.answers()
                )
            elif kind == "rating":
                services.rating_submit(
                    practice_round=practice_round, speaker=member, **form.cleaned_data
                )
            elif kind == "reflection":
                services.self_reflection_submit(
                    practice_round=practice_round, listener=member, **form.cleaned_data
                )
            else:
                services.written_turn_add(
                    practice_round=practice_round, author=member, text=form.cleaned_data["text"]
                )
        except PracticeError as error:
            form.add_error(None, error.message)
            # Refused because the practice has not happened yet: a conflict with the
            # group's state, not bad input; the form comes back with what was typed.
            status = 409 if isinstance(error, NotMetYet) else 400
        else:
            messages.success(request, _("Saved."))
            anchor = "#conversation" if kind == "turn" else ""
            return redirect(f"{request.path}{anchor}" if anchor else request.path)
    else:
        status = 400
    context = _round_context(request, group, round_view, bound=(kind, form))
    return no_store(TemplateResponse(request, "practice/round_detail.html", context, status=status))


# --- Growth --------------------------------------------------------------------------


@login_required
def my_growth(request):
    from training.learning.models import Enrolment

    enrolments = Enrolment.objects.filter(
        learner=request.user, status=Enrolment.Status.ACTIVE
    ).select_related("cohort")
    sections = []
    for enrolment in enrolments:
        points = listener_growth(enrolment=enrolment)
        sections.append(
            {
                "id": f"growth-{enrolment.pk}",
                "enrolment": enrolment,
                "points": points,
                "chart": growth_chart(points=points),
            }
        )
    context = {"sections": sections, "groups": _my_groups(request.user)}
    return no_store(TemplateResponse(request, "practice/my_growth.html", context))


def _my_groups(user):
    return (
        PracticeGroup.objects.filter(
            members__enrolment__learner=user, members__enrolment__status="active"
        )
        .select_related("activity")
        .order_by("-created_at")
    )
