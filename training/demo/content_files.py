"""The demo courses as files: one directory per course and module, one TOML file per page.

Layout (directory and file names sort in tree order; the slug is inside the file)::

    content/01-basiscursus-gespreksbegeleiding/course.toml
    content/01-basiscursus-gespreksbegeleiding/01-ervaringsdeskundigheid/module.toml
    content/01-basiscursus-gespreksbegeleiding/01-ervaringsdeskundigheid/01-wat-....toml

A page file holds the page's fields as keys; a lesson's body is a list of ``[[body]]``
tables, each with a ``type`` (a block of ``LessonStreamBlock``) and that block's fields;
a reflection assignment lists its rubric as ``[[criteria]]``. Rich text is HTML; line
breaks between tags are only there to make it readable and are dropped on reading.

Reading checks every value with the real blocks (``to_python`` and ``clean`` of the
lesson stream block) and every page with ``full_clean()``: a wrong block type, an
unknown key or a missing required field fails with the file name and the field.
``demo_export`` writes a course from the database back in the same format.
"""

from __future__ import annotations

import json
import re
import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import FieldDoesNotExist, ValidationError
from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from training.assessments.models import ReflectionAssignmentPage, RubricCriterion
from training.courses.models import CoursePage, LessonPage, ModulePage

CONTENT_DIR = Path(__file__).resolve().parent / "content"
COURSE_FILE = "course.toml"
MODULE_FILE = "module.toml"

PAGE_MODELS: dict[str, type[Page]] = {
    "course": CoursePage,
    "module": ModulePage,
    "lesson": LessonPage,
    "reflection_assignment": ReflectionAssignmentPage,
}
# The keys a file of each kind may hold, in the order demo_export writes them.
PAGE_KEYS = {
    "course": [
        "title",
        "slug",
        "study_load_hours",
        "sequential",
        "target_audience",
        "learning_goals",
        "intro",
    ],
    "module": ["title", "slug", "pillar", "study_load_hours", "intro"],
    "lesson": ["page_type", "title", "slug", "summary", "duration_minutes", "body"],
    "reflection_assignment": [
        "page_type",
        "title",
        "slug",
        "min_words",
        "max_words",
        "prompt",
        "guidance",
        "criteria",
    ],
}
CRITERION_KEYS = ["title", "guidance", "kind"]
CHILD_PAGE_TYPES = ("lesson", "reflection_assignment")


class DemoContentError(ValueError):
    """A content file that the real blocks or models reject; names the file and field."""


@dataclass
class ContentFile:
    """One page's file: its kind, its fields as read (rich text normalised), its children."""

    path: Path
    kind: str
    fields: dict
    children: list[ContentFile] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.fields["slug"]

    def as_data(self) -> dict:
        """Fields and children without file paths, to compare two trees."""
        return {
            "kind": self.kind,
            "fields": self.fields,
            "children": [child.as_data() for child in self.children],
        }


class Rich(str):
    """A string that is rich text (HTML): written as a readable multi-line string."""


# ---------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------


def load_courses(root: Path = CONTENT_DIR) -> list[ContentFile]:
    """Read every course under ``root``: course, modules and pages, in file-name order."""
    root = Path(root)
    courses = [
        _course_dir(directory, root)
        for directory in sorted(root.iterdir())
        if (directory / COURSE_FILE).is_file()
    ]
    if not courses:
        raise DemoContentError(f"{root}: no course directories (with a {COURSE_FILE})")
    return courses


def load_course(directory: Path, root: Path | None = None) -> ContentFile:
    directory = Path(directory)
    return _course_dir(directory, root or directory.parent)


def _course_dir(directory: Path, root: Path) -> ContentFile:
    course = _read(directory / COURSE_FILE, "course", root)
    for module_dir in sorted(directory.iterdir()):
        if not (module_dir / MODULE_FILE).is_file():
            continue
        module = _read(module_dir / MODULE_FILE, "module", root)
        for page_path in sorted(module_dir.glob("*.toml")):
            if page_path.name != MODULE_FILE:
                module.children.append(_read(page_path, None, root))
        if not module.children:
            raise DemoContentError(f"{_name(module_dir, root)}: a module without pages")
        course.children.append(module)
    if not course.children:
        raise DemoContentError(f"{_name(directory, root)}: a course without modules")
    return course


def _name(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _read(path: Path, kind: str | None, root: Path) -> ContentFile:
    where = _name(path, root)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{where}: not valid TOML: {error}") from error
    if kind is None:
        kind = data.get("page_type", "lesson")
        if kind not in CHILD_PAGE_TYPES:
            raise DemoContentError(
                f"{where}: page_type {kind!r} is not one of {', '.join(CHILD_PAGE_TYPES)}"
            )
        data["page_type"] = kind
    _only_keys(data, PAGE_KEYS[kind], where)
    model = PAGE_MODELS[kind]
    for key, value in data.items():
        if isinstance(value, str) and _is_rich_field(model, key):
            data[key] = normalise_html(value)
    if kind == "course":
        goals = data.get("learning_goals", [])
        if not isinstance(goals, list) or not all(isinstance(g, str) for g in goals):
            raise DemoContentError(f"{where}: learning_goals must be a list of texts")
    if kind == "lesson":
        body = _tables(data, "body", where)
        data["body"] = [_block_fields(item, i, where) for i, item in enumerate(body)]
    if kind == "reflection_assignment":
        data["criteria"] = _tables(data, "criteria", where)
        for i, criterion in enumerate(data["criteria"]):
            _only_keys(criterion, CRITERION_KEYS, f"{where}: criteria[{i}]")
    return ContentFile(path=path, kind=kind, fields=data)


def _tables(data: dict, key: str, where: str) -> list[dict]:
    items = data.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DemoContentError(f"{where}: {key} must be a list of [[{key}]] tables")
    return items


def _only_keys(data: dict, allowed: list[str], where: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise DemoContentError(
            f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(allowed)})"
        )


def _is_rich_field(model: type[Page], name: str) -> bool:
    try:
        return isinstance(model._meta.get_field(name), RichTextField)
    except FieldDoesNotExist:  # body, criteria, page_type
        return False


def normalise_html(value: str) -> str:
    """Drop the line breaks (and indentation) between tags that make a file readable."""
    return re.sub(r">\s*\n\s*<", "><", value.strip())


def lesson_stream_block() -> blocks.StreamBlock:
    return LessonPage._meta.get_field("body").stream_block


def _block_fields(item: dict, index: int, where: str) -> dict:
    """Check a [[body]] table's type and keys against the real block; normalise rich text."""
    stream_block = lesson_stream_block()
    block_type = item.get("type")
    child = stream_block.child_blocks.get(block_type)
    where = f"{where}: body[{index}]"
    if child is None:
        raise DemoContentError(
            f"{where}: unknown block type {block_type!r} "
            f"(known: {', '.join(stream_block.child_blocks)})"
        )
    where = f"{where} ({block_type})"
    values = {key: value for key, value in item.items() if key != "type"}
    return {"type": block_type, **_check_value(child, values, where)}


def _check_value(block: blocks.Block, values: dict, where: str) -> dict:
    if isinstance(block, blocks.StructBlock):
        _only_keys(values, list(block.child_blocks), where)
        checked = {}
        for key, value in values.items():
            child = block.child_blocks[key]
            if isinstance(child, blocks.ListBlock):
                if not isinstance(value, list):
                    raise DemoContentError(f"{where}: {key} must be a list of [[…{key}]] tables")
                value = [
                    _check_value(child.child_block, item, f"{where}: {key}[{i}]")
                    if isinstance(item, dict)
                    else item
                    for i, item in enumerate(value)
                ]
            elif isinstance(child, blocks.RichTextBlock) and isinstance(value, str):
                value = normalise_html(value)
            checked[key] = value
        return checked
    _only_keys(values, ["text"], where)
    if isinstance(block, blocks.RichTextBlock) and isinstance(values.get("text"), str):
        return {"text": normalise_html(values["text"])}
    return values


# ---------------------------------------------------------------------------
# Building pages (validated by the real blocks and full_clean)
# ---------------------------------------------------------------------------


def page_build(content: ContentFile, *, images: dict) -> Page:
    """An unsaved page for ``content``, checked by the real blocks and ``full_clean()``.

    ``images`` maps an image reference in a file (a demo image key) to an image;
    other references are looked up by image title.
    """
    where = _where(content)
    fields = dict(content.fields)
    fields.pop("page_type", None)
    goals = fields.pop("learning_goals", None)
    body = fields.pop("body", None)
    criteria = fields.pop("criteria", None)
    page = PAGE_MODELS[content.kind](**fields)
    if goals is not None:
        page.learning_goals = [("goal", goal) for goal in goals]
    if body is not None:
        page.body = stream_value(body, images=images, where=where)
    for order, criterion in enumerate(criteria or []):
        page.rubric_criteria.add(RubricCriterion(sort_order=order, **criterion))
    try:
        # The tree fields are set by add_child; it checks the slug against the siblings.
        page.full_clean(exclude=["path", "depth"])
        if criteria is not None:
            for i, criterion in enumerate(page.rubric_criteria.all()):
                _criterion_clean(criterion, f"{where}: criteria[{i}]")
    except ValidationError as error:
        raise DemoContentError(_messages(error, where)) from error
    return page


def _where(content: ContentFile) -> str:
    parts = content.path.parts
    return str(Path(*parts[-3:])) if len(parts) >= 3 else str(content.path)


def _criterion_clean(criterion: RubricCriterion, where: str) -> None:
    try:
        criterion.full_clean(exclude=["page"])
    except ValidationError as error:
        raise DemoContentError(_messages(error, where)) from error


def stream_value(body: list[dict], *, images: dict, where: str):
    """The lesson body as a StreamValue, through ``to_python`` and ``clean`` of the block."""
    stream_block = lesson_stream_block()
    raw = []
    for index, item in enumerate(body):
        block_type = item["type"]
        values = {key: value for key, value in item.items() if key != "type"}
        child = stream_block.child_blocks[block_type]
        value = _raw_value(child, values, images, f"{where}: body[{index}] ({block_type})")
        raw.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    try:
        return stream_block.clean(stream_block.to_python(raw))
    except ValidationError as error:
        raise DemoContentError(_messages(error, where, path="body")) from error


def _raw_value(block: blocks.Block, values: dict, images: dict, where: str):
    if not isinstance(block, blocks.StructBlock):
        return values.get("text")
    raw = {}
    for key, value in values.items():
        child = block.child_blocks[key]
        if isinstance(child, ImageChooserBlock):
            value = _image_pk(value, images, f"{where}: {key}")
        elif isinstance(child, blocks.ListBlock):
            value = [
                {
                    "type": "item",
                    "value": _raw_value(child.child_block, item, images, f"{where}: {key}[{i}]")
                    if isinstance(item, dict)
                    else item,
                    "id": str(uuid.uuid4()),
                }
                for i, item in enumerate(value)
            ]
        raw[key] = value
    return raw


def _image_pk(reference, images: dict, where: str) -> int:
    image = images.get(reference)
    if image is None and isinstance(reference, str):
        image = get_image_model().objects.filter(title=reference).first()
    if image is None:
        raise DemoContentError(f"{where}: no image {reference!r} (use one of {', '.join(images)})")
    return image.pk


def _messages(error: ValidationError, where: str, path: str = "") -> str:
    """Flatten (nested) block and model errors into 'file: field.sub[2]: message' lines."""
    lines = []

    def walk(err, path):
        block_errors = getattr(err, "block_errors", None)
        non_block = getattr(err, "non_block_errors", None)
        if block_errors:
            for key, child in block_errors.items():
                walk(child, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}")
        if non_block:
            for message in non_block.as_data() if hasattr(non_block, "as_data") else non_block:
                lines.append(f"{path}: {' '.join(ValidationError(message).messages)}")
        if block_errors or non_block:
            return
        if hasattr(err, "error_dict"):
            for name, errors in err.error_dict.items():
                for child in errors:
                    walk(child, f"{path}.{name}" if path else name)
            return
        lines.append(f"{path}: {' '.join(err.messages)}" if path else " ".join(err.messages))

    walk(error, path)
    return "\n".join(f"{where}: {line.lstrip('.')}" for line in lines)


# ---------------------------------------------------------------------------
# Writing (demo_export)
# ---------------------------------------------------------------------------


def course_content(course: CoursePage) -> ContentFile:
    """The live tree of ``course`` as content files (paths relative to the course dir)."""
    modules = []
    for m, module in enumerate(ModulePage.objects.child_of(course).live().order_by("path"), 1):
        module_dir = Path(f"{m:02d}-{module.slug}")
        pages = []
        children = module.get_children().live().order_by("path").specific()
        n = 0
        for page in children:
            kind = next((k for k, model in PAGE_MODELS.items() if type(page) is model), None)
            if kind not in CHILD_PAGE_TYPES:
                continue
            n += 1
            pages.append(
                ContentFile(
                    path=module_dir / f"{n:02d}-{page.slug}.toml",
                    kind=kind,
                    fields=_page_fields(page, kind),
                )
            )
        modules.append(
            ContentFile(
                path=module_dir / MODULE_FILE,
                kind="module",
                fields=_page_fields(module, "module"),
                children=pages,
            )
        )
    return ContentFile(
        path=Path(COURSE_FILE),
        kind="course",
        fields=_page_fields(course, "course"),
        children=modules,
    )


def _page_fields(page: Page, kind: str) -> dict:
    fields = {}
    for key in PAGE_KEYS[kind]:
        if key == "page_type":
            value = kind
        elif key == "learning_goals":
            value = [block.value for block in page.learning_goals]
        elif key == "body":
            value = [_block_export(item) for item in page.body.raw_data]
        elif key == "criteria":
            value = [
                {name: getattr(c, name) for name in CRITERION_KEYS}
                for c in page.rubric_criteria.all()
            ]
        else:
            value = getattr(page, key)
        if isinstance(value, str) and _is_rich_field(type(page), key):
            value = normalise_html(value)
        fields[key] = value
    return fields


def _block_export(item) -> dict:
    child = lesson_stream_block().child_blocks[item["type"]]
    return {"type": item["type"], **_value_export(child, item["value"])}


def _value_export(block: blocks.Block, value) -> dict:
    if not isinstance(block, blocks.StructBlock):
        return {"text": normalise_html(value) if isinstance(value, str) else value}
    exported = {}
    for key, child in block.child_blocks.items():
        if key not in value:
            continue
        item = value[key]
        if isinstance(child, ImageChooserBlock):
            item = _image_reference(item)
        elif isinstance(child, blocks.ListBlock):
            item = [
                _value_export(child.child_block, entry["value"] if _is_list_item(entry) else entry)
                for entry in item
            ]
        elif isinstance(child, blocks.RichTextBlock) and isinstance(item, str):
            item = normalise_html(item)
        exported[key] = item
    return exported


def _is_list_item(entry) -> bool:
    return isinstance(entry, dict) and entry.get("type") == "item" and "value" in entry


def _image_reference(pk) -> str | None:
    from .images import TITLES

    image = get_image_model().objects.filter(pk=pk).first()
    if image is None:
        return None
    keys = {title: key for key, title in TITLES.items()}
    return keys.get(image.title, image.title)


def course_write(content: ContentFile, directory: Path) -> list[Path]:
    """Write a course tree into ``directory`` (emptied of earlier .toml files first)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for old in sorted(directory.rglob("*.toml"), reverse=True):
        old.unlink()
    for old in sorted(directory.iterdir(), reverse=True):
        if old.is_dir() and not any(old.rglob("*")):
            old.rmdir()
    written = []
    for item in [content, *_walk(content.children)]:
        target = directory / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(_rich_marked(item)), encoding="utf-8")
        written.append(target)
    return written


def _walk(items: list[ContentFile]):
    for item in items:
        yield item
        yield from _walk(item.children)


def _rich_marked(content: ContentFile) -> dict:
    """The fields with rich text wrapped in Rich, so they are written readably."""
    model = PAGE_MODELS[content.kind]
    fields = {}
    for key, value in content.fields.items():
        if isinstance(value, str) and _is_rich_field(model, key):
            value = Rich(value)
        elif key == "body":
            value = [_rich_block(item) for item in value]
        fields[key] = value
    return fields


def _rich_block(item: dict) -> dict:
    block = lesson_stream_block().child_blocks[item["type"]]
    values = {key: value for key, value in item.items() if key != "type"}
    return {"type": item["type"], **_rich_values(block, values)}


def _rich_values(block: blocks.Block, values: dict) -> dict:
    if not isinstance(block, blocks.StructBlock):
        if isinstance(block, blocks.RichTextBlock):
            return {key: Rich(value) for key, value in values.items()}
        return values
    marked = {}
    for key, value in values.items():
        child = block.child_blocks.get(key)
        if isinstance(child, blocks.RichTextBlock) and isinstance(value, str):
            value = Rich(value)
        elif isinstance(child, blocks.ListBlock) and isinstance(value, list):
            value = [
                _rich_values(child.child_block, v) if isinstance(v, dict) else v for v in value
            ]
        marked[key] = value
    return marked


def dumps(data: dict) -> str:
    """TOML for one page: scalars and lists of texts first, then arrays of tables."""
    return "\n".join(_table(data, prefix="")) + "\n"


def _table(data: dict, prefix: str) -> list[str]:
    lines = []
    tables = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            tables[key] = value
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, items in tables.items():
        name = f"{prefix}{key}"
        for item in items:
            lines += ["", f"[[{name}]]", *_table(item, prefix=f"{name}.")]
    return lines


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Rich) and value and "'''" not in value and "\n" not in value:
        return "'''\n" + _readable_html(value) + "\n'''"
    if isinstance(value, str):
        return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_toml_value(v)},\n" for v in value) + "]"
    raise TypeError(f"Cannot write {type(value).__name__} as TOML: {value!r}")


_BREAK_AFTER = re.compile(r"(</(?:p|ul|ol|li|h[1-6]|blockquote)>|<(?:ul|ol)(?:\s[^>]*)?>)(?=<)")


def _readable_html(html: str) -> str:
    """One paragraph, list and list item a line; ``normalise_html`` undoes it."""
    return _BREAK_AFTER.sub(lambda match: match.group(1) + "\n", html)
