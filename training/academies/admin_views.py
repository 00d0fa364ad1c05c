"""The academies' admin screens, built with Wagtail's viewsets.

- **Academies** (platform administrators only, Wagtail's default model permissions):
  the list with counts per academy (trainers, cohorts, learners, certificates issued;
  never a name or a text), and the form that gives an association its academy
  (`academy_create` makes the catalogue, the collection and the role groups).
- **Team** (an academy's administrators): the people with a role in their academy;
  give a role to someone with an account (by email address) or take it away. No
  superuser and no Django group screen needed; the groups follow the roles.
- **Invitations** (an academy's administrators, in the same "Academy team" menu):
  invite an email address to a role, whether or not it has an account yet; see the
  open invitations (and which expired) and withdraw one.
Both team viewsets have only a listing, an add form and a delete (take away, withdraw)
view, each object looked up through its policy: no edit, history or usage view that
could open another academy's row by its id.
- **Copy to my academy** (an academy's trainers and administrators, from a shared
  course's "more" menu in the page explorer and its header): a small confirm view
  (with a choice of academy for someone in several) that calls
  `services.academy_course_copy` and opens the copy's editor. A second click or a
  retry opens the same copy (the service is idempotent).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from training.accounts.validators import EmailAddressField
from training.admin_toolkit import PolicyScopedObjectMixin

from .models import Academy, AcademyInvitation, AcademyRole, Role
from .permissions import academies_administered_by
from .policies import academy_invitation_policy, academy_role_policy
from .selectors import academies_copying_to, academy_course_copy_of, shared_course
from .services import (
    CopyNotAllowed,
    InvitationError,
    LastAdministrator,
    academy_course_copy,
    academy_create,
    academy_invitation_create,
    academy_invitation_withdraw,
    academy_role_grant,
    academy_role_revoke,
    invitation_is_expired,
)


def _count_per_academy(relation: str, **where) -> Subquery:
    """The number of distinct `relation` of the outer academy row: one small subquery per
    academy on the page (a GROUP BY over the join of every academy's roles, cohorts,
    enrolments and certificates took 1.7 s for a page of 20 at 300 academies)."""
    return Coalesce(
        Subquery(
            Academy.objects.filter(pk=OuterRef("pk"), **where)
            .values("pk")
            .annotate(n=Count(relation, distinct=True))
            .values("n")
        ),
        0,
    )


class AcademyIndexView(generic.IndexView):
    def get_base_queryset(self):
        # One query per page, whatever the number of academies; counts only, no names.
        return (
            super()
            .get_base_queryset()
            .annotate(
                trainer_count=_count_per_academy("roles__user", roles__role=Role.TRAINER),
                cohort_count=_count_per_academy("cohorts"),
                learner_count=_count_per_academy("cohorts__enrolments__learner"),
                certificate_count=_count_per_academy("cohorts__certificates"),
            )
        )

    @cached_property
    def columns(self):
        return [
            self._get_title_column("name"),
            Column("trainer_count", label=_("Trainers")),
            Column("cohort_count", label=_("Cohorts")),
            Column("learner_count", label=_("Learners")),
            Column("certificate_count", label=_("Certificates issued")),
        ]


class AcademyForm(WagtailAdminModelForm):
    class Meta:
        model = Academy
        fields = ["name", "slug", "accent_colour", "logo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Used in web addresses. Empty: made from the name.")

    def clean_slug(self):
        return self.cleaned_data.get("slug") or self.instance.slug or ""

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        if not self.instance.pk:
            exclude.add("slug")  # empty on a new academy: the service makes it from the name
        return exclude


class AcademyCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return academy_create(
            name=data["name"],
            slug=data.get("slug") or "",
            accent_colour=data["accent_colour"],
            logo=data.get("logo"),
            user=self.request.user,
        )


class AcademyViewSet(ModelViewSet):
    model = Academy
    icon = "site"
    menu_label = _("Academies")
    menu_order = 268
    add_to_admin_menu = True
    form_fields = ["name", "slug", "accent_colour", "logo"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = AcademyIndexView
    add_view_class = AcademyCreateView

    def get_form_class(self, for_update=False):
        return AcademyForm


class RoleGrantForm(WagtailAdminModelForm):
    """An academy, a role and the email address of someone with an account."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address they sign in with. They need an account on the platform."),
    )

    class Meta:
        model = AcademyRole
        fields = ["academy", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academy"].queryset = academies_administered_by(self.for_user)
        self.fields["academy"].empty_label = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(
                _(
                    "Nobody has an account with this address yet. Send an invitation "
                    "instead (Academy team → Invitations)."
                )
            )
        self.person = person
        return email

    def validate_unique(self):
        pass  # a repeated grant is no error: the service is idempotent


class RoleIndexView(generic.IndexView):
    def get_base_queryset(self):
        return academy_role_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("academy", "user")

    @cached_property
    def columns(self):
        return [
            # The title column carries the row's actions (take the role away).
            self._get_title_column("user"),
            Column("academy", label=_("Academy")),
            Column("role", label=_("Role"), accessor="get_role_display"),
            Column("created_at", label=_("Since")),
        ]


class RoleCreateView(generic.CreateView):
    def get_success_buttons(self):
        return []  # a role is not edited: it is given or taken away

    def save_instance(self):
        data = self.form.cleaned_data
        return academy_role_grant(
            academy=data["academy"],
            person=self.form.person,
            role=data["role"],
            user=self.request.user,
        )


class RoleDeleteView(PolicyScopedObjectMixin, generic.DeleteView):
    scope_action = "delete"

    def delete_action(self):
        academy_role_revoke(link=self.object, user=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except LastAdministrator as error:
            messages.error(self.request, error.message)
            return redirect(self.index_url_name)


class TeamViewSetMixin:
    """A team viewset's URLs: the listing, the add form and the delete view only."""

    copy_view_enabled = False
    inspect_view_enabled = False
    search_backend_name = None

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        for name in ("edit_url_name", "history_url_name", "usage_url_name"):
            view_kwargs[name] = None
        return view_kwargs

    def get_urlpatterns(self):
        conv = self.pk_path_converter
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path(f"delete/<{conv}:pk>/", self.delete_view, name="delete"),
        ]

    def register_admin_url_finder(self):
        pass  # no edit view to find


class AcademyRoleViewSet(TeamViewSetMixin, ModelViewSet):
    model = AcademyRole
    icon = "user"
    menu_label = _("People")
    form_fields = ["academy", "role"]
    permission_policy = academy_role_policy
    index_view_class = RoleIndexView
    add_view_class = RoleCreateView
    delete_view_class = RoleDeleteView

    def get_form_class(self, for_update=False):
        return RoleGrantForm


class InvitationForm(WagtailAdminModelForm):
    """An academy, a role and an email address (with or without an account)."""

    email = EmailAddressField(
        label=_("Email address"),
        help_text=_(
            "They get an email with a link. Without an account yet, they make one with "
            "this address. They get the role once they accept."
        ),
    )

    class Meta:
        model = AcademyInvitation
        fields = ["academy", "role"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["academy"].queryset = academies_administered_by(self.for_user)
        self.fields["academy"].empty_label = None

    def validate_unique(self):
        pass  # inviting the same address again is no error: the service is idempotent


class InvitationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return academy_invitation_policy.instances_user_has_permission_for(
            self.request.user, "view"
        ).select_related("academy")

    @cached_property
    def columns(self):
        return [
            # The title column carries the row's action (withdraw).
            self._get_title_column("email"),
            Column("academy", label=_("Academy")),
            Column("role", label=_("Role"), accessor="get_role_display"),
            Column("created_at", label=_("Invited on")),
            Column("state", label=_("Status"), accessor=invitation_state),
        ]


def invitation_state(invitation: AcademyInvitation) -> str:
    if invitation_is_expired(invitation):
        return gettext("Expired: invite again to renew")
    return gettext("Waiting for an answer")


class InvitationCreateView(generic.CreateView):
    def get_success_buttons(self):
        return []

    def get_success_message(self, instance):
        if self.emailed:
            return gettext("Invitation sent to %(email)s.") % {"email": instance.email}
        return gettext("%(email)s was already invited; the invitation is still open.") % {
            "email": instance.email
        }

    def save_instance(self):
        data = self.form.cleaned_data
        invitation, self.emailed = academy_invitation_create(
            academy=data["academy"], email=data["email"], role=data["role"], user=self.request.user
        )
        return invitation

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except InvitationError as error:  # nothing was written: the atomic block rolled back
            form.add_error("email", error.message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = error.message
            return self.form_invalid(form)


class InvitationWithdrawView(PolicyScopedObjectMixin, generic.DeleteView):
    scope_action = "delete"
    page_title = _("Withdraw invitation")

    @property
    def confirmation_message(self):
        return gettext(
            "Withdraw the invitation to %(email)s? The link in their email stops working."
        ) % {"email": self.object.email}

    def get_success_message(self):
        return gettext("The invitation to %(email)s is withdrawn.") % {"email": self.object.email}

    def delete_action(self):
        academy_invitation_withdraw(invitation=self.object, user=self.request.user)


class AcademyInvitationViewSet(TeamViewSetMixin, ModelViewSet):
    model = AcademyInvitation
    icon = "mail"
    menu_label = _("Invitations")
    form_fields = ["academy", "role"]
    permission_policy = academy_invitation_policy
    index_view_class = InvitationIndexView
    add_view_class = InvitationCreateView
    delete_view_class = InvitationWithdrawView

    def get_form_class(self, for_update=False):
        return InvitationForm


class AcademyTeamViewSetGroup(ViewSetGroup):
    """The "Academy team" menu: the people with a role, and the open invitations."""

    menu_label = _("Academy team")
    menu_icon = "group"
    menu_order = 269
    items = (AcademyRoleViewSet("academy_team"), AcademyInvitationViewSet("academy_invitations"))


# --- Copy a shared course to my academy --------------------------------------


class CourseCopyForm(forms.Form):
    academy = forms.ModelChoiceField(
        label=_("Copy to"),
        queryset=Academy.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose the academy that gets the copy.")},
    )

    def __init__(self, *args, academies, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["academy"]
        field.queryset = Academy.objects.filter(pk__in=[academy.pk for academy in academies])
        if len(academies) == 1:
            field.initial = academies[0].pk
            field.widget = forms.HiddenInput()


class CourseCopyView(WagtailAdminTemplateMixin, FormView):
    """GET: what will happen, and the academy to choose; POST: copy, open the copy's editor."""

    template_name = "academies/admin/course_copy.html"
    form_class = CourseCopyForm
    header_icon = "copy"

    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, pk=page_id)
        self.course = shared_course(page)
        if self.course is None:
            raise Http404
        self.academies = academies_copying_to(request.user)
        if not self.academies:
            return self.render_to_response(self.get_context_data(not_allowed=True), status=403)
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_title(self):
        return gettext("Copy to my academy")

    def get_page_subtitle(self):
        return self.course.title

    def get_breadcrumbs_items(self):
        catalogue = self.course.get_parent()
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_explore", args=[catalogue.pk]), "label": catalogue.title},
            {
                "url": reverse("wagtailadmin_explore", args=[self.course.pk]),
                "label": self.course.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "academies": self.academies}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("not_allowed", False)
        if not context["not_allowed"]:
            context.setdefault("form", self.get_form())
        context["course"] = self.course
        context["academies"] = self.academies
        context["cancel_url"] = reverse("wagtailadmin_explore", args=[self.course.get_parent().pk])
        return context

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        academy = form.cleaned_data["academy"]
        existed = academy_course_copy_of(course=self.course, academy=academy) is not None
        try:
            copy = academy_course_copy(course=self.course, academy=academy, user=self.request.user)
        except PermissionDenied:
            form.add_error(None, CopyNotAllowed.message)
            return self.form_invalid(form)
        values = {"course": self.course.title, "academy": academy.name}
        if existed:
            messages.info(
                self.request,
                gettext("%(academy)s already has a copy of %(course)s. Here it is.") % values,
            )
        else:
            messages.success(
                self.request,
                gettext(
                    "%(course)s is copied to %(academy)s as a draft. Adapt it, then publish it."
                )
                % values,
            )
        return redirect("wagtailadmin_pages:edit", copy.pk)
