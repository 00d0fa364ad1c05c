"""The trainer's skills-lab screens in the Wagtail admin (one ViewSet).

Index: the cohorts the trainer trains, with their practice activities.
Cohort: per activity the groups, who waits, "form groups", moving a learner;
when only one or two wait, a smaller group with the trainer in it or a
written pair with a learner of another cohort; and per learner the rounds
listened and observed. Learner: one learner's
growth chart and table. Every cohort is loaded through
`cohorts_trained_by(user)` (404 for any other), and every response is
`no-store` (Wagtail's `never_cache` on every admin URL): observations are about learners' skills.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from training.learning.models import Enrolment
from training.learning.permissions import cohorts_trained_by, is_trainer

from .actions import (
    FormGroupsAction,
    GroupWithTrainerAction,
    MoveMemberAction,
    WrittenPartnerAction,
)
from .chart import growth_chart
from .errors import PracticeError
from .models import PracticeActivityPage, PracticeGroup, PracticeMember, PracticeOptIn
from .selectors import cohort_growth, listener_growth

NAMESPACE = "practice_admin"


def _url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


class PracticeAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"
    page_title = _("Skills lab")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": gettext("Skills lab")},
            *self.get_trail(),
            {"url": "", "label": self.get_page_title()},
        ]

    def get_trail(self):
        return []


def _activities(course):
    return PracticeActivityPage.objects.descendant_of(course).live().order_by("path")


class IndexView(PracticeAdminView):
    template_name = "practice/admin/index.html"

    def get_context_data(self, **kwargs):
        cohorts = cohorts_trained_by(self.request.user).select_related("course")
        rows = [{"cohort": c, "activities": list(_activities(c.course))} for c in cohorts]
        return super().get_context_data(rows=[r for r in rows if r["activities"]], **kwargs)


class CohortView(PracticeAdminView):
    template_name = "practice/admin/cohort.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.cohort = get_object_or_404(
            cohorts_trained_by(request.user).select_related("course"), pk=kwargs["cohort_id"]
        )

    def get_page_subtitle(self):
        return self.cohort.name

    def get_context_data(self, **kwargs):
        sections = []
        for activity in _activities(self.cohort.course):
            groups = list(
                PracticeGroup.objects.filter(
                    # A written pair made from another cohort holds one of ours too.
                    Q(cohort=self.cohort) | Q(members__enrolment__cohort=self.cohort),
                    activity=activity,
                )
                .distinct()
                .prefetch_related("members__enrolment__learner", "members__trainer", "rounds")
                .order_by("number", "pk")
            )
            placed = PracticeMember.objects.filter(
                activity=activity, enrolment__isnull=False
            ).values("enrolment_id")
            waiting_here = PracticeOptIn.objects.filter(
                activity=activity, enrolment__status=Enrolment.Status.ACTIVE
            ).exclude(enrolment_id__in=placed)
            waiting = waiting_here.filter(cohort=self.cohort).select_related("enrolment__learner")
            sections.append(
                {
                    "activity": activity,
                    "groups": groups,
                    "waiting": list(waiting),
                    # A number only: learners of other cohorts are not this trainer's.
                    # Of the same academy: the only ones a written pair can be made with.
                    "waiting_elsewhere": waiting_here.filter(
                        cohort__course=self.cohort.course,
                        cohort__academy_id=self.cohort.academy_id,
                    )
                    .exclude(cohort=self.cohort)
                    .count(),
                }
            )
        return super().get_context_data(
            cohort=self.cohort,
            sections=sections,
            growth_rows=cohort_growth(cohort=self.cohort),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            if request.POST.get("action") == "form":
                activity = get_object_or_404(
                    _activities(self.cohort.course), pk=request.POST.get("activity")
                )
                groups = FormGroupsAction(activity, cohort=self.cohort, user=request.user).execute()
                if groups:
                    messages.success(request, gettext("Groups formed: %(n)s.") % {"n": len(groups)})
                else:
                    messages.warning(
                        request,
                        gettext("Nobody to group: no one waits, or one person waits alone."),
                    )
            elif request.POST.get("action") == "with_trainer":
                activity = get_object_or_404(
                    _activities(self.cohort.course), pk=request.POST.get("activity")
                )
                group = GroupWithTrainerAction(
                    activity, cohort=self.cohort, user=request.user
                ).execute()
                messages.success(
                    request,
                    gettext("Group %(n)s formed with you in it; the learners get an email.")
                    % {"n": group.number},
                )
            elif request.POST.get("action") == "written":
                activity = get_object_or_404(
                    _activities(self.cohort.course), pk=request.POST.get("activity")
                )
                enrolment = get_object_or_404(
                    Enrolment.objects.filter(cohort=self.cohort), pk=request.POST.get("enrolment")
                )
                group = WrittenPartnerAction(
                    activity, enrolment=enrolment, user=request.user
                ).execute()
                messages.success(
                    request,
                    gettext(
                        "Written pair formed (group %(n)s) with a learner of another group; "
                        "both get an email."
                    )
                    % {"n": group.number},
                )
            elif request.POST.get("action") == "move":
                member = get_object_or_404(
                    PracticeMember.objects.filter(group__cohort=self.cohort),
                    pk=request.POST.get("member"),
                )
                group = get_object_or_404(
                    PracticeGroup.objects.filter(
                        cohort=self.cohort, activity_id=member.activity_id
                    ),
                    pk=request.POST.get("group"),
                )
                MoveMemberAction(member, group=group, user=request.user).execute()
                messages.success(request, gettext("Moved."))
        except PracticeError as error:
            messages.error(request, error.message)
        return redirect(_url("cohort", self.cohort.pk))


class LearnerView(CohortView):
    template_name = "practice/admin/learner.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.enrolment = get_object_or_404(
            Enrolment.objects.filter(cohort=self.cohort).select_related("learner"),
            pk=kwargs["enrolment_id"],
        )

    def get_page_subtitle(self):
        return self.enrolment.learner.display_name

    def get_trail(self):
        return [{"url": _url("cohort", self.cohort.pk), "label": self.cohort.name}]

    def get_context_data(self, **kwargs):
        points = listener_growth(enrolment=self.enrolment)
        return PracticeAdminView.get_context_data(
            self,
            cohort=self.cohort,
            enrolment=self.enrolment,
            points=points,
            chart=growth_chart(points=points),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        return redirect(_url("learner", self.cohort.pk, self.enrolment.pk))


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trainer(request.user)


class PracticeAdminViewSet(ViewSet):
    name = NAMESPACE
    url_prefix = "oefenen"
    icon = "group"
    menu_label = _("Skills lab")
    menu_order = 260
    add_to_admin_menu = True
    menu_item_class = TrainerMenuItem

    @property
    def menu_url(self):
        return reverse(f"{NAMESPACE}:index")

    def get_urlpatterns(self):
        return [
            path("", IndexView.as_view(), name="index"),
            path("groep/<int:cohort_id>/", CohortView.as_view(), name="cohort"),
            path(
                "groep/<int:cohort_id>/cursist/<int:enrolment_id>/",
                LearnerView.as_view(),
                name="learner",
            ),
        ]
