from .comment_bank import CommentPhrase
from .deadlines import DeadlineExtension, DeadlineKind, DeadlineReminder
from .knowledge_checks import KnowledgeCheckAttempt
from .reflections import (
    ConcernFlag,
    DraftRevision,
    PeerReview,
    ReflectionAssignmentPage,
    ReflectionRead,
    ReviewRating,
    RubricCriterion,
    Submission,
    SubmissionStateError,
    SubmissionVersion,
)

__all__ = [
    "SubmissionStateError",
    "CommentPhrase",
    "ConcernFlag",
    "DeadlineExtension",
    "DeadlineKind",
    "DeadlineReminder",
    "DraftRevision",
    "KnowledgeCheckAttempt",
    "PeerReview",
    "ReflectionAssignmentPage",
    "ReflectionRead",
    "ReviewRating",
    "RubricCriterion",
    "Submission",
    "SubmissionVersion",
]
