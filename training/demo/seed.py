"""Build the demo site: home page, catalogue, two Dutch courses and demo accounts.

Every step is idempotent: what exists is left as it is (so a trainer's edits
survive `make run`), what is missing is created.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import HomePage
from training.accounts.services import user_email_mark_verified
from training.courses.models import CatalogPage, CoursePage, ModulePage
from training.courses.permissions import (
    COURSE_MATERIAL_COLLECTION,
    collection_ensure,
    trainer_group_ensure,
)
from training.demo.after_the_course import seed_after_the_course
from training.demo.groups import seed_groups
from training.demo.second_academy import seed_second_academy
from training.practice.demo import seed_practice

from .content_files import ContentFile, load_courses, page_build
from .images import TITLES, illustration_png

DEMO_PASSWORD = "lotgenoot-demo"  # noqa: S105 - documented demo password, DEBUG only
# The authenticator-app secret of the demo accounts that must sign in in two
# steps (admin, trainer, association staff); documented in the README, DEBUG only.
DEMO_TOTP_SECRET = "LOTGENOOTDEMOTOTPLOTGENOOTDEMO22"  # noqa: S105
TWO_STEP_ROLES = {"superuser", "trainer", "association"}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    display_name: str
    role: str
    pseudonym: str = ""


DEMO_ACCOUNTS = [
    DemoAccount("beheer@example.org", "Beheerder Demo", "superuser"),
    DemoAccount("trainer@example.org", "Tessa Trainer", "trainer"),
    DemoAccount("deelnemer@example.org", "Dewi de Vries", "learner", "Zeester"),
    DemoAccount("deelnemer2@example.org", "Ahmed Bakker", "learner", "Vuurtoren"),
    DemoAccount("deelnemer3@example.org", "Els Jansen", "learner"),
    DemoAccount("deelnemer4@example.org", "Kees Visser", "learner", "Wilg"),
    DemoAccount("deelnemer5@example.org", "Noor Smit", "learner", "Kompas"),
    DemoAccount("deelnemer6@example.org", "Ruud Mulder", "learner"),
    DemoAccount("vereniging@example.org", "Vera van de Vereniging", "association"),
]


@transaction.atomic
def seed_demo() -> None:
    home = _home_page()
    catalog = _catalog(home)
    images = _images()
    for course in load_courses():
        _course(catalog, course, images)
    _about_page(home)
    trainer_group = trainer_group_ensure()
    users = _accounts(trainer_group)
    association = _association(users)
    _cohort(users, association)
    _reflections(users)
    _certificates(users, association)
    seed_practice(cohort_name=DEMO_COHORT)
    seed_after_the_course(users)
    seed_groups(users)
    seed_second_academy(platform_admin=users["beheer@example.org"], account_ready=_account_ready)


def _account_ready(user, *, two_step: bool) -> None:
    user_email_mark_verified(user)
    if two_step:
        _totp_ensure(user)


def courses_seed() -> None:
    """Only the demo courses from their content files (for tests and `demo_export`)."""
    catalog = _catalog(_home_page())
    images = _images()
    for course in load_courses():
        _course(catalog, course, images)


def demo_images() -> dict:
    """The demo illustrations by key, as the content files name them (created once)."""
    return _images()


def _home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` first.")
    if not home.lead:
        home.lead = "Leer lotgenotengroepen begeleiden, vanuit je eigen ervaring."
        home.intro = (
            "<p>De Lotgenoot Academie is de online leeromgeving voor vrijwilligers die een "
            "lotgenotengroep (gaan) begeleiden. Je leert je eigen ervaringskennis inzetten voor "
            "een ander, eerst te luisteren en je eigen grenzen te bewaken. In je eigen tempo, "
            "ook op je telefoon.</p>"
        )
        home.save_revision().publish()
    return home


def _catalog(home: HomePage) -> CatalogPage:
    catalog = CatalogPage.objects.child_of(home).first()
    if catalog is None:
        catalog = CatalogPage(
            title="Cursussen",
            slug="cursussen",
            show_in_menus=True,
            intro=(
                "<p>Alle cursussen voor gespreksbegeleiders van lotgenotengroepen. Filter op "
                "pijler om te zien welke cursus bij jouw leervraag past.</p>"
            ),
        )
        home.add_child(instance=catalog)
        catalog.save_revision().publish()
    return catalog


def _about_page(home: HomePage) -> None:
    from home.models import StandardPage

    if StandardPage.objects.child_of(home).filter(slug="over").exists():
        return
    page = StandardPage(
        title="Over de academie",
        slug="over",
        show_in_menus=True,
        intro="Waarom deze leeromgeving er is, en voor wie.",
        body=[
            {
                "type": "paragraph",
                "value": (
                    "<p>Lotgenotengroepen draaien op vrijwilligers die zelf weten hoe het is. "
                    "Deze academie helpt hen om dat goed en veilig te doen: met cursussen, "
                    "reflectie-opdrachten en feedback van medecursisten.</p>"
                    "<p>Wat je in een reflectie schrijft, is van jou. Alleen de mensen die het "
                    "nodig hebben om je te helpen leren, kunnen het lezen.</p>"
                ),
                "id": str(uuid.uuid4()),
            }
        ],
    )
    home.add_child(instance=page)
    page.save_revision().publish()


def _images() -> dict:
    Image = get_image_model()
    images = {}
    for key, title in TITLES.items():
        image = Image.objects.filter(title=title).first()
        if image is None:
            from io import BytesIO

            image = Image(title=title, collection=collection_ensure(COURSE_MATERIAL_COLLECTION))
            image.file = ImageFile(BytesIO(illustration_png(key)), name=f"demo-{key}.png")
            image.save()
        images[key] = image
    return images


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _course(catalog: CatalogPage, content: ContentFile, images: dict) -> None:
    """The course, its modules and their pages from the content files; what exists is kept."""
    course = CoursePage.objects.child_of(catalog).filter(slug=content.slug).first()
    if course is None:
        course = _publish_child(catalog, page_build(content, images=images))
    for module_content in content.children:
        module = ModulePage.objects.child_of(course).filter(slug=module_content.slug).first()
        if module is None:
            module = _publish_child(course, page_build(module_content, images=images))
        for page_content in module_content.children:
            if Page.objects.child_of(module).filter(slug=page_content.slug).exists():
                continue
            _publish_child(module, page_build(page_content, images=images))


def _accounts(trainer_group: Group) -> dict:
    User = get_user_model()
    users = {}
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={"display_name": account.display_name, "pseudonym": account.pseudonym},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.is_superuser = user.is_staff = account.role == "superuser"
            user.save()
        user_email_mark_verified(user)
        if account.role == "trainer":
            user.groups.add(trainer_group)
        if account.role in TWO_STEP_ROLES:
            _totp_ensure(user)
        users[account.email] = user
    return users


def _totp_ensure(user) -> None:
    """Give a demo account the documented authenticator-app secret (once)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)


def _association(users: dict):
    from training.associations.models import Association

    association, _ = Association.objects.get_or_create(name="Vereniging Samen Sterk (demo)")
    association.staff.add(users["vereniging@example.org"], through_defaults={"role": "admin"})
    return association


DEMO_COHORT = "Voorjaarsgroep 2026 (demo)"


def _reflections(users: dict) -> None:
    from training.learning.models import Cohort

    from .reflections import seed_reflections

    cohort = Cohort.objects.select_related("course").get(name=DEMO_COHORT)
    seed_reflections(course=cohort.course.specific, users=users, cohort=cohort)


def _certificates(users: dict, association) -> None:
    """A valid, an expired and a revoked certificate in the demo cohort (see certificates.py)."""
    from training.learning.models import Cohort

    from .certificates import seed_certificates

    seed_certificates(users, Cohort.objects.get(name=DEMO_COHORT), association)


def _cohort(users: dict, association) -> None:
    """A cohort of the basic course with the demo learners (but for the alumni of the
    older cohort, see certificates.py); deelnemer@ is part-way."""
    import datetime

    from django.utils import timezone

    from training.assessments.knowledge_checks import knowledge_check_answer
    from training.courses.selectors import course_outline
    from training.learning.models import Cohort
    from training.learning.services import enrolment_join, lesson_complete, lesson_visit

    from .certificates import ALUMNI

    course = CoursePage.objects.get(slug=load_courses()[0].slug)
    today = timezone.localdate()
    cohort, created = Cohort.objects.get_or_create(
        name=DEMO_COHORT,
        defaults={
            "course": course,
            "starts_on": today - datetime.timedelta(days=14),
            "ends_on": today + datetime.timedelta(days=120),
            "capacity": 12,
            "association": association,
        },
    )
    if not created:
        return
    cohort.trainers.add(users["trainer@example.org"])
    learners = [
        user
        for email, user in users.items()
        if email.startswith("deelnemer") and email not in ALUMNI
    ]
    enrolments = {
        learner.email: enrolment_join(learner=learner, cohort=cohort) for learner in learners
    }

    # deelnemer@ has finished the first module and is half-way the second one;
    # the others are at different points, so the trainer's overview has variety.
    outline = course_outline(course=course)
    lessons_done = {
        "deelnemer@example.org": len(outline.modules[0].lessons) + 2,
        "deelnemer2@example.org": 3,
        "deelnemer3@example.org": 1,
        "deelnemer4@example.org": len(outline.modules[0].lessons),
    }
    for email, count in lessons_done.items():
        enrolment = enrolments[email]
        for lesson in outline.lessons[:count]:
            lesson = lesson.specific
            for block in lesson.knowledge_checks():
                right = sorted(block.value.correct_option_ids())
                knowledge_check_answer(
                    enrolment=enrolment, lesson=lesson, check_id=block.id, selected_option_ids=right
                )
            lesson_complete(enrolment=enrolment, lesson=lesson)
        lesson_visit(enrolment=enrolment, lesson=outline.lessons[count].specific)
