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


class AlreadySuspended(CertificateError):
    message = _("This certificate is already suspended.")


class NotSuspended(CertificateError):
    message = _("This certificate is not suspended.")


class ReasonClassRequired(CertificateError):
    message = _("Choose what kind of reason this is: verification shows it.")
