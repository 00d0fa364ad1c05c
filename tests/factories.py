"""factory_boy factories for users and the course page tree."""

import datetime
import uuid

import factory
from django.utils import timezone
from django.contrib.auth import get_user_model
from wagtail.models import Page

from home.models import HomePage
from training.courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
from training.courses.pillars import Pillar

PASSWORD = "een-goed-wachtwoord"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"cursist{n}@example.org")
    display_name = factory.Faker("name", locale="nl_NL")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class TrainerFactory(UserFactory):
    email = factory.Sequence(lambda n: f"trainer{n}@example.org")

    @factory.post_generation
    def trainer_group(self, create, extracted, **kwargs):
        if create:
            from training.courses.permissions import trainer_group_ensure

            self.groups.add(trainer_group_ensure())


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a live page as a child of `parent` (default: the site's home page).

    Pages are saved live directly, without a revision and publish step, which
    keeps tests fast; `publish_page()` below does the full Wagtail publish.
    """

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda o: f"p-{uuid.uuid4().hex[:10]}")
    live = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or HomePage.objects.first() or Page.get_first_root_node()
        page = model_class(*args, **kwargs)
        if page.live:
            page.first_published_at = page.last_published_at = timezone.now()
        parent.add_child(instance=page)
        return page


def publish_page(page):
    """Publish through Wagtail's revision workflow, as the admin does."""
    page.save_revision().publish()
    return page


class CatalogPageFactory(PageFactory):
    class Meta:
        model = CatalogPage

    title = "Cursussen"


class CoursePageFactory(PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Cursus {n}")
    intro = "<p>Een cursus over lotgenotencontact.</p>"
    study_load_hours = 12
    target_audience = "Vrijwilligers die een lotgenotengroep begeleiden."
    sequential = True


class ModulePageFactory(PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    pillar = Pillar.LISTENING
    study_load_hours = 4


def knowledge_check_block(question="Wat doe je eerst?", options=None):
    options = options or [
        ("Luisteren", True, "Ja: eerst luisteren."),
        ("Advies geven", False, "Liever niet: eerst luisteren."),
    ]
    return {
        "type": "knowledge_check",
        "id": str(uuid.uuid4()),
        "value": {
            "question": question,
            "options": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"text": text, "is_correct": correct, "feedback": feedback},
                }
                for text, correct, feedback in options
            ],
        },
    }


def paragraph_block(html="<p>Luisteren is de kern.</p>"):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


class LessonPageFactory(PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Les {n}")
    summary = "Een korte les."
    duration_minutes = 15
    body = factory.LazyFunction(lambda: [paragraph_block()])


def build_course(*, modules=3, lessons_per_module=2, catalog=None, **course_kwargs):
    """A published course with one module per pillar (cycling) and lessons in each."""
    catalog = catalog or CatalogPageFactory()
    course = CoursePageFactory(parent=catalog, **course_kwargs)
    pillars = list(Pillar)
    for m in range(modules):
        module = ModulePageFactory(parent=course, pillar=pillars[m % len(pillars)])
        for _ in range(lessons_per_module):
            LessonPageFactory(parent=module)
    return course


class CohortFactory(factory.django.DjangoModelFactory):
    """A cohort of `course` (default: a fresh course), led by one trainer."""

    class Meta:
        model = "learning.Cohort"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Groep {n}")
    course = factory.LazyFunction(lambda: build_course(modules=3, lessons_per_module=1))
    starts_on = factory.LazyFunction(datetime.date.today)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(days=90))
    capacity = 20

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create:
            self.trainers.add(*(extracted if extracted is not None else [TrainerFactory()]))


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "learning.Enrolment"

    learner = factory.SubFactory(UserFactory)
    cohort = factory.SubFactory(CohortFactory)
    course = factory.LazyAttribute(lambda o: o.cohort.course)
