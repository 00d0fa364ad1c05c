"""URL converters shared by every urls.py that takes a database id.

`<id:pk>` matches like `<int:pk>` but only numbers a database id column can
hold: a longer number is "no such page" (404), not an overflow (500 on SQLite).
Importing this module registers the converter (once: modules load once).
"""

from django.urls import register_converter

MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A positive database id from text (a URL part or a posted field), or None."""
    text = str(value or "")
    if not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse_id(value)
        if number is None:
            raise ValueError(value)  # the URL does not match: 404
        return number

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(IdConverter, "id")
