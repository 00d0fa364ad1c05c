import pytest
from django.test import Client, override_settings
from django.urls import path

pytestmark = pytest.mark.django_db


def test_404_is_in_dutch(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Deze pagina bestaat niet (meer)" in html
    assert '<html lang="nl">' in html


def _boom(request):
    raise RuntimeError("test")


urlpatterns = [path("boem/", _boom)]
handler500 = "home.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_500_is_in_dutch_and_friendly():
    client = Client(raise_request_exception=False)
    response = client.get("/boem/")
    assert response.status_code == 500
    assert "Er ging bij ons iets mis" in response.content.decode()
