"""The site's URLs plus `/__bench__/constant/`; routed only by `config.settings.bench`."""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns

CONSTANT_SIZE = 10 * 1024
_HEAD = '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>bench</title></head><body><p>'
_TAIL = "</p></body></html>"
_FILLER = "Luisteren, samenvatten, doorvragen. " * 300
CONSTANT_BODY = _HEAD + _FILLER[: CONSTANT_SIZE - len(_HEAD) - len(_TAIL)] + _TAIL


def constant(request):
    """A fixed 10 KB page: the floor every real page is measured against."""
    return HttpResponse(CONSTANT_BODY)


urlpatterns = [path("__bench__/constant/", constant), *site_urlpatterns]
