"""Demo reflection assignments (one per pillar) and demo reflections, reviews and ratings."""

from __future__ import annotations

from training.assessments.models import (
    PeerReview,
    ReflectionAssignmentPage,
    RubricCriterion,
    Submission,
)
from training.courses.models import ModulePage

ASSIGNMENTS = {
    "experience": {
        "slug": "reflectie-mijn-verhaal-als-bron",
        "title": "Reflectie: mijn verhaal als bron",
        "prompt": (
            "<p>Kies een moment uit je eigen ervaring met je aandoening of situatie dat je nu, "
            "terugkijkend, anders ziet dan toen. Beschrijf wat er gebeurde en wat je ervan "
            "hebt geleerd.</p><p>Sta daarna stil bij deze vraag: welk deel van dit verhaal zou "
            "je in een groep delen, omdat het een ander verder kan helpen? En welk deel houd je "
            "liever voor jezelf?</p>"
        ),
        "guidance": (
            "<p>Je hoeft niet alles te vertellen. Schrijf alleen wat voor jou veilig voelt. "
            "Het gaat er niet om hoe erg iets was, maar om wat je ermee hebt gedaan.</p>"
        ),
        "criteria": [
            (
                "Beschrijft een concrete ervaring",
                "Is duidelijk wat er gebeurde, en wanneer?",
                "scale",
            ),
            (
                "Maakt onderscheid tussen delen en voor jezelf houden",
                "Staat erin wat de schrijver wel en niet zou delen, en waarom?",
                "scale",
            ),
            (
                "Verbindt de ervaring met de rol van gespreksbegeleider",
                "Wordt zichtbaar hoe deze ervaring een ander kan helpen?",
                "scale",
            ),
            (
                "Wat me raakte in dit verhaal",
                "Schrijf kort wat je raakte. Geen oordeel, geen advies.",
                "comment",
            ),
        ],
    },
    "listening": {
        "slug": "reflectie-een-moment-dat-ik-me-gehoord-voelde",
        "title": "Reflectie: een moment dat ik me gehoord voelde",
        "prompt": (
            "<p>Denk aan een gesprek waarin jij je echt gehoord voelde, of juist helemaal niet. "
            "Wat deed de ander? Wat zei die wel, en wat niet? Hoe merkte je dat er geluisterd "
            "werd?</p><p>Wat neem je hiervan mee voor je eigen manier van luisteren in een "
            "groep?</p>"
        ),
        "guidance": (
            "<p>Let bij het schrijven op de kleine dingen: een stilte, een samenvatting, een "
            "vraag die je verder hielp.</p>"
        ),
        "criteria": [
            (
                "Vat samen wat je las",
                "Laat de feedbackgever zien wat hij of zij heeft gehoord?",
                "scale",
            ),
            (
                "Stelt een open vraag",
                "Nodigt de vraag uit om meer te vertellen (wat, hoe, welke)?",
                "scale",
            ),
            (
                "Geeft geen ongevraagd advies",
                "Blijft de feedback bij luisteren, zonder oplossingen aan te dragen?",
                "scale",
            ),
            ("Wat ik nog wil zeggen", "Ruimte voor een korte, vriendelijke opmerking.", "comment"),
        ],
    },
    "boundaries": {
        "slug": "reflectie-waar-ligt-mijn-grens",
        "title": "Reflectie: waar ligt mijn grens?",
        "prompt": (
            "<p>Beschrijf een situatie waarin je merkte dat je over je eigen grens ging, als "
            "vrijwilliger, mantelzorger of in je eigen leven. Welke signalen gaf je lichaam of je "
            "hoofd? Wat deed je toen, en wat zou je nu anders doen?</p>"
        ),
        "guidance": (
            "<p>Grenzen bewaken is geen teken van zwakte. Het zorgt ervoor dat je het lang en "
            "met plezier kunt volhouden.</p>"
        ),
        "criteria": [
            ("Benoemt een eigen grens concreet", "Wordt duidelijk waar de grens lag?", "scale"),
            ("Beschrijft signalen van overbelasting", "Staan er herkenbare signalen in?", "scale"),
            (
                "Noemt wat helpt om goed voor zichzelf te zorgen",
                "Wordt duidelijk wat de schrijver nodig heeft?",
                "scale",
            ),
            (
                "Wat ik herken",
                "Alleen als je wilt: wat herken je, zonder advies te geven?",
                "comment",
            ),
        ],
    },
}

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
    """Add one assignment per pillar module, and demo reflections in the first one (idempotent)."""
    from training.assessments.reflections import allocation, services
    from training.learning.models import Enrolment

    assignments = {}
    for module in ModulePage.objects.child_of(course):
        data = ASSIGNMENTS.get(module.pillar)
        if data is None:
            continue
        page = ReflectionAssignmentPage.objects.child_of(module).filter(slug=data["slug"]).first()
        if page is None:
            page = ReflectionAssignmentPage(
                title=data["title"],
                slug=data["slug"],
                prompt=data["prompt"],
                guidance=data["guidance"],
                min_words=60,
                max_words=600,
            )
            for order, (title, guidance, kind) in enumerate(data["criteria"]):
                page.rubric_criteria.add(
                    RubricCriterion(sort_order=order, title=title, guidance=guidance, kind=kind)
                )
            module.add_child(instance=page)
            page.save_revision().publish()
        assignments[module.pillar] = page

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
    services.trainer_decide(
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
