"""Demo content of the skills lab: scenarios, four practice activities (two live, two
written, so a learner who cannot meet finishes in writing) and a cohort that has
practised, so every screen has something to show.

Called at the end of `training.demo.seed.seed_demo`. Idempotent: what exists is
left alone. Everything goes through the real services.
"""

from __future__ import annotations

from training.courses.models import CoursePage, ModulePage
from training.courses.pillars import Pillar
from training.learning.models import Cohort, Enrolment

from . import services
from .models import (
    ObservationCriterion,
    PillarTag,
    PracticeActivityPage,
    PracticeRequirement,
    Scenario,
)

# (title, pillars, difficulty, who you are, what you bring, what you need, what you do not need, debrief)
SCENARIOS = [
    (
        "Iemand die advies wil",
        (Pillar.LISTENING, Pillar.BOUNDARIES),
        1,
        "Je bent Marja (52). Sinds twee jaar heb je reuma en je werkgever wil dat je minder uren gaat werken.",
        "Je vraagt steeds: “Wat zou jij doen?” Je wilt dat iemand het voor je beslist.",
        "Iemand die laat merken dat het een moeilijke keuze is, en vraagt wat jij zelf belangrijk vindt.",
        "Een lijstje met tips of het verhaal van hoe de ander het zelf heeft opgelost.",
        "Wanneer voelde je de neiging om toch advies te geven?\nWelke vraag hielp de verteller verder?",
    ),
    (
        "Iemand die de groep domineert",
        (Pillar.BOUNDARIES, Pillar.LISTENING),
        2,
        "Je bent Henk (67) en komt al jaren naar de groep voor mensen met COPD. Je weet veel en praat graag.",
        "Je vertelt lang over je ziekenhuisopname en laat weinig ruimte voor anderen.",
        "Dat iemand je verhaal erkent en je vriendelijk helpt om tot de kern te komen.",
        "Dat je wordt afgekapt of voor de groep terechtgewezen.",
        "Hoe kun je iemand begrenzen zonder hem af te wijzen?\nWat deed de luisteraar om ruimte te maken?",
    ),
    (
        "Verdriet om een verlies",
        (Pillar.LISTENING, Pillar.EXPERIENCE),
        2,
        "Je bent Yvonne (45). Je moeder is drie maanden geleden overleden; jij zorgde voor haar.",
        "Je bent moe en verdrietig, en schaamt je soms voor de opluchting die je ook voelt.",
        "Stilte, ruimte en iemand die benoemt wat hij hoort, ook de gemengde gevoelens.",
        "Troostende clichés als “ze is nu op een betere plek” of “de tijd heelt alle wonden”.",
        "Hoe was het om stiltes te laten vallen?\nWelke samenvatting raakte de verteller?",
    ),
    (
        "Boos op de zorgverleners",
        (Pillar.LISTENING,),
        3,
        "Je bent Ronald (58). Je diagnose MS kwam pas na jaren; je voelde je niet serieus genomen.",
        "Je bent boos op je huisarts en de neuroloog, en wilt dat de ander je gelijk geeft.",
        "Dat je boosheid er mag zijn en dat iemand vraagt wat die boosheid voor je betekent.",
        "Dat iemand de artsen verdedigt of juist meedoet met klagen.",
        "Hoe bleef de luisteraar naast de verteller staan zonder partij te kiezen?\nWat gebeurde er bij de boosheid in jezelf?",
    ),
    (
        "Iemand die je vriend wil worden",
        (Pillar.BOUNDARIES,),
        2,
        "Je bent Sandra (39) en voelt je eenzaam sinds je door je long covid niet meer werkt.",
        "Je vraagt de gespreksbegeleider of jullie niet eens samen koffie kunnen drinken, buiten de groep.",
        "Dat je wens gezien wordt en dat de ander eerlijk en warm zegt wat wel en niet kan.",
        "Een vaag antwoord waardoor je niet weet waar je aan toe bent.",
        "Hoe gaf de luisteraar een grens aan en bleef hij toch in contact?\nWaar kan Sandra wel terecht?",
    ),
    (
        "Een deelnemer in crisis",
        (Pillar.BOUNDARIES, Pillar.LISTENING),
        3,
        "Je bent Tom (31). Je depressie is de laatste weken erger geworden en je slaapt bijna niet meer.",
        "Je zegt dat je het niet meer ziet zitten, en vraagt de ander het aan niemand te vertellen.",
        "Dat iemand rustig blijft, je serieus neemt en met je zoekt naar professionele hulp (huisarts, 113).",
        "Paniek, of dat iemand het zelf gaat oplossen.",
        "Wanneer verwijs je door, en hoe zeg je dat?\nWat is jouw grens als vrijwilliger?",
    ),
    (
        "Een mantelzorger aan het eind van haar krachten",
        (Pillar.BOUNDARIES, Pillar.EXPERIENCE),
        2,
        "Je bent Fatima (49) en zorgt voor je man met hersenletsel, naast je werk en twee pubers.",
        "Je zegt dat het wel gaat, maar je bent uitgeput en durft geen hulp te vragen.",
        "Dat iemand doorvraagt en je helpt zelf te ontdekken wat je nodig hebt.",
        "Dat iemand meteen respijtzorg of een cursus voorstelt.",
        "Wat hoorde de luisteraar achter “het gaat wel”?\nHoe zorg jij voor jezelf als de ander zo moe is?",
    ),
    (
        "Twijfel over de eigen ervaring",
        (Pillar.EXPERIENCE, Pillar.LISTENING),
        1,
        "Je bent Peter (60) en hebt twintig jaar diabetes. Je wilt gespreksbegeleider worden.",
        "Je twijfelt of jouw ervaring wel iets waard is: “Anderen hebben het veel zwaarder.”",
        "Iemand die vraagt wat je zelf hebt geleerd, en wat jouw ervaring anderen kan geven.",
        "Geruststelling als “natuurlijk kun je dat”.",
        "Welke vraag hielp Peter zijn ervaringskennis te zien?\nWanneer deel je je eigen verhaal, en wanneer niet?",
    ),
]

CRITERIA = [
    (
        "Samenvattingen",
        ObservationCriterion.Kind.COUNT,
        "summaries",
        "Hoe vaak vatte de luisteraar samen wat hij hoorde?",
    ),
    (
        "Open vragen",
        ObservationCriterion.Kind.COUNT,
        "open_questions",
        "Vragen die beginnen met wat, hoe, welke …",
    ),
    (
        "Gesloten vragen",
        ObservationCriterion.Kind.COUNT,
        "closed_questions",
        "Vragen met ja of nee als antwoord.",
    ),
    (
        "Adviezen",
        ObservationCriterion.Kind.COUNT,
        "advice",
        "“Je moet …”, “probeer eens …”, “als ik jou was …”",
    ),
    (
        "Luisterhouding",
        ObservationCriterion.Kind.SCALE,
        "",
        "1 = nog niet, 4 = helemaal: oogcontact, rust, ruimte voor stilte.",
    ),
    (
        "Een moment om te onthouden",
        ObservationCriterion.Kind.EXAMPLE,
        "",
        "Citeer een moment waarop de luisteraar goed luisterde.",
    ),
]

ACTIVITIES = [
    (
        Pillar.LISTENING,
        "Oefenen in drietallen: luisteren, samenvatten, doorvragen",
        "oefenen-in-drietallen",
        PracticeActivityPage.Mode.LIVE,
        "<p>Jullie oefenen met z’n drieën: een verteller, een luisteraar en een observator. "
        "De luisteraar luistert, vat samen en vraagt door, en geeft geen advies. "
        "Na elke ronde wisselen jullie van rol, zodat iedereen een keer luistert.</p>"
        "<p>Kun je niet afspreken? Oefen dan schriftelijk. Met de twee schriftelijke oefeningen "
        "haal je de oefenrondes voor je certificaat ook.</p>",
    ),
    (
        Pillar.LISTENING,
        "Schriftelijk oefenen: luisteren, samenvatten, doorvragen",
        "schriftelijk-oefenen-luisteren",
        PracticeActivityPage.Mode.WRITTEN,
        "<p>Kun je niet afspreken? Oefen dan schriftelijk, wanneer het jou uitkomt. "
        "De verteller speelt de scenariokaart, de luisteraar antwoordt beurt om beurt: "
        "samenvatten en doorvragen, geen advies. De observator leest mee en vult het formulier in. "
        "Een ronde telt als het gesprek is afgesloten.</p>",
    ),
    (
        Pillar.BOUNDARIES,
        "Schriftelijk oefenen: grenzen bewaken",
        "schriftelijk-oefenen-grenzen",
        PracticeActivityPage.Mode.WRITTEN,
        "<p>Kun je niet afspreken? Oefen dan schriftelijk. De verteller speelt de scenariokaart, "
        "de luisteraar antwoordt beurt om beurt, de observator leest mee en vult het formulier in. "
        "Een ronde telt als het gesprek is afgesloten.</p>",
    ),
    (
        Pillar.BOUNDARIES,
        "Oefenen in drietallen: grenzen aangeven",
        "oefenen-in-drietallen-grenzen",
        PracticeActivityPage.Mode.LIVE,
        "<p>Jullie oefenen met z’n drieën, op video of op een plek die jullie kiezen. "
        "De verteller vraagt iets wat je als gespreksbegeleider niet kunt geven. De luisteraar "
        "laat merken dat de vraag gehoord is. Dan zegt de luisteraar eerlijk en warm wat wel "
        "en niet kan. En denkt mee: waar kan de verteller wel terecht?</p>",
    ),
]

# The written conversation the demo seeds, per scenario: it goes into the first round of
# the written group whose speaker card is that scenario, so card and conversation match.
CONVERSATIONS = {
    "Iemand die advies wil": [
        (
            "speaker",
            "Ik ben Marja. Mijn werkgever wil dat ik minder uren ga werken, door mijn reuma. "
            "Wat zou jij doen?",
        ),
        (
            "listener",
            "Je werkgever wil dat je minder gaat werken, en jij staat voor een moeilijke keuze. "
            "Wat maakt het zo moeilijk voor je?",
        ),
        (
            "speaker",
            "Mijn werk is alles voor me. Maar ik ben na een dag zo moe. Zeg jij het maar.",
        ),
        (
            "listener",
            "Je werk betekent veel voor je, en tegelijk ben je erg moe. Ik merk dat je graag "
            "wilt dat iemand het voor je beslist. Wat vind jij zelf het belangrijkst?",
        ),
    ],
    "Iemand die je vriend wil worden": [
        (
            "speaker",
            "Ik ben Sandra. Zullen we een keer samen koffie drinken, buiten de groep?",
        ),
        (
            "listener",
            "Je zou graag ook buiten de groep contact hebben. Wat zou dat voor je betekenen?",
        ),
        ("speaker", "Dan heb ik tenminste iemand om mee te praten. Thuis is het zo stil."),
        (
            "listener",
            "Het is stil thuis, en je mist iemand om mee te praten. Ik kan geen vriendin "
            "buiten de groep zijn, maar ik wil wel met je kijken waar je terecht kunt.",
        ),
    ],
}


def _scenarios() -> dict[str, Scenario]:
    found = {}
    PillarTag.ensure_all()
    tags = {tag.pillar: tag for tag in PillarTag.objects.all()}
    for title, pillars, difficulty, who, brings, needs, not_needs, debrief in SCENARIOS:
        scenario, created = Scenario.objects.get_or_create(
            title=title,
            defaults={
                "difficulty": difficulty,
                "who_you_are": who,
                "what_you_bring": brings,
                "what_you_need": needs,
                "what_you_do_not_need": not_needs,
                "debrief_questions": debrief,
            },
        )
        if created or not scenario.pillars.exists():
            scenario.pillars.set([tags[pillar] for pillar in pillars])
        found[title] = scenario
    return found


def _activity(course: CoursePage, pillar, title, slug, mode, instructions, scenarios):
    module = ModulePage.objects.child_of(course).filter(pillar=pillar).order_by("path").first()
    if module is None:
        return None
    existing = PracticeActivityPage.objects.child_of(module).filter(slug=slug).first()
    if existing:
        return existing
    page = PracticeActivityPage(
        title=title, slug=slug, mode=mode, instructions=instructions, minutes_per_round=10
    )
    for order, (label, kind, measure, help_text) in enumerate(CRITERIA):
        page.criteria.add(
            ObservationCriterion(
                label=label, kind=kind, measure=measure, help_text=help_text, sort_order=order
            )
        )
    # The scenarios of the activity's own pillar, the easiest first.
    tagged = [s for s in scenarios.values() if pillar in s.pillar_list]
    page.scenarios = sorted(tagged, key=lambda s: (s.difficulty, s.title))[:4]
    module.add_child(instance=page)
    page.save_revision().publish()
    return page


# Per listener position: (summaries, open, closed, advice) in their round, and felt heard.
PLAYED = [((2, 3, 2, 1), 3), ((3, 5, 1, 0), 4), ((1, 2, 3, 2), 2)]


def _play(group, activity, *, rounds_to_play: int) -> None:
    criteria = list(activity.criteria.all())
    for practice_round in group.rounds.order_by("number")[:rounds_to_play]:
        counts, heard = PLAYED[(practice_round.number - 1) % len(PLAYED)]
        by_measure = dict(
            zip(["summaries", "open_questions", "closed_questions", "advice"], counts, strict=True)
        )
        answers = {}
        for c in criteria:
            if c.kind == ObservationCriterion.Kind.COUNT:
                answers[str(c.key)] = by_measure.get(c.measure, 0)
            elif c.kind == ObservationCriterion.Kind.SCALE:
                answers[str(c.key)] = min(4, heard + 0)
            else:
                answers[str(c.key)] = (
                    "“Wat betekende dat voor jou?” — daarna bleef het even stil, en dat was goed."
                )
        for observer in services.round_observers(practice_round):
            services.observation_submit(
                practice_round=practice_round, observer=observer, answers=answers
            )
        services.rating_submit(
            practice_round=practice_round,
            speaker=practice_round.speaker,
            felt_heard=heard,
            sentence="Ik merkte dat er echt naar me geluisterd werd."
            if heard >= 3
            else "Ik kreeg wat snel een tip.",
        )
        services.self_reflection_submit(
            practice_round=practice_round,
            listener=practice_round.listener,
            went_well="Ik vatte een paar keer samen en liet stiltes vallen.",
            advice_moment="Toen het over de huisarts ging, wilde ik zeggen wat ik zelf had gedaan. Ik vroeg door.",
        )


def practice_course_seed(*, course: CoursePage) -> dict[str, PracticeActivityPage]:
    """The scenarios, the practice activities and the certificate's practice rule of the
    demo course (by slug). Two live and two written activities: whoever cannot meet
    reaches the rule of two rounds as listener in writing alone."""
    scenarios = _scenarios()
    pages = {}
    for pillar, title, slug, mode, instructions in ACTIVITIES:
        page = _activity(course, pillar, title, slug, mode, instructions, scenarios)
        if page is not None:
            pages[slug] = page
    PracticeRequirement.objects.get_or_create(course=course, defaults={"listener_rounds": 2})
    return pages


def seed_practice(*, cohort_name: str) -> None:
    cohort = Cohort.objects.select_related("course").filter(name=cohort_name).first()
    if cohort is None:
        return
    course = cohort.course.specific
    pages = practice_course_seed(course=course)
    listening = pages.get("oefenen-in-drietallen")
    boundaries = pages.get("schriftelijk-oefenen-grenzen")
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE)
        .select_related("learner")
        .order_by("learner__email")
    )
    if listening is None or len(enrolments) < 3 or listening.groups.filter(cohort=cohort).exists():
        return
    slots = [["1-evening", "3-evening"], ["1-evening", "5-morning"], ["1-evening", "3-evening"]]
    for index, enrolment in enumerate(enrolments):
        services.practice_opt_in(
            activity=listening, enrolment=enrolment, slots=slots[index % len(slots)]
        )
    groups = services.practice_groups_form(activity=listening, cohort=cohort)
    for number, group in enumerate(groups):
        for member in group.members.all():
            services.practice_agree(member=member)
        # The groups met already (that is what lets their rounds count); the next
        # meeting is for what is left.
        services.practice_group_met_confirm(group=group, member=group.members.first())
        choices = services.meeting_choices(group=group)
        if choices:
            services.practice_meeting_set(
                group=group,
                meeting_at=choices[0],
                meeting_place="https://meet.jit.si/lotgenoot-oefengroep-demo"
                if number == 0
                else "Buurthuis De Linde, Utrecht",
            )
        _play(group, listening, rounds_to_play=3 if number == 0 else 1)
    if boundaries is not None:
        for enrolment in enrolments[:3]:
            services.practice_opt_in(activity=boundaries, enrolment=enrolment, slots=["2-evening"])
        for group in services.practice_groups_form(activity=boundaries, cohort=cohort):
            for member in group.members.all():
                services.practice_agree(member=member)
            _converse(group)


def _converse(group) -> None:
    """A conversation under way in the first round whose speaker card has one (see
    CONVERSATIONS): the speaker plays that card, so what is written matches it."""
    practice_round = (
        group.rounds.filter(scenario__title__in=list(CONVERSATIONS)).order_by("number").first()
    )
    if practice_round is None:
        return
    for role, text in CONVERSATIONS[practice_round.scenario.title]:
        author = practice_round.speaker if role == "speaker" else practice_round.listener
        services.written_turn_add(practice_round=practice_round, author=author, text=text)
