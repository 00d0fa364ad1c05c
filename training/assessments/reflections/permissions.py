"""Who may read a reflection: the one place for the rule.

- its author;
- the peers allocated to it, only when it is shared with peers, and only
  while their claim is open or after they gave feedback;
- the trainers of its cohort, and superusers.
Nobody else, staff included. Views look submissions up through
`submissions_readable_by`, so anyone else gets a 404.
"""

from django.db.models import Q, QuerySet
from django.utils import timezone

from training.assessments.models import PeerReview, ReflectionRead, Submission
from training.learning.permissions import cohorts_led_by, cohorts_trained_by


def _allocated_to(user, now) -> Q:
    open_claim = Q(peer_reviews__status=PeerReview.Status.CLAIMED, peer_reviews__expires_at__gt=now)
    given = Q(peer_reviews__status=PeerReview.Status.SUBMITTED)
    return Q(audience=Submission.Audience.PEERS, peer_reviews__reviewer=user) & (open_claim | given)


def submissions_readable_by(user, *, now=None) -> QuerySet[Submission]:
    if not user.is_authenticated:
        return Submission.objects.none()
    if user.is_superuser:
        return Submission.objects.all()
    now = now or timezone.now()
    readable = Q(author=user) | Q(cohort__in=cohorts_trained_by(user)) | _allocated_to(user, now)
    ids = Submission.objects.filter(readable).values("pk")
    return Submission.objects.filter(pk__in=ids)


def reader_role(user, submission: Submission) -> str | None:
    """The role in which `user` reads `submission` (None for the author)."""
    if user.pk == submission.author_id:
        return None
    if cohorts_led_by(user).filter(pk=submission.cohort_id).exists():
        return ReflectionRead.Role.TRAINER
    if user.is_superuser:
        return ReflectionRead.Role.ADMIN
    return ReflectionRead.Role.PEER
