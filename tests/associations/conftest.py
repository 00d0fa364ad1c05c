import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff(db):
    from tests.factories import UserFactory

    return UserFactory(email="vereniging@example.org")


@pytest.fixture
def association(staff):
    from tests.factories import AssociationFactory

    return AssociationFactory(staff=[staff])
