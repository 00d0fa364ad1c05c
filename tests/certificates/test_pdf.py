"""The stored PDF: what it says, how it is built, and that its QR code opens the verification page."""

import io
import shutil
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.certificates.helpers import complete_course
from tests.factories import AssociationFactory, CohortFactory, EnrolmentFactory
from training.certificates import services
from training.certificates.selectors import verification_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(course):
    association = AssociationFactory(name="Vereniging Samen Verder")
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course, association=association))
    complete_course(enrolment)
    return services.certificate_issue(enrolment=enrolment)


def pdf_reader(certificate):
    return PdfReader(io.BytesIO(certificate.pdf.read()))


def test_the_pdf_names_holder_course_and_code(certificate):
    reader = pdf_reader(certificate)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert certificate.holder_name in text
    assert certificate.course_title in text
    assert certificate.display_code in text
    assert "Vereniging Samen Verder" in text


def test_the_pdf_is_a4_landscape_tagged_with_metadata_and_bundled_fonts(certificate):
    reader = pdf_reader(certificate)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4, in points
    assert certificate.holder_name in reader.metadata.title
    assert reader.metadata.author == "Lotgenoot Academie"
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "nl"
    fonts = {
        str(font["/BaseFont"])
        for font in (f.get_object() for f in reader.pages[0]["/Resources"]["/Font"].values())
    }
    assert any("Lato" in name for name in fonts)
    assert any("EB-Garamond" in name for name in fonts)


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="needs poppler-utils: scripts/install-pdf-tools.sh (make test runs it)",
)
def test_the_qr_code_on_the_pdf_opens_the_verification_page(certificate, tmp_path):
    import zxingcpp

    source = tmp_path / "certificate.pdf"
    source.write_bytes(certificate.pdf.read())
    subprocess.run(  # noqa: S603 - fixed arguments, poppler's pdftoppm
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(source), str(tmp_path / "page")],  # noqa: S607
        check=True,
    )
    barcodes = zxingcpp.read_barcodes(Image.open(tmp_path / "page.png"))
    assert [b.text for b in barcodes if b.format == zxingcpp.BarcodeFormat.QRCode] == [
        verification_url(certificate)
    ]
    assert verification_url(certificate).endswith(f"/controleer/{certificate.display_code}/")


@pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="needs poppler-utils: scripts/install-pdf-tools.sh (make test runs it)",
)
def test_the_commissioning_line_wraps_as_one_phrase(course, tmp_path):
    association = AssociationFactory(name="Vereniging Samen Sterk (demo)")
    enrolment = EnrolmentFactory(cohort=CohortFactory(course=course, association=association))
    complete_course(enrolment)
    certificate = services.certificate_issue(enrolment=enrolment)
    source = tmp_path / "certificate.pdf"
    source.write_bytes(certificate.pdf.read())
    text = subprocess.run(  # noqa: S603 - fixed arguments, poppler's pdftotext
        ["pdftotext", str(source), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert "In" not in lines  # "In" no longer alone above the rest
    assert "In opdracht van Vereniging Samen Sterk (demo)" in lines
    assert "/controleer" in text


def test_the_certificate_stays_a_page_of_few_boxes(certificate):
    """A budget, like a query count: each box costs WeasyPrint style, layout and
    drawing time, and the render is held to 4x a minimal page (scripts/bench.py).
    The page had 104 boxes before the frame, the band and the bottom row were
    folded into fewer, positioned boxes; it has 91 (with an association logo)."""
    from training.certificates.pdf import certificate_document

    # A fixed name: a random one of another length wraps into more or fewer line boxes.
    certificate.holder_name = "Noor Jansen-de Vries"
    document = certificate_document(certificate, verification_url=verification_url(certificate))
    assert len(document.pages) == 1
    boxes = list(document.pages[0]._page_box.descendants(placeholders=True))
    assert len(boxes) <= 92
    assert not [box for box in boxes if box.style["float"] != "none"]
