"""The certificate PDF as a download: one response for the learner's and the trainer's views.

Call it only with a certificate from `certificates_readable_by` (permissions.py).
"""

from django.utils.text import slugify

from .models import Certificate
from .storage import protected_file_response


def certificate_pdf_filename(certificate: Certificate) -> str:
    """A friendly Dutch name, e.g. `certificaat-basistraining-2026-03-01.pdf` (no code)."""
    course = slugify(certificate.course_title) or "cursus"
    return f"certificaat-{course}-{certificate.issued_on:%Y-%m-%d}.pdf"


def certificate_pdf_response(certificate: Certificate):
    return protected_file_response(
        certificate.pdf,
        filename=certificate_pdf_filename(certificate),
        content_type="application/pdf",
    )
