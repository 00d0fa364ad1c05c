from .knowledge_checks import KnowledgeCheckAttempt
from .reflections import (
    ConcernFlag,
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
    "KnowledgeCheckAttempt",
    "PeerReview",
    "ReflectionAssignmentPage",
    "ReflectionRead",
    "ReviewRating",
    "RubricCriterion",
    "Submission",
    "SubmissionVersion",
]
