from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from training.api import api
from training.courses import routing
from training.files import views as file_views

urlpatterns = [
    # One sign-in page for the whole site: Wagtail's own login form is not used.
    path(
        "beheer/login/",
        RedirectView.as_view(pattern_name="accounts:login_redirect", query_string=True),
    ),
    path("beheer/", include(wagtailadmin_urls)),
    # Documents through Wagtail's serve view only (WAGTAILDOCS_SERVE_METHOD), which asks the
    # file rule (training/files); the wrapper adds the cache header. Images: /bestanden/.
    path(
        "documenten/<int:document_id>/<str:document_filename>",
        file_views.serve_document,
        name="wagtaildocs_serve",
    ),
    path("documenten/", include(wagtaildocs_urls)),
    path("bestanden/", include("training.files.urls")),
    path("zoeken/", home_views.search, name="search"),
    # Certificates: verification (/controleer/; /verify/ as printed before), "Mijn certificaten".
    path("", include("training.certificates.urls")),
    # Open Badges: /.well-known/did.json, /credentials/status/<n>, credential files.
    path("", include("training.credentials.urls")),
    path("vereniging/", include("training.associations.urls")),
    # An association's signed recommendation of a certificate (public, like the certificate's).
    path("aanbevelingen/", include("training.associations.public_urls")),
    path("api/v1/", api.urls),
    path("academie/", include("training.academies.urls")),
    path("mijn/reflecties/", include("training.assessments.urls")),
    path("mijn/oefenen/", include("training.practice.urls")),
    path("kennisvraag/", include("training.assessments.visitor_checks")),
    path("mijn/gegevens/", include("training.privacy.urls")),
    path("mijn/praktijk/", include("training.continuing.urls")),
    # 'Mijn groepen' (mijn/groepen/) and the participants' page (groep/<token>/).
    path("", include("training.groups.urls")),
    path("mijn/", include("training.learning.urls")),
    path("mijn/", include("training.assessments.knowledge_check_urls")),
    path("agenda/", include("training.assessments.calendar_urls")),
    path("account/", include("training.accounts.urls")),
    path("account/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # No MEDIA_URL here: images and documents are served by views that check who asks.
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += [
    # Wagtail's page view with a cached route (training/courses/routing.py), then
    # Wagtail's own URLs (its serve pattern is the same, so this one answers first).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

handler500 = "home.views.server_error"
