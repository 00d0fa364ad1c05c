"""Writes for associations: API tokens, staff, invitations, facilitator links.

Every write that changes who can see a facilitator's status is audit-logged
(Wagtail's log) and checked against `permissions`.
"""

from __future__ import annotations

import secrets
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from training.accounts.validators import EMAIL_INVALID, validate_email_address
from training.errors import FriendlyError

from .models import (
    ApiToken,
    Association,
    AssociationInvitation,
    AssociationMembership,
    AssociationStaff,
    InvitationKind,
    StaffRole,
)
from .permissions import (
    associations_staffed_by,
    can_administer,
    invitations_for,
    memberships_endable_by,
    token_hash,
)


class AssociationError(FriendlyError):
    """An association action cannot be done; `message` is friendly, translated text."""

    message = _("This cannot be done for this association.")


class InvalidEmail(AssociationError):
    message = EMAIL_INVALID


class AlreadyStaff(AssociationError):
    message = _("This person is already a staff member of your association.")


class AlreadyLinked(AssociationError):
    message = _("This facilitator is already linked to your association.")


class InvitationAnswered(AssociationError):
    message = _("This invitation has already been accepted.")


class LastAdmin(AssociationError):
    message = _(
        "Your association needs at least one administrator. Make someone else "
        "administrator first, then remove this one."
    )


TOKEN_PREFIX = "lga_"  # noqa: S105 - a public marker, not a secret


def api_token_create(*, association: Association, user, name: str) -> tuple[ApiToken, str]:
    """Create a token; returns it with the raw value, which is shown once and never stored."""
    if not associations_staffed_by(user).filter(pk=association.pk).exists():
        raise PermissionDenied
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        association=association,
        name=name.strip(),
        prefix=raw[:10],
        token_hash=token_hash(raw),
        created_by=user,
    )
    token.full_clean()
    with transaction.atomic():
        token.save()
        log(instance=token, action="wagtail.create", user=user)
    return token, raw


def api_token_revoke(*, token: ApiToken, user) -> ApiToken:
    """Revoke a token; requests with it are refused at once. Revoking twice changes nothing."""
    if not associations_staffed_by(user).filter(pk=token.association_id).exists():
        raise PermissionDenied
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            log(instance=token, action="associations.token_revoke", user=user)
    token.refresh_from_db()
    return token


def api_token_touch(*, token: ApiToken) -> None:
    """Record when a token was last used (at most once a minute, to keep reads cheap)."""
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def association_logos_collect() -> int:
    """Move every association logo into the logo collection (superusers only); returns how many."""
    from wagtail.images import get_image_model

    from training.courses.permissions import LOGO_COLLECTION, collection_ensure

    collection = collection_ensure(LOGO_COLLECTION)
    logo_ids = Association.objects.exclude(logo=None).values("logo_id")
    return (
        get_image_model()
        .objects.filter(pk__in=logo_ids)
        .exclude(collection=collection)
        .update(collection=collection)
    )


# --- Invitations ------------------------------------------------------------


def _email_clean(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email_address(email)
    except ValidationError as error:
        raise InvalidEmail(error.messages[0]) from None
    return email


def invitation_create(
    *,
    association: Association,
    user,
    email: str,
    kind: str,
    role: str = StaffRole.STAFF,
) -> tuple[AssociationInvitation, bool]:
    """Invite an email address to the association's staff or as a facilitator.

    Only the association's admins may. Idempotent: an open invitation for the
    same address and kind is returned as it is (created False), without a
    second email. The email goes out after the invitation is committed.
    """
    if not can_administer(user, association):
        raise PermissionDenied
    email = _email_clean(email)
    if kind == InvitationKind.STAFF:
        if AssociationStaff.objects.filter(
            association=association, user__email__iexact=email
        ).exists():
            raise AlreadyStaff()
    else:
        role = StaffRole.STAFF  # a facilitator gets no staff role
        if AssociationMembership.objects.filter(
            association=association, learner__email__iexact=email
        ).exists():
            raise AlreadyLinked()
    open_invitations = AssociationInvitation.objects.filter(
        association=association, email=email, kind=kind, accepted_at__isnull=True
    )
    existing = open_invitations.first()
    if existing is not None:
        return existing, False
    invitation = AssociationInvitation(
        association=association, email=email, kind=kind, role=role, invited_by=user
    )
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
            log(instance=invitation, action="associations.invite", user=user)
            transaction.on_commit(partial(_invitation_email_enqueue, invitation.pk))
    except IntegrityError:  # a concurrent request invited the same address
        return open_invitations.get(), False
    return invitation, True


def _invitation_email_enqueue(invitation_id: int) -> None:
    from .tasks import invitation_email_task

    invitation_email_task.enqueue(invitation_id=invitation_id)


def invitation_accept(*, invitation: AssociationInvitation, user) -> AssociationInvitation:
    """The invitee accepts: they join the staff, or their status becomes visible to the
    association (a confirmed link, which they can end themselves)."""
    if not invitations_for(user).filter(pk=invitation.pk).exists():
        if AssociationInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=False):
            raise InvitationAnswered()
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        claimed = AssociationInvitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).update(accepted_at=now, accepted_by=user)
        if not claimed:
            raise InvitationAnswered()
        invitation.refresh_from_db()
        association = invitation.association
        if invitation.kind == InvitationKind.STAFF:
            link, created = AssociationStaff.objects.get_or_create(
                association=association, user=user, defaults={"role": invitation.role}
            )
            if not created and invitation.role == StaffRole.ADMIN and not link.is_admin:
                link.role = StaffRole.ADMIN
                link.save(update_fields=["role"])
        else:
            AssociationMembership.objects.get_or_create(
                association=association, learner=user, defaults={"confirmed_at": now}
            )
            AssociationMembership.objects.filter(
                association=association, learner=user, confirmed_at__isnull=True
            ).update(confirmed_at=now)
        log(instance=invitation, action="associations.invitation_accept", user=user)
    return invitation


def invitation_decline(*, invitation: AssociationInvitation, user) -> None:
    """The invitee says no: the invitation is deleted (the audit log keeps that it was)."""
    if not invitations_for(user).filter(pk=invitation.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        log(instance=invitation, action="associations.invitation_decline", user=user)
        invitation.delete()


def invitation_withdraw(*, invitation: AssociationInvitation, user) -> None:
    """An admin withdraws an open invitation of their association."""
    if not can_administer(user, invitation.association) or not invitation.is_open:
        raise PermissionDenied
    with transaction.atomic():
        log(instance=invitation, action="associations.invitation_withdraw", user=user)
        invitation.delete()


# --- Staff and facilitator links --------------------------------------------


def staff_remove(*, link: AssociationStaff, user) -> None:
    """An admin removes a staff member (themselves too), never the last admin.

    The association row is locked so two admins removing each other at the
    same moment cannot leave it without one.
    """
    if not can_administer(user, link.association):
        raise PermissionDenied
    with transaction.atomic():
        Association.objects.select_for_update().get(pk=link.association_id)
        link = AssociationStaff.objects.filter(pk=link.pk).first()
        if link is None:
            return
        if link.is_admin:
            admins = AssociationStaff.objects.filter(
                association_id=link.association_id, role=StaffRole.ADMIN
            )
            if admins.count() <= 1:
                raise LastAdmin()
        log(instance=link, action="associations.staff_remove", user=user)
        link.delete()


def membership_end(*, membership: AssociationMembership, user) -> None:
    """A facilitator ends a link they confirmed: the association no longer sees their status
    (unless one of its cohorts includes them, which the page says)."""
    if not memberships_endable_by(user).filter(pk=membership.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        log(instance=membership, action="associations.membership_end", user=user)
        membership.delete()
