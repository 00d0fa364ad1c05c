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
    SubmissionVersion,
)

__all__ = [
    "ConcernFlag",
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
