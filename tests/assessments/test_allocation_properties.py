"""Property-based proof that peer review allocation leaves nobody stuck.

Random cohort sizes and review quotas, random orders of submit / claim /
give feedback / abandon / time passing. At the end every reflection shared
with peers has its reviews or falls back to the trainer, nobody reviewed
their own work or the same work twice, everybody gave what was asked or is
credited, and where enough reflections exist the loads differ by at most one.
"""

import datetime

from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    ModulePageFactory,
    ReflectionAssignmentPageFactory,
    build_course,
)
from training.assessments.models import PeerReview, Submission
from training.assessments.reflections import allocation, errors, services

TEXT = "Ik voelde me gehoord toen iemand gewoon luisterde en doorvroeg."

events = st.lists(
    st.one_of(
        st.tuples(
            st.just("submit"),
            st.integers(0, 9),
            st.sampled_from(["peers", "peers", "peers", "trainer"]),
        ),
        st.tuples(st.just("claim"), st.integers(0, 9), st.none()),
        st.tuples(st.just("give"), st.integers(0, 9), st.none()),
        st.tuples(st.just("abandon"), st.integers(0, 9), st.none()),
        st.tuples(st.just("wait"), st.integers(1, 72), st.none()),
    ),
    max_size=45,
)


class AllocationProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.course = build_course(modules=0, sequential=False)
        cls.module = ModulePageFactory(parent=cls.course)

    def _give(self, review, reviewer):
        rubric = {str(c.key): {"score": 2} for c in review.assignment.rubric_criteria.all()}
        services.review_submit(
            review=review,
            reviewer=reviewer,
            summary="Ik lees je verhaal.",
            question="Wat hielp?",
            rubric=rubric,
        )

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        size=st.integers(2, 8),
        per_learner=st.integers(1, 3),
        per_submission=st.integers(1, 3),
        never_submit=st.integers(0, 2),
        script=events,
    )
    def test_nobody_is_stuck(self, size, per_learner, per_submission, never_submit, script):
        assignment = ReflectionAssignmentPageFactory(
            parent=self.module,
            reviews_per_learner=per_learner,
            reviews_per_submission=per_submission,
            claim_hours=24,
            submission_due_days=10,
            review_due_days=20,
        )
        cohort = CohortFactory(course=self.course, capacity=20)
        enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(size)]
        submitters = enrolments[: max(0, size - never_submit)]
        now = timezone.now()

        def submission_of(enrolment):
            return services.submission_get_or_create(enrolment=enrolment, assignment=assignment)

        def claim(enrolment):
            try:
                return allocation.peer_review_claim(
                    reviewer=enrolment.learner, assignment=assignment, cohort=cohort, now=now
                )
            except errors.NotSubmittedYet:
                return None

        # 1. The random script.
        for action, who, audience in script:
            if action == "wait":
                now += datetime.timedelta(hours=who)
                continue
            enrolment = enrolments[who % size]
            if action == "submit" and enrolment in submitters:
                services.submission_submit(
                    submission=submission_of(enrolment), text=TEXT, audience=audience
                )
            elif action == "claim":
                claim(enrolment)
            elif action in ("give", "abandon"):
                open_claim = PeerReview.objects.filter(
                    reviewer=enrolment.learner,
                    assignment=assignment,
                    status=PeerReview.Status.CLAIMED,
                ).first()
                if open_claim and open_claim.expires_at > now:
                    if action == "give":
                        self._give(open_claim, enrolment.learner)
                    else:
                        allocation.peer_review_abandon(review=open_claim)

        # 2. Everyone meant to submit has submitted; then everyone reviews until nothing is left.
        for enrolment in submitters:
            services.submission_submit(
                submission=submission_of(enrolment), text=TEXT, audience="peers"
            )
        progress = True
        while progress:
            progress = False
            for enrolment in submitters:
                review = claim(enrolment)
                if review is not None:
                    self._give(review, enrolment.learner)
                    progress = True

        # 3. The invariants.
        reviews = list(PeerReview.objects.filter(assignment=assignment))
        assert all(r.reviewer_id != r.author_id for r in reviews)
        pairs = [(r.submission_id, r.reviewer_id) for r in reviews]
        assert len(pairs) == len(set(pairs))

        # Before any deadline: when every learner has submitted, a reflection that
        # lacks reviews must already have fallen back to the trainer.
        check_times = [now]
        end = timezone.make_aware(
            datetime.datetime.combine(
                cohort.starts_on + datetime.timedelta(days=21), datetime.time(12)
            )
        )
        check_times.append(max(end, now))
        for moment in check_times if never_submit == 0 else check_times[1:]:
            for submission in Submission.objects.filter(
                assignment=assignment, cohort=cohort
            ).exclude(first_submitted_at=None):
                state = allocation.submission_review_state(submission=submission, now=moment)
                given_reviews = submission.peer_reviews.filter(
                    status=PeerReview.Status.SUBMITTED
                ).count()
                if submission.shared_with_peers:
                    assert given_reviews >= per_submission or state.trainer_fallback, (
                        submission,
                        state,
                    )
                    assert given_reviews <= per_submission
                else:
                    assert state.trainer_fallback and given_reviews == 0

        loads = {}
        for enrolment in submitters:
            given_count, required, credited = allocation.reviews_owed(
                reviewer=enrolment.learner, assignment=assignment, cohort=cohort, now=end
            )
            assert given_count <= required
            assert given_count == required or credited
            loads[enrolment.pk] = given_count
        shared = (
            Submission.objects.filter(
                assignment=assignment, cohort=cohort, audience=Submission.Audience.PEERS
            )
            .exclude(first_submitted_at=None)
            .count()
        )
        # "Enough reflections": every submitter has at least `per_learner` others' to choose
        # from and the reflections can absorb all reviews with room for one more each.
        if (
            shared - 1 >= per_learner
            and shared * per_submission >= len(submitters) * per_learner + per_learner
        ):
            assert max(loads.values()) - min(loads.values()) <= 1, loads
