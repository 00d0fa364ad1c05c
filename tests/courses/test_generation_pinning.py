"""A request reads the content generation at most once, and only when it needs it.

The constant view of `make bench` (the floor every page is measured against)
needs no content: it must touch neither the cache nor, through production's
database cache, the database (issue 25: the floor read the generation on every
request, a query on both databases).
"""

from unittest import mock

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from training.courses import content_cache
from training.courses.routing import ContentRequestMiddleware


def _serve(view):
    return ContentRequestMiddleware(view)(RequestFactory().get("/"))


def test_a_request_that_needs_no_content_reads_nothing_from_the_cache():
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        assert _serve(lambda request: HttpResponse("constant")).status_code == 200

    assert get.call_count == 0


def test_a_request_reads_the_generation_once_however_many_keys_it_builds():
    def view(request):
        keys = {content_cache.content_key("outline", n) for n in range(5)}
        return HttpResponse(str(len({key.split(":")[1] for key in keys})))

    cache.set(content_cache.GENERATION_KEY, 7)
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        assert _serve(view).content == b"1"

    assert [call.args[0] for call in get.call_args_list].count(content_cache.GENERATION_KEY) == 1


@pytest.mark.django_db
def test_a_change_made_by_the_request_is_read_back_by_it():
    def view(request):
        before = content_cache.content_generation()
        content_cache.content_changed()
        return HttpResponse(str(content_cache.content_generation() != before))

    assert _serve(view).content == b"True"
