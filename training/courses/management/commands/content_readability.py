"""`manage.py content_readability [course]`: is each lesson, assignment and practice
activity written at language level B1?

A table per page: one row per rich-text or text block (sentences, words, average sentence
length, long sentences, long or rare words, Flesch-Douma, verdict) and a row for the page as
a whole, then the reasons of every verdict "boven B1". It advises: the exit status is 0
unless `--strict` is given and a page is above B1 (for CI over the demo content).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from wagtail.models import Page

from training.courses.models import CoursePage
from training.courses.readability import COURSE_TEXT_PAGE_TYPES, page_readability

COLUMNS = ("block", "sentences", "words", "avg", "long sent.", "hard words", "Douma", "verdict")
WIDTHS = (34, 9, 6, 5, 10, 10, 6, 8)


def _course(reference: str) -> CoursePage:
    courses = CoursePage.objects.all()
    course = (
        courses.filter(pk=int(reference)).first()
        if reference.isdigit()
        else courses.filter(slug=reference).first()
    )
    if course is None:
        raise CommandError(f"No course with id or slug {reference!r}.")
    return course


def course_text_pages(course: CoursePage | None):
    """The lessons, assignments and practice activities of a course (or of every course)."""
    content_types = [
        ContentType.objects.get_by_natural_key(*label.split("."))
        for label in sorted(COURSE_TEXT_PAGE_TYPES)
        if ContentType.objects.filter(
            app_label=label.split(".")[0], model=label.split(".")[1]
        ).exists()
    ]
    pages = Page.objects.filter(content_type__in=content_types)
    if course is not None:
        pages = pages.descendant_of(course)
    return pages.order_by("path").specific()


def _row(cells) -> str:
    return "  ".join(
        str(cell)[:width].ljust(width) if i == 0 else str(cell).rjust(width)
        for i, (cell, width) in enumerate(zip(cells, WIDTHS, strict=True))
    ).rstrip()


def _cells(label, result):
    return (
        label,
        result.sentences,
        result.words,
        f"{result.average_sentence_length:.1f}",
        len(result.long_sentences),
        len(result.hard_words),
        f"{result.douma:.0f}",
        result.verdict,
    )


class Command(BaseCommand):
    help = (
        "Measure each lesson, assignment and practice activity (of one course, by id or "
        "slug, or of all) against Dutch language level B1: a table per page."
    )

    def add_arguments(self, parser):
        parser.add_argument("course", nargs="?", help="the course's id or slug (default: all)")
        parser.add_argument(
            "--strict", action="store_true", help="exit with status 1 when a page is above B1"
        )

    def handle(self, *args, course=None, strict=False, **options):
        translation.activate("nl")
        pages = course_text_pages(_course(course) if course else None)
        above = []
        for page in pages:
            measured = page_readability(page)
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"{page.title} ({page.url_path})"))
            self.stdout.write(_row(COLUMNS))
            for text, result in measured.blocks:
                self.stdout.write(_row(_cells(text.label, result)))
            self.stdout.write(_row(_cells("= page", measured.overall)))
            for reason in measured.overall.reasons:
                self.stdout.write(f"  - {reason}")
            if not measured.overall.is_b1:
                above.append(page)
        self.stdout.write("")
        summary = f"{len(pages) - len(above)} of {len(pages)} pages at B1."
        self.stdout.write(self.style.SUCCESS(summary) if not above else self.style.WARNING(summary))
        if strict and above:
            raise CommandError("Above B1: " + ", ".join(page.title for page in above), returncode=1)
