"""The participant's minute: one public page per feedback moment, no account, no script.

Anonymous by construction: nothing of the request (IP address, user agent, time) is
stored; the service keeps the day only. The one cookie this page sets is `PHONE_COOKIE`,
valid for this moment's path only (HttpOnly, SameSite=Lax): a random value whose hash
lets the database refuse a second answer from the same phone. No session is started
(no messages framework here). CSRF protection stays on: the form is ours.

Every refusal (closed, already answered, too busy, bad input) is a friendly Dutch page
(or JSON for scripts) that changes nothing and keeps what was typed.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from training.http import no_store, wants_json

from . import errors, services
from .forms import AnswerForm
from .models import FeedbackAnswer, FeedbackMoment

PHONE_COOKIE = "lg_answered"


def _page(request, template, context, status=200):
    response = no_store(TemplateResponse(request, template, context, status=status))
    # The link is the only key to the moment: the site's Referrer-Policy (same-origin)
    # never hands it to another site; no-referrer would make the form post `Origin: null`,
    # which CSRF protection refuses.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _refused(request, moment, error: errors.GroupsError, *, status, form=None):
    if wants_json(request):
        response = no_store(JsonResponse({"error": str(error.message)}, status=status))
    else:
        template = (
            "groups/participant/answer.html"
            if form is not None
            else ("groups/participant/refused.html")
        )
        response = _page(
            request, template, {"moment": moment, "form": form, "error": error.message}, status
        )
    if status == 429:
        response["Retry-After"] = "60"
    return response


def _answered_here(request, moment) -> bool:
    secret = request.COOKIES.get(PHONE_COOKIE, "")
    if not secret:
        return False
    key = services.phone_key(moment=moment, phone_secret=secret)
    return FeedbackAnswer.objects.filter(moment=moment, phone_key=key).exists()


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, token):
    moment = get_object_or_404(FeedbackMoment.objects.select_related("meeting"), token=token)
    if not moment.is_open():
        return _refused(request, moment, errors.MomentClosed(), status=410)
    if _answered_here(request, moment):
        return _refused(request, moment, errors.AlreadyAnswered(), status=409)
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method != "POST":
        return _page(request, "groups/participant/answer.html", {"moment": moment, "form": form})
    if not form.is_valid():
        if wants_json(request):
            return no_store(JsonResponse({"errors": form.errors.get_json_data()}, status=400))
        return _page(
            request, "groups/participant/answer.html", {"moment": moment, "form": form}, 400
        )
    secret = request.COOKIES.get(PHONE_COOKIE) or services.new_phone_secret()
    try:
        services.answer_submit(
            moment=moment,
            phone_secret=secret,
            scores=form.scores,
            gains=set(form.cleaned_data["gains"]),
            open_answer=form.cleaned_data["open_answer"],
        )
    except errors.MomentClosed as error:
        return _refused(request, moment, error, status=410)
    except errors.AlreadyAnswered as error:
        return _refused(request, moment, error, status=409)
    except errors.TooBusy as error:
        return _refused(request, moment, error, status=429, form=form)
    if wants_json(request):
        response = no_store(JsonResponse({"ok": True}, status=201))
    else:
        response = redirect("groups:thanks", token=token)
    _remember_phone(response, request=request, moment=moment, secret=secret)
    return response


def _remember_phone(response, *, request, moment, secret) -> None:
    """The one cookie: for this moment's path only, gone when the moment closes."""
    seconds = max(60, int((moment.closes_at - timezone.now()).total_seconds()))
    response.set_cookie(
        PHONE_COOKIE,
        secret,
        max_age=seconds,
        path=request.path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


@never_cache
@require_http_methods(["GET"])
def thanks(request, token):
    moment = get_object_or_404(FeedbackMoment, token=token)
    return _page(request, "groups/participant/thanks.html", {"moment": moment})
