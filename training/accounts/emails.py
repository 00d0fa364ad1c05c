"""Plain-text emails: rendered as text, not as HTML.

Django's template engine escapes HTML by default, which is right for pages
and wrong for a text/plain email: "Anne & Piet" would arrive as
"Anne &amp; Piet". Every `_send` helper renders its templates through
`email_render`, so no template has to remember `{% autoescape off %}`.
"""

from django.template import Context
from django.template.loader import get_template


def text_render(template_name: str, context: dict) -> str:
    """Render a Django template with autoescaping off (for text/plain only, never for HTML)."""
    template = get_template(template_name).template
    return template.render(Context(context, autoescape=False))


def email_render(template_prefix: str, context: dict) -> tuple[str, str]:
    """The subject (on one line) and the body of `<prefix>_subject.txt` and `<prefix>.txt`."""
    subject = " ".join(text_render(f"{template_prefix}_subject.txt", context).split())
    body = text_render(f"{template_prefix}.txt", context)
    return subject, body
