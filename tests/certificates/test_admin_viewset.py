"""The certificate index, inspect and history screens built by Wagtail's ModelViewSet."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import CertificateFactory, CohortFactory, EnrolmentFactory, login_with_mfa
from training.certificates.actions import CertificateRevokeAction

pytestmark = pytest.mark.django_db

INDEX = "certificates_admin:index"


@pytest.fixture
def cohort():
    return CohortFactory(name="Voorjaarsgroep")


@pytest.fixture
def trainer(cohort):
    return cohort.trainers.get()


def certificate_in(cohort, **kwargs):
    return CertificateFactory(enrolment=EnrolmentFactory(cohort=cohort), **kwargs)


def test_filters_by_cohort_course_and_issue_date(client, cohort, trainer):
    other_cohort = CohortFactory(course=cohort.course, trainers=[trainer], name="Najaarsgroep")
    early = certificate_in(cohort, holder_name="Anna Vroeg", issued_on=datetime.date(2025, 1, 5))
    late = certificate_in(other_cohort, holder_name="Bert Laat")
    login_with_mfa(client, trainer)

    page = client.get(reverse(INDEX), {"cohort": other_cohort.pk}).content.decode()
    assert "Bert Laat" in page and "Anna Vroeg" not in page
    page = client.get(
        reverse(INDEX), {"issued_on_from": "2025-01-01", "issued_on_to": "2025-12-31"}
    ).content.decode()
    assert "Anna Vroeg" in page and "Bert Laat" not in page
    page = client.get(reverse(INDEX), {"course": early.course.pk}).content.decode()
    assert "Anna Vroeg" in page and "Bert Laat" in page
    assert late.holder_name in page


def test_a_foreign_cohort_is_not_offered_as_a_filter(client, cohort, trainer):
    foreign = CohortFactory(name="Groep van een ander")
    certificate_in(foreign, holder_name="Vreemde Houder")
    login_with_mfa(client, trainer)
    response = client.get(reverse(INDEX), {"cohort": foreign.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Groep van een ander" not in page and "Vreemde Houder" not in page


def test_search_finds_a_code_typed_with_dashes(client, cohort, trainer):
    certificate = certificate_in(cohort, holder_name="Carla Code")
    certificate_in(cohort, holder_name="Dirk Ander")
    login_with_mfa(client, trainer)
    page = client.get(reverse(INDEX), {"q": certificate.display_code.lower()}).content.decode()
    assert "Carla Code" in page and "Dirk Ander" not in page


def test_the_csv_export_neutralises_formulas_and_keeps_to_the_trainers_certificates(
    client, cohort, trainer
):
    certificate_in(cohort, holder_name="=cmd|' /C calc'!A0")
    CertificateFactory(holder_name="Niet Van Mij")
    login_with_mfa(client, trainer)
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "Houder"
    assert [row[0] for row in rows[1:]] == ["'=cmd|' /C calc'!A0"]
    assert "Niet Van Mij" not in content


def test_the_xlsx_export_neutralises_formulas(client, cohort, trainer):
    certificate_in(cohort, holder_name="=cmd")
    login_with_mfa(client, trainer)
    response = client.get(reverse(INDEX), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.cell(row=2, column=1).value == "'=cmd"


def test_the_index_costs_the_same_for_ten_or_fifty_certificates(
    client, cohort, trainer, django_assert_max_num_queries
):
    for index in range(10):
        certificate_in(cohort, holder_name=f"Houder {index}")
    login_with_mfa(client, trainer)
    client.get(reverse(INDEX))  # warm the session and the menu
    with django_assert_max_num_queries(25) as few:
        client.get(reverse(INDEX))
    for index in range(40):
        certificate_in(cohort, holder_name=f"Extra {index}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(INDEX)).status_code == 200


def test_inspect_shows_the_certificate_and_history_shows_the_revocation(client, cohort, trainer):
    certificate = certificate_in(cohort, holder_name="Eva Inspect")
    CertificateRevokeAction(certificate, user=trainer, reason="Dubbel uitgegeven").execute()
    login_with_mfa(client, trainer)

    inspect = client.get(reverse("certificates_admin:inspect", args=[certificate.pk]))
    page = inspect.content.decode()
    assert inspect.status_code == 200 and "no-store" in inspect["Cache-Control"]
    assert "Eva Inspect" in page and certificate.display_code in page
    assert "Dubbel uitgegeven" in page
    assert reverse("certificates_admin:unrevoke", args=[certificate.pk]) in page

    history = client.get(reverse("certificates_admin:history", args=[certificate.pk]))
    page = history.content.decode()
    assert history.status_code == 200
    assert "Certificaat ingetrokken. Reden: Dubbel uitgegeven" in page
    assert "Bewerken" not in page


def test_the_revoke_screen_asks_for_a_reason(client, cohort, trainer):
    certificate = certificate_in(cohort)
    login_with_mfa(client, trainer)
    url = reverse("certificates_admin:revoke", args=[certificate.pk])
    response = client.get(url)
    assert response.status_code == 200 and 'name="reason"' in response.content.decode()
    response = client.post(url, {"reason": "   "})
    assert response.status_code == 400
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_there_is_no_add_edit_or_delete_screen():
    from django.urls import NoReverseMatch

    for name in ("add", "edit", "delete"):
        with pytest.raises(NoReverseMatch):
            reverse(f"certificates_admin:{name}", args=[] if name == "add" else [1])


def test_the_index_lists_newest_first(client, cohort, trainer):
    today = timezone.localdate()
    certificate_in(cohort, holder_name="Oud Certificaat", issued_on=today.replace(year=2024))
    certificate_in(cohort, holder_name="Nieuw Certificaat")
    login_with_mfa(client, trainer)
    page = client.get(reverse(INDEX)).content.decode()
    assert page.index("Nieuw Certificaat") < page.index("Oud Certificaat")
