"""factory_boy factories for users and the course page tree."""

import datetime
import uuid

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage
from training.courses.models import CatalogPage, CoursePage, LessonPage, ModulePage
from training.courses.pillars import Pillar

PASSWORD = "een-goed-wachtwoord"
# The authenticator-app secret of every user given one in tests (base32).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


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


class ReflectionAssignmentPageFactory(PageFactory):
    """A reflection assignment with two rubric criteria (a scale and an open comment)."""

    class Meta:
        model = "assessments.ReflectionAssignmentPage"

    title = factory.Sequence(lambda n: f"Reflectie {n}")
    prompt = "<p>Schrijf over een moment waarop je je gehoord voelde.</p>"
    min_words = 5
    max_words = 300
    reviews_per_learner = 2
    reviews_per_submission = 2

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        from training.assessments.models import RubricCriterion

        page = super()._create(model_class, *args, parent=parent, **kwargs)
        RubricCriterion.objects.create(page=page, sort_order=0, title="Vat samen wat je las")
        RubricCriterion.objects.create(
            page=page,
            sort_order=1,
            title="Wat ik nog wil zeggen",
            kind=RubricCriterion.Kind.COMMENT,
        )
        return page


REFLECTION_TEXT = (
    "Toen ik voor het eerst in de groep zat, durfde ik weinig te zeggen. "
    "Iemand vroeg wat ik nodig had en luisterde echt."
)


def submitted_reflection(*, enrolment, assignment, text=REFLECTION_TEXT, audience="peers"):
    """A submission with its first version submitted, through the real services."""
    from training.assessments.reflections import services

    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    return services.submission_submit(submission=submission, text=text, audience=audience)


def reflection_cohort(*, learners=3, **assignment_kwargs):
    """A cohort whose course has one module with a reflection assignment; returns (assignment, enrolments)."""
    course = build_course(modules=1, lessons_per_module=1, sequential=False)
    module = course.get_children().first()
    assignment = ReflectionAssignmentPageFactory(parent=module, **assignment_kwargs)
    cohort = CohortFactory(course=course, capacity=max(20, learners))
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(learners)]
    return assignment, enrolments


def _next_slot(reviews) -> int:
    taken = {slot for slot in reviews if slot is not None}
    return next(n for n in range(1, len(taken) + 2) if n not in taken)


class PeerReviewFactory(factory.django.DjangoModelFactory):
    """Feedback given by `reviewer` on `submission` (required), every rubric criterion filled in.

    Made directly rather than claimed through allocation, so a test chooses who
    reviews what. It takes the next free reviewer and submission slots, as a claim would.
    """

    class Meta:
        model = "assessments.PeerReview"

    reviewer = factory.SubFactory(UserFactory)
    version = factory.LazyAttribute(
        lambda o: o.submission.versions.exclude(submitted_at=None).order_by("-number").first()
    )
    assignment = factory.LazyAttribute(lambda o: o.submission.assignment)
    author = factory.LazyAttribute(lambda o: o.submission.author)
    status = "submitted"
    reviewer_slot = factory.LazyAttribute(
        lambda o: _next_slot(
            o.reviewer.peer_reviews_given.filter(assignment=o.submission.assignment).values_list(
                "reviewer_slot", flat=True
            )
        )
    )
    submission_slot = factory.LazyAttribute(
        lambda o: _next_slot(o.submission.peer_reviews.values_list("submission_slot", flat=True))
    )
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=48))
    submitted_at = factory.LazyFunction(timezone.now)
    summary = "Ik lees dat je je eerst niet durfde te laten horen."
    question = "Wat maakte dat je je gehoord voelde?"
    recognition = "Dat herken ik van mijn eerste keer."
    rubric = factory.LazyAttribute(
        lambda o: {
            str(c.key): {"score": 3, "comment": "Goed samengevat."}
            if c.kind == "scale"
            else {"comment": "Dank je wel."}
            for c in o.submission.assignment.rubric_criteria.all()
        }
    )


class ReviewRatingFactory(factory.django.DjangoModelFactory):
    """The author's rating of the feedback in `review` (required)."""

    class Meta:
        model = "assessments.ReviewRating"

    helpfulness = 3
    felt_heard = 4
    thanks = "Dank je, dit hielp me."


class ConcernFlagFactory(factory.django.DjangoModelFactory):
    """An open 'ik maak me zorgen' about `submission` (required), made without sending email."""

    class Meta:
        model = "assessments.ConcernFlag"

    raised_by = factory.SubFactory(UserFactory)
    reason = "Ze schrijft dat ze al weken niet slaapt."


# --- Certificates and associations ------------------------------------------


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "associations.Association"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Patiëntenvereniging {n}")

    @factory.post_generation
    def staff(self, create, extracted, **kwargs):
        if create and extracted:
            self.staff.add(*extracted)

    @factory.post_generation
    def admins(self, create, extracted, **kwargs):
        """Staff with the admin role: they manage the association's staff and links."""
        if create and extracted:
            self.staff.add(*extracted, through_defaults={"role": "admin"})


class CertificateFactory(factory.django.DjangoModelFactory):
    """A certificate row for `enrolment`, without a PDF (certificate_issue renders one)."""

    class Meta:
        model = "certificates.Certificate"

    enrolment = factory.SubFactory(EnrolmentFactory)
    learner = factory.LazyAttribute(lambda o: o.enrolment.learner)
    course = factory.LazyAttribute(lambda o: o.enrolment.course)
    qualification = factory.LazyAttribute(lambda o: o.course.renews_course or o.course)
    cohort = factory.LazyAttribute(lambda o: o.enrolment.cohort)
    association = factory.LazyAttribute(lambda o: o.cohort.association)
    holder_name = factory.LazyAttribute(lambda o: o.learner.get_full_name())
    course_title = factory.LazyAttribute(lambda o: o.course.title)
    qualification_title = factory.LazyAttribute(lambda o: o.qualification.title)
    pillars = factory.LazyFunction(lambda: [{"pillar": "listening", "hours": 4}])
    study_hours = 12
    cohort_name = factory.LazyAttribute(lambda o: o.cohort.name)
    issued_on = factory.LazyFunction(lambda: timezone.localdate())
    valid_until = factory.LazyAttribute(lambda o: _three_years_after(o.issued_on))
    code = factory.LazyFunction(lambda: _code())


def _three_years_after(day):
    from training.certificates.services import add_years

    return add_years(day, 3)


def _code():
    from training.certificates.codes import code_generate

    return code_generate()


def png_upload(name="beeld.png", colour="white"):
    """A small PNG as an uploaded file, for image fields and Wagtail images."""
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    buffer = BytesIO()
    PILImage.new("RGB", (16, 8), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def wagtail_image(title="Beeld", collection=None, uploaded_by_user=None):
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    return get_image_model().objects.create(
        title=title,
        collection=collection or Collection.get_first_root_node(),
        uploaded_by_user=uploaded_by_user,
        file=png_upload(f"{title}.png"),
    )


def totp_set_up(user, secret=TOTP_SECRET):
    """Give `user` an authenticator app (allauth's TOTP) with `secret`, once."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return existing or TOTP.activate(user, secret).instance


def totp_code(secret=TOTP_SECRET, *, periods_ahead=0):
    """The code the authenticator app shows now (allauth's own algorithm), or
    `periods_ahead` periods from now (allauth accepts one period either side)."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD + periods_ahead
    return format_hotp_value(hotp_value(secret, counter))


def login_with_mfa(client, user):
    """`client.force_login(user)` plus a passed second step, as allauth records it.

    Gives the user an authenticator app (totp_set_up) and records a password
    and an "mfa" authentication in the session with allauth's own function,
    exactly what signing in with password and code leaves behind. Use it
    wherever a test opens the Wagtail admin or association pages.
    """
    from allauth.account.internal.flows.login import record_authentication
    from django.test import RequestFactory

    authenticator = totp_set_up(user)
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    request.user = user
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return client


_academy_counter = iter(range(1, 1_000_000))


def academy_create(name=None, *, accent_colour="#1d4ed8"):
    """An academy made as a platform administrator makes one (service, groups, page root)."""
    from training.academies.services import academy_create as create

    number = next(_academy_counter)
    platform_admin = UserFactory(
        email=f"platform-admin-{number}@example.org", is_superuser=True, is_staff=True
    )
    return create(
        name=name or f"Academie {number}", user=platform_admin, accent_colour=accent_colour
    )


def academy_person(academy, role, **user_kwargs):
    """A user holding `role` ("administrator", "trainer", "staff") in `academy`."""
    from training.academies.services import academy_role_grant

    person = UserFactory(**user_kwargs)
    platform_admin = UserFactory(email="platform-admin-roles@example.org", is_superuser=True)
    academy_role_grant(academy=academy, person=person, role=role, user=platform_admin)
    return person


def academy_course(academy, **kwargs):
    """A published course in the academy's own catalogue."""
    return build_course(catalog=academy.catalogue, **kwargs)
