import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from training.courses.models import CoursePage
from training.demo.content_files import (
    CONTENT_DIR,
    COURSE_FILE,
    course_content,
    course_write,
    load_course,
)


class Command(BaseCommand):
    help = (
        "Write a course (its live modules, lessons and reflection assignments) from the "
        "database into the demo content files, so edits made in the CMS can be kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("course", help="The course's slug or page id.")
        parser.add_argument(
            "--output",
            type=Path,
            default=CONTENT_DIR,
            help="The content directory to write into (default: the demo's own).",
        )

    def handle(self, *args, course, output, **options):
        page = _course(course)
        output = Path(output)
        directory = _course_directory(output, page.slug)
        written = course_write(course_content(page), directory)
        load_course(directory, output)  # what was written must read back
        self.stdout.write(
            self.style.SUCCESS(f"Wrote {len(written)} files for {page.title!r} to {directory}")
        )


def _course(reference: str) -> CoursePage:
    courses = CoursePage.objects.all()
    page = courses.filter(slug=reference).first()
    if page is None and reference.isdigit():
        page = courses.filter(pk=int(reference)).first()
    if page is None:
        raise CommandError(f"No course with slug or id {reference!r}.")
    return page


def _course_directory(output: Path, slug: str) -> Path:
    """The course's existing directory in ``output`` (same slug), else the next number."""
    existing = sorted(d for d in output.glob("*/") if (d / COURSE_FILE).is_file())
    for directory in existing:
        text = (directory / COURSE_FILE).read_text(encoding="utf-8")
        if tomllib.loads(text).get("slug") == slug:
            return directory
    return output / f"{len(existing) + 1:02d}-{slug}"
