"""What two app servers and two workers must share: sessions, drafts, rate limits, files."""

import hashlib

import pytest
from django.urls import reverse

from tests.cluster.conftest import learner, signed_in, wait_until
from tests.cluster.helpers import certified_course, complete, reflection_draft

pytestmark = [pytest.mark.cluster, pytest.mark.usefixtures("live_db")]


def test_signed_in_on_one_app_server_and_carrying_on_on_the_other(cluster, visitor):
    user, password = learner()
    response = visitor.on(cluster["app1"]).sign_in(user.email, password)
    assert response.status_code == 302, response.text[:500]

    dashboard = visitor.on(cluster["app2"]).go("GET", reverse("learning:dashboard"))
    assert signed_in(dashboard)
    assert "no-store" in dashboard.headers["Cache-Control"]


def test_an_autosave_on_one_app_server_is_what_the_other_shows(cluster, visitor):
    user, password, submission = reflection_draft()
    assert visitor.on(cluster["app1"]).sign_in(user.email, password).status_code == 302
    text = "Ik merkte dat luisteren meer deed dan advies geven, bij mij en bij de ander."
    saved = visitor.go(
        "POST",
        reverse("reflections:autosave", args=[submission.public_id]),
        data={"text": text, "base_revision": "0", "client_id": "tab-one"},
    )
    assert saved.status_code == 200, saved.text[:500]
    assert saved.json()["revision"] == 1

    visitor.on(cluster["app2"])
    page = visitor.go("GET", submission.assignment.url)
    assert page.status_code == 200
    assert text in page.text
    assert "no-store" in page.headers["Cache-Control"]


def test_failed_sign_ins_count_across_app_servers(cluster, visitor):
    """Five failed sign-ins per account from one client in five minutes: counted in the
    shared cache, the sixth attempt from that client is refused (429) on either server,
    even with the right password."""
    user, password = learner()
    servers = [cluster["app1"], cluster["app2"]]
    for attempt in range(5):
        response = visitor.on(servers[attempt % 2]).sign_in(user.email, "not-the-password")
        assert response.status_code == 200 and not signed_in(response)

    refused = visitor.on(cluster["app2"]).sign_in(user.email, password)
    assert refused.status_code == 429, refused.headers.get("Location")
    assert not signed_in(refused)


def test_a_certificate_made_by_a_worker_is_downloaded_through_the_other_app_server(
    cluster, visitor
):
    from training.certificates.models import Certificate

    [(user, password, enrolment)] = certified_course(learners=1)
    complete(enrolment)
    certificate = wait_until(
        lambda: Certificate.objects.filter(learner=user).exclude(pdf_sha256="").first(),
        seconds=90,
        what="a worker to issue the certificate",
    )

    # The PDF is in the bucket, private, where every app server can read it.
    storage = certificate.pdf.storage
    s3, bucket = storage.connection.meta.client, storage.bucket_name
    key = f"{storage.location}/{certificate.pdf.name}"
    stored = s3.get_object(Bucket=bucket, Key=key)["Body"].read()
    assert hashlib.sha256(stored).hexdigest() == certificate.pdf_sha256
    assert all(
        "URI" not in g["Grantee"] for g in s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]
    )

    assert visitor.on(cluster["app1"]).sign_in(user.email, password).status_code == 302
    download = visitor.on(cluster["app2"]).go(
        "GET", reverse("certificates:download", args=[certificate.pk])
    )
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.content == stored
    assert "no-store" in download.headers["Cache-Control"]


def test_nginx_holds_more_open_connections_than_its_default_of_1024(cluster):
    """The L load test keeps 1,000 learners' connections open through nginx: each is
    served again after all are open (nginx's default of 1,024 reset them)."""
    import http.client
    import os
    import resource
    import ssl
    from urllib.parse import urlsplit

    connections = 1100
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 4096)), hard))
    context = ssl.create_default_context(cafile=os.environ["CLUSTER_CA"])
    site = urlsplit(cluster["site"])
    path = "/static/certificates/admin.css"  # a small file: the connections are the test
    opened = []
    try:
        for _ in range(connections):
            connection = http.client.HTTPSConnection(
                site.hostname, site.port, context=context, timeout=60
            )
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert response.status == 200
            opened.append(connection)
        statuses = []
        for connection in opened:  # the same connections, each still open
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        assert statuses == [200] * connections
    finally:
        for connection in opened:
            connection.close()
