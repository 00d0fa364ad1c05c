"""The certificate listing reads a page of the newest without sorting them all (issue 24).

A platform administrator's listing holds every certificate of 300 academies; its page
of 50 must come from the listing's index (`certificates_listing_order`), in order, not
from a sort of every row. The database's own query plan says which (on PostgreSQL with
sorts discouraged, so the plan sorts only if no index gives the order: on a table this
small the planner would sort anyway).
"""

import pytest
from django.db import connection, transaction

from tests.factories import CertificateFactory, UserFactory
from training.certificates.models import Certificate
from training.certificates.permissions import certificates_managed_by

pytestmark = pytest.mark.django_db


def sorts_in_plan(queryset) -> list[str]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_sort = off")
            plan = queryset.explain()
            return [line for line in plan.splitlines() if line.strip().startswith("Sort")]
        plan = queryset.explain()
        return [line for line in plan.splitlines() if "TEMP B-TREE FOR ORDER BY" in line]


def test_a_platform_administrators_newest_certificates_come_in_index_order():
    certificates = CertificateFactory.create_batch(3)
    superuser = UserFactory(is_superuser=True, is_staff=True)

    page = certificates_managed_by(superuser).order_by(*Certificate._meta.ordering)[:50]

    assert list(page) == sorted(certificates, key=lambda c: (c.issued_at, c.pk), reverse=True)
    assert sorts_in_plan(page) == []
