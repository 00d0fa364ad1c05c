import pytest


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def catalog(home_page):
    from tests.factories import CatalogPageFactory

    return CatalogPageFactory(parent=home_page)
