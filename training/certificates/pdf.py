"""Render a certificate to PDF with WeasyPrint: A4 landscape, Dutch, tagged (PDF/UA-1).

Everything the renderer needs is on this machine: the fonts ship in
`fonts/` beside this file, images are passed in as data URIs, and the URL
fetcher refuses every protocol but `file:` and `data:`, so rendering never
reaches out to the network.
"""

from __future__ import annotations

import base64
import mimetypes
from pathlib import Path

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from training.courses.pillars import Pillar

from .models import Certificate

FONT_DIR = Path(__file__).resolve().parent / "fonts"
LOGO = settings.SITE_DIR / "static" / "img" / "logo.svg"
CERTIFICATE_LANGUAGE = "nl"  # certificates are Dutch, whatever the interface language


def data_uri(content: bytes, mime_type: str) -> str:
    return f"data:{mime_type};base64,{base64.b64encode(content).decode('ascii')}"


def qr_svg_data_uri(url: str) -> str:
    """The QR code for `url`, as an SVG data URI (error correction M, quiet zone of 4)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(
        scale=4, border=4, dark="#1b1f24", light="#ffffff"
    )


def _image_data_uri(image, spec: str) -> str | None:
    """A Wagtail image, resized by a rendition, as a data URI (None when unreadable)."""
    if image is None:
        return None
    try:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        return None
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/png"
    return data_uri(content, mime_type)


def _signature(certificate: Certificate) -> dict:
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
        "image": _image_data_uri(signature.image, "max-480x160|format-png") if signature else None,
    }


def certificate_context(certificate: Certificate, *, verification_url: str) -> dict:
    """What the PDF template shows; every value comes from the certificate's snapshot."""
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
        "qr_code": qr_svg_data_uri(verification_url),
        "academy_logo": data_uri(LOGO.read_bytes(), "image/svg+xml"),
        "association_logo": (
            _image_data_uri(association.logo, "max-400x160|format-png") if association else None
        ),
        "signature": _signature(certificate),
        "font_dir": FONT_DIR.as_uri(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def certificate_pdf_render(certificate: Certificate, *, verification_url: str) -> bytes:
    """The certificate as PDF bytes. Pure: reads the snapshot, writes nothing."""
    with translation.override(CERTIFICATE_LANGUAGE):
        html = render_to_string(
            "certificates/pdf/certificate.html",
            certificate_context(certificate, verification_url=verification_url),
        )
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        font_config=FontConfiguration(),
        pdf_variant="pdf/ua-1",
        pdf_identifier=certificate.code.encode("ascii"),
    )
