"""The association's pages: its facilitators' certification status, CSV, API tokens,
its staff and facilitator invitations; and the invitee's and facilitator's answers.

Every view looks the association up through `associations_staffed_by` (or
`associations_administered_by` for staff and links), and invitations and
links through `permissions`, so a wrong id is a 404.
"""

import csv

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from training.accounts.validators import EmailAddressField
from training.certificates.ratelimit import lookup_allowed
from training.credentials.signing import MEDIA_TYPE as VC_JWT_MEDIA_TYPE
from training.http import no_store, resend_forms
from training.spreadsheets import csv_safe

from .actions import EndorsementGiveAction, EndorsementWithdrawAction
from .endorsements import EndorsementError
from .models import (
    ApiToken,
    AssociationInvitation,
    AssociationStaff,
    Endorsement,
    InvitationKind,
    StaffRole,
)
from .permissions import (
    associations_administered_by,
    associations_staffed_by,
    can_administer,
    invitations_for,
    memberships_endable_by,
)
from .policies import endorsement_policy
from .selectors import (
    FacilitatorStatus,
    association_api_tokens,
    association_endorsement_rows,
    association_facilitators,
    association_linked_facilitators,
    association_open_invitations,
    association_staff,
    facilitator_rows_filter,
)
from .services import (
    AssociationError,
    api_token_create,
    api_token_revoke,
    invitation_accept,
    invitation_create,
    invitation_decline,
    invitation_withdraw,
    membership_end,
    staff_remove,
)


class StatusFilterForm(forms.Form):
    q = forms.CharField(label=_("Search by name or course"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *FacilitatorStatus.choices()],
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the new token"),
        max_length=100,
        help_text=_("What it is for, e.g. “Member administration”."),
    )


class StaffInvitationForm(forms.Form):
    email = EmailAddressField(
        label=_("Email address"),
        help_text=_("They get an email with a link; they join once they accept."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=StaffRole.choices,
        initial=StaffRole.STAFF,
        widget=forms.RadioSelect,
        help_text=_("Administrators can also invite and remove staff and link facilitators."),
    )


class FacilitatorInvitationForm(forms.Form):
    email = EmailAddressField(
        label=_("Facilitator's email address"),
        help_text=_("The address they use, or will use, on Lotgenoot Academie."),
    )


def _association(request, pk):
    return get_object_or_404(associations_staffed_by(request.user), pk=pk)


def _administered(request, pk):
    return get_object_or_404(associations_administered_by(request.user), pk=pk)


def _filtered_rows(request, all_rows):
    form = StatusFilterForm(request.GET or None)
    search = status = ""
    if form.is_valid():
        search, status = form.cleaned_data["q"], form.cleaned_data["status"]
    return form, facilitator_rows_filter(all_rows, search=search, status=status)


@never_cache
@login_required
def index(request):
    associations = list(associations_staffed_by(request.user))
    invitations = invitations_for(request.user).filter(kind=InvitationKind.STAFF)
    invitations = list(invitations.select_related("association"))
    if len(associations) == 1 and not invitations:
        return redirect("associations:status", pk=associations[0].pk)
    status = 200 if associations or invitations else 403
    context = {"associations": associations, "invitations": invitations}
    return no_store(TemplateResponse(request, "associations/index.html", context, status=status))


@never_cache
@login_required
def status(request, pk):
    association = _association(request, pk)
    all_rows = association_facilitators(association=association)
    form, rows = _filtered_rows(request, all_rows)
    counts = dict.fromkeys(FacilitatorStatus.ORDER, 0)
    for row in all_rows:
        counts[row.status] += 1
    context = {
        "association": association,
        "form": form,
        "rows": rows,
        "summary": [(value, FacilitatorStatus.LABELS[value], counts[value]) for value in counts],
        "query": request.GET.urlencode(),
        "can_administer": can_administer(request.user, association),
    }
    return no_store(TemplateResponse(request, "associations/status.html", context))


def status_csv_rows(rows) -> list[list]:
    header = [
        gettext("Name"),
        gettext("Course"),
        gettext("Status"),
        gettext("Valid until"),
        gettext("Issued on"),
        gettext("Verification code"),
        gettext("Progress (%)"),
    ]
    lines = [header]
    for row in rows:
        lines.append(
            [
                row.name,
                row.course_title,
                row.status_label,
                row.valid_until.isoformat() if row.valid_until else "",
                row.issued_on.isoformat() if row.issued_on else "",
                row.certificate_code,
                "" if row.progress_percent is None else row.progress_percent,
            ]
        )
    return [[csv_safe(cell) for cell in line] for line in lines]


@never_cache
@login_required
def status_csv(request, pk):
    association = _association(request, pk)
    _form, rows = _filtered_rows(request, association_facilitators(association=association))
    filename = f"{slugify(association.name) or 'vereniging'}-{timezone.localdate().isoformat()}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so Excel reads UTF-8
    csv.writer(response, delimiter=";").writerows(status_csv_rows(rows))
    return no_store(response)


@never_cache
@login_required
def tokens(request, pk):
    """List the API tokens; POST creates one and shows it once."""
    association = _association(request, pk)
    new_token = None
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _token, new_token = api_token_create(
            association=association, user=request.user, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    context = {
        "association": association,
        "form": form,
        "tokens": association_api_tokens(association=association),
        "new_token": new_token,
        "api_base": request.build_absolute_uri(f"/api/v1/associations/{association.pk}/"),
    }
    return no_store(TemplateResponse(request, "associations/tokens.html", context))


@require_POST
@login_required
def token_revoke(request, pk, token_id):
    association = _association(request, pk)
    token = get_object_or_404(ApiToken.objects.filter(association=association), pk=token_id)
    api_token_revoke(token=token, user=request.user)
    messages.success(
        request,
        gettext("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name},
    )
    return redirect("associations:tokens", pk=association.pk)


def _invite(request, association, form, kind):
    """Create the invitation from a valid form; returns whether to redirect."""
    try:
        invitation, created = invitation_create(
            association=association,
            user=request.user,
            email=form.cleaned_data["email"],
            kind=kind,
            role=form.cleaned_data.get("role") or StaffRole.STAFF,
        )
    except AssociationError as error:
        form.add_error("email", error.message)
        return False
    if created:
        message = gettext("Invitation sent to %(email)s.")
    else:
        message = gettext("%(email)s was already invited; the invitation is still open.")
    messages.success(request, message % {"email": invitation.email})
    return True


def _people_page(request, pk, *, kind, form_class, template, listing, url_name):
    """An administrator's page of one kind of people (staff, linked facilitators): who is
    there, the open invitations of that kind, and a form to invite someone."""
    association = _administered(request, pk)
    form = form_class(request.POST or None)
    valid = request.method == "POST" and form.is_valid()
    if valid and _invite(request, association, form, kind):
        return redirect(url_name, pk=association.pk)
    context = {
        "association": association,
        "form": form,
        **listing(association),
        "invitations": association_open_invitations(association=association, kind=kind),
    }
    return no_store(TemplateResponse(request, template, context))


@never_cache
@login_required
@resend_forms(StaffInvitationForm)
def staff(request, pk):
    """The association's staff, open invitations, and a form to invite someone (admins)."""
    return _people_page(
        request,
        pk,
        kind=InvitationKind.STAFF,
        form_class=StaffInvitationForm,
        template="associations/staff.html",
        url_name="associations:staff",
        listing=lambda association: {"staff": association_staff(association=association)},
    )


@require_POST
@login_required
def staff_remove_view(request, pk, link_id):
    association = _administered(request, pk)
    link = get_object_or_404(
        AssociationStaff.objects.filter(association=association).select_related("user"),
        pk=link_id,
    )
    try:
        staff_remove(link=link, user=request.user)
    except AssociationError as error:
        messages.error(request, error.message)
        return redirect("associations:staff", pk=association.pk)
    messages.success(
        request,
        gettext("%(name)s is no longer a staff member.") % {"name": link.user.get_full_name()},
    )
    if link.user_id == request.user.pk and not can_administer(request.user, association):
        return redirect("associations:index")
    return redirect("associations:staff", pk=association.pk)


@never_cache
@login_required
@resend_forms(FacilitatorInvitationForm)
def facilitators(request, pk):
    """Facilitators linked to the association, open invitations, and a form to invite one."""
    return _people_page(
        request,
        pk,
        kind=InvitationKind.FACILITATOR,
        form_class=FacilitatorInvitationForm,
        template="associations/facilitators.html",
        url_name="associations:facilitators",
        listing=lambda association: {
            "memberships": association_linked_facilitators(association=association)
        },
    )


@require_POST
@login_required
def invitation_withdraw_view(request, pk, invitation_id):
    association = _administered(request, pk)
    invitation = get_object_or_404(
        AssociationInvitation.objects.filter(association=association, accepted_at__isnull=True),
        pk=invitation_id,
    )
    invitation_withdraw(invitation=invitation, user=request.user)
    messages.success(
        request,
        gettext("The invitation to %(email)s is withdrawn.") % {"email": invitation.email},
    )
    if invitation.kind == InvitationKind.FACILITATOR:
        return redirect("associations:facilitators", pk=association.pk)
    return redirect("associations:staff", pk=association.pk)


@never_cache
@login_required
def invitation(request, invitation_id):
    """The invitee reads what accepting means, then accepts or declines."""
    invitation = get_object_or_404(
        invitations_for(request.user).select_related("association"), pk=invitation_id
    )
    if request.method == "POST":
        answer = request.POST.get("answer")
        name = invitation.association.name
        if answer == "accept":
            try:
                invitation_accept(invitation=invitation, user=request.user)
            except AssociationError as error:  # answered in another tab a moment ago
                messages.error(request, error.message)
                return redirect("associations:index")
            if invitation.kind == InvitationKind.STAFF:
                messages.success(request, gettext("Welcome to %(name)s.") % {"name": name})
                return redirect("associations:status", pk=invitation.association_id)
            messages.success(
                request,
                gettext("%(name)s can now see your certification status.") % {"name": name},
            )
            return redirect("certificates:mine")
        if answer == "decline":
            invitation_decline(invitation=invitation, user=request.user)
            messages.success(
                request, gettext("You declined the invitation of %(name)s.") % {"name": name}
            )
            if invitation.kind == InvitationKind.STAFF:
                return redirect("associations:index")
            return redirect("certificates:mine")
    context = {
        "invitation": invitation,
        "is_staff_invitation": invitation.kind == InvitationKind.STAFF,
    }
    return no_store(TemplateResponse(request, "associations/invitation.html", context))


@require_POST
@login_required
def membership_end_view(request, membership_id):
    """A facilitator ends a link they confirmed."""
    membership = get_object_or_404(
        memberships_endable_by(request.user).select_related("association"), pk=membership_id
    )
    membership_end(membership=membership, user=request.user)
    messages.success(
        request,
        gettext("%(name)s can no longer see your status through this link.")
        % {"name": membership.association.name},
    )
    return redirect("certificates:mine")


# --- Endorsements ---------------------------------------------------------------
# No login redirect here: anyone who is not the association's staff (signed in
# or not) gets a 404, so the pages do not even confirm an association's id.


@never_cache
def endorsements(request, pk):
    """The association's valid certificates, each with "endorse" or "withdraw"."""
    association = _association(request, pk)
    context = {
        "association": association,
        "rows": association_endorsement_rows(association=association),
    }
    return no_store(TemplateResponse(request, "associations/endorsements.html", context))


@require_POST
def endorse(request, pk, certificate_id):
    association = _association(request, pk)
    certificate = get_object_or_404(
        endorsement_policy.certificates_endorsable(request.user, association), pk=certificate_id
    )
    try:
        _endorsement, created = EndorsementGiveAction(
            certificate, request.user, association=association
        ).execute()
    except EndorsementError as error:
        messages.error(request, error.message)
        return redirect("associations:endorsements", pk=association.pk)
    if created:
        message = gettext("You now recommend %(name)s. This shows on the verification page.")
    else:
        message = gettext("You already recommend %(name)s.")
    messages.success(request, message % {"name": certificate.holder_name})
    return redirect("associations:endorsements", pk=association.pk)


@require_POST
def endorsement_withdraw_view(request, pk, endorsement_id):
    association = _association(request, pk)
    endorsement = get_object_or_404(
        endorsement_policy.instances_user_has_permission_for(request.user, "withdraw")
        .filter(association=association)
        .select_related("certificate", "status_entry"),
        pk=endorsement_id,
    )
    EndorsementWithdrawAction(endorsement, request.user).execute()
    messages.success(
        request,
        gettext("Your recommendation of %(name)s is withdrawn.")
        % {"name": endorsement.certificate.holder_name},
    )
    return redirect("associations:endorsements", pk=association.pk)


def endorsement_credential(request, endorsement_uuid):
    """The signed EndorsementCredential (VC-JWT), public like the certificate's own.
    A withdrawn one is still served: its status list bit says it is withdrawn."""
    if request.method != "GET":
        return HttpResponse(status=405, headers={"Allow": "GET"})
    if not lookup_allowed(request):
        response = HttpResponse("Too many lookups. Try again in a minute.", status=429)
        response["Retry-After"] = "60"
        return no_store(response)
    endorsement = Endorsement.objects.filter(uuid=endorsement_uuid).exclude(jwt="").first()
    if endorsement is None:
        raise Http404
    wanted = [part.split(";")[0].strip() for part in request.headers.get("Accept", "").split(",")]
    json_ld = [t for t in wanted if t in ("application/vc", "application/ld+json")]
    if endorsement.data_integrity and json_ld and wanted[0] != VC_JWT_MEDIA_TYPE:
        # Data Integrity verifiers ask for JSON-LD: the credential with its embedded proof.
        response = JsonResponse(endorsement.data_integrity, content_type=json_ld[0])
    else:
        response = HttpResponse(endorsement.jwt, content_type=VC_JWT_MEDIA_TYPE)
    response["Vary"] = "Accept"
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return no_store(response)
