"""PDFs of this app, rendered with WeasyPrint as the certificates are (training/certificates/
pdf.py: its fonts, its QR code PNG and its fetcher, which reaches no network):

- the A6 card for a feedback moment (QR code and short link, for groups on site);
- the association's quarter summary (figures from `selectors.answer_summary` only).
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML

from training.certificates.pdf import FONT_DIR, PDF_OPTIONS, Images, _Fetcher, qr_png

from .models import FeedbackMoment
from .selectors import QuarterReport

PDF_LANGUAGE = "nl"  # printed for Dutch groups and annual reports, whatever the interface


def _render(template: str, context: dict, images: Images) -> bytes:
    with translation.override(PDF_LANGUAGE):
        html = render_to_string(template, context)
        css = render_to_string("groups/pdf/pdf.css", context)
    fetcher = _Fetcher(images)
    base_url = FONT_DIR.as_uri() + "/"
    stylesheet = CSS(string=css, base_url=base_url, url_fetcher=fetcher)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        stylesheets=[stylesheet], **PDF_OPTIONS
    )
    return document.write_pdf(**PDF_OPTIONS)


def moment_card_pdf(*, moment: FeedbackMoment, url: str) -> bytes:
    """An A6 card: the QR code, the link written out, and one line on anonymity."""
    images = Images()
    context = {
        "moment": moment,
        "url": url,
        "host": url.split("://", 1)[-1],
        "qr": images.add("qr", qr_png(url)),
        "page_size": "A6",
    }
    return _render("groups/pdf/card.html", context, images)


def quarter_report_pdf(*, report: QuarterReport) -> bytes:
    """The association's printable quarter summary: counts and distributions only."""
    return _render("groups/pdf/quarter.html", {"report": report, "page_size": "A4"}, Images())
