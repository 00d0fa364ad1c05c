"""The trainer's review queue for reflections, in the Wagtail admin.

Scoping: every view loads its cohort through `cohorts_trained_by(request.user)`
and its reflection, concern or extension through the model's permission
policy (`policies.py`) in `setup()`, before anything else runs. A wrong id, another trainer's cohort, or
staff who do not train the cohort (and are not superusers) get a 404, so no
response tells whether the object exists. Learners' objects are addressed by
their public UUIDs.

Every write goes through an audited action (`actions.py`). Every response is no-store (Wagtail's `never_cache` on every admin URL): these pages carry what
learners write about their health and lives.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton

from training.learning.permissions import cohorts_trained_by

from .actions import (
    ConcernFollowUpAction,
    ConcernRaiseAction,
    DeadlineExtendAction,
    DeadlineExtensionWithdrawAction,
    SubmissionDecideAction,
)
from .admin_comment_bank import phrases_of
from .admin_forms import (
    ConcernFollowUpForm,
    ConcernForm,
    DeadlineExtensionForm,
    DecisionForm,
    QueueFilterForm,
)
from .admin_selectors import (
    cohort_learner_ratings,
    cohorts_attention,
    queue_entries,
    reflection_detail,
    status_counts,
    stuck_groups,
)
from .admin_tables import (
    cohorts_table,
    extensions_table,
    learners_table,
    queue_table,
    status_table,
    stuck_section_table,
    stuck_table,
)
from .models import ReflectionAssignmentPage
from .policies import concern_flag_policy, deadline_extension_policy, submission_policy
from .reflections import deadlines, errors, permissions, selectors, services
from .stuck import stuck_sections

URL_NAMESPACE = "reflection_queue"


def _url(name, *args):
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


# --- Base views -----------------------------------------------------------------


class ReflectionQueueView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full-inverse"

    def trained_cohorts(self):
        return cohorts_trained_by(self.request.user).select_related("course")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": gettext("Reflections")},
            *self.get_trail(),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_trail(self) -> list[dict]:
        return []


class CohortView(ReflectionQueueView):
    """A page about one cohort the user trains (404 for any other cohort)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = get_object_or_404(self.trained_cohorts(), pk=kwargs["cohort_id"])

    def get_page_subtitle(self):
        return self.cohort.name

    def get_trail(self):
        return [{"url": _url("cohort", self.cohort.pk), "label": self.cohort.name}]

    @cached_property
    def header_buttons(self):
        pk = self.cohort.pk
        return [
            HeaderButton(gettext("Concerns"), url=_url("concerns", pk), icon_name="warning"),
            HeaderButton(
                gettext("Ratings per learner"), url=_url("learners", pk), icon_name="user"
            ),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(cohort=self.cohort, **kwargs)


class SubmissionView(ReflectionQueueView):
    """A reflection in a cohort the user trains, by its public id (404 otherwise)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.submission = get_object_or_404(
            submission_policy.instances_for(request.user, "view").select_related(
                "author", "assignment", "cohort__course"
            ),
            public_id=kwargs["public_id"],
        )

    @property
    def cohort(self):
        return self.submission.cohort

    def get_page_title(self):
        return self.submission.author.get_full_name()

    def get_page_subtitle(self):
        return self.submission.assignment.title

    def get_trail(self):
        return [{"url": _url("cohort", self.cohort.pk), "label": self.cohort.name}]

    def success_url(self):
        return _url("submission", self.submission.public_id)


# --- The pages ------------------------------------------------------------------


class IndexView(ReflectionQueueView):
    template_name = "assessments/admin/index.html"
    page_title = _("Reflections")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    paginate_by = 50

    def get_context_data(self, **kwargs):
        # One page of groups: a superuser trains every cohort of every academy.
        cohorts = self.trained_cohorts().order_by("-starts_on", "name", "pk")
        page = Paginator(cohorts, self.paginate_by).get_page(self.request.GET.get("p"))
        rows = cohorts_attention(cohorts=page.object_list)
        return super().get_context_data(
            rows=rows,
            table=cohorts_table(rows),
            page_obj=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            **kwargs,
        )


class CohortQueueView(CohortView):
    """A cohort's reflections (paginated), its status counts and its stuck learners.

    The queue's queries are a fixed number whatever the cohort's size
    (`selectors.trainer_queue`); a page shows `paginate_by` reflections.
    """

    template_name = "assessments/admin/cohort.html"
    page_title = _("Reflections")
    paginate_by = 50

    def get_context_data(self, **kwargs):
        form = QueueFilterForm(self.request.GET or None, cohort=self.cohort)
        assignment = status = None
        if form.is_bound and form.is_valid():
            assignment, status = form.cleaned_data["assignment"], form.cleaned_data["status"]
        rows = selectors.trainer_queue(cohort=self.cohort, assignment=assignment, status=status)
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        entries = queue_entries(page.object_list)
        assignments = (
            [assignment]
            if assignment
            else ReflectionAssignmentPage.objects.descendant_of(self.cohort.course)
            .live()
            .order_by("path")
        )
        stuck = stuck_groups(cohort=self.cohort, assignments=assignments)
        for group in stuck:
            group.stuck_table = stuck_table(group) if group.learners else None
            group.extensions_table = (
                extensions_table(group, cohort=self.cohort) if group.extensions else None
            )
        sections = stuck_sections(cohort=self.cohort)
        for section in sections:
            section.table = stuck_section_table(section)
        counts = status_counts(cohort=self.cohort, assignment=assignment)
        return super().get_context_data(
            filter_form=form,
            is_filtered=bool(assignment or status),
            entries=entries,
            page_obj=page,
            table=queue_table(entries, cohort=self.cohort),
            status_counts=counts,
            status_table=status_table(counts),
            stuck_groups=stuck,
            stuck_sections=sections,
            anyone_stuck=any(group.learners for group in stuck) or bool(sections),
            extend_url=_url("extend_deadline", self.cohort.pk),
            **kwargs,
        )


class SubmissionDetailView(SubmissionView):
    template_name = "assessments/admin/submission.html"

    def get(self, request, *args, **kwargs):
        services.reflection_read_log(
            submission=self.submission,
            reader=request.user,
            role=permissions.reader_role(request.user, self.submission),
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("decision_form", DecisionForm())
        kwargs.setdefault("concern_form", ConcernForm())
        return super().get_context_data(
            detail=reflection_detail(submission=self.submission),
            cohort=self.cohort,
            decide_url=_url("decide", self.submission.public_id),
            comment_phrases=list(phrases_of(self.request.user)),
            comment_bank_url=reverse("comment_bank:index"),
            raise_concern_url=_url("raise_concern", self.submission.public_id),
            concerns_url=_url("concerns", self.cohort.pk),
            **kwargs,
        )


class SubmissionDecideView(SubmissionDetailView):
    """POST: approve, or ask for a revision with a comment."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form))
        try:
            SubmissionDecideAction(
                self.submission,
                request.user,
                approve=form.approve,
                comment=form.cleaned_data["comment"],
            ).execute()
        except errors.ReflectionError as error:
            messages.error(request, error.message)
        else:
            if form.approve:
                messages.success(
                    request, gettext("The reflection is approved. The learner gets an email.")
                )
            else:
                messages.success(
                    request,
                    gettext(
                        "You asked for a revision. The learner gets an email and can write a new version."
                    ),
                )
        return redirect(self.success_url())


class SubmissionConcernView(SubmissionDetailView):
    """POST: the trainer says 'ik maak me zorgen' about this reflection."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = ConcernForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(concern_form=form))
        try:
            ConcernRaiseAction(
                self.submission, request.user, reason=form.cleaned_data["reason"]
            ).execute()
        except errors.ReflectionError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                gettext("Your concern is recorded. The trainers of this group get an email."),
            )
        return redirect(self.success_url())


class ConcernsView(CohortView):
    """The group's concerns: the concerns listing, filtered on this cohort."""

    def get(self, request, *args, **kwargs):
        return redirect(f"{reverse('reflection_concerns:index')}?cohort={self.cohort.pk}")


class ConcernFollowUpView(CohortView):
    """POST: mark a concern about a reflection in this cohort as followed up."""

    http_method_names = ["post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.flag = get_object_or_404(
            concern_flag_policy.instances_for(request.user, "follow_up").filter(
                submission__cohort=self.cohort
            ),
            public_id=kwargs["flag_id"],
        )

    def post(self, request, *args, **kwargs):
        form = ConcernFollowUpForm(request.POST, prefix=f"flag-{self.flag.public_id}")
        if form.is_valid():
            ConcernFollowUpAction(self.flag, request.user, note=form.cleaned_data["note"]).execute()
            messages.success(request, gettext("The concern is marked as followed up."))
        else:
            messages.error(request, gettext("The note is too long. Please shorten it."))
        return redirect(_url("concerns", self.cohort.pk))


class LearnersView(CohortView):
    template_name = "assessments/admin/learners.html"
    page_title = _("Ratings per learner")

    def get_context_data(self, **kwargs):
        rows = cohort_learner_ratings(cohort=self.cohort)
        return super().get_context_data(
            rows=rows, table=learners_table(rows, cohort=self.cohort), **kwargs
        )


class LearnerRatingsView(CohortView):
    """The ratings a learner's feedback received in this cohort: the ratings listing, filtered."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.enrolment = get_object_or_404(self.cohort.enrolments, pk=kwargs["enrolment_id"])

    def get(self, request, *args, **kwargs):
        return redirect(
            f"{reverse('reflection_ratings:index')}"
            f"?cohort={self.cohort.pk}&reviewer={self.enrolment.learner_id}"
        )


class DeadlineExtendView(CohortView):
    """GET: the form; POST: give one learner of this cohort a later deadline."""

    template_name = "assessments/admin/deadline_extend.html"
    page_title = _("Give a learner more time")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", DeadlineExtensionForm(cohort=self.cohort))
        return super().get_context_data(
            action_url=_url("extend_deadline", self.cohort.pk), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = DeadlineExtensionForm(request.POST, cohort=self.cohort)
        if form.is_valid():
            data = form.cleaned_data
            try:
                DeadlineExtendAction(
                    data["enrolment"],
                    request.user,
                    assignment=data["assignment"],
                    kind=data["kind"],
                    until=data["until"],
                ).execute()
            except deadlines.ExtensionError as error:
                form.add_error("until", error.message)
            else:
                messages.success(
                    request,
                    gettext("%(name)s has more time for “%(assignment)s”.")
                    % {
                        "name": data["enrolment"].learner.get_full_name(),
                        "assignment": data["assignment"].title,
                    },
                )
                return redirect(f"{_url('cohort', self.cohort.pk)}#tab-stuck")
        return self.render_to_response(self.get_context_data(form=form))


class DeadlineExtensionWithdrawView(CohortView):
    """POST: take back an extension given to a learner of this cohort."""

    http_method_names = ["post"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.extension = get_object_or_404(
            deadline_extension_policy.instances_for(request.user, "delete")
            .filter(enrolment__cohort=self.cohort)
            .select_related("enrolment__learner", "assignment"),
            pk=kwargs["extension_id"],
        )

    def post(self, request, *args, **kwargs):
        DeadlineExtensionWithdrawAction(self.extension, request.user).execute()
        messages.success(
            request,
            gettext("%(name)s has the group's deadline for “%(assignment)s” again.")
            % {
                "name": self.extension.enrolment.learner.get_full_name(),
                "assignment": self.extension.assignment.title,
            },
        )
        return redirect(f"{_url('cohort', self.cohort.pk)}#tab-stuck")


class ReflectionQueueViewSet(ViewSet):
    """The queue's own pages, where no generic view fits: the groups, a group's queue,
    a reflection with the decision form, the deadline form and the actions' POST views."""

    name = URL_NAMESPACE
    url_prefix = "reflecties"
    icon = "doc-full-inverse"

    def get_urlpatterns(self):
        return [
            path("", IndexView.as_view(), name="index"),
            path("<int:cohort_id>/", CohortQueueView.as_view(), name="cohort"),
            path("<int:cohort_id>/zorgen/", ConcernsView.as_view(), name="concerns"),
            path(
                "<int:cohort_id>/zorgen/<uuid:flag_id>/opgevolgd/",
                ConcernFollowUpView.as_view(),
                name="concern_follow_up",
            ),
            path("<int:cohort_id>/deelnemers/", LearnersView.as_view(), name="learners"),
            path(
                "<int:cohort_id>/deelnemers/<int:enrolment_id>/",
                LearnerRatingsView.as_view(),
                name="learner_ratings",
            ),
            path(
                "<int:cohort_id>/verlenging/", DeadlineExtendView.as_view(), name="extend_deadline"
            ),
            path(
                "<int:cohort_id>/verlenging/<int:extension_id>/intrekken/",
                DeadlineExtensionWithdrawView.as_view(),
                name="withdraw_extension",
            ),
            path("reflectie/<uuid:public_id>/", SubmissionDetailView.as_view(), name="submission"),
            path(
                "reflectie/<uuid:public_id>/besluit/",
                SubmissionDecideView.as_view(),
                name="decide",
            ),
            path(
                "reflectie/<uuid:public_id>/zorg/",
                SubmissionConcernView.as_view(),
                name="raise_concern",
            ),
        ]
