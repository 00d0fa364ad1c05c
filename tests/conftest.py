import pytest


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def catalog(home_page):
    from tests.factories import CatalogPageFactory

    return CatalogPageFactory(parent=home_page)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached course content (keyed by page
    ids, which a rolled-back database hands out again) never leaks between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hook_only(monkeypatch):
    """`hook_only(HOOK, fn, …)`: for this test, `fn, …` are the hook's only contributions
    (in that order), in place of what the apps contributed (training.hooks)."""
    from wagtail import hooks

    hooks.search_for_hooks()

    def replace(hook, *fns):
        monkeypatch.setitem(hooks._hooks, hook.name, [(fn, 0) for fn in fns])

    return replace
