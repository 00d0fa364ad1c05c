"""Issue 21 on screen: a holder adds their certificate to a wallet app from "Mijn
certificaten" (QR code and link), and association staff recommend a facilitator's
certificate and withdraw the recommendation. At 1280 and 390 px: no axe violations,
nothing off-screen (check_screen)."""

import re
import urllib.parse

import pytest
import zxingcpp
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, log_in, nl, wait_for_messages
from tests.factories import (
    AssociationFactory,
    CertificateFactory,
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
)
from training.accounts.services import user_email_mark_verified
from training.associations.models import Endorsement
from training.credentials.services import credential_issue

pytestmark = pytest.mark.browser


@pytest.fixture
def keys(settings, tmp_path, live_server):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "keys")
    settings.WAGTAILADMIN_BASE_URL = live_server.url


def _verified(email, name):
    user = UserFactory(email=email, display_name=name)
    user_email_mark_verified(user)
    return user


def test_the_holder_gets_a_qr_code_and_a_link_for_their_wallet_app(
    new_page, live_server, check_screen, keys, tmp_path
):
    learner = _verified("noor@example.org", "Noor de Vries")
    certificate = CertificateFactory(enrolment__learner=learner)
    credential_issue(certificate=certificate)
    page = log_in(new_page, live_server, learner, "/mijn/certificaten/", viewport=PHONE)

    page.get_by_role("link", name=nl("Add to wallet app")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Add to your wallet app"))
    check_screen(page, "wallet-start")
    page.get_by_role("button", name=nl("Show the code for my wallet app")).click()

    link = page.get_by_role("link", name=nl("Open in wallet app"))
    href = link.get_attribute("href")
    assert href.startswith("openid-credential-offer://?credential_offer_uri=")
    qr = page.get_by_role("img", name=nl("QR code for your wallet app"))
    expect(qr).to_be_visible()
    check_screen(page, "wallet-offer")
    # The QR code says the same as the link, and a camera can read it at phone size.
    qr_png = tmp_path / "qr.png"
    page.set_viewport_size(PHONE)
    qr.screenshot(path=str(qr_png))
    from PIL import Image

    (decoded,) = zxingcpp.read_barcodes(Image.open(qr_png))
    assert decoded.text == href
    offer_uri = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["credential_offer_uri"][0]
    assert offer_uri.startswith(live_server.url + "/oid4vci/offers/")


def test_staff_recommend_a_certificate_and_withdraw_it(
    new_page, live_server, axe, check_screen, keys
):
    staff = _verified("vereniging@example.org", "Sanne Smit")
    association = AssociationFactory(name="Vereniging Samen Sterk", staff=[staff])
    learner = _verified("fatima@example.org", "Fatima el Amrani")
    certificate = CertificateFactory(
        enrolment=EnrolmentFactory(learner=learner, cohort=CohortFactory(association=association))
    )
    credential_issue(certificate=certificate)
    url = f"/vereniging/{association.pk}/aanbevelingen/"
    page = log_in(new_page, live_server, staff, f"/vereniging/{association.pk}/")

    page.get_by_role("link", name=nl("Recommendations")).click()
    expect(page).to_have_url(live_server.url + url)
    check_screen(page, "endorsements-empty")

    page.get_by_role("button", name=re.compile(nl("Recommend") + " Fatima")).click()
    wait_for_messages(page)
    expect(
        page.get_by_role("button", name=re.compile(nl("Withdraw recommendation")))
    ).to_be_visible()
    assert Endorsement.objects.get().is_active
    check_screen(page, "endorsements-given")

    page.goto(f"/controleer/{certificate.display_code}/")
    section = page.get_by_role("region", name=nl("Recommended by"))
    expect(section).to_contain_text("Vereniging Samen Sterk")
    check_screen(page, "verify-recommended")

    page.goto(url)
    page.get_by_role("button", name=re.compile(nl("Withdraw recommendation"))).click()
    wait_for_messages(page)
    expect(page.get_by_role("button", name=re.compile(nl("Recommend") + " Fatima"))).to_be_visible()
    assert not Endorsement.objects.get().is_active
    check_screen(page, "endorsements-withdrawn")
