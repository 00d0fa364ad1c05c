"""Writes for academies: create one with its page root, collection and groups; roles.

`academy_create` sets up everything an academy needs in one transaction: its
catalogue page under the site's home page, its collection for images and
documents, and one Django group per role with Wagtail's page and collection
permissions on exactly that subtree and collection. Wagtail's own explorer,
choosers and image library then limit the academy's people by these
permissions. A role grant puts the person in the role's group; a revoke takes
them out. Roles are granted by a platform administrator or by the academy's
administrators (`training.academies.permissions.can_administer`).

Invitations (`academy_invitation_*`) bring in people who have no account yet:
an administrator invites an email address to a role; the invitee signs in (or
signs up and verifies) with that address and accepts, which grants the role as
`academy_role_grant` does, or declines. An open invitation can be accepted for
`INVITATION_VALID_DAYS`; inviting the same address again renews it.
"""

from __future__ import annotations

import datetime
from functools import partial

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from training.accounts.validators import EMAIL_INVALID, validate_email_address
from training.courses.permissions import (
    COLLECTION_PERMISSIONS,
    MODEL_PERMISSIONS,
    PAGE_PERMISSIONS,
)
from training.errors import FriendlyError

from .models import (
    DEFAULT_ACCENT,
    INVITATION_VALID_DAYS,
    PUBLIC_COLLECTION,
    Academy,
    AcademyCatalogPage,
    AcademyCourseCopy,
    AcademyGroup,
    AcademyInvitation,
    AcademyRole,
    Role,
)
from .permissions import academy_invitations_for, can_administer
from .selectors import academy_course_copy_of

#: Django model permissions per role (on top of what the page and collection grants give).
ROLE_MODEL_PERMISSIONS = {
    Role.ADMINISTRATOR: MODEL_PERMISSIONS,
    Role.TRAINER: MODEL_PERMISSIONS,
    Role.STAFF: {"wagtailadmin": ("access_admin",)},
}
ROLE_PAGE_PERMISSIONS = {
    Role.ADMINISTRATOR: PAGE_PERMISSIONS,
    Role.TRAINER: PAGE_PERMISSIONS,
    Role.STAFF: (),
}
ADMIN_COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}
#: Page permissions per role on every shared (platform) catalogue: read-only, see
#: `policies.ViewGrantPagePermissionPolicy`.
ROLE_SHARED_PAGE_PERMISSIONS = {
    Role.ADMINISTRATOR: ("view_page",),
    Role.TRAINER: ("view_page",),
    Role.STAFF: (),
}
ROLE_COLLECTION_PERMISSIONS = {
    Role.ADMINISTRATOR: ADMIN_COLLECTION_PERMISSIONS,
    Role.TRAINER: COLLECTION_PERMISSIONS,
    Role.STAFF: {},
}


def _permissions(spec: dict) -> list[Permission]:
    query = Q(pk__in=[])
    for app_label, codenames in spec.items():
        query |= Q(content_type__app_label=app_label, codename__in=codenames)
    return list(Permission.objects.filter(query))


def _home_page() -> Page:
    from home.models import HomePage  # the site's own app, outside `training`

    return HomePage.objects.first() or Page.get_first_root_node()


def _page_permissions(codenames) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def _shared_catalogues():
    from training.courses.models import CatalogPage

    return CatalogPage.objects.all()


def shared_catalogue_grant(*, catalogue: Page) -> None:
    """Give every academy's role groups their read-only grant on a new shared catalogue
    (idempotent; `receivers.py` calls it when a shared catalogue is made)."""
    GroupPagePermission.objects.bulk_create(
        (
            GroupPagePermission(group=link.group, page=catalogue, permission=permission)
            for link in AcademyGroup.objects.select_related("group")
            for permission in _page_permissions(ROLE_SHARED_PAGE_PERMISSIONS[link.role])
        ),
        ignore_conflicts=True,
    )


def group_name(academy: Academy, role: str) -> str:
    return f"Academie {academy.pk} · {Role(role).label}"


def academy_groups_sync(*, academy: Academy) -> dict[str, Group]:
    """Create or reset the academy's role groups to exactly their permissions (idempotent)."""
    groups = {}
    for role in Role:
        link = AcademyGroup.objects.filter(academy=academy, role=role).select_related("group")
        existing = link.first()
        if existing is None:
            group = Group.objects.create(name=group_name(academy, role))
            AcademyGroup.objects.create(academy=academy, role=role, group=group)
        else:
            group = existing.group
        group.permissions.set(_permissions(ROLE_MODEL_PERMISSIONS[role]))
        GroupPagePermission.objects.filter(group=group).delete()
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=academy.catalogue, permission=permission)
            for permission in _page_permissions(ROLE_PAGE_PERMISSIONS[role])
        )
        GroupPagePermission.objects.bulk_create(
            GroupPagePermission(group=group, page=catalogue, permission=permission)
            for catalogue in _shared_catalogues()
            for permission in _page_permissions(ROLE_SHARED_PAGE_PERMISSIONS[role])
        )
        GroupCollectionPermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection=academy.collection, permission=permission
            )
            for permission in _permissions(ROLE_COLLECTION_PERMISSIONS[role])
        )
        groups[role] = group
    return groups


def academies_groups_sync() -> int:
    """Reset every academy's role groups to exactly their grants (`manage.py sync_roles`,
    through the `COLLECTION_SYNC` hook); returns how many academies."""
    academies = list(Academy.objects.select_related("catalogue", "collection"))
    for academy in academies:
        academy_groups_sync(academy=academy)
    return len(academies)


@transaction.atomic
def academy_create(
    *, name: str, user, slug: str = "", accent_colour: str = DEFAULT_ACCENT, logo=None
) -> Academy:
    """A platform administrator gives an association its own academy.

    Creates the catalogue page (published, under the home page), the
    collection, the role groups and their permissions. Idempotent on the slug:
    the same academy is returned when it exists.
    """
    if not (user.is_active and user.is_superuser):
        raise PermissionDenied
    slug = slugify(slug or name)[:60]
    existing = Academy.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    catalogue = AcademyCatalogPage(title=name, slug=slug)
    _home_page().add_child(instance=catalogue)
    collection = Collection.get_first_root_node().add_child(name=f"Academie {name}"[:255])
    collection.add_child(name=PUBLIC_COLLECTION)
    academy = Academy(
        name=name,
        slug=slug,
        accent_colour=accent_colour,
        logo=logo,
        catalogue=catalogue,
        collection=collection,
    )
    academy.full_clean()
    academy.save()
    academy_groups_sync(academy=academy)
    log(instance=academy, action="academies.create", user=user)
    return academy


def _group(academy: Academy, role: str) -> Group:
    link = AcademyGroup.objects.filter(academy=academy, role=role).select_related("group").first()
    if link is None:
        return academy_groups_sync(academy=academy)[role]
    return link.group


def _role_give(*, academy: Academy, person, role: str) -> tuple[AcademyRole, bool]:
    """The role row and its group: the one place a role is given (idempotent)."""
    link, created = AcademyRole.objects.get_or_create(academy=academy, user=person, role=role)
    person.groups.add(_group(academy, role))
    return link, created


@transaction.atomic
def academy_role_grant(*, academy: Academy, person, role: str, user) -> AcademyRole:
    """Give `person` a role in `academy` (idempotent); `user` administers the academy."""
    if not can_administer(user, academy):
        raise PermissionDenied
    link, created = _role_give(academy=academy, person=person, role=role)
    if created:
        log(instance=academy, action="academies.role_grant", user=user, data={"role": role})
        transaction.on_commit(partial(_role_email_enqueue, link.pk))
    return link


def _role_email_enqueue(role_id: int) -> None:
    from .tasks import role_given_email_task

    role_given_email_task.enqueue(role_id=role_id)


class LastAdministrator(FriendlyError):
    message = _("An academy keeps at least one administrator. Give someone else the role first.")


@transaction.atomic
def academy_role_revoke(*, link: AcademyRole, user) -> None:
    """Take a role away (the person keeps their account and their own learning).

    Never the academy's last administrator: the academy row is locked so two
    administrators taking each other's role at once cannot leave it without one.
    """
    if not can_administer(user, link.academy):
        raise PermissionDenied
    Academy.objects.select_for_update().get(pk=link.academy_id)
    if (
        link.role == Role.ADMINISTRATOR
        and not AcademyRole.objects.filter(academy=link.academy_id, role=Role.ADMINISTRATOR)
        .exclude(pk=link.pk)
        .exists()
    ):
        raise LastAdministrator()
    link.user.groups.remove(_group(link.academy, link.role))
    log(instance=link.academy, action="academies.role_revoke", user=user, data={"role": link.role})
    link.delete()


# --- Invitations ------------------------------------------------------------------


class InvitationError(FriendlyError):
    message = _("This invitation cannot be used.")


class InvalidEmail(InvitationError):
    message = EMAIL_INVALID


class AlreadyInRole(InvitationError):
    message = _("This person already has this role in the academy.")


class InvitationAnswered(InvitationError):
    message = _("You have already accepted this invitation.")


class InvitationExpired(InvitationError):
    message = _("This invitation has expired. Ask the academy's administrator to invite you again.")


def _log_invitation(invitation: AcademyInvitation, action: str, user) -> None:
    """The audit entry names the academy, the role and the row, never the invitee's address
    (it outlives the invitation, and an erased account's)."""
    log(
        instance=invitation,
        action=action,
        user=user,
        title=f"{invitation.academy.name} · {invitation.get_role_display()} · #{invitation.pk}",
        data={"role": invitation.role},
    )


def invitation_is_expired(invitation: AcademyInvitation, *, now=None) -> bool:
    now = now or timezone.now()
    return invitation.created_at < now - datetime.timedelta(days=INVITATION_VALID_DAYS)


def invitations_valid(queryset):
    """Only the invitations that can still be accepted (not expired)."""
    cutoff = timezone.now() - datetime.timedelta(days=INVITATION_VALID_DAYS)
    return queryset.filter(created_at__gte=cutoff)


def _email_clean(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email_address(email)
    except ValidationError:
        raise InvalidEmail() from None
    return email


def academy_invitation_create(
    *, academy: Academy, email: str, role: str, user
) -> tuple[AcademyInvitation, bool]:
    """Invite an email address to a role in `academy`; returns (invitation, emailed).

    Only the academy's administrators (or a platform administrator) may. Idempotent:
    an open invitation for the same address and role is returned as it is, without a
    second email; an expired one is renewed and emailed again. A concurrent request
    for the same invitation ends in the one row the database allows. The email goes
    out after the commit.
    """
    if not can_administer(user, academy):
        raise PermissionDenied
    email = _email_clean(email)
    if role not in Role.values:
        raise InvitationError()
    if AcademyRole.objects.filter(academy=academy, role=role, user__email__iexact=email).exists():
        raise AlreadyInRole()
    open_invitations = AcademyInvitation.objects.filter(
        academy=academy, email=email, role=role, accepted_at__isnull=True
    )
    with transaction.atomic():
        existing = open_invitations.select_for_update().first()
        if existing is not None:
            if not invitation_is_expired(existing):
                return existing, False
            open_invitations.filter(pk=existing.pk).update(
                created_at=timezone.now(), invited_by=user
            )
            existing.refresh_from_db()
            _log_invitation(existing, "academies.invite", user)
            transaction.on_commit(partial(_invitation_email_enqueue, existing.pk))
            return existing, True
    invitation = AcademyInvitation(academy=academy, email=email, role=role, invited_by=user)
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
            _log_invitation(invitation, "academies.invite", user)
            transaction.on_commit(partial(_invitation_email_enqueue, invitation.pk))
    except IntegrityError:  # a concurrent request invited the same address a moment ago
        return open_invitations.get(), False
    return invitation, True


def _invitation_email_enqueue(invitation_id: int) -> None:
    from .tasks import invitation_email_task

    invitation_email_task.enqueue(invitation_id=invitation_id)


def academy_invitation_accept(*, invitation: AcademyInvitation, user) -> AcademyRole:
    """The invitee accepts: they get the role (and its group), as `academy_role_grant` gives it.

    Only for the person signed in with the invitation's address, verified. A second
    accept (a double click, another tab) raises `InvitationAnswered`; an expired
    invitation `InvitationExpired`. Both are friendly errors the page shows.
    """
    if not academy_invitations_for(user).filter(pk=invitation.pk).exists():
        if AcademyInvitation.objects.filter(pk=invitation.pk, accepted_by=user).exists():
            raise InvitationAnswered()
        raise PermissionDenied
    if invitation_is_expired(invitation):
        raise InvitationExpired()
    with transaction.atomic():
        claimed = AcademyInvitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).update(accepted_at=timezone.now(), accepted_by=user)
        if not claimed:
            raise InvitationAnswered()
        invitation.refresh_from_db()
        link, _created = _role_give(academy=invitation.academy, person=user, role=invitation.role)
        _log_invitation(invitation, "academies.invitation_accept", user)
    return link


def academy_invitation_decline(*, invitation: AcademyInvitation, user) -> None:
    """The invitee says no: the invitation is deleted (the audit log keeps that it was)."""
    if not academy_invitations_for(user).filter(pk=invitation.pk).exists():
        raise PermissionDenied
    with transaction.atomic():
        _log_invitation(invitation, "academies.invitation_decline", user)
        AcademyInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).delete()


def academy_invitation_withdraw(*, invitation: AcademyInvitation, user) -> None:
    """An administrator of the academy withdraws an open invitation (idempotent)."""
    if not can_administer(user, invitation.academy):
        raise PermissionDenied
    with transaction.atomic():
        deleted, _ = AcademyInvitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True
        ).delete()
        if deleted:
            _log_invitation(invitation, "academies.invitation_withdraw", user)


class CopyNotAllowed(FriendlyError):
    message = _(
        "You cannot copy this course to an academy. Only the platform's shared courses can "
        "be copied, by a trainer or administrator of the academy."
    )


def academy_course_copy(*, course, academy: Academy, user):
    """Copy a shared course (with its modules and lessons) into the academy's own tree.

    Wagtail's own copy (`CopyPageAction`, which logs `wagtail.copy` on the new page; we
    log `academies.course_copy` on the academy). Wagtail lets only someone who may
    *edit* the source copy it; a shared course is read-only to academies, so the check
    here is ours: the source is a shared course and `user` may add pages under the
    academy's catalogue (Wagtail's page permission tester). The copy is a draft, so
    the academy adapts it before publishing, and it remembers where it came from
    (`copied_from`).

    Idempotent: one copy per shared course and academy (`AcademyCourseCopy`, a
    UniqueConstraint). A double click, a retry or a second person gets the copy that
    exists; two requests at once are kept apart by the academy's row lock, and where
    the database has no row locks (SQLite) by the constraint: the loser's transaction
    rolls back whole and it returns the winner's copy.
    """
    from training.courses.models import CatalogPage

    if not CatalogPage.objects.filter(path=course.path[: -course.steplen]).exists():
        raise PermissionDenied  # only the platform's shared courses are copied this way
    if not academy.catalogue.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied
    try:
        return _course_copy(course=course, academy=academy, user=user)
    except IntegrityError:
        existing = academy_course_copy_of(course=course, academy=academy)
        if existing is None:
            raise
        return existing


@transaction.atomic
def _course_copy(*, course, academy: Academy, user):
    from wagtail.actions.copy_page import CopyPageAction

    Academy.objects.select_for_update().get(pk=academy.pk)
    existing = academy_course_copy_of(course=course, academy=academy)
    if existing is not None:
        return existing
    copy = CopyPageAction(
        page=course,
        to=academy.catalogue,
        recursive=True,
        keep_live=False,
        user=user,
        update_attrs={"slug": _free_slug(academy.catalogue, f"{course.slug}-{academy.slug}")},
    ).execute(skip_permission_checks=True)
    copy = copy.specific
    copy.copied_from = course
    copy.save(update_fields=["copied_from"])
    AcademyCourseCopy.objects.create(academy=academy, source=course, copy=copy)
    log(
        instance=academy,
        action="academies.course_copy",
        user=user,
        data={"course": course.pk, "copy": copy.pk},
    )
    return copy


def _free_slug(parent: Page, slug: str) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... if a child of `parent` already has it."""
    slug = slug[:250]
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
