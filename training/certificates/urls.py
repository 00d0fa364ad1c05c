from django.urls import path

from training import converters  # noqa: F401  (registers <id:...>)

from . import views

app_name = "certificates"

urlpatterns = [
    # The Dutch address is the one the site prints (PDF, emails, API, pages).
    path("controleer/", views.verify, name="verify"),
    path("controleer/<str:code>/", views.verify_detail, name="verify_detail"),
    # The first address, on certificates printed before: it keeps working.
    path("verify/", views.verify, name="verify_printed_before"),
    path("verify/<str:code>/", views.verify_detail, name="verify_detail_printed_before"),
    path("mijn/certificaten/", views.mine, name="mine"),
    path("mijn/certificaten/<id:pk>/pdf/", views.download, name="download"),
]
