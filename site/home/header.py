"""The header's links that depend on who is signed in, read once per user and cached.

Every page with the header showed "Association" to association staff and "Admin"
to users with Wagtail's admin permission: three queries on every signed-in page
(the staff link and Django's two permission queries) that only a few users'
pages need. They are two booleans per user, kept in the cache (no personal
text: a user id in the key, two flags as the value) and forgotten by the events
that change them (`connect()`):

- a staff link to an association added or removed (`AssociationStaff` rows, or
  `association.staff` / `user.associations` through the many-to-many);
- the user's groups or own permissions changed, or the user saved (is_superuser,
  is_active);
- a group's permissions changed (every member is forgotten), or a group or
  permission deleted (everyone: the generation below).

`TIMEOUT_SECONDS` bounds how long a change made outside Django (raw SQL, another
deployment's admin) takes to show.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import cache

KEY = "home:header:{user_id}"
GENERATION_KEY = "home:header:generation"
TIMEOUT_SECONDS = 10 * 60


@dataclass(frozen=True)
class HeaderLinks:
    association: bool = False
    admin: bool = False


def header_links(*, user) -> HeaderLinks:
    """The signed-in user's header links: one cache round trip when cached, none for visitors."""
    if not user.is_authenticated:
        return HeaderLinks()
    key = KEY.format(user_id=user.pk)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY, 0)
    value = found.get(key)
    if value is None or value[0] != generation:
        value = (
            generation,
            user.associations.exists(),
            user.has_perm("wagtailadmin.access_admin"),
        )
        cache.set(key, value, timeout=TIMEOUT_SECONDS)
    return HeaderLinks(association=value[1], admin=value[2])


def header_links_forget(*, user_ids) -> None:
    cache.delete_many([KEY.format(user_id=pk) for pk in user_ids])


def header_links_forget_all() -> None:
    """A new generation: every user's cached links are read again on their next page."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet, or evicted: any value other than the old one will do
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _staff_link_changed(sender, instance, **kwargs):
    header_links_forget(user_ids=[instance.user_id])


def _staff_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`association.staff` / `user.associations` changed (add/remove/clear through the M2M)."""
    if not action.startswith("post_"):
        return
    if reverse:
        header_links_forget(user_ids=[instance.pk])
    elif pk_set:
        header_links_forget(user_ids=pk_set)
    else:  # association.staff.clear()
        header_links_forget_all()


def _user_saved(sender, instance, **kwargs):
    header_links_forget(user_ids=[instance.pk])


def _user_relation_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """`user.groups` / `user.user_permissions` (or the reverse side) changed."""
    if not action.startswith("post_"):
        return
    if not reverse:
        header_links_forget(user_ids=[instance.pk])
    elif pk_set:
        header_links_forget(user_ids=pk_set)
    else:  # cleared from the group's or permission's side
        header_links_forget_all()


def _group_permissions_changed(sender, instance, action, reverse, **kwargs):
    if action.startswith("post_"):
        header_links_forget_all()


def _forget_everyone(sender, **kwargs):
    header_links_forget_all()


def connect() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from training.associations.models import AssociationStaff

    user_model = get_user_model()
    for signal in (post_save, post_delete):
        signal.connect(
            _staff_link_changed, sender=AssociationStaff, dispatch_uid=f"hdr-staff-{id(signal)}"
        )
    m2m_changed.connect(_staff_changed, sender=AssociationStaff, dispatch_uid="hdr-staff-m2m")
    post_save.connect(_user_saved, sender=user_model, dispatch_uid="hdr-user-saved")
    m2m_changed.connect(
        _user_relation_changed, sender=user_model.groups.through, dispatch_uid="hdr-user-groups"
    )
    m2m_changed.connect(
        _user_relation_changed,
        sender=user_model.user_permissions.through,
        dispatch_uid="hdr-user-permissions",
    )
    m2m_changed.connect(
        _group_permissions_changed, sender=Group.permissions.through, dispatch_uid="hdr-group-perms"
    )
    for model in (Group, Permission):
        post_delete.connect(
            _forget_everyone, sender=model, dispatch_uid=f"hdr-deleted-{model.__name__}"
        )
