import pytest
from django.core.cache import cache

from tests.factories import UserFactory
from training.accounts.services import user_email_mark_verified


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps its rate-limit counters in the cache: start every test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def verified_user(db):
    """A learner whose email address is verified, so they can log in."""
    user = UserFactory(email="sanne@example.org", display_name="Sanne de Boer")
    user_email_mark_verified(user)
    return user
