"""The academies' public-site pages: an academy's look, and the invitee's answer.

`academy_style`: the site's Content-Security-Policy allows no inline styles, so the
colour comes as a stylesheet of its own from the site itself (`style-src 'self'`): it
overrides the brand colours of `site.css` on the academy's pages. Public and cacheable
(no personal data: a name and a colour).

`invitation`: the invitee, signed in with the invited address (verified), reads what
the role means and accepts or declines. Someone else's invitation, a withdrawn or a
declined one is a 404; an expired or already accepted one says so kindly.
"""

from coloraide import Color
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from training.http import no_store

from .models import TEACHING_ROLES, Academy, AcademyInvitation
from .permissions import academy_invitations_for
from .services import (
    InvitationError,
    academy_invitation_accept,
    academy_invitation_decline,
    invitation_is_expired,
)


def darker(colour: str, amount: float = 0.25) -> str:
    """The hover shade: the accent mixed with black (ColorAide, in sRGB)."""
    return Color(colour).mix("black", amount, space="srgb").to_string(hex=True)


@require_GET
@cache_control(public=True, max_age=300)
def academy_style(request, slug: str):
    academy = get_object_or_404(Academy, slug=slug)
    accent = academy.accent_colour
    css = f":root {{ --brand: {accent}; --brand-dark: {darker(accent)}; }}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def _page(request, context, status=200):
    return no_store(TemplateResponse(request, "academies/invitation.html", context, status=status))


@never_cache
@login_required
def invitation(request, invitation_id):
    accepted = (
        AcademyInvitation.objects.filter(pk=invitation_id, accepted_by=request.user)
        .select_related("academy")
        .first()
    )
    if accepted is not None:
        return _page(request, {"invitation": accepted, "state": "accepted"})
    invitation = (
        academy_invitations_for(request.user)
        .select_related("academy")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None:
        return _page(request, {"invitation": None, "state": "gone"}, status=404)
    if invitation_is_expired(invitation):
        return _page(request, {"invitation": invitation, "state": "expired"})
    name = invitation.academy.name
    answer = request.POST.get("answer") if request.method == "POST" else None
    if answer == "accept":
        try:
            academy_invitation_accept(invitation=invitation, user=request.user)
        except InvitationError as error:  # answered in another tab, or expired a moment ago
            messages.error(request, error.message)
            return redirect("academies:invitation", invitation_id=invitation.pk)
        # The page itself now says the invitation was accepted, and what comes next.
        return redirect("academies:invitation", invitation_id=invitation.pk)
    if answer == "decline":
        academy_invitation_decline(invitation=invitation, user=request.user)
        messages.success(
            request, gettext("You declined the invitation of %(name)s.") % {"name": name}
        )
        return redirect("learning:dashboard")
    context = {
        "invitation": invitation,
        "state": "open",
        "teaching": invitation.role in TEACHING_ROLES,
    }
    return _page(request, context)
