"""The errors of certificate services: `message` is friendly, translated text."""

from django.utils.translation import gettext_lazy as _

from training.errors import FriendlyError


class CertificateError(FriendlyError):
    """A certificate action cannot be done; `message` is friendly, translated text."""

    message = _("This cannot be done with this certificate.")


class ReasonRequired(CertificateError):
    message = _("Give a reason: it is recorded in the history of the certificate.")


class AlreadyRevoked(CertificateError):
    message = _("This certificate has already been revoked.")


class NotRevoked(CertificateError):
    message = _("This certificate is not revoked.")
