"""A reflection's and a peer review's state have one owner each.

`Submission.status` and `PeerReview.status` are written only by the methods of their models
(`Submission.submit`, `.peer_review_complete`, `.decide`; `PeerReview.give` and the queryset's
`lapse()`), in `training/assessments/models/reflections.py`. Services call those methods;
no other module, and no test, assigns the field or passes it to `update()`/`create()`.
"""

import ast
import datetime
from pathlib import Path

import pytest

from tests.factories import (
    PeerReviewFactory,
    reflection_cohort,
    submitted_reflection,
)
from training.assessments.models import PeerReview, Submission, SubmissionStateError
from training.assessments.reflections import services

ROOT = Path(__file__).resolve().parents[2]
OWNER = ROOT / "training" / "assessments" / "models" / "reflections.py"
OWNED = {"Submission", "PeerReview"}
WRITERS = {"update", "create", "get_or_create", "update_or_create", "bulk_update"}


def _names_owned_status(node: ast.AST) -> bool:
    """`Submission.Status.X` / `PeerReview.Status.X` anywhere in `node`."""
    return any(
        isinstance(n, ast.Attribute)
        and isinstance(n.value, ast.Attribute)
        and n.value.attr == "Status"
        and isinstance(n.value.value, ast.Name)
        and n.value.value.id in OWNED
        for n in ast.walk(node)
    )


def state_writes(source: str) -> list[int]:
    """Lines that write an owned status: `x.status = Submission.Status.…`, or
    `….update(status=PeerReview.Status.…)` and the like."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                elements = target.elts if isinstance(target, ast.Tuple) else [target]
                if any(
                    isinstance(t, ast.Attribute) and t.attr == "status" for t in elements
                ) and _names_owned_status(node.value):
                    lines.append(node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in WRITERS
        ):
            for keyword in node.keywords:
                if keyword.arg == "status" and _names_owned_status(keyword.value):
                    lines.append(node.lineno)
    return lines


def test_only_the_models_write_a_reflections_or_reviews_state():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("training", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if path != OWNER and "migrations" not in path.parts
        for line in state_writes(path.read_text())
    ]
    assert offenders == []


def test_the_check_finds_a_write_outside_the_owner():
    assert state_writes("submission.status = Submission.Status.APPROVED\n") == [1]
    assert state_writes(
        "PeerReview.objects.filter(pk=1).update(\n    status=PeerReview.Status.LAPSED\n)\n"
    ) == [1]
    assert state_writes("Submission.objects.filter(status=Submission.Status.DRAFT)\n") == []


@pytest.mark.django_db
def test_a_decided_reflection_cannot_be_decided_again():
    assignment, [enrolment] = reflection_cohort(learners=1)
    submission = services.submission_get_or_create(enrolment=enrolment, assignment=assignment)
    with pytest.raises(SubmissionStateError):
        submission.decide(approved=True)  # a draft is not decided
    submission.submit(audience="trainer", to_peers=False, now=datetime.datetime.now(datetime.UTC))
    submission.decide(approved=True)
    assert submission.status == Submission.Status.APPROVED
    with pytest.raises(SubmissionStateError):
        submission.decide(approved=False)
    with pytest.raises(SubmissionStateError):
        submission.submit(audience="trainer", to_peers=False, now=None)


@pytest.mark.django_db
def test_lapse_frees_open_claims_and_keeps_given_feedback():
    assignment, [author, *_] = reflection_cohort(learners=1)
    submission = submitted_reflection(enrolment=author, assignment=assignment)
    claimed = PeerReviewFactory(submission=submission, status="claimed", submitted_at=None)
    given = PeerReviewFactory(submission=submission)
    assert PeerReview.objects.filter(pk__in=[claimed.pk, given.pk]).lapse() == 1
    claimed.refresh_from_db()
    given.refresh_from_db()
    assert (claimed.status, claimed.reviewer_slot) == (PeerReview.Status.LAPSED, None)
    assert given.status == PeerReview.Status.SUBMITTED
