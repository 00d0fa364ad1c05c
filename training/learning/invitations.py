"""Personal invitations to a cohort: bulk invite, resend, withdraw, accept.

A trainer pastes addresses or uploads a CSV. Invalid addresses and
duplicates are reported, never silently dropped; the valid ones are all
invited in one transaction (so a failure leaves nothing half-done) and each
gets its own email with its own link once that transaction commits.
Accepting a link binds the invitation to the account that used it and puts
that account in the cohort, by the same rules as the cohort's invite link.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from training.accounts.validators import validate_email_address
from training.errors import FriendlyError

from .models import Cohort, CohortInvitation, Enrolment, new_invite_token, normalise_email
from .services import InviteInvalid, enrolment_join

MAX_ADDRESSES = 500
MAX_CSV_BYTES = 1024 * 1024
SEPARATORS = re.compile(r"[\s,;]+")
# "Anna de Vries <anna@example.org>", as mail programs copy addresses: keep the address.
NAMED_ADDRESS = re.compile(r"(^|[,;\n])[^<>,;\n@]*<([^<>\s]+)>")


class InvitationError(FriendlyError):
    message = _("These invitations could not be sent. Please try again.")


class TooManyAddresses(InvitationError):
    message = _("That is more than 500 addresses at once. Please split the list.")


class UnreadableFile(InvitationError):
    message = _(
        "This file could not be read. Upload a CSV file (saved as UTF-8) "
        "with one email address per row."
    )


class InvitationNotOpen(InvitationError):
    message = _("This invitation has already been accepted or withdrawn.")


@dataclass
class ParsedAddresses:
    valid: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


@dataclass
class BulkInviteResult:
    invited: list[CohortInvitation] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    already_invited: list[str] = field(default_factory=list)
    already_enrolled: list[str] = field(default_factory=list)


def _candidates_from_text(text: str) -> list[str]:
    text = NAMED_ADDRESS.sub(r"\1 \2 ", text or "")
    return [part for part in SEPARATORS.split(text) if part]


def _candidates_from_csv(upload) -> list[str]:
    """Every cell that looks like an address attempt (has an @), from any column.

    A header row ("email", "naam") has none and is skipped that way.
    """
    raw = upload.read(MAX_CSV_BYTES + 1)
    if len(raw) > MAX_CSV_BYTES:
        raise UnreadableFile()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise UnreadableFile() from error
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as error:
        raise UnreadableFile() from error
    return [cell.strip() for row in rows for cell in row if "@" in cell]


def addresses_parse(*, text: str = "", upload=None) -> ParsedAddresses:
    """Split pasted text and/or a CSV upload into valid, invalid and repeated addresses.

    Addresses compare case-insensitively and are kept lower-case; "Name
    <address>" is read as the address. Raises `TooManyAddresses` or `UnreadableFile`.
    """
    candidates = _candidates_from_text(text)
    if upload is not None:
        candidates += _candidates_from_csv(upload)
    parsed = ParsedAddresses()
    seen: set[str] = set()
    for candidate in candidates:
        address = normalise_email(candidate.strip("<>\"'"))
        try:
            validate_email_address(address)
        except ValidationError:
            parsed.invalid.append(candidate)
            continue
        if address in seen:
            if address not in parsed.duplicates:
                parsed.duplicates.append(address)
            continue
        seen.add(address)
        parsed.valid.append(address)
    if len(parsed.valid) > MAX_ADDRESSES:
        raise TooManyAddresses()
    return parsed


def _enqueue_email(invitation_id: int) -> None:
    from .notifications import send_cohort_invitation

    transaction.on_commit(lambda: send_cohort_invitation.enqueue(invitation_id))


def cohort_invite_bulk(*, cohort: Cohort, parsed: ParsedAddresses, invited_by) -> BulkInviteResult:
    """Invite every valid address that has no open invitation and is not in the course yet.

    All or nothing: the invitations are created in one transaction, and the
    emails are queued only once it commits.
    """
    result = BulkInviteResult(invalid=list(parsed.invalid), duplicates=list(parsed.duplicates))
    with transaction.atomic():
        open_invitations = set(
            CohortInvitation.objects.filter(
                cohort=cohort,
                email__in=parsed.valid,
                accepted_at__isnull=True,
                withdrawn_at__isnull=True,
            ).values_list("email", flat=True)
        )
        enrolled = {
            normalise_email(email)
            for email in Enrolment.objects.filter(
                course_id=cohort.course_id, status=Enrolment.Status.ACTIVE
            ).values_list("learner__email", flat=True)
        }
        to_invite = []
        for address in parsed.valid:
            if address in enrolled:
                result.already_enrolled.append(address)
            elif address in open_invitations:
                result.already_invited.append(address)
            else:
                to_invite.append(address)
        try:
            result.invited = [
                CohortInvitation.objects.create(cohort=cohort, email=address, invited_by=invited_by)
                for address in to_invite
            ]
        except IntegrityError as error:
            # A concurrent request invited one of them first: nothing of this one stays.
            raise InvitationError() from error
        if result.invited:
            log(
                instance=cohort,
                action="learning.invite_bulk",
                user=invited_by,
                data={"count": len(result.invited)},
            )
        for invitation in result.invited:
            _enqueue_email(invitation.pk)
    return result


def invitation_resend(*, invitation: CohortInvitation, user) -> CohortInvitation:
    """Send an open invitation again, with a new link (the old one stops working)."""
    with transaction.atomic():
        invitation = CohortInvitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open:
            raise InvitationNotOpen()
        invitation.token = new_invite_token()
        invitation.save(update_fields=["token"])
        log(
            instance=invitation.cohort,
            action="learning.invitation_resend",
            user=user,
            data={"invitation": invitation.pk},
        )
        _enqueue_email(invitation.pk)
    return invitation


def invitation_withdraw(*, invitation: CohortInvitation, user) -> CohortInvitation:
    """Withdraw an open invitation: its link stops working. Repeating it changes nothing."""
    with transaction.atomic():
        updated = CohortInvitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, withdrawn_at__isnull=True
        ).update(withdrawn_at=timezone.now())
        if updated:
            log(
                instance=invitation.cohort,
                action="learning.invitation_withdraw",
                user=user,
                data={"invitation": invitation.pk},
            )
    invitation.refresh_from_db()
    return invitation


def invitation_by_token(token: str) -> CohortInvitation | None:
    """The invitation of a link, whether still open or not (None for an unknown link)."""
    if not token:
        return None
    return CohortInvitation.objects.select_related("cohort__course").filter(token=token).first()


def invitation_accept(*, token: str, learner) -> Enrolment:
    """Join the invitation's cohort and bind the invitation to `learner`'s account.

    Idempotent for the account that accepted; a withdrawn invitation, an
    unknown link or one accepted by someone else is `InviteInvalid`. The
    cohort's rules hold as for the invite link (closed, ended or full refuses).
    """
    with transaction.atomic():
        invitation = (
            CohortInvitation.objects.select_for_update()
            .select_related("cohort")
            .filter(token=token)
            .first()
            if token
            else None
        )
        if invitation is None or invitation.withdrawn_at is not None:
            raise InviteInvalid()
        if invitation.accepted_at is not None and invitation.accepted_by_id != learner.pk:
            raise InviteInvalid()
        enrolment = enrolment_join(learner=learner, cohort=invitation.cohort)
        if invitation.accepted_at is None:
            invitation.accepted_at = timezone.now()
            invitation.accepted_by = learner
            invitation.save(update_fields=["accepted_at", "accepted_by"])
    return enrolment
