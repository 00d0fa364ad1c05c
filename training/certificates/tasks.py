"""Background tasks (Django's tasks API: django-tasks-db with `manage.py run_worker`).

Each task takes ids, re-reads the database and calls one service, so a task
that runs twice, late or after an interrupted run does the right thing. A
task that fails is not retried here: the workers' sweep (`certificates_resume`)
enqueues a finishing task, with backoff, for every certificate still without PDF.
"""

import logging

from django_tasks import task

from training.learning.models import Enrolment

from .models import Certificate
from .services import issuing, reminders

logger = logging.getLogger(__name__)


@task()
def certificate_issue_task(enrolment_id: int) -> int | None:
    """Issue the certificate due for an enrolment (or finish the current one)."""
    enrolment = Enrolment.objects.filter(pk=enrolment_id).first()
    if enrolment is None:
        return None
    certificate = issuing.certificate_issue(enrolment=enrolment)
    return certificate.pk if certificate else None


@task()
def certificate_finish_task(certificate_id: int) -> bool:
    """Render and store a certificate's missing PDF, then notify the holder."""
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return False
    try:
        issuing.certificate_finish(certificate=certificate)
    except Exception:
        logger.warning("Finishing certificate id=%s failed; the sweep retries it.", certificate_id)
        raise
    return True


@task()
def certificate_reminders_task() -> int:
    """Send the expiry reminders that are due (schedule daily)."""
    return reminders.certificate_reminders_send()


@task()
def certificates_evaluate_task() -> int:
    """Issue what is due for every active learner (rules changed, deadlines passed); daily."""
    _evaluated, enqueued = issuing.certificates_evaluate()
    return enqueued
