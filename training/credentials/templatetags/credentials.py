"""Links to a certificate's digital credential, for the certificates app's templates.

The certificates app must not import this app; its templates load this
library, so the links appear without a change to its views.
"""

from django import template

from ..models import Credential
from ..selectors import linkedin_add_url

register = template.Library()


@register.inclusion_tag("credentials/holder_links.html")
def credential_holder_links(certificate):
    """The download and the LinkedIn link on "Mijn certificaten" (the holder's own page)."""
    has_credential = (
        Credential.objects.filter(certificate_id=certificate.pk).exclude(document={}).exists()
    )
    return {
        "certificate": certificate,
        "has_credential": has_credential,
        # A wallet copy (OID4VCI) only of a valid certificate, like the profile link.
        "wallet": certificate.status == "valid",
        # Only a valid certificate belongs on a profile.
        "linkedin_url": linkedin_add_url(certificate) if certificate.status == "valid" else "",
    }


@register.inclusion_tag("credentials/verify_link.html")
def credential_verify_link(public_certificate):
    """The link to the credential on the public verification page.

    No query: every certificate gets its credential when it is issued (and
    `credentials_backfill` catches up), and erasure empties it, so the page's
    own data says whether there is one. The lookup stays one query (issue 11).
    """
    return {
        "code": public_certificate.display_code,
        "exists": not public_certificate.holder_erased,
    }
