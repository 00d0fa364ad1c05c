"""Demo certificates: one valid (expiring soon), one expired, one revoked, so that the
verification page, 'Mijn certificaten', the trainer's list and the association's status
page all have something to show. Idempotent: learners who have a certificate are skipped.

The valid and the expired certificate were earned years ago, so their holders followed
the course in an older demo cohort of their own, whose dates (and name: "Najaarsgroep
2023") fit the certificates; the revoked one belongs to the current demo cohort.
"""

from __future__ import annotations

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model

from training.certificates.pdf import FONT_DIR
from training.courses.permissions import (
    LOGO_COLLECTION,
    SIGNATURE_COLLECTION,
    collection_ensure,
)

# (learner, days since issue, revocation reason or None). With three-year
# certificates: Noor's expires in about two months, Ruud's expired last month;
# Kees's was issued (too early) during the current demo cohort, and revoked.
DEMO_CERTIFICATES = [
    ("deelnemer5@example.org", 3 * 365 - 60, None),
    ("deelnemer6@example.org", 3 * 365 + 30, None),
    (
        "deelnemer4@example.org",
        7,
        "Uitgegeven voordat de eindopdracht was beoordeeld; wordt opnieuw uitgegeven na "
        "de beoordeling.",
    ),
]


# Holders of a certificate older than the current demo cohort: they followed the
# course in the alumni cohort, not in the current one.
ALUMNI = [email for email, days_ago, _reason in DEMO_CERTIFICATES if days_ago > 365]


def cohort_season_name(starts_on: datetime.date) -> str:
    """'Voorjaarsgroep 2024 (demo)' for a cohort that starts in the first half of 2024."""
    season = "Voorjaarsgroep" if starts_on.month <= 6 else "Najaarsgroep"
    return f"{season} {starts_on.year} (demo)"


def alumni_cohort_ensure(*, users: dict, course, trainer, association):
    """The older cohort in which the alumni followed the course, dated around their
    certificates: it starts four months before the first and ends after the last."""
    from training.learning.models import Cohort, Enrolment

    enrolment = Enrolment.objects.filter(learner=users[ALUMNI[0]], course=course).first()
    if enrolment is not None:
        return enrolment.cohort
    today = timezone.localdate()
    issued = [
        today - datetime.timedelta(days=days) for e, days, _ in DEMO_CERTIFICATES if e in ALUMNI
    ]
    starts_on = min(issued) - datetime.timedelta(days=120)
    cohort = Cohort.objects.create(
        name=cohort_season_name(starts_on),
        course=course,
        starts_on=starts_on,
        ends_on=max(issued) + datetime.timedelta(days=14),
        capacity=12,
        is_open=False,
        association=association,
    )
    cohort.trainers.add(trainer)
    joined = timezone.make_aware(datetime.datetime.combine(starts_on, datetime.time(19)))
    for email in ALUMNI:
        # History: the join rules (rightly) refuse an ended cohort, so record it as it was.
        Enrolment.objects.create(
            learner=users[email], cohort=cohort, course=course, enrolled_at=joined
        )
    return cohort


def seed_certificates(users: dict, cohort, association) -> None:
    """Issue the demo certificates, with a signature for the trainer and a logo."""
    from training.certificates.models import Certificate, TrainerSignature
    from training.learning.models import Enrolment

    course = cohort.course
    if course.certificate_validity_years is None:
        course.certificate_validity_years = 3
        course.save_revision().publish()
    trainer = users["trainer@example.org"]
    if not TrainerSignature.objects.filter(trainer=trainer).exists():
        TrainerSignature.objects.create(
            trainer=trainer,
            name=trainer.get_full_name(),
            role="Trainer lotgenotencontact",
            image=_image(
                "Handtekening Tessa Trainer (demo)", _signature_png(), SIGNATURE_COLLECTION
            ),
        )
    if association.logo_id is None:
        association.logo = _image(
            "Logo Vereniging Samen Sterk (demo)", _logo_png(), LOGO_COLLECTION
        )
        association.save(update_fields=["logo"])

    alumni_cohort_ensure(users=users, course=course, trainer=trainer, association=association)
    for email, days_ago, reason in DEMO_CERTIFICATES:
        learner = users[email]
        if Certificate.objects.filter(learner=learner).exists():
            continue
        enrolment = Enrolment.objects.get(learner=learner, course=course)
        _issue(enrolment, timezone.localdate() - datetime.timedelta(days=days_ago), reason, trainer)


def demo_verification_url() -> str | None:
    """The verification page of the valid demo certificate, for `make run` to print."""
    from training.certificates.models import Certificate
    from training.certificates.selectors import verification_url

    valid = Certificate.objects.filter(
        learner__email=DEMO_CERTIFICATES[0][0], revoked_at__isnull=True
    ).first()
    return verification_url(valid) if valid else None


def _issue(enrolment, issued_on: datetime.date, reason: str | None, trainer) -> None:
    from training.assessments.knowledge_checks import knowledge_check_answer
    from training.assessments.models import KnowledgeCheckAttempt
    from training.certificates.actions import CertificateRevokeAction
    from training.certificates.models import Certificate
    from training.certificates.services import certificate_import
    from training.courses.selectors import course_outline
    from training.learning.models import LessonProgress
    from training.learning.services import lesson_complete

    for lesson in course_outline(course=enrolment.course).lessons:
        lesson = lesson.specific
        for block in lesson.knowledge_checks():
            knowledge_check_answer(
                enrolment=enrolment,
                lesson=lesson,
                check_id=block.id,
                selected_option_ids=sorted(block.value.correct_option_ids()),
            )
        lesson_complete(enrolment=enrolment, lesson=lesson)
    # The course was completed back then, before the certificate was issued.
    issued_at = timezone.make_aware(datetime.datetime.combine(issued_on, datetime.time(10)))
    completed_at = issued_at - datetime.timedelta(hours=1)
    LessonProgress.objects.filter(enrolment=enrolment).update(completed_at=completed_at)
    KnowledgeCheckAttempt.objects.filter(enrolment=enrolment).update(answered_at=completed_at)

    # The demo course's reflection rules came later: record these as earned before them.
    certificate = certificate_import(enrolment=enrolment, issued_on=issued_on)
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued_at)
    if reason:
        # As the trainer would in the admin: checked, and in the audit log.
        CertificateRevokeAction(certificate, user=trainer, reason=reason).execute()


def _image(title: str, png: bytes, collection_name: str):
    """An image in a collection only superusers may see (signatures, logos)."""
    Image_ = get_image_model()
    image = Image_.objects.filter(title=title).first()
    if image is None:
        image = Image_(title=title, collection=collection_ensure(collection_name))
        image.file = ImageFile(io.BytesIO(png), name=f"{title.split(' (')[0].lower()}.png")
        image.save()
    return image


def _png(picture) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _signature_png() -> bytes:
    """A hand-drawn looking signature stroke on a transparent background."""
    import math

    picture = Image.new("RGBA", (480, 160), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    points = []
    for step in range(0, 400):
        t = step / 400
        x = 30 + 420 * t
        y = 90 - 38 * math.sin(9 * t * math.pi) * (1 - t) - 20 * math.sin(2.5 * t * math.pi)
        points.append((x, y))
    draw.line(points, fill=(22, 58, 90, 255), width=5, joint="curve")
    draw.line([(40, 128), (300, 118)], fill=(22, 58, 90, 255), width=4)
    return _png(picture)


def _logo_png() -> bytes:
    """A simple logo for the demo association, lettered with the bundled Lato."""
    picture = Image.new("RGB", (600, 200), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((10, 20, 170, 180), radius=36, fill=(23, 104, 58))
    draw.ellipse((50, 55, 130, 135), outline=(255, 255, 255), width=14)
    bold = ImageFont.truetype(str(FONT_DIR / "Lato-Bold.ttf"), 54)
    regular = ImageFont.truetype(str(FONT_DIR / "Lato-Regular.ttf"), 34)
    draw.text((200, 42), "Samen Sterk", font=bold, fill=(27, 31, 36))
    draw.text((202, 112), "vereniging (demo)", font=regular, fill=(74, 82, 92))
    return _png(picture)
