"""Demo reflections, reviews and ratings in the course's reflection assignments.

The assignments themselves (one per pillar module, with their rubrics) are pages in
the content files, built with the rest of the course.
"""

from __future__ import annotations

from training.assessments.models import (
    PeerReview,
    ReflectionAssignmentPage,
    Submission,
)
from training.courses.models import ModulePage

REFLECTIONS = {
    "deelnemer@example.org": (
        "Toen ik net de diagnose had, voelde ik me vooral boos. Boos op mijn lichaam, boos op "
        "de artsen die zo weinig tijd hadden. In de eerste bijeenkomst van een lotgenotengroep "
        "zei ik bijna niets. Een vrouw vertelde hoe zij na twee jaar weer was gaan fietsen, "
        "heel langzaam, met pauzes. Ik weet nog dat ik dacht: dat wil ik ook. Niet omdat zij "
        "zei wat ik moest doen, maar omdat ik zag dat het kon. Terugkijkend zie ik dat mijn "
        "boosheid ook angst was. In een groep zou ik willen delen dat het mag duren voordat "
        "je weer iets durft. Wat ik voor mezelf houd, is hoe moeilijk het thuis was. Dat "
        "verhaal is van mijn gezin, niet alleen van mij."
    ),
    "deelnemer2@example.org": (
        "Mijn ervaring met depressie heeft me geleerd dat je op een goede dag niet ineens "
        "beter bent, en op een slechte dag niet terug bij af. Dat inzicht kwam pas na jaren. "
        "In een groep zou ik vertellen hoe ik kleine stappen ben gaan tellen in plaats van "
        "grote doelen te stellen. Dat gaf rust. Ik zou niet vertellen over de periode in de "
        "kliniek; daar zijn de herinneringen nog te rauw voor, en het zou de aandacht te veel "
        "naar mij trekken. Als begeleider wil ik laten zien dat herstel geen rechte lijn is."
    ),
    "deelnemer3@example.org": (
        "Ik schrijf dit liever alleen voor de trainer. Mijn zoon heeft een verslaving gehad "
        "en ik heb jarenlang alles opzijgezet om hem te helpen. Pas toen ik zelf naar een "
        "groep voor ouders ging, merkte ik hoe moe ik was. Wat ik daar leerde: dat ik mag "
        "zorgen voor mezelf zonder dat ik hem in de steek laat. Dat wil ik later ook aan "
        "andere ouders kunnen laten zien."
    ),
    "deelnemer4@example.org": (
        "Na mijn hartoperatie durfde ik maandenlang niet alleen de deur uit. Wat me hielp was "
        "een man in de groep die vertelde dat hij in het begin zijn hartslag elk uur mat. "
        "Iedereen lachte, ook ik, omdat we het allemaal herkenden. Die herkenning maakte dat "
        "ik me minder gek voelde. In een groep zou ik dat moment delen: dat je niet de enige "
        "bent met rare gewoontes. Wat ik voor mezelf houd, zijn de nachten waarin ik echt "
        "dacht dat het mis zou gaan."
    ),
}

REVIEWS = [
    # (reviewer, author, summary, question, recognition, helpfulness, felt_heard, thanks)
    (
        "deelnemer@example.org",
        "deelnemer2@example.org",
        "Ik lees dat je hebt geleerd kleine stappen te tellen, en dat herstel voor jou geen rechte lijn is.",
        "Wat hielp je om die kleine stappen te gaan zien?",
        "Ik herken dat goede en slechte dagen elkaar afwisselen.",
        4,
        4,
        "Dank je, dit voelde echt gehoord.",
    ),
    (
        "deelnemer2@example.org",
        "deelnemer@example.org",
        "Ik lees dat je boosheid achteraf ook angst bleek te zijn, en dat het voorbeeld van een ander je hoop gaf.",
        "Wat betekende het voor je om te zien dat het kon?",
        "",
        4,
        3,
        "",
    ),
    (
        "deelnemer4@example.org",
        "deelnemer@example.org",
        "Ik lees dat je in het begin weinig zei en dat iemands verhaal over fietsen je raakte.",
        "Heb je toen ook iets gedeeld in de groep?",
        "Ook ik zei de eerste keer bijna niets.",
        3,
        3,
        "Fijn dat je meelas.",
    ),
]


def seed_reflections(*, course, users: dict, cohort) -> None:
    """Demo reflections in the experience module's assignment, reviews and a draft (idempotent)."""
    from training.assessments.reflections import allocation, services
    from training.learning.models import Enrolment

    assignments = {}
    for module in ModulePage.objects.child_of(course).order_by("path"):
        page = ReflectionAssignmentPage.objects.child_of(module).order_by("path").first()
        if page is not None:
            assignments.setdefault(module.pillar, page)

    first = assignments.get("experience")
    if first is None or Submission.objects.filter(assignment=first).exists():
        return
    enrolments = {
        e.learner.email: e
        for e in Enrolment.objects.filter(cohort=cohort).select_related("learner")
    }
    submissions = {}
    for email, text in REFLECTIONS.items():
        submission = services.submission_get_or_create(
            enrolment=enrolments[email], assignment=first
        )
        audience = "trainer" if email == "deelnemer3@example.org" else "peers"
        submissions[email] = services.submission_submit(
            submission=submission, text=text, audience=audience
        )
    for reviewer, author, summary, question, recognition, helpful, heard, thanks in REVIEWS:
        review = _claim_for(allocation, users[reviewer], first, cohort, submissions[author])
        rubric = {
            str(c.key): (
                {"score": 3} if c.kind == "scale" else {"comment": "Dank voor je openheid."}
            )
            for c in first.rubric_criteria.all()
        }
        review = services.review_submit(
            review=review,
            reviewer=users[reviewer],
            summary=summary,
            question=question,
            recognition=recognition,
            rubric=rubric,
        )
        services.review_rate(
            review=review,
            author=users[author],
            helpfulness=helpful,
            felt_heard=heard,
            thanks=thanks,
        )
    services.submission_decide(
        submission=submissions["deelnemer2@example.org"],
        trainer=users["trainer@example.org"],
        approve=True,
        comment="Mooi hoe je laat zien dat herstel geen rechte lijn is. Dit is precies wat deelnemers hoop geeft.",
    )
    # deelnemer@ has started, but not finished, the listening reflection.
    listening = assignments.get("listening")
    if listening:
        draft = services.submission_get_or_create(
            enrolment=enrolments["deelnemer@example.org"], assignment=listening
        )
        services.draft_save(
            submission=draft,
            text="Vorige maand belde ik met een vriendin. Ze zei bijna niets, maar vatte aan het eind samen",
            base_revision=0,
        )


def _claim_for(allocation, reviewer, assignment, cohort, submission) -> PeerReview:
    """Claim until the wanted reflection comes up (demo data must be predictable)."""
    review = allocation.peer_review_claim(reviewer=reviewer, assignment=assignment, cohort=cohort)
    while review is not None and review.submission_id != submission.pk:
        allocation.peer_review_abandon(review=review)
        review = allocation.peer_review_claim(
            reviewer=reviewer, assignment=assignment, cohort=cohort
        )
    if review is None:
        raise RuntimeError(f"Demo data: {reviewer} could not claim {submission}")
    return review
