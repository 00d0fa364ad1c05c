"""Render a certificate to PDF with WeasyPrint: A4 landscape, Dutch, tagged (PDF/UA-1).

Everything the renderer needs is on this machine: the fonts ship in
`fonts/` beside this file, and the URL fetcher refuses every protocol but
`file:` and its own `certificate-image:` (the images of this one render,
held in memory), so rendering never reaches out to the network.

Cheap to repeat (see scripts/bench.py, "certificate PDF"):
- the stylesheet (`certificate.css`) is parsed, and its four fonts loaded
  into a FontConfiguration, once per process and thread; loading the fonts
  was most of a render's time;
- images are not inlined as data URIs: WeasyPrint's HTML parser reads an
  attribute character by character, which made a logo of 35 KB cost more
  than the whole page's layout. The page names them `certificate-image:<name>`
  and the fetcher hands over the bytes;
- the QR code is a small PNG with a fixed mask, drawn without smoothing:
  segno does not score all eight masks, and WeasyPrint does not parse and
  draw an SVG path of hundreds of squares;
- after those, the time went to the boxes themselves, spread thin: computing
  each element's style lazily (a sixth of a render), Pango line breaking,
  drawing and serialising every glyph, matching every element against the
  user agent stylesheet. Font subsetting (four files) and the PDF/UA tags
  were a few per cent each. So the page has few boxes: the frame is the
  body, the pillar band one box of two borders, nothing floats, the bottom
  row is positioned, and there are no background images (a stretched image
  cost more than the four boxes it replaced); tests/certificates/test_pdf.py
  holds it to a budget. And it has a user agent stylesheet of its own
  (templates/certificates/pdf/user-agent.css).
"""

from __future__ import annotations

import mimetypes
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from training.courses.pillars import Pillar

from .models import Certificate

FONT_DIR = Path(__file__).resolve().parent / "fonts"
LOGO = settings.SITE_DIR / "static" / "img" / "logo.svg"
CERTIFICATE_LANGUAGE = "nl"  # certificates are Dutch, whatever the interface language
IMAGE_SCHEME = "certificate-image:"
# Any of the eight masks gives a valid code; choosing one skips scoring them all.
QR_MASK = 4


@dataclass(frozen=True)
class Image:
    content: bytes
    mime_type: str


@dataclass
class Images:
    """The images of one render, by name; the page refers to `certificate-image:<name>`."""

    by_name: dict[str, Image] = field(default_factory=dict)

    def add(self, name: str, image: Image | None) -> str | None:
        if image is None:
            return None
        self.by_name[name] = image
        return IMAGE_SCHEME + name


class _Fetcher(URLFetcher):
    """`file:` (the fonts) and this render's images; nothing else."""

    def __init__(self, images: Images | None = None):
        super().__init__(allowed_protocols={"file"}, fail_on_errors=True)
        self.images = images or Images()

    def fetch(self, url, headers=None):
        if url.startswith(IMAGE_SCHEME):
            image = self.images.by_name[url.removeprefix(IMAGE_SCHEME)]
            return URLFetcherResponse(
                url, body=image.content, headers={"Content-Type": image.mime_type}
            )
        return super().fetch(url, headers)


@lru_cache(maxsize=64)
def qr_png(url: str) -> Image:
    """The QR code for `url` as a PNG (error correction M, quiet zone of 4).

    Four pixels per module, drawn without smoothing (the stylesheet's
    `image-rendering: pixelated`): it prints as sharp as a vector.
    """
    out = BytesIO()
    segno.make(url, error="m", micro=False, mask=QR_MASK).save(
        out, kind="png", scale=4, border=4, dark="#1b1f24", light="#ffffff"
    )
    return Image(out.getvalue(), "image/png")


@lru_cache(maxsize=1)
def _academy_logo() -> Image:
    return Image(LOGO.read_bytes(), "image/svg+xml")


def _issuer_academy(certificate: Certificate):
    cohort = certificate.cohort
    return cohort.academy if certificate.issuer_name and cohort and cohort.academy_id else None


def _issuer_logo(certificate: Certificate) -> Image:
    """The issuing academy's logo, or the platform's (also when the academy has none)."""
    academy = _issuer_academy(certificate)
    logo = _wagtail_image(academy.logo, "max-400x160|format-png") if academy else None
    return logo or _academy_logo()


def _issuer_accent(certificate: Certificate) -> str:
    academy = _issuer_academy(certificate)
    return academy.accent_colour if academy else ""


def _wagtail_image(image, spec: str) -> Image | None:
    """A Wagtail image, resized by a rendition (None when unreadable)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return None
    return Image(content, mimetypes.guess_type(rendition.file.name)[0] or "image/png")


_renderer = threading.local()


def _stylesheet() -> tuple[CSS, FontConfiguration]:
    """The parsed stylesheet and the fonts it loaded, once per process and thread.

    Not shared between threads: WeasyPrint does not promise that a
    FontConfiguration is thread-safe.
    """
    if not hasattr(_renderer, "stylesheet"):
        fonts = FontConfiguration()
        stylesheet = CSS(
            string=render_to_string("certificates/pdf/certificate.css"),
            base_url=FONT_DIR.as_uri() + "/",
            url_fetcher=_Fetcher(),
            font_config=fonts,
        )
        _renderer.stylesheet = (stylesheet, fonts)
    return _renderer.stylesheet


def _user_agent_stylesheet() -> CSS:
    if not hasattr(_renderer, "user_agent_stylesheet"):
        _renderer.user_agent_stylesheet = CSS(
            string=render_to_string("certificates/pdf/user-agent.css"), url_fetcher=_Fetcher()
        )
    return _renderer.user_agent_stylesheet


class _CertificateHTML(HTML):
    """The certificate page, styled over a user agent stylesheet of its own.

    `_ua_stylesheets` is the hook WeasyPrint's HTML class uses for its
    html5_ua.css; tests/certificates/test_pdf.py checks what the page shows,
    its tags and its box count, so a WeasyPrint that changed the hook fails there.
    """

    def _ua_stylesheets(self, forms=False):
        return [_user_agent_stylesheet()]


def _signature(certificate: Certificate, images: Images) -> dict:
    from .models import TrainerSignature

    signature = (
        TrainerSignature.objects.filter(trainer_id=certificate.trainer_id)
        .select_related("image")
        .first()
        if certificate.trainer_id
        else None
    )
    return {
        "name": signature.name if signature else certificate.trainer_name,
        "role": signature.role if signature else "",
        "image": (
            images.add("signature", _wagtail_image(signature.image, "max-480x160|format-png"))
            if signature
            else None
        ),
    }


def certificate_context(
    certificate: Certificate, *, verification_url: str, images: Images | None = None
) -> dict:
    """What the PDF template shows; every value comes from the certificate's snapshot.

    The images go into `images` (the template only names them).
    """
    images = images if images is not None else Images()
    pillars = []
    for row in certificate.pillars:
        pillar = Pillar(row["pillar"])
        pillars.append({"pillar": pillar, "label": pillar.label, "hours": row["hours"]})
    association = certificate.association
    return {
        "certificate": certificate,
        "pillars": pillars,
        "issued_on": date_format(certificate.issued_on, "j F Y"),
        "valid_until": (
            date_format(certificate.valid_until, "j F Y") if certificate.valid_until else None
        ),
        "verification_url": verification_url,
        "verification_host": verification_url.split("://", 1)[-1].split("/", 1)[0],
        "qr_code": images.add("qr", qr_png(verification_url)),
        "academy_logo": images.add("academy-logo", _issuer_logo(certificate)),
        "issuer_name": certificate.issuer_name or settings.WAGTAIL_SITE_NAME,
        "accent_colour": _issuer_accent(certificate),
        "association_logo": (
            images.add(
                "association-logo", _wagtail_image(association.logo, "max-400x160|format-png")
            )
            if association
            else None
        ),
        "signature": _signature(certificate, images),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}  # tagged, with the title shown and the language set


def certificate_document(certificate: Certificate, *, verification_url: str) -> Document:
    """The certificate laid out on its page (a WeasyPrint Document, not yet a PDF)."""
    images = Images()
    with translation.override(CERTIFICATE_LANGUAGE):
        html = render_to_string(
            "certificates/pdf/certificate.html",
            certificate_context(certificate, verification_url=verification_url, images=images),
        )
    stylesheet, fonts = _stylesheet()
    document = _CertificateHTML(
        string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=_Fetcher(images)
    )
    return document.render(stylesheets=[stylesheet], font_config=fonts, **PDF_OPTIONS)


def certificate_pdf_render(certificate: Certificate, *, verification_url: str) -> bytes:
    """The certificate as PDF bytes. Pure: reads the snapshot, writes nothing."""
    document = certificate_document(certificate, verification_url=verification_url)
    return document.write_pdf(pdf_identifier=certificate.code.encode("ascii"), **PDF_OPTIONS)
