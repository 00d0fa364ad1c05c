"""What the certificates app does when the apps below it announce something."""

from training.learning.models import Enrolment

from .services.issuing import certificate_evaluate


def evaluate_on_progress(sender, *, enrolment_id: int, **kwargs) -> None:
    """A rule may now be met: issue the certificate if one is due."""
    enrolment = Enrolment.objects.filter(pk=enrolment_id).first()
    if enrolment is not None:
        certificate_evaluate(enrolment=enrolment)
