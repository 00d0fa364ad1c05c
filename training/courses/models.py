"""The page tree is the course: catalogue → course → module → lesson."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from training.blocks import RICH_TEXT_FEATURES
from training.http import no_store

from .blocks import LessonStreamBlock
from .context import learner_context, lesson_viewed
from .pillars import Pillar


def personal_response(request, response):
    """A page that shows a signed-in learner their own state is never cached for them
    (a visitor's copy may be: it holds nothing personal)."""
    return no_store(response) if request.user.is_authenticated else response


class PersonalPageMixin:
    """For page types that show a signed-in learner their own progress or work."""

    def serve(self, request, *args, **kwargs):
        return personal_response(request, super().serve(request, *args, **kwargs))


class CatalogPage(Page):
    """The course catalogue: lists the published courses, filterable by pillar."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["courses.CoursePage"]
    template = "courses/catalog_page.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .selectors import catalog_courses

        context = super().get_context(request, *args, **kwargs)
        pillar = request.GET.get("pijler", "")
        selected = pillar if pillar in Pillar.values else ""
        context["courses"] = catalog_courses(catalog=self, pillar=selected or None)
        context["pillars"] = list(Pillar)
        context["selected_pillar"] = selected
        return context


class CoursePage(PersonalPageMixin, Page):
    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    study_load_hours = models.PositiveSmallIntegerField(
        _("study load (hours)"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    target_audience = models.TextField(_("target audience"))
    learning_goals = StreamField(
        [("goal", blocks.CharBlock(label=_("Learning goal"), max_length=250, icon="tick"))],
        verbose_name=_("learning goals"),
        blank=True,
    )
    sequential = models.BooleanField(
        _("modules in fixed order"),
        default=True,
        help_text=_(
            "Learners complete the modules in order; later modules stay locked until then."
        ),
    )
    # Set when an academy copies a shared course into its own tree (Wagtail's copy):
    # where the adapted course came from. Not copied along with a further copy.
    copied_from = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    exclude_fields_in_copy = ["copied_from"]

    knowledge_check_pass_percentage = models.PositiveSmallIntegerField(
        _("knowledge checks: pass mark (%)"),
        default=70,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_(
            "A lesson with knowledge checks counts as done when every check is answered "
            "and at least this share of them was answered correctly (retries allowed)."
        ),
    )

    # Certificate: the completion rules (see training/certificates/rules.py),
    # how long a certificate stays valid, and which course a refresher renews.
    require_all_lessons = models.BooleanField(_("all lessons completed"), default=True)
    require_knowledge_checks = models.BooleanField(_("all knowledge checks passed"), default=True)
    require_reflections_approved = models.BooleanField(
        _("required reflections approved by a trainer"), default=True
    )
    require_peer_reviews_given = models.BooleanField(_("required peer reviews given"), default=True)
    require_trainer_signoff = models.BooleanField(
        _("final sign-off by a trainer"),
        default=False,
        help_text=_("The certificate is issued only after a trainer signs the learner off."),
    )
    certificate_validity_years = models.PositiveSmallIntegerField(
        _("certificate valid for (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("Leave empty for a certificate that does not expire."),
    )
    renews_course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("refresher for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="refreshers",
        help_text=_(
            "Only for a refresher course: completing it renews the certificate of this course."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("study_load_hours"), FieldPanel("target_audience")],
            heading=_("About this course"),
        ),
        FieldPanel("learning_goals"),
        MultiFieldPanel(
            [FieldPanel("sequential"), FieldPanel("knowledge_check_pass_percentage")],
            heading=_("Learning rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("require_all_lessons"),
                FieldPanel("require_knowledge_checks"),
                FieldPanel("require_reflections_approved"),
                FieldPanel("require_peer_reviews_given"),
                FieldPanel("require_trainer_signoff"),
                FieldPanel("certificate_validity_years"),
                FieldPanel("renews_course"),
            ],
            heading=_("Certificate"),
            help_text=_(
                "A learner gets a certificate as soon as every rule ticked here is met. "
                "With no rule ticked, the course gives no certificate."
            ),
        ),
        # Defined by the continued-education app (training/continuing), found by name.
        InlinePanel(
            "renewal_rules",
            max_num=1,
            heading=_("Renewal by continued education"),
            help_text=_(
                "Optional. Within the validity period, this much continued education renews "
                "the certificate without a refresher course."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("target_audience"),
    ]
    parent_page_types = ["courses.CatalogPage", "academies.AcademyCatalogPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        if self.renews_course_id is not None:
            renewed = self.renews_course
            if renewed.pk == self.pk or renewed.renews_course_id is not None:
                raise ValidationError(
                    {
                        "renews_course": _(
                            "Choose the original course: a course cannot renew itself "
                            "or another refresher."
                        )
                    }
                )

    @property
    def qualification_id(self) -> int:
        """The course whose certificate completing this course gives or renews."""
        return self.renews_course_id or self.pk

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline = course_outline(course=self)
        context.update(learner_context(request=request, page=self, course=self, outline=outline))
        return context


class ModulePage(PersonalPageMixin, Page):
    pillar = models.CharField(_("pillar"), max_length=20, choices=Pillar.choices)
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    study_load_hours = models.PositiveSmallIntegerField(
        _("study load (hours)"), validators=[MinValueValidator(1), MaxValueValidator(200)]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("pillar"),
        FieldPanel("study_load_hours"),
        FieldPanel("intro"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("pillar"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = [
        "courses.LessonPage",
        "assessments.ReflectionAssignmentPage",
        "practice.PracticeActivityPage",
    ]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @cached_property
    def pillar_enum(self) -> Pillar:
        return Pillar(self.pillar)

    def get_context(self, request, *args, **kwargs):
        from .selectors import course_outline

        context = super().get_context(request, *args, **kwargs)
        course = CoursePage.objects.parent_of(self).get()
        context["course"] = course
        context["outline"] = outline = course_outline(course=course)
        context["module_outline"] = outline.module(self.pk)
        context.update(learner_context(request=request, page=self, course=course, outline=outline))
        return context


class LessonPage(Page):
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=20, validators=[MinValueValidator(1)]
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def knowledge_checks(self):
        """The knowledge-check blocks; only those are built from the raw stream data."""
        return [
            self.body[index]
            for index, item in enumerate(self.body.raw_data)
            if item["type"] == "knowledge_check"
        ]

    def has_knowledge_checks(self) -> bool:
        return any(item["type"] == "knowledge_check" for item in self.body.raw_data)

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_body_parts, lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(lesson=self))
        context["body_parts"] = lesson_body_parts(
            lesson=self, use_cache=not getattr(request, "is_preview", False)
        )
        context.update(
            learner_context(
                request=request,
                page=self,
                course=context["course"],
                outline=context["outline"],
                lesson=self,
            )
        )
        return context

    def serve(self, request, *args, **kwargs):
        """Render the lesson; for an enrolled learner, a locked module shows a "not yet" page."""
        context = self.get_context(request, *args, **kwargs)
        if context["lesson_locked"]:
            template = "courses/lesson_locked.html"
        else:
            template = self.get_template(request, *args, **kwargs)
            if not getattr(request, "is_preview", False):
                lesson_viewed(request=request, lesson=self, context=context)
        return personal_response(request, TemplateResponse(request, template, context))
