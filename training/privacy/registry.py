"""Every model that holds personal data, and how export and erasure handle it.

tests/privacy/test_coverage.py walks every installed model with a foreign
key, one-to-one or many-to-many to the user model, and every model reachable
from a learner's enrolments, and fails when one is missing here, or when a
text field of the latter is not listed under `texts`. So a new model (or a
new text field on a reflection) cannot slip past erasure and export unnoticed:
whoever adds it decides here, and in services.account_erase and
selectors.learner_data, what happens to it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Coverage:
    export: str
    erasure: str
    # Text fields (char, text, JSON, file) of models reachable from enrolments,
    # each either emptied by erasure/retention or kept for a reason given above.
    texts: frozenset[str] = field(default_factory=frozenset)


def _texts(*names):
    return frozenset(names)


KEPT_STAFF_RECORD = "kept, pointing at the emptied account (staff work, not a learner's data)"

PERSONAL_DATA: dict[str, Coverage] = {
    # --- The account --------------------------------------------------------------
    "accounts.User": Coverage(
        export="profile",
        erasure="row kept as an empty shell: email, name, pseudonym, password, groups, staff "
        "flags and last login removed; inactive; erased_at set",
    ),
    "account.EmailAddress": Coverage(export="profile.email_addresses", erasure="deleted"),
    "mfa.Authenticator": Coverage(
        export="not exported: secrets of the two-step sign-in app and recovery codes",
        erasure="deleted",
    ),
    "wagtailusers.UserProfile": Coverage(
        export="not exported: admin display preferences only", erasure="deleted (avatar too)"
    ),
    "wagtailadmin.EditingSession": Coverage(
        export="not exported: transient admin state", erasure="deleted"
    ),
    "wagtailadmin.FormState": Coverage(
        export="not exported: transient admin form state", erasure="deleted"
    ),
    "wagtailcore.APIToken": Coverage(export="not exported: secret", erasure="deleted"),
    "wagtailcore.PageSubscription": Coverage(
        export="not exported: admin notification setting", erasure="deleted"
    ),
    # --- Learning -------------------------------------------------------------------
    "learning.Cohort": Coverage(
        export="enrolments[].cohort (learners); trainers: not exported",
        erasure="removed from the cohort's trainers",
    ),
    "learning.Enrolment": Coverage(
        export="enrolments[]",
        erasure="kept (cohort numbers, certificates), marked left; points at the emptied account",
    ),
    "learning.LessonProgress": Coverage(
        export="enrolments[].lessons_completed", erasure="kept: no text, emptied account"
    ),
    "assessments.KnowledgeCheckAttempt": Coverage(
        export="enrolments[].knowledge_check_answers",
        erasure="kept: ids of the options chosen, no text, emptied account",
        texts=_texts("check_id", "selected_option_ids"),
    ),
    "learning.CohortInvitation": Coverage(
        export="not exported: a cohort's record of whom its trainer invited",
        erasure="invitations to their address or accepted by them deleted; invitations they "
        "sent as trainer kept, pointing at the emptied account",
    ),
    "learning.Announcement": Coverage(
        export="not exported: a trainer's message to a group (staff work)",
        erasure=KEPT_STAFF_RECORD,
    ),
    "accounts.CalendarFeed": Coverage(
        export="not exported: the secret address of their calendar",
        erasure="deleted (the address stops working)",
    ),
    "assessments.CommentPhrase": Coverage(
        export="not exported: a trainer's own phrases (staff work)", erasure="deleted"
    ),
    "assessments.DeadlineExtension": Coverage(
        export="enrolments[].deadline_extensions",
        erasure="kept: a date only, no text, emptied account; granted by them: kept",
    ),
    "assessments.DeadlineReminder": Coverage(
        export="not exported: which reminder emails went out",
        erasure="kept: no text, emptied account",
    ),
    # --- Reflections ----------------------------------------------------------------
    "assessments.Submission": Coverage(
        export="reflections[]",
        erasure="drafts deleted; submitted ones kept without text (fellow learners' review "
        "credit), no longer offered for peer review",
    ),
    "assessments.SubmissionVersion": Coverage(
        export="reflections[].versions[] (with draft_revisions, see privacy.drafts)",
        erasure="text and trainer comment emptied; draft revisions deleted",
        texts=_texts("text", "decision_comment"),
    ),
    "assessments.DraftRevision": Coverage(
        export="reflections[].versions[].draft_revisions[] (see privacy.drafts)",
        erasure="deleted (every earlier draft text); retention deletes them too",
        texts=_texts("text", "client_id"),
    ),
    "assessments.PeerReview": Coverage(
        export="reflections[].feedback_received[] and feedback_given[], fellow learners by "
        "pseudonym",
        erasure="feedback received: texts emptied (they retell the reflection), row kept so the "
        "reviewer keeps the credit; feedback given: kept for its recipient, signed 'a former "
        "fellow learner', 'what I recognise' (their own story) emptied; open claims lapse",
        texts=_texts("summary", "question", "recognition", "rubric"),
    ),
    "assessments.ReviewRating": Coverage(
        export="the rating under each piece of feedback",
        erasure="thanks they wrote emptied; scores kept (the reviewer's record)",
        texts=_texts("thanks"),
    ),
    "assessments.ConcernFlag": Coverage(
        export="concerns_raised[] (concerns about them are not exported: they protect the "
        "person who raised them)",
        erasure="about them: reason and follow-up note emptied (a trainer decides first while "
        "one is open); raised by them: kept for the other learner's safety, emptied account",
        texts=_texts("reason", "follow_up_note"),
    ),
    "assessments.ReflectionRead": Coverage(
        export="reflections[].read_by (role and time)",
        erasure="reads of their reflections deleted; their reads of others' kept (role only)",
    ),
    # --- Skills lab (training.practice) ---------------------------------------------
    # training.practice.services.practice_texts_remove empties these texts, called
    # by account_erase and, past the retention period, by retention_apply.
    "practice.PracticeOptIn": Coverage(
        export="practice_opt_ins[]",
        erasure="deleted by practice_texts_remove",
        texts=_texts("slots"),
    ),
    "practice.PracticeGroup": Coverage(
        export="not yet exported: the group's meeting time and place (the group's, not one "
        "learner's)",
        erasure="kept: the other members' group",
        texts=_texts("meeting_place"),
    ),
    "practice.PracticeMember": Coverage(
        export="practice_groups[]",
        erasure="kept: no text, emptied account (the others' rounds need it); a trainer's "
        "own membership (a group they joined) kept, pointing at the emptied account",
    ),
    "practice.PracticeRound": Coverage(
        export="not yet exported: roles per round", erasure="kept: no text, emptied account"
    ),
    "practice.Observation": Coverage(
        export="practice_observations_received[] (given: in the listener's own export)",
        erasure="given by them: quoted examples emptied by practice_texts_remove, counts kept "
        "(the listener's growth record); about them: kept with the round",
        texts=_texts("answers"),
    ),
    "practice.SpeakerRating": Coverage(
        export="practice_ratings_received[], practice_ratings_given[]",
        erasure="their sentence emptied by practice_texts_remove; the score kept (the "
        "listener's record)",
        texts=_texts("sentence"),
    ),
    "practice.ListenerReflection": Coverage(
        export="practice_self_reflections[]",
        erasure="texts emptied by practice_texts_remove",
        texts=_texts("went_well", "advice_moment"),
    ),
    "practice.WrittenTurn": Coverage(
        export="practice_written_turns[]",
        erasure="texts emptied by practice_texts_remove",
        texts=_texts("text"),
    ),
    "practice.PracticeGroupMet": Coverage(
        export="practice_groups[].met_at (when the group said it met)",
        erasure="kept: no text, the group's record (the others' rounds rest on it)",
    ),
    "practice.MeetingReminder": Coverage(
        export="not exported: which meeting emails went out",
        erasure="kept: no text, emptied account",
    ),
    "practice.DilemmaPath": Coverage(
        export="dilemma_paths[] (lesson, dilemma, choices in order, reflection, when)",
        erasure="deleted by practice_texts_remove (only the learner's own path and words)",
        texts=_texts("block_id", "choices", "reflection"),
    ),
    "practice.GroupingWaitNotice": Coverage(
        export="not exported: which waiting email went out",
        erasure="kept: no text, emptied account",
    ),
    "practice.SoloAnswer": Coverage(
        export="solo_answers[] (lesson, summary, open question, when)",
        erasure="deleted by practice_texts_remove (only the learner's own practice)",
        texts=_texts("block_id", "summary", "question"),
    ),
    # --- Certificates -----------------------------------------------------------------
    "certificates.Certificate": Coverage(
        export="certificates[]",
        erasure="kept for verification (code, course, dates, status, the associations that "
        "recommend it) without the holder's name; "
        "the PDF, which prints the name, deleted. As trainer or revoker: kept",
        texts=_texts(
            "holder_name",
            "course_title",
            "qualification_title",
            "pillars",
            "cohort_name",
            "trainer_name",
            "association_name",
            "issuer_name",
            "code",
            "pdf",
            "pdf_sha256",
            "revoked_reason",
            "suspension_reason",
            "endorsed_by",
        ),
    ),
    "credentials.Credential": Coverage(
        export="not exported: the holder downloads it from Mijn certificaten (it is the "
        "certificate, signed)",
        erasure="both signed forms (they carry the name and the email hash) and the holder's "
        "DID emptied; the row, its status indexes and bits kept, so a copy the holder shared "
        "keeps its status",
        texts=_texts("jwt", "document", "holder_did", "key_id", "proof_method"),
    ),
    "credentials.WalletOffer": Coverage(
        export="not exported: a ten-minute offer to a wallet app (hashes only)",
        erasure="deleted",
        texts=_texts("offer_hash", "code_hash", "tx_code_hash", "token_hash"),
    ),
    "associations.Endorsement": Coverage(
        export="not exported: an association's signed recommendation of the certificate "
        "(it names the association and the certificate's credential, not the holder)",
        erasure="kept, like the certificate's status: no name in it. As the staff member who "
        "recommended or withdrew: kept, pointing at the emptied account",
        texts=_texts("jwt", "key_id", "data_integrity"),
    ),
    "credentials.StatusList": Coverage(
        export="not exported: no personal data", erasure="kept: no personal data"
    ),
    "certificates.ExpiryReminder": Coverage(
        export="certificates[].reminders_sent", erasure="kept: no text"
    ),
    "certificates.TrainerSignoff": Coverage(
        export="enrolments[].trainer_signoff_at", erasure="kept: no text"
    ),
    "certificates.TrainerSignature": Coverage(
        export="not exported: trainers only", erasure="deleted (name and signature image)"
    ),
    # --- Associations -----------------------------------------------------------------
    "associations.Association": Coverage(
        export="not exported: staff only", erasure="removed from the association's staff"
    ),
    "associations.AssociationMembership": Coverage(export="associations[]", erasure="deleted"),
    "academies.AcademyRole": Coverage(
        export="not exported: staff only",
        erasure="deleted (the person leaves every academy's team; their groups are cleared)",
    ),
    "academies.AcademyInvitation": Coverage(
        export="not exported: an academy's record of whom it invited to a role",
        erasure="invitations to their address or accepted by them deleted; invitations they "
        "sent as administrator kept, pointing at the emptied account",
    ),
    "associations.AssociationStaff": Coverage(
        export="not exported: staff only", erasure="deleted (removed from the association's staff)"
    ),
    "associations.AssociationInvitation": Coverage(
        export="not exported: an association's record of whom it invited",
        erasure="invitations to their address or accepted by them deleted; invitations they "
        "sent as staff kept, pointing at the emptied account",
    ),
    "associations.ApiToken": Coverage(export="not exported: staff only", erasure=KEPT_STAFF_RECORD),
    "certificates.AssociationNotice": Coverage(
        export="not exported: which association was told about a certificate, and when",
        erasure="kept: no text, only that a notice went out (the certificate is emptied)",
    ),
    # --- After the course ------------------------------------------------------------
    "continuing.PracticeSession": Coverage(export="practice_log[]", erasure="deleted"),
    "continuing.WellbeingCheckIn": Coverage(export="wellbeing_checkins[]", erasure="deleted"),
    "continuing.SupportRequest": Coverage(
        export="support_requests[] (the facilitator's own)",
        erasure="deleted; requests they followed up as trainer keep no name of theirs",
    ),
    "continuing.IntervisionGroup": Coverage(
        export="not exported: a group a trainer set up (membership is in intervision[])",
        erasure="removed from the members; a group they coordinate keeps them until a trainer "
        "names another coordinator (kept, pointing at the emptied account)",
    ),
    "continuing.IntervisionMeeting": Coverage(
        export="not exported: a group's dates", erasure=KEPT_STAFF_RECORD
    ),
    "continuing.IntervisionAttendance": Coverage(
        export="intervision[].attended", erasure="deleted"
    ),
    "continuing.IntervisionCase": Coverage(export="intervision_cases[]", erasure="deleted"),
    "continuing.ExternalActivity": Coverage(
        export="continued_education[] (the proof file is not copied)",
        erasure="deleted with the proof file",
    ),
    "continuing.WellbeingNudge": Coverage(
        export="not exported: only that a reminder email went out", erasure="deleted"
    ),
    # --- Groups a facilitator leads, and their participants' feedback ------------------
    "groups.PeerGroup": Coverage(
        export="peer_groups[] (with meetings and figures per moment, no open answers)",
        erasure="deleted, with its meetings, feedback moments and answers",
    ),
    "groups.GroupMeeting": Coverage(
        export="peer_groups[].meetings[]", erasure="deleted with the group"
    ),
    "groups.FeedbackMoment": Coverage(
        export="peer_groups[].meetings[].feedback (figures)", erasure="deleted with the group"
    ),
    "groups.FeedbackAnswer": Coverage(
        export="peer_groups[].meetings[].feedback: figures only; the open answers are the "
        "anonymous participants' words, not the facilitator's",
        erasure="deleted with the group; retention empties open answers after "
        "GROUP_FEEDBACK_OPEN_ANSWER_RETENTION_DAYS (default 12 months), figures stay",
    ),
    # --- This app ---------------------------------------------------------------------
    "privacy.DataExport": Coverage(
        export="not exported (it is the export)", erasure="deleted with its files"
    ),
    "privacy.ErasureRequest": Coverage(
        export="erasure_requests[]",
        erasure="kept as the record of the erasure; the note to the learner emptied",
    ),
    # --- Wagtail: staff work ---------------------------------------------------------
    "wagtailcore.ModelLogEntry": Coverage(
        export="not exported: the audit log",
        erasure="kept (the audit); entries about their account, enrolments, reflections and "
        "certificates get a neutral label instead of their name",
    ),
    "wagtailcore.PageLogEntry": Coverage(
        export="not exported: the audit log", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.Page": Coverage(export="not exported: site content", erasure=KEPT_STAFF_RECORD),
    "wagtailcore.Revision": Coverage(
        export="not exported: site content", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.Comment": Coverage(
        export="not exported: editors' comments", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.CommentReply": Coverage(
        export="not exported: editors' comments", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.WorkflowState": Coverage(
        export="not exported: site content", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.TaskState": Coverage(
        export="not exported: site content", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailcore.UploadedFile": Coverage(
        export="not exported: site content", erasure=KEPT_STAFF_RECORD
    ),
    "wagtailimages.Image": Coverage(export="not exported: site content", erasure=KEPT_STAFF_RECORD),
    "wagtaildocs.Document": Coverage(
        export="not exported: site content", erasure=KEPT_STAFF_RECORD
    ),
}
