"""What the certificates app announces to the apps above it.

Each signal is sent once the change is committed (`transaction.on_commit`),
with the certificate's id only, so a receiver reads the committed state and
a rolled-back change announces nothing. Receivers must be cheap or enqueue a
task: they run in the request that made the change.

- `certificate_issued`: a new certificate row exists (its PDF may follow).
- `certificate_revoked`: a trainer revoked it.
- `certificate_unrevoked`: a trainer undid a revocation.
- `certificate_suspended` / `certificate_unsuspended`: a trainer paused it, or lifted the pause.
"""

from functools import partial

from django.db import transaction
from django.dispatch import Signal

certificate_issued = Signal()
certificate_revoked = Signal()
certificate_unrevoked = Signal()
certificate_suspended = Signal()
certificate_unsuspended = Signal()


def announce(signal: Signal, *, certificate_id: int) -> None:
    """Send `signal` for `certificate_id` when the current transaction commits."""
    transaction.on_commit(partial(signal.send, sender=None, certificate_id=certificate_id))
