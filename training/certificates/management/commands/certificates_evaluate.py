from django.core.management.base import BaseCommand, CommandError

from training.certificates.services.issuing import certificates_evaluate
from training.courses.models import CoursePage


class Command(BaseCommand):
    help = (
        "Evaluate the completion rules for every active learner (of one course, or of all "
        "courses that give a certificate) and issue the certificates that are due. Run it "
        "after changing a course's rules, and daily (deadlines that pass can credit learners). "
        "Safe to repeat: issuing is idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--course", help="The course's id or slug (default: every course).")

    def handle(self, *args, course=None, **options):
        page = None
        if course:
            lookup = {"pk": int(course)} if course.isdigit() else {"slug": course}
            page = CoursePage.objects.filter(**lookup).first()
            if page is None:
                raise CommandError(f"No course with id or slug {course!r}.")
        evaluated, enqueued = certificates_evaluate(course=page)
        self.stdout.write(
            f"Certificates evaluated: {evaluated} active enrolments, {enqueued} certificates due."
        )
