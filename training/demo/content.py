"""Dutch demo course content, consumed by the ``seed_demo`` management command.

Pure data: ``COURSES`` is a list of course dicts (course -> modules -> lessons ->
body blocks). Body blocks are ``(block_type, value)`` tuples that match the
lesson StreamField in ``training.courses.blocks``. Image values hold a KEY
("circle", "ear", "fence", "path") that the seed command maps to a real image.

All learner-facing text is original Dutch (B1 level), written for volunteers who
lead peer-support groups (lotgenotencontact). Figures in the lessons paraphrase
the participant surveys summarised in the project's domain brief (seed 003).

Run this file directly to check the data against the schema:
``python3 training/courses/demo_content.py`` prints "ok".
"""

from __future__ import annotations

# ---------------------------------------------------------------------------
# Course 1: Basiscursus gespreksbegeleiding lotgenotencontact
# ---------------------------------------------------------------------------

# Module 1 (experience): Ervaringsdeskundigheid ------------------------------

_C1_M1_L1 = {
    "slug": "wat-lotgenotencontact-geeft",
    "title": "Wat lotgenotencontact mensen geeft",
    "summary": "Je ontdekt wat deelnemers uit een lotgenotengroep halen en waarom herkenning zo veel betekent.",
    "duration_minutes": 40,
    "body": [
        ("heading", {"text": "Samen met mensen die het kennen", "level": "h2"}),
        (
            "paragraph",
            "<p>Lotgenotencontact is contact tussen mensen die iets vergelijkbaars meemaken. "
            "Dat kan een ziekte zijn, een psychische kwetsbaarheid, een beperking of een "
            "ingrijpende gebeurtenis. Ook partners, ouders en mantelzorgers vinden steun bij "
            "elkaar. In Nederland zijn er honderden van zulke groepen. Ze worden georganiseerd "
            "door patiëntenverenigingen, zelfregie- en herstelcentra, en steeds vaker ook door "
            "zorgaanbieders en gemeenten.</p>"
            "<p>Een lotgenotengroep is geen therapie. Er is geen behandelplan en niemand hoeft "
            "ergens ‘beter’ van te worden. Juist dat geeft ruimte. Deelnemers mogen komen zoals "
            "ze zijn, met hun goede én hun slechte dagen.</p>",
        ),
        (
            "image",
            {
                "image": "circle",
                "alt_text": "Een kring van stoelen in een lichte ruimte, klaar voor een groepsgesprek.",
                "caption": "In een kring ziet iedereen elkaar en is iedereen even belangrijk.",
            },
        ),
        ("heading", {"text": "Wat deelnemers zelf zeggen", "level": "h2"}),
        (
            "paragraph",
            "<p>In een onderzoek onder deelnemers van lotgenotengroepen voor mensen met een "
            "depressie is gevraagd wat de bijeenkomsten hun opleveren. Dit waren de antwoorden "
            "die het vaakst gekozen werden:</p>"
            "<ul>"
            "<li><b>Herkenning</b>: bijna 9 van de 10 deelnemers (88%).</li>"
            "<li><b>Steun en begrip</b>: 86%.</li>"
            "<li><b>Zich minder eenzaam of alleen voelen</b>: 71%.</li>"
            "<li><b>Nieuwe mensen leren kennen</b>: ongeveer de helft (51%).</li>"
            "<li><b>Nieuwe kennis over de aandoening</b>: 45%.</li>"
            "</ul>"
            "<p>Valt je iets op? Kennis en informatie staan onderaan het lijstje. Wat mensen het "
            "meest waarderen, is dat ze zich herkend en begrepen voelen. Als begeleider hoef je "
            "dus geen wandelende encyclopedie te zijn.</p>",
        ),
        (
            "quote",
            {
                "text": "Thuis moet ik steeds uitleggen hoe moe ik ben. Hier knikt iemand en zegt: "
                "‘Ja, zo voelt het bij mij ook.’ Dan kan ik eindelijk even uitademen.",
                "attribution": "Deelnemer aan een lotgenotengroep",
            },
        ),
        ("heading", {"text": "Waarom het werkt", "level": "h3"}),
        (
            "paragraph",
            "<p>Als deelnemers uitleggen waarom een groep hen helpt, noemen ze steeds dezelfde "
            "dingen:</p>"
            "<ul>"
            "<li>Er is tijd en ruimte om je eigen verhaal te vertellen.</li>"
            "<li>Je merkt dat je niet de enige bent.</li>"
            "<li>Niemand dwingt je om iets te zeggen of te doen.</li>"
            "<li>Je herkent jezelf in de verhalen van anderen.</li>"
            "<li>Anderen begrijpen je, vaak zonder veel uitleg.</li>"
            "</ul>"
            "<p>Een tip van een lotgenoot komt bovendien vaak beter binnen dan een tip van "
            "buitenaf, want de ander weet hoe het is. Onderzoek laat zien dat mensen die trouw "
            "naar een begeleide groep komen, hun leven als prettiger ervaren, meer steun voelen "
            "en meer grip krijgen. Lotgenotencontact vervangt geen behandeling, maar vult die "
            "aan.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Niet beter hoeven worden",
                "text": "<p>Soms is het grootste cadeau van een groep dat niemand iets van je "
                "verwacht. Even niet geholpen worden en gewoon mogen zijn, kan heel helend zijn. "
                "Denk daaraan als je merkt dat je iets wilt oplossen.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Wat noemen deelnemers van lotgenotengroepen het vaakst als opbrengst?",
                "options": [
                    {
                        "text": "Herkenning: merken dat anderen hetzelfde meemaken.",
                        "is_correct": True,
                        "feedback": "Klopt. Bijna negen op de tien deelnemers noemen herkenning. "
                        "Het gevoel ‘ik ben niet de enige’ is de kern van lotgenotencontact.",
                    },
                    {
                        "text": "Nieuwe medische kennis over hun aandoening.",
                        "is_correct": False,
                        "feedback": "Begrijpelijk gedacht, en kennis is zeker waardevol. Maar in "
                        "het onderzoek stond dit op de laatste plaats van de top vijf (45%). "
                        "Herkenning en steun werden veel vaker genoemd.",
                    },
                    {
                        "text": "Een behandeling die hun klachten oplost.",
                        "is_correct": False,
                        "feedback": "Een lotgenotengroep is geen behandeling en heeft geen "
                        "behandeldoel. Wel kan een groep een waardevolle aanvulling zijn op zorg "
                        "en therapie.",
                    },
                    {
                        "text": "Goed advies van de gespreksbegeleider.",
                        "is_correct": False,
                        "feedback": "Mooi dat je wilt helpen. Toch is advies niet wat deelnemers "
                        "het meest zoeken. Ze willen vooral gehoord en begrepen worden, door "
                        "elkaar.",
                    },
                ],
            },
        ),
    ],
}

_C1_M1_L2 = {
    "slug": "van-ervaring-naar-deskundigheid",
    "title": "Van ervaring naar ervaringsdeskundigheid",
    "summary": "Je leert welke bouwstenen van jouw ervaring samen een deskundigheid maken.",
    "duration_minutes": 45,
    "body": [
        ("heading", {"text": "Ervaring is het begin, niet het eind", "level": "h2"}),
        (
            "paragraph",
            "<p>Iedereen in de groep heeft ervaring. Wat maakt jou dan anders als begeleider? "
            "Het verschil zit niet in een zwaarder of indrukwekkender verhaal. Het zit in wat je "
            "met je ervaring gedaan hebt. Ervaringsdeskundigheid groeit uit een paar "
            "bouwstenen die samen één geheel vormen.</p>",
        ),
        ("heading", {"text": "Vier bouwstenen", "level": "h3"}),
        (
            "paragraph",
            "<ol>"
            "<li><b>Doorleefde ervaring.</b> Je weet van binnenuit hoe het is: de onzekerheid, "
            "de vermoeidheid die niemand ziet, de gesprekken in de spreekkamer, de reacties van "
            "je omgeving.</li>"
            "<li><b>Enige verwerking.</b> Je hebt al wat afstand kunnen nemen. Je verhaal is "
            "geen open wond meer, maar iets waar je over kunt nadenken. Dat betekent niet dat "
            "het klaar is of nooit meer pijn doet.</li>"
            "<li><b>Kennis van de ervaringen van anderen.</b> Je weet dat het bij een ander heel "
            "anders kan lopen: andere klachten, een andere behandeling, andere gevolgen. Jouw "
            "weg is er één van de vele.</li>"
            "<li><b>Actuele kennis.</b> Je blijft op de hoogte van nieuwe inzichten, "
            "bijvoorbeeld via je patiëntenvereniging of je herstelcentrum.</li>"
            "</ol>",
        ),
        (
            "image",
            {
                "image": "path",
                "alt_text": "Een pad van platte stapstenen door het gras, dat met een bocht uit het zicht verdwijnt.",
                "caption": "Iedereen loopt een eigen pad. Jouw stenen liggen anders dan die van een ander.",
            },
        ),
        (
            "paragraph",
            "<p>Ervaringsdeskundigheid leer je niet op school. Je hebt het al, of je groeit "
            "erin. Wat je wél kunt leren, is hoe je het inzet. Daar gaat deze cursus over.</p>"
            "<p>Jouw ervaringskennis is een echte vorm van kennis, naast die van artsen en "
            "hulpverleners. Zij kennen de aandoening uit studie en uit hun spreekkamer. Jij kent "
            "haar uit je dagelijks leven. Geen van beide is beter; ze vullen elkaar aan.</p>",
        ),
        (
            "quote",
            {
                "text": "Ik dacht eerst dat ik alles wist, omdat ik het zelf had meegemaakt. In mijn "
                "eerste groep zat een vrouw bij wie alles anders ging. Toen pas snapte ik dat mijn "
                "verhaal maar één verhaal is.",
                "attribution": "Henk, gespreksbegeleider",
            },
        ),
        (
            "exercise",
            {
                "title": "Jouw bouwstenen in kaart",
                "scenario": "<p>Je bent gevraagd om over een maand een nieuwe groep te begeleiden. "
                "In een kennismakingsgesprek vraagt de coördinator van je vereniging: ‘Waarom "
                "denk je dat jouw ervaring anderen in de groep kan helpen?’</p>",
                "instruction": "<p>Pak een vel papier of open de notitie-app op je telefoon. "
                "Schrijf bij elke bouwsteen een paar woorden op:</p>"
                "<ul>"
                "<li>Welk deel van je ervaring ken je echt van binnenuit?</li>"
                "<li>Over welk deel kun je rustig praten? En welk deel is nog gevoelig?</li>"
                "<li>Van wie heb je gehoord dat het bij hen anders ging?</li>"
                "<li>Waar haal je nieuwe kennis vandaan?</li>"
                "</ul>"
                "<p>Je hoeft dit met niemand te delen. Let op waar je makkelijk iets opschrijft en "
                "waar je stokt. Dat zegt iets over waar je nu staat, en dat is goed zo.</p>",
            },
        ),
        (
            "callout",
            {
                "kind": "attention",
                "title": "Is het nog te vroeg?",
                "text": "<p>Merk je dat je eigen verhaal je nog erg raakt, of dat je er slecht van "
                "slaapt? Dan is het misschien nog niet het moment om een groep te begeleiden. Dat "
                "is geen falen. Bespreek het met je trainer of coördinator. Misschien past een "
                "andere rol nu beter, of begeleid je eerst samen met iemand die meer ervaring "
                "heeft.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Welke uitspraak past het best bij ervaringsdeskundigheid?",
                "options": [
                    {
                        "text": "Ik heb het zelf meegemaakt, dus ik weet hoe het voor iedereen is.",
                        "is_correct": False,
                        "feedback": "Je eigen ervaring is waardevol. Maar bij een ander kan het "
                        "heel anders gaan, en een ervaringsdeskundige weet dat juist.",
                    },
                    {
                        "text": "Ik heb het zelf meegemaakt, kan er met wat afstand naar kijken, "
                        "weet dat het bij anderen anders kan lopen en blijf bijleren.",
                        "is_correct": True,
                        "feedback": "Precies. Doorleefde ervaring, enige verwerking, kennis van "
                        "andere ervaringen en actuele kennis maken samen ervaringsdeskundigheid.",
                    },
                    {
                        "text": "Ik heb een opleiding gevolgd, dus ik ben ervaringsdeskundig.",
                        "is_correct": False,
                        "feedback": "Een opleiding helpt je om je ervaring goed in te zetten. "
                        "Maar de deskundigheid zelf komt uit je eigen leven, niet uit een "
                        "diploma.",
                    },
                    {
                        "text": "Hoe zwaarder mijn verhaal, hoe deskundiger ik ben.",
                        "is_correct": False,
                        "feedback": "Een zwaar verhaal maakt je niet vanzelf deskundiger. Het gaat "
                        "erom wat je met je ervaring gedaan hebt en hoe je die inzet voor de "
                        "ander.",
                    },
                ],
            },
        ),
    ],
}

_C1_M1_L3 = {
    "slug": "je-verhaal-ten-dienste-van-de-ander",
    "title": "Je verhaal delen ten dienste van de ander",
    "summary": "Je oefent hoe je kort en gericht iets van jezelf deelt, zodat het de ander verder helpt.",
    "duration_minutes": 45,
    "body": [
        ("heading", {"text": "Genoeg laten zien, niet alles vertellen", "level": "h2"}),
        (
            "paragraph",
            "<p>Deelnemers willen weten dat jij hun situatie van binnenuit kent. Dat geeft "
            "vertrouwen: ‘Zij snapt het.’ Maar ze komen niet om jouw hele ziektegeschiedenis te "
            "horen. Ze komen voor hun eigen verhaal. Jouw ervaring is dus geen hoofdgerecht, "
            "maar een beetje smaakmaker.</p>"
            "<p>Meestal is het genoeg om bij de start kort te vertellen wie je bent en waarom je "
            "hier zit. Daarna deel je alleen iets als het de ander helpt.</p>",
        ),
        ("heading", {"text": "Drie vragen voordat je iets deelt", "level": "h3"}),
        (
            "paragraph",
            "<ol>"
            "<li><b>Voor wie vertel ik dit?</b> Helpt het de ander, of lucht het vooral mezelf "
            "op?</li>"
            "<li><b>Wat voegt het toe?</b> Geeft het herkenning, hoop of een nieuw idee? Of "
            "neemt het alleen ruimte in?</li>"
            "<li><b>Kan ik het rustig vertellen?</b> Als ik zelf overspoeld raak door emoties, "
            "moet de groep voor mij gaan zorgen. Dat is niet de bedoeling.</li>"
            "</ol>",
        ),
        ("heading", {"text": "Kort, in de ik-vorm, en dan teruggeven", "level": "h3"}),
        (
            "paragraph",
            "<p>Als je iets deelt, houd het dan kort. Praat in de ik-vorm: ‘Bij mij hielp "
            "het om…’ in plaats van ‘Je moet…’. Zo blijft het jouw ervaring en wordt het geen "
            "opdracht voor de ander. Geef het gesprek daarna meteen terug: ‘Hoe is dat voor "
            "jou?’ of ‘Herkennen anderen dit?’</p>"
            "<p>Pas ook op met vergelijken. ‘Bij mij was het nog veel erger’ maakt het verhaal "
            "van de ander kleiner. ‘Ik heb ook zoiets meegemaakt, en het was zwaar’ laat ruimte "
            "voor twee verhalen naast elkaar.</p>",
        ),
        (
            "quote",
            {
                "text": "Toen de begeleider vertelde dat zij ook een jaar niet had kunnen werken, "
                "viel er iets van me af. Ze zei er maar twee zinnen over. Meer was niet nodig.",
                "attribution": "Deelnemer aan een lotgenotengroep",
            },
        ),
        (
            "exercise",
            {
                "title": "‘Hoe heb jij dat gedaan?’",
                "scenario": "<p>In de derde bijeenkomst vertelt Samira dat ze niet weet hoe ze haar "
                "werkgever over haar diagnose moet vertellen. Ze kijkt jou aan en vraagt: ‘Jij hebt "
                "dit toch ook meegemaakt? Hoe heb jij het gedaan?’ Je herinnert je je eigen gesprek "
                "met je leidinggevende nog goed. Het liep destijds niet zo goed af.</p>",
                "instruction": "<p>Schrijf op wat je zou zeggen. Gebruik de drie vragen uit deze "
                "les, en let op het volgende:</p>"
                "<ul>"
                "<li>Houd je eigen verhaal bij hooguit drie zinnen.</li>"
                "<li>Spreek in de ik-vorm.</li>"
                "<li>Geef het gesprek daarna terug aan Samira of aan de groep.</li>"
                "</ul>"
                "<p>Lees je antwoord hardop voor. Hoe lang duurde het? Zou Samira zich daarna meer "
                "of juist minder vrij voelen om verder te praten?</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer vertelt over haar slapeloze nachten. Hoe zet je je eigen "
                "ervaring het best in?",
                "options": [
                    {
                        "text": "Uitgebreid vertellen hoe jouw slaapproblemen begonnen en wat je "
                        "allemaal hebt geprobeerd.",
                        "is_correct": False,
                        "feedback": "Je bedoelt het goed, en het laat zien dat je het kent. Maar een "
                        "lang verhaal neemt de ruimte van de deelnemer over. Kort delen is meestal "
                        "genoeg.",
                    },
                    {
                        "text": "Kort zeggen dat je slapeloze nachten herkent, en dan vragen hoe het "
                        "voor haar is.",
                        "is_correct": True,
                        "feedback": "Ja. Zo laat je merken dat je het van binnenuit kent, en blijft "
                        "de aandacht bij haar.",
                    },
                    {
                        "text": "Niets over jezelf zeggen, want je eigen ervaring hoort niet in de "
                        "groep.",
                        "is_correct": False,
                        "feedback": "Goed dat je voorzichtig bent. Toch is jouw ervaring juist wat "
                        "lotgenotencontact bijzonder maakt. Met mate delen geeft vertrouwen en "
                        "herkenning.",
                    },
                    {
                        "text": "Zeggen dat het bij jou veel erger was, zodat zij zich minder zorgen "
                        "maakt.",
                        "is_correct": False,
                        "feedback": "Je wilt haar geruststellen, dat is begrijpelijk. Maar "
                        "vergelijken kan haar verhaal kleiner maken. Twee verhalen mogen naast "
                        "elkaar bestaan.",
                    },
                ],
            },
        ),
    ],
}

_C1_M1_L4 = {
    "slug": "rolmodel-van-hoop",
    "title": "Een rolmodel van hoop zijn",
    "summary": "Je ontdekt hoe je hoop kunt geven zonder je eigen weg als voorbeeld voor iedereen te nemen.",
    "duration_minutes": 40,
    "body": [
        ("heading", {"text": "Je bent er, en dat zegt al veel", "level": "h2"}),
        (
            "paragraph",
            "<p>Alleen al doordat jij daar zit, vertel je iets. Je laat zien dat je met je "
            "aandoening of situatie iets kunt betekenen voor anderen. Voor veel deelnemers is dat "
            "een bron van hoop: ‘Als zij dit kan, lukt mij misschien ook weer iets.’ Je bent dus "
            "een rolmodel, ook als je daar zelf niet om gevraagd hebt.</p>"
            "<p>Dat klinkt misschien als een zware taak. Maar een rolmodel hoeft niet perfect te "
            "zijn. Deelnemers hebben meer aan iemand die eerlijk is dan aan iemand die doet alsof "
            "alles goed gaat.</p>",
        ),
        ("heading", {"text": "Hoop zonder succesverhaal", "level": "h3"}),
        (
            "paragraph",
            "<p>Hoop geven is iets anders dan zeggen dat alles goed komt. Dat kun je niet "
            "beloven, en deelnemers voelen dat ook. Hoop zit vaak in kleine dingen:</p>"
            "<ul>"
            "<li>Je vertelt dat jij ook slechte dagen hebt, en hoe je daar doorheen komt.</li>"
            "<li>Je laat zien dat er naast de aandoening ook ruimte is voor andere dingen in je "
            "leven.</li>"
            "<li>Je merkt kleine stappen op die een deelnemer zet, zonder ze groter te maken dan "
            "ze zijn.</li>"
            "<li>Je laat merken dat ieder een eigen tempo heeft.</li>"
            "</ul>",
        ),
        (
            "image",
            {
                "image": "path",
                "alt_text": "Stapstenen in het gras: de eerste stenen liggen dichtbij, de volgende steeds verder weg.",
                "caption": "Herstel gaat vaak in kleine stappen, en niet altijd in een rechte lijn.",
            },
        ),
        ("heading", {"text": "Herstel is meer dan minder klachten", "level": "h3"}),
        (
            "paragraph",
            "<p>In de zorg draait het vaak om minder klachten. Dat heet ook wel <i>klinisch "
            "herstel</i>. Lotgenotencontact helpt vooral bij twee andere vormen van herstel:</p>"
            "<ul>"
            "<li><i>Persoonlijk herstel</i>: weer grip krijgen op je leven, je zelfvertrouwen "
            "en je eigen verhaal terugvinden.</li>"
            "<li><i>Maatschappelijk herstel</i>: weer meedoen, contacten hebben, een rol spelen "
            "in je omgeving.</li>"
            "</ul>"
            "<p>Groot onderzoek laat zien dat steun van lotgenoten daarnaast ook een kleine maar "
            "echte bijdrage levert aan minder klachten. Behandeling en lotgenotencontact hebben "
            "dus allebei hun eigen waarde, en versterken elkaar.</p>",
        ),
        (
            "callout",
            {
                "kind": "attention",
                "title": "Jouw weg is niet dé weg",
                "text": "<p>Wat jou hielp, werkt misschien niet voor een ander, of valt zelfs "
                "verkeerd. Zeg dus niet ‘Dit moet jij ook doen’, maar ‘Dit hielp mij, misschien "
                "heb je er iets aan’. En laat het dan los.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer zegt: ‘Bij jou is het toch allemaal goed gekomen. Dat gaat "
                "mij nooit lukken.’ Welke reactie past het best bij een rolmodel van hoop?",
                "options": [
                    {
                        "text": "‘Natuurlijk lukt dat, als je maar hard genoeg je best doet.’",
                        "is_correct": False,
                        "feedback": "Je wilt haar moed geven, en dat is mooi. Maar deze zin kan "
                        "klinken alsof het haar eigen schuld is als het niet lukt. Dat geeft juist "
                        "druk.",
                    },
                    {
                        "text": "‘Ik heb ook nog steeds slechte dagen. Bij mij ging het met vallen "
                        "en opstaan. Wat zou voor jou een eerste kleine stap kunnen zijn?’",
                        "is_correct": True,
                        "feedback": "Mooi. Je bent eerlijk over je eigen weg, en je legt de "
                        "aandacht terug bij haar eigen tempo en mogelijkheden.",
                    },
                    {
                        "text": "‘Ja, ik heb gewoon geluk gehad. Laten we het over iets anders "
                        "hebben.’",
                        "is_correct": False,
                        "feedback": "Begrijpelijk dat zo’n opmerking ongemakkelijk voelt. Maar zo "
                        "gaat het gesprek dicht, terwijl ze iets belangrijks laat zien: ze voelt "
                        "weinig hoop.",
                    },
                    {
                        "text": "Uitgebreid vertellen welke stappen jij hebt gezet, zodat zij die "
                        "kan volgen.",
                        "is_correct": False,
                        "feedback": "Je wilt haar een weg wijzen. Toch is jouw weg niet vanzelf de "
                        "hare. Een korte, eerlijke opmerking en een vraag aan haar werken meestal "
                        "beter.",
                    },
                ],
            },
        ),
    ],
}

# Module 2 (listening): Luistervaardigheden -----------------------------------

_C1_M2_L1 = {
    "slug": "eerst-luisteren",
    "title": "Eerst luisteren: waarom dat zo moeilijk is",
    "summary": "Je ontdekt waarom de neiging om op te lossen zo sterk is en wat echt luisteren de ander geeft.",
    "duration_minutes": 40,
    "body": [
        ("heading", {"text": "De reflex om te helpen", "level": "h2"}),
        (
            "paragraph",
            "<p>Iemand in de groep vertelt over een slechte week. Binnen een paar seconden schiet "
            "er van alles door je hoofd: ‘Heeft ze al met haar huisarts gepraat?’, ‘Bij mij hielp "
            "wandelen’, ‘Het komt vast goed.’ Dat is heel menselijk. Je doet dit werk omdat je "
            "anderen wilt helpen.</p>"
            "<p>Toch werkt het vaak anders dan je denkt. Als je snel met een oplossing komt, voelt "
            "de ander zich niet altijd gehoord. Soms komt het zelfs over als: ‘Jouw probleem is "
            "lastig voor mij, dus ik ruim het snel op.’ Veel deelnemers hebben al genoeg mensen om "
            "zich heen die hen willen ‘repareren’. In de groep zoeken ze iets anders: iemand die "
            "echt luistert.</p>",
        ),
        (
            "image",
            {
                "image": "ear",
                "alt_text": "Een getekend oor met daarnaast een paar spraakwolkjes.",
                "caption": "Luisteren is meer dan wachten tot je zelf iets mag zeggen.",
            },
        ),
        ("heading", {"text": "Wat echt luisteren is", "level": "h2"}),
        (
            "paragraph",
            "<p>Echt luisteren betekent dat je je aandacht helemaal bij de ander legt. Je probeert "
            "te begrijpen wat iemand bedoelt en voelt, niet alleen wat hij zegt. Je let op:</p>"
            "<ul>"
            "<li><b>de woorden</b>: wat vertelt iemand, en wat laat hij weg?</li>"
            "<li><b>de toon en het lichaam</b>: klinkt iemand moe, boos of opgelucht? Kijkt "
            "iemand weg?</li>"
            "<li><b>de stiltes</b>: soms komt het belangrijkste pas na een pauze.</li>"
            "</ul>"
            "<p>Laat merken dat je luistert: knik, kijk de ander aan, zeg af en toe ‘hm-hm’ of "
            "‘ja’. En durf stilte te laten vallen. Tel gerust in gedachten tot vijf voordat je "
            "iets zegt. Vaak gaat de ander dan vanzelf verder.</p>",
        ),
        (
            "quote",
            {
                "text": "Ik heb geleerd mijn mond te houden. Echt. In het begin vond ik elke stilte "
                "eng. Nu weet ik dat daarna vaak het echte verhaal komt.",
                "attribution": "Marieke, gespreksbegeleider",
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Let op je ‘ja, maar’",
                "text": "<p>Merk je dat je in je hoofd al een antwoord klaar hebt terwijl de ander "
                "nog praat? Dan luister je eigenlijk naar jezelf. Zeg in gedachten ‘even niet’ en "
                "richt je weer op de ander. Je antwoord kan wachten.</p>",
            },
        ),
        (
            "exercise",
            {
                "title": "Tien minuten alleen luisteren",
                "scenario": "<p>Tijdens de cursusdag oefen je in tweetallen, of thuis met iemand "
                "die je vertrouwt. De ander vertelt tien minuten over iets wat hem of haar de "
                "laatste tijd bezighoudt. Het hoeft niet over ziekte te gaan.</p>",
                "instruction": "<p>In die tien minuten geef je geen advies, vertel je geen eigen "
                "verhaal en bedenk je geen oplossing. Je mag wel knikken, ‘hm-hm’ zeggen en een "
                "korte vraag stellen, zoals ‘Hoe was dat voor je?’</p>"
                "<p>Schrijf daarna op: wanneer wilde je iets zeggen? Wat hield je tegen? Vraag de "
                "ander ook: hoe voelde het om zo naar je geluisterd te worden?</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer vertelt dat haar partner haar vermoeidheid niet begrijpt. "
                "Wat is de beste eerste reactie?",
                "options": [
                    {
                        "text": "‘Heb je hem al eens een folder van de vereniging gegeven?’",
                        "is_correct": False,
                        "feedback": "Een folder kan later best nuttig zijn. Maar als eerste reactie "
                        "spring je naar een oplossing, terwijl ze misschien eerst haar verhaal kwijt "
                        "wil.",
                    },
                    {
                        "text": "‘Dat klinkt eenzaam. Wil je er iets meer over vertellen?’",
                        "is_correct": True,
                        "feedback": "Goed gedaan. Je laat merken dat je hoort wat ze voelt, en je "
                        "geeft haar ruimte om verder te vertellen.",
                    },
                    {
                        "text": "‘Dat heb ik ook gehad, mijn man snapte er ook niks van.’",
                        "is_correct": False,
                        "feedback": "Herkenning is waardevol, en dat voel je goed aan. Maar zo "
                        "direct na haar verhaal gaat de aandacht naar jou. Eerst luisteren, later "
                        "eventueel kort iets delen.",
                    },
                    {
                        "text": "‘Mannen zijn nou eenmaal zo, trek het je niet aan.’",
                        "is_correct": False,
                        "feedback": "Je wilt het lichter maken, en dat is lief bedoeld. Maar zo "
                        "wordt haar zorg kleiner gemaakt dan hij voor haar is.",
                    },
                ],
            },
        ),
    ],
}

_C1_M2_L2 = {
    "slug": "luisteren-samenvatten-doorvragen",
    "title": "LSD: luisteren, samenvatten, doorvragen",
    "summary": "Je leert de drie basisstappen van een goed gesprek en oefent met samenvatten.",
    "duration_minutes": 50,
    "body": [
        ("heading", {"text": "Drie stappen die altijd helpen", "level": "h2"}),
        (
            "paragraph",
            "<p>Veel gespreksbegeleiders gebruiken een eenvoudig ezelsbruggetje: <b>LSD</b>. Dat "
            "staat voor <b>Luisteren, Samenvatten, Doorvragen</b>. Het zijn drie stappen die je "
            "steeds opnieuw kunt zetten, zo vaak als nodig. Ze helpen je om bij de ander te "
            "blijven, in plaats van bij je eigen oplossingen.</p>",
        ),
        ("heading", {"text": "Luisteren", "level": "h3"}),
        (
            "paragraph",
            "<p>Je geeft volle aandacht, zoals je in de vorige les hebt geleerd. Je hoeft nog "
            "niets te vinden van wat je hoort. Je verzamelt alleen: wat vertelt deze persoon, en "
            "wat lijkt belangrijk voor hem of haar?</p>",
        ),
        ("heading", {"text": "Samenvatten", "level": "h3"}),
        (
            "paragraph",
            "<p>Je zegt in je eigen woorden terug wat je gehoord hebt. Kort, en zonder er iets "
            "aan toe te voegen. Bijvoorbeeld: ‘Als ik je goed begrijp, ben je na je werk zo moe "
            "dat je niets meer met je kinderen kunt doen, en dat maakt je verdrietig.’</p>"
            "<p>Een samenvatting doet drie dingen tegelijk. De ander voelt zich gehoord. Jij "
            "controleert of je het goed begrepen hebt. En de rest van de groep krijgt even "
            "overzicht. Zit je ernaast? Geen probleem. De ander verbetert je, en zo kom je samen "
            "dichter bij wat er speelt.</p>",
        ),
        ("heading", {"text": "Doorvragen", "level": "h3"}),
        (
            "paragraph",
            "<p>Met een vraag nodig je de ander uit om verder te vertellen of verder te denken. "
            "Bijvoorbeeld: ‘Wat vind je daar het moeilijkst aan?’ of ‘Wat heb je al "
            "geprobeerd?’ Je vraagt door op wat de ánder belangrijk vindt, niet op wat jij "
            "interessant vindt.</p>"
            "<p>Je kunt een vraag ook aan de groep geven: ‘Herkennen anderen dit? Hoe gaan jullie "
            "daarmee om?’ Zo komt de kracht van de groep op gang, en hoeft niet alles via jou te "
            "lopen.</p>",
        ),
        (
            "exercise",
            {
                "title": "Samenvatten in de groep",
                "scenario": "<p>Peter (58) is voor de tweede keer in de groep. Hij vertelt: ‘Sinds "
                "mijn hartinfarct durf ik eigenlijk niet meer te fietsen. Mijn vrouw vindt dat ik "
                "me aanstel, de cardioloog zegt dat het mag. Maar zodra ik op de fiets stap, voel "
                "ik mijn hart bonzen en stap ik weer af. Vroeger fietste ik elke zaterdag met mijn "
                "broer.’</p>",
                "instruction": "<p>Schrijf twee dingen op:</p>"
                "<ol>"
                "<li>Een korte samenvatting van wat Peter vertelt, in hooguit twee zinnen. Probeer "
                "ook het gevoel te benoemen dat je hoort.</li>"
                "<li>Eén vraag waarmee je bij Peter doorvraagt, en één vraag die je aan de groep "
                "zou kunnen stellen.</li>"
                "</ol>"
                "<p>Kijk daarna kritisch naar je zinnen: zit er ergens een verstopt advies in? Haal "
                "dat er dan uit.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer zegt: ‘Ik heb al drie keer afgezegd bij mijn vriendinnen. "
                "Ik schaam me, en ik denk dat ze me nu niet meer willen zien.’ Wat is een goede "
                "samenvatting?",
                "options": [
                    {
                        "text": "‘Je moet ze gewoon even bellen, dan valt het vast mee.’",
                        "is_correct": False,
                        "feedback": "Dit is een advies, geen samenvatting. Goed bedoeld, maar je "
                        "slaat over wat ze voelt: schaamte, en angst om haar vriendinnen kwijt te "
                        "raken.",
                    },
                    {
                        "text": "‘Je hebt een paar keer moeten afzeggen, je schaamt je daarvoor en "
                        "je bent bang dat je je vriendinnen kwijtraakt.’",
                        "is_correct": True,
                        "feedback": "Precies. Je zegt in je eigen woorden terug wat ze vertelt én "
                        "wat ze voelt, zonder er iets aan toe te voegen.",
                    },
                    {
                        "text": "‘Dat ken ik, ik zeg ook vaak af.’",
                        "is_correct": False,
                        "feedback": "Herkenning kan fijn zijn. Maar dit is je eigen ervaring, geen "
                        "samenvatting. De aandacht gaat dan naar jou in plaats van naar haar.",
                    },
                    {
                        "text": "‘Je bent gewoon te streng voor jezelf.’",
                        "is_correct": False,
                        "feedback": "Misschien heb je gelijk, maar dit is jouw uitleg van haar "
                        "situatie. Een samenvatting blijft dicht bij wat de ander zelf zegt.",
                    },
                ],
            },
        ),
    ],
}

_C1_M2_L3 = {
    "slug": "open-vragen-en-advies",
    "title": "Open vragen, gesloten vragen en het advies op je tong",
    "summary": "Je leert het verschil tussen open en gesloten vragen en hoe je advies vanuit ervaring geeft zonder te sturen.",
    "duration_minutes": 45,
    "body": [
        ("heading", {"text": "Open en gesloten vragen", "level": "h2"}),
        (
            "paragraph",
            "<p>Een <b>gesloten vraag</b> beantwoord je met ja, nee of een kort feit. ‘Slaap je "
            "slecht?’ ‘Gebruik je medicijnen?’ ‘Was het druk op je werk?’ Gesloten vragen zijn "
            "handig om iets te controleren, maar het gesprek houdt er snel mee op.</p>"
            "<p>Een <b>open vraag</b> nodigt uit om te vertellen. Open vragen beginnen vaak met "
            "<i>wat, hoe, welke</i> of <i>waar</i>. ‘Hoe gaat het met slapen?’ ‘Wat merk je van de "
            "medicijnen?’ ‘Hoe was je week?’ Zo bepaalt de ander zelf wat hij vertelt, en hoeveel.</p>",
        ),
        ("heading", {"text": "Pas op met ‘waarom’", "level": "h3"}),
        (
            "paragraph",
            "<p>‘Waarom’ is ook een open vraag, maar kan klinken als een verwijt. ‘Waarom heb je "
            "dat niet tegen je arts gezegd?’ voelt al snel als: ‘Dat had je moeten doen.’ Probeer "
            "het eens zo: ‘Wat hield je tegen om het te zeggen?’ of ‘Hoe kwam het dat je het niet "
            "zei?’ Dan blijft de vraag nieuwsgierig in plaats van beoordelend.</p>",
        ),
        ("heading", {"text": "En als iemand om advies vraagt?", "level": "h2"}),
        (
            "paragraph",
            "<p>Soms vraagt een deelnemer je recht op de man af: ‘Wat moet ik doen?’ Je hoeft dan "
            "niet te zwijgen. Maar in lotgenotencontact geef je geen deskundig advies zoals een "
            "arts dat doet. Je geeft, als het past, iets uit je eigen ervaring. Een paar "
            "handvatten:</p>"
            "<ul>"
            "<li>Vraag eerst wat de ander zelf al bedacht of geprobeerd heeft.</li>"
            "<li>Geef de vraag aan de groep: ‘Wie heeft hier ervaring mee?’ Zo hoort de deelnemer "
            "meerdere wegen, niet alleen de jouwe.</li>"
            "<li>Deel je eigen ervaring als één mogelijkheid: ‘Wat mij hielp, was… Maar dat is bij "
            "iedereen anders.’</li>"
            "<li>Bij medische vragen verwijs je naar de huisarts, de specialist of de "
            "verpleegkundige.</li>"
            "</ul>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Vragen die bijna altijd werken",
                "text": "<p>Houd deze vragen achter de hand:</p>"
                "<ul>"
                "<li>‘Wat bedoel je precies met…?’</li>"
                "<li>‘Hoe was dat voor je?’</li>"
                "<li>‘Wat heb je al geprobeerd?’</li>"
                "<li>‘Wat zou je nu helpen?’</li>"
                "<li>‘Wie in de groep herkent dit?’</li>"
                "</ul>",
            },
        ),
        (
            "exercise",
            {
                "title": "Van gesloten naar open",
                "scenario": "<p>Tijdens een bijeenkomst van een groep voor mantelzorgers hoor je "
                "jezelf deze vragen stellen:</p>"
                "<ol>"
                "<li>‘Krijg je wel genoeg hulp van je familie?’</li>"
                "<li>‘Waarom heb je nog geen dagopvang voor je moeder aangevraagd?’</li>"
                "<li>‘Ben je boos op je moeder?’</li>"
                "<li>‘Heb je het er al met de casemanager over gehad?’</li>"
                "</ol>",
                "instruction": "<p>Maak van elke vraag een open vraag die uitnodigt om te vertellen, "
                "zonder oordeel en zonder verstopt advies. Lees je nieuwe vragen daarna hardop. "
                "Welke vraag zou jij zelf het prettigst vinden om te krijgen als je mantelzorger "
                "was?</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Welke vraag is een open vraag zonder verstopt advies?",
                "options": [
                    {
                        "text": "‘Heb je al eens aan yoga gedacht?’",
                        "is_correct": False,
                        "feedback": "Dit is een gesloten vraag met een tip erin. Begrijpelijk, je "
                        "wilt iets aanreiken, maar de ander kan alleen ja of nee zeggen.",
                    },
                    {
                        "text": "‘Wat helpt jou op dagen dat de pijn erg is?’",
                        "is_correct": True,
                        "feedback": "Ja. Deze vraag is open en nieuwsgierig, en legt de regie bij de "
                        "deelnemer. Zij is de deskundige van haar eigen leven.",
                    },
                    {
                        "text": "‘Waarom ga je niet wat vaker naar buiten?’",
                        "is_correct": False,
                        "feedback": "Deze vraag is wel open, maar klinkt als een verwijt en bevat "
                        "een advies. Probeer eens: ‘Hoe is het voor jou om naar buiten te gaan?’",
                    },
                    {
                        "text": "‘Slaap je slecht door de pijn?’",
                        "is_correct": False,
                        "feedback": "Dit is een gesloten vraag. Niet fout als je iets wilt "
                        "nagaan, maar na ‘ja’ of ‘nee’ stopt het gesprek snel.",
                    },
                ],
            },
        ),
    ],
}

_C1_M2_L4 = {
    "slug": "de-groep-aanvoelen",
    "title": "Luisteren naar de hele groep: aandacht, tijd en toon",
    "summary": "Je leert de aandacht te verdelen, de tijd te bewaken en een veilige, opbouwende toon vast te houden.",
    "duration_minutes": 50,
    "body": [
        ("heading", {"text": "Eén gesprek, veel mensen", "level": "h2"}),
        (
            "paragraph",
            "<p>In een groep luister je niet naar één persoon, maar naar iedereen tegelijk. "
            "Deelnemers zeggen zelf wat een goede begeleider doet: de aandacht eerlijk verdelen, "
            "aanvoelen wat er in de groep leeft, de tijd goed indelen en zorgen dat de toon "
            "veilig en opbouwend blijft.</p>"
            "<p>Een goede sfeer in de groep en genoeg ruimte om ervaringen uit te wisselen horen "
            "volgens deelnemers bij de belangrijkste voorwaarden voor een groep die werkt. Zo’n "
            "zeven op de tien deelnemers noemen ze. Jij kunt daar veel aan bijdragen.</p>",
        ),
        (
            "image",
            {
                "image": "circle",
                "alt_text": "Een kring van stoelen, gezien van bovenaf, waarin iedere stoel even ver van het midden staat.",
                "caption": "Kijk rond in de kring: wie heeft al gepraat, en wie nog niet?",
            },
        ),
        ("heading", {"text": "Aandacht verdelen", "level": "h3"}),
        (
            "paragraph",
            "<p>Sommige deelnemers praten makkelijk en veel. Anderen zeggen weinig. Dat mag "
            "allebei. Stil zijn betekent niet dat iemand niets meemaakt, en niemand hoeft iets te "
            "zeggen. Wel kun je ruimte maken: ‘Ik zie dat je knikt, Anton. Wil je er iets over "
            "zeggen?’ Bied altijd een uitweg: ‘Het hoeft niet, hoor.’</p>"
            "<p>Praat iemand lang? Onderbreek vriendelijk met een samenvatting en geef dan de "
            "beurt door: ‘Je vertelt hoe zwaar de afgelopen weken waren. Ik ben benieuwd hoe dit "
            "voor de anderen is.’ Deelnemers gunnen elkaar ook vaak ruimte: als iemand het echt "
            "nodig heeft, mag die wat langer praten. Jij let erop dat het over de bijeenkomsten "
            "heen in balans blijft.</p>",
        ),
        ("heading", {"text": "Tijd en toon", "level": "h3"}),
        (
            "paragraph",
            "<p>Een vaste opbouw geeft rust. Bijvoorbeeld: een korte opening met een rondje ‘hoe "
            "zit je erbij?’, daarna een gesprek over een thema of over wat er leeft, en een "
            "afsluiting waarin iedereen nog iets kan zeggen. Kondig het einde op tijd aan: ‘We "
            "hebben nog tien minuten.’ Zo begint niemand vlak voor het einde aan een zwaar verhaal "
            "zonder ruimte om het af te ronden.</p>"
            "<p>Let ook op de toon. Wordt iemand uitgelachen, steeds onderbroken of veroordeeld? "
            "Grijp dan rustig in: ‘Ik wil hier even bij stilstaan. We hebben afgesproken dat "
            "iedereen hier zijn eigen ervaring mag hebben.’ Dat doe je niet om iemand terecht te "
            "wijzen, maar om de groep veilig te houden voor iedereen.</p>",
        ),
        (
            "quote",
            {
                "text": "Aan het begin kijk ik even de kring rond. Wie zit ingezakt, wie kijkt naar "
                "de deur? Dat zegt me vaak meer dan het openingsrondje.",
                "attribution": "Gespreksbegeleider van een groep voor mensen met angstklachten",
            },
        ),
        (
            "exercise",
            {
                "title": "Eén stem vult de kamer",
                "scenario": "<p>Het is de vijfde bijeenkomst van een groep voor mensen met reuma. "
                "Gerda is al twintig minuten aan het woord over haar ruzie met de "
                "uitkeringsinstantie. Ze is boos en verdrietig. Twee deelnemers kijken op hun "
                "horloge. Mehmet, die voor het eerst is, heeft nog niets gezegd. Er is nog veertig "
                "minuten over.</p>",
                "instruction": "<p>Beschrijf stap voor stap wat je doet en zegt:</p>"
                "<ol>"
                "<li>Hoe rond je Gerda’s verhaal met respect af? Gebruik een samenvatting.</li>"
                "<li>Hoe geef je het gesprek terug aan de groep?</li>"
                "<li>Hoe nodig je Mehmet uit, zonder hem onder druk te zetten?</li>"
                "<li>Wil je na afloop nog iets tegen Gerda zeggen? Wat dan?</li>"
                "</ol>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer zegt de hele bijeenkomst niets. Wat doe je?",
                "options": [
                    {
                        "text": "Je zegt direct tegen haar: ‘Jij hebt nog niks gezegd, nu ben jij "
                        "aan de beurt.’",
                        "is_correct": False,
                        "feedback": "Je wilt dat ze erbij hoort, en dat is een goede gedachte. Maar "
                        "zo kan ze zich gedwongen voelen. Deelnemers waarderen het juist dat ze "
                        "niet geforceerd worden.",
                    },
                    {
                        "text": "Je nodigt haar vriendelijk uit en laat duidelijk merken dat ze niet "
                        "hoeft te praten.",
                        "is_correct": True,
                        "feedback": "Ja. Je maakt ruimte, en zij houdt zelf de regie. Luisteren en "
                        "er gewoon bij zijn is ook meedoen.",
                    },
                    {
                        "text": "Je laat haar met rust en doet er verder niets mee, ook niet na "
                        "afloop.",
                        "is_correct": False,
                        "feedback": "Rust geven is goed. Toch kan een korte, vriendelijke "
                        "uitnodiging of een praatje na afloop helpen. Sommige mensen wachten op "
                        "een teken dat ze welkom zijn.",
                    },
                    {
                        "text": "Je vraagt de groep waarom zij zo stil is.",
                        "is_correct": False,
                        "feedback": "Dan zet je haar midden in de belangstelling, en dat kan heel "
                        "ongemakkelijk zijn. Wil je iets weten? Vraag het haar dan zelf, rustig en "
                        "met een uitweg.",
                    },
                ],
            },
        ),
    ],
}

# Module 3 (boundaries): Grenzen bewaken --------------------------------------

_C1_M3_L1 = {
    "slug": "omgaan-met-emoties",
    "title": "Omgaan met emoties: van de ander en van jezelf",
    "summary": "Je leert emoties in de groep toe te laten en goed om te gaan met wat ze bij jou oproepen.",
    "duration_minutes": 45,
    "body": [
        ("heading", {"text": "Emoties mogen er zijn", "level": "h2"}),
        (
            "paragraph",
            "<p>In een lotgenotengroep worden verdrietige, boze en pijnlijke dingen verteld. "
            "Soms huilt iemand. Dat is geen teken dat het misgaat. Vaak betekent het dat iemand "
            "zich veilig genoeg voelt om iets te laten zien wat elders verborgen blijft. "
            "Lotgenoten schrikken ook minder snel van een heftig verhaal, omdat ze het zelf "
            "kennen.</p>"
            "<p>Je hoeft emoties niet weg te nemen of op te lossen. Het helpt vaak al om ze te "
            "benoemen en er even bij stil te staan: ‘Ik zie dat dit je raakt. Neem je tijd.’ Een "
            "doos tissues op tafel zegt ook: tranen zijn hier welkom.</p>",
        ),
        ("heading", {"text": "Niet te snel troosten", "level": "h3"}),
        (
            "paragraph",
            "<p>Het is verleidelijk om meteen te troosten: ‘Het komt wel goed’, of iemand een arm "
            "om de schouder te geven. Dat is lief bedoeld, maar het kan het verdriet onderbreken. "
            "Soms voelt de ander zich er zelfs door afgeremd. Vraag liever wat iemand nodig heeft: "
            "‘Wil je verder vertellen, of heb je even een pauze nodig?’</p>",
        ),
        ("heading", {"text": "Als het verhaal van een ander jou raakt", "level": "h2"}),
        (
            "paragraph",
            "<p>Jij hebt zelf ook een geschiedenis. Soms vertelt iemand iets wat heel dicht bij "
            "jouw moeilijkste periode komt. Je keel knijpt dicht, of je raakt even de draad kwijt. "
            "Ook dat is normaal, en het zegt niet dat je ongeschikt bent. Wat kun je doen?</p>"
            "<ul>"
            "<li>Merk het op: ‘Dit raakt me.’ Alleen al dat voor jezelf benoemen helpt.</li>"
            "<li>Adem rustig uit en voel je voeten op de grond.</li>"
            "<li>Ga terug naar je rol: vat samen, stel een vraag, of geef het woord aan de "
            "groep.</li>"
            "<li>Zoek na de bijeenkomst iemand om mee te praten: een medebegeleider, je "
            "coördinator of je intervisiegroep.</li>"
            "</ul>",
        ),
        (
            "quote",
            {
                "text": "Een man vertelde over zijn opname, en het was bijna mijn eigen verhaal. Ik "
                "heb gezegd: ‘Dit raakt me, omdat ik het herken. Ik ben even stil.’ De groep vond "
                "dat helemaal niet erg. Daarna kon ik weer verder.",
                "attribution": "Joyce, gespreksbegeleider",
            },
        ),
        (
            "exercise",
            {
                "title": "Het verhaal komt dichtbij",
                "scenario": "<p>In een groep voor ouders van kinderen met een chronische ziekte "
                "vertelt Ilse over de nacht dat haar zoon met spoed werd opgenomen. Jij hebt iets "
                "heel vergelijkbaars meegemaakt met je eigen dochter. Terwijl Ilse praat, merk je "
                "dat je tranen in je ogen krijgt en dat je niet meer goed hoort wat ze zegt.</p>",
                "instruction": "<p>Schrijf op:</p>"
                "<ol>"
                "<li>Wat doe je op dat moment voor jezelf?</li>"
                "<li>Wat zeg je tegen Ilse en de groep? Vertel je dat het jou raakt, en zo ja, "
                "hoe?</li>"
                "<li>Wat doe je na de bijeenkomst om dit goed af te sluiten?</li>"
                "</ol>"
                "<p>Er is geen foute keuze, zolang je zowel aan Ilse als aan jezelf denkt.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer begint te huilen tijdens haar verhaal. Wat is een "
                "passende reactie?",
                "options": [
                    {
                        "text": "Meteen zeggen dat alles goed komt, zodat ze zich beter voelt.",
                        "is_correct": False,
                        "feedback": "Je wilt haar troosten, en dat is heel menselijk. Maar dit kan "
                        "haar verdriet onderbreken. En eerlijk gezegd weet je niet of alles goed "
                        "komt.",
                    },
                    {
                        "text": "Rustig benoemen dat je ziet dat het haar raakt, en vragen of ze "
                        "verder wil vertellen of even wil pauzeren.",
                        "is_correct": True,
                        "feedback": "Ja. Zo laat je merken dat haar emotie er mag zijn, en houdt zij "
                        "zelf de regie.",
                    },
                    {
                        "text": "Snel een ander onderwerp aansnijden, zodat ze zich niet hoeft te "
                        "schamen.",
                        "is_correct": False,
                        "feedback": "Je wilt haar beschermen, dat is begrijpelijk. Maar zo kan ze "
                        "het gevoel krijgen dat emoties hier niet welkom zijn.",
                    },
                ],
            },
        ),
    ],
}

_C1_M3_L2 = {
    "slug": "betrokken-met-grenzen",
    "title": "Betrokken blijven, met grenzen",
    "summary": "Je leert omgaan met het beroep dat deelnemers op je doen en weet wanneer je doorverwijst.",
    "duration_minutes": 50,
    "body": [
        ("heading", {"text": "Het beroep dat anderen op je doen", "level": "h2"}),
        (
            "paragraph",
            "<p>Als deelnemers zich door jou begrepen voelen, willen ze soms meer. Iemand belt je "
            "tussendoor. Iemand stuurt ’s avonds laat berichtjes. Iemand zegt: ‘Jij bent de "
            "enige die me echt begrijpt.’ Dat voelt als een compliment, en het raakt je. Tegelijk "
            "kan het je te veel worden. Zo’n beroep op jou heet ook wel een <i>appèl</i>.</p>"
            "<p>Je bent vrijwilliger en lotgenoot, geen hulpverlener die dag en nacht bereikbaar "
            "is. Je hebt zelf ook een gezondheid om op te letten. Duidelijke grenzen zijn dus "
            "geen teken dat je weinig om mensen geeft. Ze zorgen er juist voor dat je dit werk "
            "lang en met plezier kunt blijven doen.</p>",
        ),
        (
            "image",
            {
                "image": "fence",
                "alt_text": "Een houten tuinhek met een open poortje, met daarachter een zonnige tuin.",
                "caption": "Een grens is geen muur: het poortje kan open, maar jij bepaalt wanneer.",
            },
        ),
        ("heading", {"text": "Zeg vooraf wat je wel en niet doet", "level": "h3"}),
        (
            "paragraph",
            "<p>Grenzen houden is makkelijker als je ze van tevoren uitspreekt, bijvoorbeeld in "
            "de eerste bijeenkomst of in het kennismakingsgesprek:</p>"
            "<ul>"
            "<li>Wanneer ben je bereikbaar, en hoe? Bijvoorbeeld: ‘Je kunt me mailen; ik "
            "antwoord binnen een paar dagen.’</li>"
            "<li>Wat doe je niet? Bijvoorbeeld: geen telefoontjes midden in de nacht, geen "
            "huisbezoeken.</li>"
            "<li>Wie kunnen mensen bellen als het acuut is?</li>"
            "</ul>"
            "<p>Spreek dit ook af met je organisatie. Dan sta je er niet alleen voor, en geldt "
            "voor iedere begeleider hetzelfde.</p>",
        ),
        ("heading", {"text": "Wanneer verwijs je door?", "level": "h3"}),
        (
            "paragraph",
            "<p>Soms vraagt een situatie meer dan een lotgenotengroep kan bieden. Bijvoorbeeld als "
            "iemand steeds verder achteruitgaat, niet meer goed voor zichzelf kan zorgen of "
            "vertelt over gedachten aan de dood. Het is dan niet jouw taak om dit op te lossen. "
            "Wel kun je rustig benoemen wat je ziet, vragen of iemand hulp heeft, en de weg wijzen "
            "naar de huisarts, de behandelaar of een hulplijn. Bespreek het daarna altijd met je "
            "coördinator, zodat je er niet alleen mee blijft zitten.</p>",
        ),
        (
            "callout",
            {
                "kind": "attention",
                "title": "Bij acute zorgen om iemands veiligheid",
                "text": "<p>Vertelt iemand dat hij niet meer wil leven, of maak je je ernstig "
                "zorgen? Neem het serieus en blijf er niet alleen mee zitten. Bij <b>113 "
                "Zelfmoordpreventie</b> kan iemand dag en nacht gratis en anoniem praten: bel "
                "<b>113</b> of <b>0800-0113</b>, of chat via de website van 113. Bij direct gevaar "
                "bel je <b>112</b>. Buiten kantoortijd kan iemand ook terecht bij de "
                "huisartsenpost.</p>",
            },
        ),
        (
            "exercise",
            {
                "title": "Een bericht om elf uur ’s avonds",
                "scenario": "<p>Je begeleidt sinds een halfjaar een groep. Om 23.00 uur krijg je een "
                "appje van Kees, een trouwe deelnemer: ‘Sorry dat ik stoor. Het gaat echt niet "
                "goed. Jij bent de enige die me snapt. Mag ik je bellen?’ Het is de derde keer deze "
                "maand. Je bent moe en je moet morgen vroeg op.</p>",
                "instruction": "<p>Bedenk wat je nu doet, en schrijf het bericht dat je terugstuurt. "
                "Denk aan:</p>"
                "<ul>"
                "<li>Hoe laat je merken dat je Kees serieus neemt?</li>"
                "<li>Hoe bewaak je je eigen grens?</li>"
                "<li>Waar kan Kees vannacht terecht als het echt niet gaat?</li>"
                "<li>Wat bespreek je later met Kees, en wat met je coördinator?</li>"
                "</ul>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Een deelnemer zegt: ‘Jij bent de enige die me begrijpt. Mag ik je elke "
                "dag even bellen?’ Wat past het best?",
                "options": [
                    {
                        "text": "Ja zeggen, want je wilt haar niet teleurstellen.",
                        "is_correct": False,
                        "feedback": "Dat je haar niet wilt teleurstellen, zegt iets moois over je "
                        "betrokkenheid. Maar elke dag bellen houd je niet vol, en het maakt haar "
                        "afhankelijk van jou alleen.",
                    },
                    {
                        "text": "Vriendelijk zeggen dat je blij bent dat ze zich begrepen voelt, "
                        "uitleggen wanneer je wel bereikbaar bent, en samen kijken wie ze nog meer "
                        "kan bellen.",
                        "is_correct": True,
                        "feedback": "Precies. Je erkent wat ze voelt, je bent duidelijk over je "
                        "grens en je helpt haar om haar steun breder te maken.",
                    },
                    {
                        "text": "Zeggen dat dit niet kan, en er verder niet meer over beginnen.",
                        "is_correct": False,
                        "feedback": "Je grens aangeven is goed. Maar zonder uitleg of iets wat wél "
                        "kan, voelt ze zich misschien afgewezen. Kijk samen wat mogelijk is.",
                    },
                    {
                        "text": "Haar naar een andere groep sturen, omdat ze te afhankelijk wordt.",
                        "is_correct": False,
                        "feedback": "Dit kan voelen als een straf voor haar eerlijkheid. Een open "
                        "gesprek over wat jij kunt bieden en wat zij nodig heeft, is een betere "
                        "eerste stap. Overleg bij twijfel met je coördinator.",
                    },
                ],
            },
        ),
    ],
}

_C1_M3_L3 = {
    "slug": "veilige-groep-afspraken",
    "title": "Een veilige groep: afspraken, nieuwe deelnemers en online",
    "summary": "Je leert samen met de groep afspraken te maken en nieuwe deelnemers en online bijeenkomsten zo te regelen dat de groep veilig blijft.",
    "duration_minutes": 50,
    "body": [
        ("heading", {"text": "Veiligheid komt op de eerste plaats", "level": "h2"}),
        (
            "paragraph",
            "<p>Vraag je deelnemers wat een groep nodig heeft om goed te werken, dan staat "
            "veiligheid bovenaan. In het onderzoek onder deelnemers noemde 84% een veilige "
            "omgeving. Bijna even veel mensen (82%) vonden het belangrijk dat je geaccepteerd "
            "wordt zoals je bent, zonder oordeel. Ook duidelijke afspraken stonden in de top vijf "
            "(67%).</p>"
            "<p>Veiligheid maak je niet alleen als begeleider; het is een samenspel met de groep. "
            "Maar jij kunt er wel de basis voor leggen. Dat is ook een vorm van grenzen bewaken: "
            "de grenzen van de groep.</p>",
        ),
        ("heading", {"text": "Afspraken maak je samen", "level": "h3"}),
        (
            "paragraph",
            "<p>Bespreek in de eerste bijeenkomst welke afspraken de groep wil maken. Schrijf ze "
            "op en haal ze af en toe weer tevoorschijn, vooral als er nieuwe mensen bij komen. "
            "Veel groepen spreken bijvoorbeeld af:</p>"
            "<ul>"
            "<li>Wat hier verteld wordt, blijft in de groep. Over je eigen ervaring mag je "
            "buiten de groep praten, over die van anderen niet.</li>"
            "<li>Eén persoon tegelijk aan het woord.</li>"
            "<li>Iedereen praat vanuit de eigen ervaring, in de ik-vorm.</li>"
            "<li>Geen ongevraagd advies en geen oordeel.</li>"
            "<li>Je hoeft niets te vertellen wat je niet wilt. ‘Ik sla even over’ is altijd "
            "goed.</li>"
            "<li>Telefoons op stil. Kun je niet komen, laat het dan even weten.</li>"
            "</ul>",
        ),
        ("heading", {"text": "Nieuwe deelnemers: rustig laten instromen", "level": "h3"}),
        (
            "paragraph",
            "<p>Als er steeds nieuwe mensen binnenkomen, of als mensen na één of twee keer "
            "wegblijven, wordt een groep onrustig. Het vertrouwen moet dan steeds opnieuw groeien. "
            "Daarom helpt het om afspraken te maken over instroom, bijvoorbeeld:</p>"
            "<ul>"
            "<li>Nieuwe deelnemers kunnen één keer per maand instromen.</li>"
            "<li>Iemand komt eerst één keer kijken en besluit daarna of hij blijft.</li>"
            "<li>Voor de eerste keer is er een kort kennismakingsgesprek of telefoontje.</li>"
            "<li>Iedereen krijgt vooraf duidelijke informatie: wat kun je van de groep "
            "verwachten, en wat niet?</li>"
            "</ul>"
            "<p>Goede informatie vooraf voorkomt teleurstelling. Wie weet dat de groep geen "
            "therapie is en dat er niets moet, voelt zich sneller op zijn plek.</p>",
        ),
        ("heading", {"text": "Online bijeenkomsten", "level": "h3"}),
        (
            "paragraph",
            "<p>Steeds meer groepen komen online samen, via videobellen of in een besloten online "
            "community. Voor mensen die moeilijk de deur uit komen, is dat een uitkomst. In het "
            "Integraal Zorgakkoord is zelfs afgesproken te werken aan een landelijk netwerk van "
            "online lotgenotengroepen. Online vraagt wel extra aandacht:</p>"
            "<ul>"
            "<li>Vraag deelnemers op een rustige plek te zitten waar niemand meeluistert.</li>"
            "<li>Spreek af dat niemand opneemt, foto’s maakt of schermafbeeldingen deelt.</li>"
            "<li>Leg uit hoe je het woord vraagt, bijvoorbeeld met een handje of in de chat.</li>"
            "<li>Vraag vaker even hoe het gaat: online zie je minder van iemands houding.</li>"
            "<li>Help mensen die minder handig zijn met de techniek, bijvoorbeeld met een korte "
            "proefverbinding vooraf.</li>"
            "</ul>",
        ),
        (
            "exercise",
            {
                "title": "Een onverwachte nieuwkomer",
                "scenario": "<p>Je groep komt al vier maanden samen, met een vaste kern van zes "
                "mensen. Vanavond staat er onaangekondigd een nieuwe vrouw in de deur. Ze is via een "
                "kennis gekomen, heeft geen informatie gehad en zegt: ‘Ik moet echt met iemand "
                "praten.’ De groep had afgesproken om het vanavond over een heel persoonlijk thema "
                "te hebben.</p>",
                "instruction": "<p>Beschrijf wat je doet:</p>"
                "<ol>"
                "<li>Wat zeg je tegen de vrouw, zodat ze zich welkom voelt?</li>"
                "<li>Laat je haar vanavond meedoen? Wat weeg je daarbij af?</li>"
                "<li>Hoe betrek je de groep bij die keuze, en hoe leg je de afspraken uit?</li>"
                "<li>Welke afspraak over instroom wil je hierna met de groep maken?</li>"
                "</ol>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Waarom is het verstandig om af te spreken wanneer nieuwe deelnemers "
                "kunnen instromen?",
                "options": [
                    {
                        "text": "Omdat een groep met steeds wisselende mensen minder veilig voelt, "
                        "en vertrouwen tijd nodig heeft.",
                        "is_correct": True,
                        "feedback": "Klopt. Veel komen en gaan maakt een groep onrustig. Een rustige "
                        "instroom, met informatie vooraf, beschermt de veiligheid.",
                    },
                    {
                        "text": "Omdat een groep eigenlijk beter gesloten kan blijven voor nieuwe "
                        "mensen.",
                        "is_correct": False,
                        "feedback": "Begrijpelijk dat je de groep wilt beschermen. Maar nieuwe "
                        "mensen zijn welkom en kunnen veel steun vinden. Het gaat om hoe en wanneer "
                        "ze instromen.",
                    },
                    {
                        "text": "Omdat de begeleider anders te veel administratie heeft.",
                        "is_correct": False,
                        "feedback": "Administratie kan meespelen, maar het gaat hier vooral om de "
                        "deelnemers: een groep voelt veiliger als mensen elkaar kennen.",
                    },
                    {
                        "text": "Omdat nieuwe deelnemers eerst moeten bewijzen dat ze echt "
                        "lotgenoot zijn.",
                        "is_correct": False,
                        "feedback": "Niemand hoeft iets te bewijzen. Een kennismaking is bedoeld om "
                        "iemand goed te informeren en welkom te heten, niet om te keuren.",
                    },
                ],
            },
        ),
    ],
}

_C1_M3_L4 = {
    "slug": "somberte-keren-en-zelfzorg",
    "title": "Somberte keren en goed voor jezelf zorgen",
    "summary": "Je leert voorkomen dat de groep elkaar naar beneden trekt en hoe je je eigen gezondheid als vrijwilliger bewaakt.",
    "duration_minutes": 50,
    "body": [
        ("heading", {"text": "Als de groep naar beneden trekt", "level": "h2"}),
        (
            "paragraph",
            "<p>Sommige mensen denken dat lotgenotengroepen vooral klaagclubjes zijn, waar "
            "mensen elkaar steeds verder omlaag praten. In de praktijk is dat meestal niet zo: "
            "herkenning maakt mensen juist sterker. Maar het risico bestaat wel, en de begeleider "
            "maakt hier het verschil.</p>"
            "<p>Signalen dat een gesprek de verkeerde kant op gaat:</p>"
            "<ul>"
            "<li>Iedereen vertelt wat er mis is, maar niemand vertelt wat helpt.</li>"
            "<li>De verhalen worden steeds heftiger, alsof het een wedstrijd is.</li>"
            "<li>Er wordt veel geklaagd over anderen (artsen, instanties, familie), zonder dat "
            "het ergens heen gaat.</li>"
            "<li>Mensen gaan somberder naar huis dan ze kwamen.</li>"
            "</ul>",
        ),
        ("heading", {"text": "Het gesprek een andere kant op helpen", "level": "h3"}),
        (
            "paragraph",
            "<p>Je hoeft moeilijke gevoelens niet weg te poetsen. Boosheid en verdriet mogen er "
            "zijn. Maar na de erkenning kun je het gesprek een andere richting geven:</p>"
            "<ul>"
            "<li>Erken eerst: ‘Ik hoor veel frustratie over de wachtlijsten. Dat is ook echt "
            "zwaar.’</li>"
            "<li>Vraag dan naar kracht: ‘Wat heeft jullie geholpen om zo’n periode door te "
            "komen?’</li>"
            "<li>Zoek kleine stappen: ‘Wat is deze week één klein ding dat je voor jezelf kunt "
            "doen?’</li>"
            "<li>Sluit bewust af: een rondje ‘wat neem je mee van vandaag?’ helpt mensen om met "
            "iets lichters naar huis te gaan.</li>"
            "</ul>",
        ),
        (
            "quote",
            {
                "text": "Vroeger gingen we allemaal met een zwaar hoofd naar huis. Sinds we afsluiten "
                "met ‘wat neem je mee’, wordt er vaker gelachen. Het verdriet is er nog, maar er is "
                "ook weer lucht.",
                "attribution": "Deelnemer aan een lotgenotengroep",
            },
        ),
        ("heading", {"text": "Jouw eigen gezondheid", "level": "h2"}),
        (
            "paragraph",
            "<p>Veel gespreksbegeleiders hebben zelf een aandoening of kwetsbaarheid. Jouw "
            "gezondheid telt dus mee. Een groep begeleiden geeft vaak veel voldoening: je kunt "
            "iets doen met wat je hebt meegemaakt. Maar het kost ook energie. Let op signalen dat "
            "het te veel wordt: slecht slapen, veel piekeren over deelnemers, opzien tegen de "
            "bijeenkomst, of merken dat je eigen klachten toenemen.</p>"
            "<ul>"
            "<li>Plan rust in na een bijeenkomst, en doe iets wat je energie geeft.</li>"
            "<li>Praat erover: met een medebegeleider, je coördinator of in intervisie met andere "
            "begeleiders.</li>"
            "<li>Je mag een bijeenkomst laten overnemen of een pauze nemen als het even niet gaat. "
            "Spreek vooraf met je organisatie af hoe vervanging geregeld is.</li>"
            "<li>Stoppen mag ook. Dat is geen falen, maar goed voor jezelf zorgen. En dat is "
            "precies wat je je deelnemers ook gunt.</li>"
            "</ul>",
        ),
        (
            "image",
            {
                "image": "fence",
                "alt_text": "Een laag tuinhek met een open poortje, waardoor een smal pad een rustige tuin in loopt.",
                "caption": "Goed voor jezelf zorgen is ook een grens bewaken.",
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Maak een eigen zorgplan",
                "text": "<p>Schrijf voor jezelf op: Wat zijn mijn signalen dat het te veel wordt? "
                "Wat helpt mij om op te laden? Wie kan ik bellen na een zware bijeenkomst? Bewaar "
                "het op een plek waar je het makkelijk terugvindt, bijvoorbeeld in je telefoon.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Na een zware bijeenkomst lig je twee nachten wakker van het verhaal van "
                "een deelnemer. Wat is een goede stap?",
                "options": [
                    {
                        "text": "Niets zeggen, want een goede begeleider moet dit kunnen dragen.",
                        "is_correct": False,
                        "feedback": "Begrijpelijk dat je sterk wilt zijn. Maar niemand hoeft dit "
                        "alleen te dragen. Erover praten is juist verstandig en goed voor jezelf.",
                    },
                    {
                        "text": "Erover praten met een medebegeleider of je coördinator, en kijken "
                        "wat je nodig hebt.",
                        "is_correct": True,
                        "feedback": "Ja. Door te delen wat je raakt, voorkom je dat het zich "
                        "opstapelt. Zo zorg je voor jezelf én voor de groep.",
                    },
                    {
                        "text": "De deelnemer bellen om te vragen of het nu beter gaat, zodat jij "
                        "gerust bent.",
                        "is_correct": False,
                        "feedback": "Je betrokkenheid is mooi. Maar dan zoek je bij de deelnemer "
                        "steun voor jouw zorgen. Die steun kun je beter halen bij je eigen mensen "
                        "of je organisatie.",
                    },
                    {
                        "text": "Meteen stoppen als begeleider, want blijkbaar kun je het niet aan.",
                        "is_correct": False,
                        "feedback": "Wat je meemaakt, is heel normaal en zegt niet dat je "
                        "ongeschikt bent. Zoek eerst steun. Merk je daarna dat het echt te veel is, "
                        "dan is een pauze een goede keuze.",
                    },
                ],
            },
        ),
    ],
}

# ---------------------------------------------------------------------------
# Course 2: Opfriscursus: je eigen grenzen bewaken
# ---------------------------------------------------------------------------

_C2_M1_L1 = {
    "slug": "signalen-herkennen",
    "title": "Signalen dat je over je grens gaat",
    "summary": "Je brengt in kaart hoe je lichaam en je gedachten laten merken dat het te veel wordt.",
    "duration_minutes": 35,
    "body": [
        ("heading", {"text": "Grenzen merk je vaak pas achteraf", "level": "h2"}),
        (
            "paragraph",
            "<p>De meeste mensen merken pas dat ze over een grens zijn gegaan als het al gebeurd "
            "is. Je bent ineens doodmoe, kortaf tegen je partner, of je ziet op tegen de volgende "
            "bijeenkomst. Als je vrijwilligerswerk doet met een eigen kwetsbaarheid, heb je extra "
            "reden om die signalen eerder op te vangen.</p>",
        ),
        ("heading", {"text": "Drie kleuren", "level": "h3"}),
        (
            "paragraph",
            "<p>Een eenvoudig hulpmiddel is om je energie te zien als een verkeerslicht:</p>"
            "<ul>"
            "<li><b>Groen</b>: je hebt zin in de bijeenkomst, je slaapt goed en je kunt na afloop "
            "loslaten wat je hoorde.</li>"
            "<li><b>Oranje</b>: je piekert vaker over deelnemers, je slaapt onrustiger, je eigen "
            "klachten spelen meer op. Tijd om iets aan te passen.</li>"
            "<li><b>Rood</b>: je ziet erg op tegen de groep, je voelt je leeg of prikkelbaar, je "
            "eigen herstel komt in gevaar. Tijd om hulp te vragen en gas terug te nemen.</li>"
            "</ul>"
            "<p>Iedereen heeft eigen signalen. Bij de een is het hoofdpijn, bij de ander het "
            "uitstellen van berichten van de groep. Hoe beter je je eigen signalen kent, hoe "
            "eerder je kunt bijsturen.</p>",
        ),
        (
            "image",
            {
                "image": "path",
                "alt_text": "Een pad van stapstenen door het gras, dat rustig verder loopt.",
                "caption": "Onderweg mag je stilstaan en kijken waar je bent.",
            },
        ),
        (
            "quote",
            {
                "text": "Ik merkte het aan mijn telefoon. Elke keer als er een appje van de groep "
                "binnenkwam, kreeg ik een steen in mijn maag. Toen wist ik: ik moet iets "
                "veranderen.",
                "attribution": "Gespreksbegeleider van een groep voor mensen met een chronische ziekte",
            },
        ),
        (
            "exercise",
            {
                "title": "Jouw verkeerslicht",
                "scenario": "<p>Denk terug aan de laatste drie bijeenkomsten van jouw groep. "
                "Misschien was er een avond waarna je nog uren wakker lag, of een moment waarop je "
                "geïrriteerd raakte over iets kleins. Misschien ging alles juist goed.</p>",
                "instruction": "<p>Maak voor jezelf drie kolommen: groen, oranje en rood. Schrijf "
                "in elke kolom twee of drie signalen die bij jou passen: in je lichaam, in je "
                "gedachten en in wat je doet. Zet bij oranje en rood wat je dan doet en wie je dan "
                "belt. Kijk er over een maand nog eens naar.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Welk signaal past bij ‘oranje’: tijd om iets aan te passen?",
                "options": [
                    {
                        "text": "Je hebt zin in de bijeenkomst en kunt na afloop goed loslaten.",
                        "is_correct": False,
                        "feedback": "Dit klinkt als groen. Fijn als je dit herkent! Houd wel in de "
                        "gaten dat het kan veranderen.",
                    },
                    {
                        "text": "Je piekert de laatste weken vaker over een deelnemer en je slaapt "
                        "onrustiger.",
                        "is_correct": True,
                        "feedback": "Klopt. Dit zijn vroege signalen. Goed dat je ze opmerkt. Praat "
                        "er met iemand over, voordat het rood wordt.",
                    },
                    {
                        "text": "Je hebt één keer een bijeenkomst gehad die minder goed liep.",
                        "is_correct": False,
                        "feedback": "Een minder goede bijeenkomst hoort erbij en zegt op zich niet "
                        "dat je over je grens gaat. Het gaat om signalen die langer aanhouden.",
                    },
                ],
            },
        ),
    ],
}

_C2_M1_L2 = {
    "slug": "nee-zeggen-met-zorg",
    "title": "Nee zeggen zonder de ander los te laten",
    "summary": "Je oefent met zinnen om een grens vriendelijk en duidelijk aan te geven.",
    "duration_minutes": 40,
    "body": [
        ("heading", {"text": "Een grens is ook zorg voor de ander", "level": "h2"}),
        (
            "paragraph",
            "<p>Nee zeggen voelt voor veel begeleiders als tekortschieten. Je weet hoe het is als "
            "niemand je begrijpt, en nu vraagt iemand jou om hulp. Toch is een grens aangeven ook "
            "goed voor de ander. Als jij alles overneemt, leert een deelnemer minder goed om steun "
            "te vinden bij anderen, in de groep en daarbuiten. En als jij opbrandt, heeft de groep "
            "helemaal geen begeleider meer.</p>",
        ),
        ("heading", {"text": "Zo geef je een grens aan", "level": "h3"}),
        (
            "paragraph",
            "<p>Met een vaste volgorde gaat het makkelijker:</p>"
            "<ol>"
            "<li><b>Erken</b> wat de ander vraagt of voelt: ‘Ik merk dat je het zwaar hebt en "
            "graag wilt praten.’</li>"
            "<li><b>Noem je grens</b>, kort en zonder lange verontschuldiging: ‘Vanavond lukt "
            "bellen mij niet.’</li>"
            "<li><b>Bied aan wat wel kan</b>: ‘Ik kan je morgen om tien uur bellen’, of ‘Na de "
            "bijeenkomst kunnen we even napraten.’</li>"
            "<li><b>Wijs de weg</b> als het dringend is: de huisarts, de huisartsenpost, de "
            "behandelaar of een hulplijn.</li>"
            "</ol>",
        ),
        (
            "image",
            {
                "image": "fence",
                "alt_text": "Een houten tuinhek met een open poortje; achter het hek loopt een pad de tuin in.",
                "caption": "Het is duidelijk waar het hek staat, en toch is de poort open.",
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Zinnen die je kunt lenen",
                "text": "<p>‘Ik vind het fijn dat je me vertrouwt. Tegelijk kan ik niet elke dag "
                "voor je klaarstaan.’</p>"
                "<p>‘Daar wil ik graag met je over praten, maar niet nu. Zullen we er donderdag na "
                "de groep even tijd voor nemen?’</p>"
                "<p>‘Dit is belangrijk, en het is groter dan wat ik als lotgenoot kan bieden. Heb je "
                "er al met je huisarts over gepraat?’</p>",
            },
        ),
        (
            "exercise",
            {
                "title": "Een vraag bij de deur",
                "scenario": "<p>De bijeenkomst is net afgelopen en je bent moe. Bij de deur vraagt "
                "Anouk of je haar naar huis kunt brengen, zodat ze onderweg nog even kan praten over "
                "haar scheiding. Het is de vierde keer. Eigenlijk wil je gewoon naar huis.</p>",
                "instruction": "<p>Schrijf je antwoord aan Anouk uit met de vier stappen uit deze "
                "les: erkennen, je grens noemen, aanbieden wat wel kan en zo nodig de weg wijzen. "
                "Zeg het daarna hardop, het liefst tegen iemand die je vertrouwt. Hoe voelt het? "
                "Klinkt het vriendelijk én duidelijk?</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Welke reactie is een vriendelijke én duidelijke grens?",
                "options": [
                    {
                        "text": "‘Sorry, sorry, ik heb het zo druk, misschien een andere keer, ik "
                        "weet het niet…’",
                        "is_correct": False,
                        "feedback": "Heel herkenbaar: veel mensen verontschuldigen zich uitgebreid. "
                        "Maar zo blijft voor de ander onduidelijk wat je bedoelt. Kort en "
                        "vriendelijk werkt beter.",
                    },
                    {
                        "text": "‘Ik merk dat je graag wilt praten. Vanavond lukt het me niet, maar "
                        "morgenochtend bel ik je even.’",
                        "is_correct": True,
                        "feedback": "Mooi. Je erkent de ander, je bent helder over je grens en je "
                        "biedt iets aan wat wel kan.",
                    },
                    {
                        "text": "‘Daar ben ik niet voor. Zoek maar iemand anders.’",
                        "is_correct": False,
                        "feedback": "Je bent duidelijk, en het is goed dat je je grens bewaakt. "
                        "Maar zonder erkenning kan dit hard aankomen. Begin met benoemen wat je "
                        "ziet.",
                    },
                    {
                        "text": "Niets zeggen en het verzoek negeren, in de hoop dat het vanzelf "
                        "stopt.",
                        "is_correct": False,
                        "feedback": "Begrijpelijk dat je een lastig gesprek liever vermijdt. Maar "
                        "de ander weet dan niet waar hij aan toe is, en het verzoek komt "
                        "waarschijnlijk terug.",
                    },
                ],
            },
        ),
    ],
}

_C2_M1_L3 = {
    "slug": "opladen-en-steun-zoeken",
    "title": "Opladen en steun zoeken",
    "summary": "Je maakt een eenvoudig plan om na bijeenkomsten op te laden en zelf steun te vinden.",
    "duration_minutes": 35,
    "body": [
        ("heading", {"text": "Ook een begeleider heeft een kring nodig", "level": "h2"}),
        (
            "paragraph",
            "<p>Jij zorgt voor een plek waar anderen gehoord worden. Maar wie luistert naar jou? "
            "Begeleiders die het lang volhouden, hebben bijna altijd hun eigen steun geregeld: een "
            "medebegeleider, een coördinator die regelmatig contact zoekt, of een intervisiegroep "
            "met andere begeleiders.</p>"
            "<p>Daar kun je kwijt wat je raakte, zonder het vertrouwen van deelnemers te schaden. "
            "Je vertelt over jouw ervaring, niet over wie wat zei.</p>",
        ),
        (
            "image",
            {
                "image": "circle",
                "alt_text": "Een kring van stoelen in een rustige ruimte, klaar voor een gesprek tussen begeleiders.",
                "caption": "Intervisie: een kring voor de begeleiders zelf.",
            },
        ),
        ("heading", {"text": "Na de bijeenkomst: bewust afsluiten", "level": "h3"}),
        (
            "paragraph",
            "<p>Een vast ritueel helpt om de bijeenkomst achter je te laten. Dat kan heel "
            "eenvoudig zijn:</p>"
            "<ul>"
            "<li>Schrijf drie zinnen op: wat ging goed, wat raakte me, wat laat ik hier?</li>"
            "<li>Loop of fiets een blokje om voordat je naar binnen gaat.</li>"
            "<li>Zet je telefoon een uur op stil voor berichten van de groep.</li>"
            "<li>Doe iets wat je oplaadt: muziek, koken, een serie, tijd met je huisdier.</li>"
            "</ul>",
        ),
        (
            "quote",
            {
                "text": "Na elke groep loop ik een rondje door het park. Bij het bruggetje zeg ik in "
                "mezelf: zo, dit laat ik hier. Het klinkt misschien gek, maar het werkt.",
                "attribution": "Ruud, gespreksbegeleider",
            },
        ),
        (
            "callout",
            {
                "kind": "attention",
                "title": "Je eigen gezondheid gaat voor",
                "text": "<p>Merk je dat je eigen klachten terugkomen of erger worden? Neem dat "
                "serieus en bespreek het met je eigen huisarts of behandelaar. Laat je organisatie "
                "weten dat je even minder kunt; een goede organisatie regelt vervanging. Jouw "
                "herstel is net zo belangrijk als dat van je deelnemers.</p>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Je wilt in je intervisiegroep praten over een deelnemer die je erg "
                "raakte. Hoe doe je dat met respect voor haar privacy?",
                "options": [
                    {
                        "text": "Je noemt haar naam, woonplaats en diagnose, zodat de anderen het "
                        "goed snappen.",
                        "is_correct": False,
                        "feedback": "Je wilt de situatie goed uitleggen, dat is begrijpelijk. Maar "
                        "wat in de groep gedeeld wordt, blijft in de groep. Namen en herkenbare "
                        "details horen daar niet bij.",
                    },
                    {
                        "text": "Je vertelt vooral wat het met jóu deed, zonder namen of herkenbare "
                        "details.",
                        "is_correct": True,
                        "feedback": "Ja. Zo krijg jij steun, en blijft het vertrouwen van de "
                        "deelnemer beschermd.",
                    },
                    {
                        "text": "Je zegt er niets over, want alles uit de groep is geheim, ook je "
                        "eigen gevoel.",
                        "is_correct": False,
                        "feedback": "Goed dat je zorgvuldig bent. Maar over je eigen gevoel mag je "
                        "praten. Dat is zelfs nodig om het niet alleen te dragen.",
                    },
                ],
            },
        ),
    ],
}

_C2_M2_L1 = {
    "slug": "meeleven-zonder-meelijden",
    "title": "Meeleven zonder meelijden",
    "summary": "Je frist LSD op en leert luisteren met aandacht, zonder het verhaal van de ander over te nemen.",
    "duration_minutes": 35,
    "body": [
        ("heading", {"text": "Dichtbij, maar niet in het water", "level": "h2"}),
        (
            "paragraph",
            "<p>Als je luistert naar iemand met wie je veel deelt, is het verleidelijk om "
            "helemaal mee te gaan in het verhaal. Je voelt wat de ander voelt, soms nog sterker. "
            "Dat maakt je een warme begeleider, maar het kan je ook uitputten.</p>"
            "<p>Het helpt om onderscheid te maken. <b>Meeleven</b> betekent dat je begrijpt en "
            "erkent wat de ander doormaakt. <b>Meelijden</b> betekent dat je het verdriet van de "
            "ander overneemt, alsof het van jou is. Je helpt het best vanuit meeleven. Dan blijf "
            "je naast de ander op de kant staan, in plaats van samen in het water te liggen.</p>",
        ),
        (
            "image",
            {
                "image": "ear",
                "alt_text": "Een getekend oor naast spraakwolkjes: het beeld voor aandachtig luisteren.",
                "caption": "Luisteren met aandacht, en met een beetje afstand.",
            },
        ),
        ("heading", {"text": "LSD als houvast", "level": "h3"}),
        (
            "paragraph",
            "<p>De drie stappen uit de basiscursus helpen je ook om wat afstand te houden:</p>"
            "<ul>"
            "<li><b>Luisteren</b>: je richt je aandacht op wat de ander vertelt, niet op je eigen "
            "herinneringen.</li>"
            "<li><b>Samenvatten</b>: je zegt terug wat je hoorde, dicht bij de woorden van de "
            "ander. Zo blijft het verhaal van de ander.</li>"
            "<li><b>Doorvragen</b>: je vraagt wat de ander zelf nodig heeft en zelf kan. Zo ga je "
            "niet ongemerkt de oplossing dragen.</li>"
            "</ul>",
        ),
        (
            "quote",
            {
                "text": "Ik dacht altijd dat ik alles moest meevoelen om een goede begeleider te "
                "zijn. Nu weet ik: ik mag het horen, en het daarna ook weer teruggeven.",
                "attribution": "Deelnemer aan een terugkomdag voor gespreksbegeleiders",
            },
        ),
        (
            "exercise",
            {
                "title": "Het verhaal blijft van de ander",
                "scenario": "<p>In je groep vertelt Fatma dat haar man is vertrokken, nu ze ziek is. "
                "Ze is wanhopig en boos. Jij stond tijdens je eigen ziekte ook ineens alleen. Je "
                "merkt dat je in gedachten al een plan voor haar maakt: een advocaat, "
                "maatschappelijk werk, wie haar kan helpen verhuizen.</p>",
                "instruction": "<p>Leg het plan in je hoofd even in een denkbeeldige la. Schrijf "
                "dan op:</p>"
                "<ol>"
                "<li>Een samenvatting van wat Fatma vertelt en voelt.</li>"
                "<li>Een open vraag naar wat zij zelf nu het meest nodig heeft.</li>"
                "<li>Een vraag aan de groep, zodat Fatma steun krijgt van meer mensen dan alleen "
                "van jou.</li>"
                "</ol>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Wat past bij meeleven, en niet bij meelijden?",
                "options": [
                    {
                        "text": "Na de bijeenkomst nog dagen met het verdriet van een deelnemer "
                        "rondlopen.",
                        "is_correct": False,
                        "feedback": "Dit overkomt veel begeleiders, en het zegt iets over je "
                        "betrokkenheid. Toch is dit eerder meelijden: je draagt het verdriet mee "
                        "alsof het van jou is. Zoek dan steun voor jezelf.",
                    },
                    {
                        "text": "Begrijpen en benoemen wat de ander voelt, en het verhaal bij de "
                        "ander laten.",
                        "is_correct": True,
                        "feedback": "Precies. Zo ben je dichtbij en warm, en houd je genoeg ruimte "
                        "om de groep te blijven begeleiden.",
                    },
                    {
                        "text": "Zo hard meehuilen dat de groep jou gaat troosten.",
                        "is_correct": False,
                        "feedback": "Ontroerd raken is menselijk en mag. Maar als de groep voor jou "
                        "moet zorgen, draaien de rollen om. Neem dan even afstand en zoek later "
                        "steun voor jezelf.",
                    },
                ],
            },
        ),
    ],
}

_C2_M2_L2 = {
    "slug": "samenvatten-als-rustpunt",
    "title": "Samenvatten als rustpunt",
    "summary": "Je gebruikt samenvatten om rust te brengen in een zwaar of druk gesprek, voor de groep en voor jezelf.",
    "duration_minutes": 35,
    "body": [
        ("heading", {"text": "Even op de pauzeknop", "level": "h2"}),
        (
            "paragraph",
            "<p>Soms gaat een gesprek snel. Er komen veel emoties los, mensen praten door elkaar, "
            "of één verhaal wordt steeds zwaarder. Je voelt de spanning in je eigen lijf oplopen. "
            "Op zo’n moment werkt een samenvatting als een pauzeknop. Je vertraagt het gesprek, je "
            "geeft overzicht en je krijgt zelf even lucht.</p>",
        ),
        ("heading", {"text": "Drie soorten samenvattingen", "level": "h3"}),
        (
            "paragraph",
            "<ul>"
            "<li><b>Voor één persoon</b>: ‘Je bent bang dat het terugkomt, en je durft er thuis "
            "niet over te beginnen.’</li>"
            "<li><b>Voor de hele groep</b>: ‘Ik hoor bij een paar van jullie dat de feestdagen "
            "zwaar zijn, en dat je je dan extra alleen voelt.’</li>"
            "<li><b>Om af te ronden</b>: ‘We hebben vandaag veel gedeeld over boosheid. Wat neemt "
            "ieder van jullie mee?’</li>"
            "</ul>"
            "<p>Een samenvatting voor de hele groep laat bovendien zien wat mensen met elkaar "
            "gemeen hebben. Dat versterkt het gevoel: ik ben niet de enige.</p>",
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Adem eerst uit",
                "text": "<p>Voordat je samenvat, adem je één keer rustig uit. Praat daarna iets "
                "langzamer dan normaal. De groep neemt jouw tempo vaak vanzelf over.</p>",
            },
        ),
        (
            "exercise",
            {
                "title": "Het gesprek loopt op",
                "scenario": "<p>In een online bijeenkomst van een groep voor mensen met langdurige "
                "klachten na corona reageren drie deelnemers fel op elkaar. Het gaat over de vraag "
                "of je wel of niet moet blijven bewegen. Iemand typt in de chat: ‘Jullie snappen er "
                "niks van.’ Een ander zet haar camera uit. Je voelt je hart sneller kloppen.</p>",
                "instruction": "<p>Bedenk wat je zegt om het gesprek te vertragen. Schrijf op:</p>"
                "<ol>"
                "<li>Een samenvatting van wat je in de groep hoort, waarin iedereen zich kan "
                "herkennen.</li>"
                "<li>Een zin waarin je de groepsafspraak noemt dat ieders ervaring er mag zijn.</li>"
                "<li>Hoe je na afloop contact zoekt met de deelnemer die haar camera uitzette.</li>"
                "</ol>",
            },
        ),
        (
            "knowledge_check",
            {
                "question": "Waarbij kan een samenvatting voor de hele groep helpen?",
                "options": [
                    {
                        "text": "Laten zien wat deelnemers gemeen hebben, en het gesprek rustiger "
                        "maken.",
                        "is_correct": True,
                        "feedback": "Klopt. Een samenvatting voor de groep versterkt de herkenning "
                        "en is een rustpunt, ook voor jou.",
                    },
                    {
                        "text": "Bepalen wie er gelijk heeft.",
                        "is_correct": False,
                        "feedback": "Begrijpelijk dat je een meningsverschil wilt oplossen. Maar in "
                        "lotgenotencontact gaat het niet om gelijk hebben. Ieders ervaring mag er "
                        "zijn.",
                    },
                    {
                        "text": "Snel door kunnen naar je eigen advies.",
                        "is_correct": False,
                        "feedback": "Je wilt de groep verder helpen, en dat is mooi. Maar een "
                        "samenvatting is geen opstapje naar advies. Het laat vooral merken dat je "
                        "luistert.",
                    },
                ],
            },
        ),
    ],
}

# ---------------------------------------------------------------------------
# The courses
# ---------------------------------------------------------------------------

COURSES: list[dict] = [
    {
        "slug": "basiscursus-gespreksbegeleiding",
        "title": "Basiscursus gespreksbegeleiding lotgenotencontact",
        "intro": (
            "<p>Wil je een lotgenotengroep gaan begeleiden? Fijn dat je er bent. In deze "
            "basiscursus leer je stap voor stap wat een goede gespreksbegeleider doet, en ook wat "
            "je <b>niet</b> hoeft te doen. Je hoeft geen hulpverlener te worden. Je eigen "
            "ervaring, een luisterend oor en goede zorg voor jezelf zijn je belangrijkste "
            "gereedschap.</p>"
            "<p>De cursus heeft drie modules. Je doet ze na elkaar, omdat ze op elkaar "
            "voortbouwen:</p>"
            "<ol>"
            "<li><b>Ervaringsdeskundigheid</b>: je eigen ervaring als bron, ten dienste van de "
            "ander.</li>"
            "<li><b>Luistervaardigheden</b>: eerst luisteren, dan samenvatten en doorvragen.</li>"
            "<li><b>Grenzen bewaken</b>: zorgen voor de groep én voor jezelf.</li>"
            "</ol>"
            "<p>Elke les heeft korte teksten, voorbeelden uit de praktijk, oefeningen en een paar "
            "vragen om jezelf te testen. Neem de tijd. Je kunt altijd stoppen en later verder "
            "gaan.</p>"
        ),
        "study_load_hours": 24,
        "target_audience": (
            "Vrijwilligers die een lotgenotengroep gaan begeleiden of net zijn begonnen, op "
            "locatie of online. Vaak heb je zelf ervaring met een aandoening, een kwetsbaarheid of "
            "de zorg voor een naaste. Je hebt geen vooropleiding nodig."
        ),
        "learning_goals": [
            "Je kunt uitleggen wat lotgenotencontact deelnemers oplevert en wat een groep nodig heeft om goed te werken.",
            "Je kunt je eigen ervaring bewust en met mate inzetten, ten dienste van de ander.",
            "Je kunt luisteren, samenvatten en doorvragen zonder meteen advies te geven.",
            "Je kunt de aandacht in een groep verdelen, de tijd bewaken en zorgen voor een veilige, opbouwende toon.",
            "Je kunt je eigen grenzen herkennen en aangeven, en je weet wanneer je iemand doorverwijst.",
            "Je kunt samen met de groep duidelijke afspraken maken, ook over nieuwe deelnemers en online bijeenkomsten.",
        ],
        "sequential": True,
        "modules": [
            {
                "slug": "ervaringsdeskundigheid",
                "title": "Ervaringsdeskundigheid: je eigen ervaring als bron",
                "pillar": "experience",
                "intro": (
                    "<p>Jij weet van binnenuit hoe het is om te leven met een aandoening, een "
                    "kwetsbaarheid of een zware situatie. Dat is een bijzondere vorm van kennis. In "
                    "deze module ontdek je wat lotgenotencontact mensen geeft, wat "
                    "ervaringsdeskundigheid precies is, en hoe je jouw verhaal zo inzet dat het de "
                    "ander verder helpt.</p>"
                ),
                "study_load_hours": 8,
                "lessons": [_C1_M1_L1, _C1_M1_L2, _C1_M1_L3, _C1_M1_L4],
            },
            {
                "slug": "luistervaardigheden",
                "title": "Luistervaardigheden: eerst luisteren",
                "pillar": "listening",
                "intro": (
                    "<p>Een luisterend oor bieden is de kern van je werk als gespreksbegeleider. Het "
                    "klinkt eenvoudig, maar het is misschien wel het moeilijkste onderdeel. Je wilt "
                    "helpen, geruststellen, een tip geven. In deze module leer je om eerst te "
                    "luisteren, dan samen te vatten en door te vragen. En je leert luisteren naar de "
                    "groep als geheel.</p>"
                ),
                "study_load_hours": 8,
                "lessons": [_C1_M2_L1, _C1_M2_L2, _C1_M2_L3, _C1_M2_L4],
            },
            {
                "slug": "grenzen-bewaken",
                "title": "Grenzen bewaken: zorg voor de groep en voor jezelf",
                "pillar": "boundaries",
                "intro": (
                    "<p>Als gespreksbegeleider ben je betrokken. Dat is je kracht, maar het kan ook "
                    "zwaar worden. Verhalen van anderen raken aan je eigen ervaring. Deelnemers doen "
                    "een beroep op je, soms ook buiten de bijeenkomsten. En een groep kan somber "
                    "worden als niemand het roer vasthoudt. In deze module leer je goed te zorgen "
                    "voor de groep én voor jezelf.</p>"
                ),
                "study_load_hours": 8,
                "lessons": [_C1_M3_L1, _C1_M3_L2, _C1_M3_L3, _C1_M3_L4],
            },
        ],
    },
    {
        "slug": "opfriscursus-eigen-grenzen-bewaken",
        "title": "Opfriscursus: je eigen grenzen bewaken",
        "intro": (
            "<p>Begeleid je al een tijdje een lotgenotengroep? Dan weet je hoeveel het geeft, en "
            "ook hoeveel het kan vragen. In deze korte opfriscursus sta je opnieuw stil bij je "
            "eigen grenzen en bij luisteren zonder alles zelf te dragen.</p>"
            "<p>Je kiest zelf met welke les je begint. Neem de tijd en wees mild voor jezelf: "
            "niemand doet dit werk foutloos.</p>"
        ),
        "study_load_hours": 5,
        "target_audience": (
            "Gespreksbegeleiders en contactpersonen die al een lotgenotengroep begeleiden en de "
            "basiscursus of een vergelijkbare training hebben gevolgd. Ook geschikt als je merkt "
            "dat het begeleiden je de laatste tijd zwaarder valt."
        ),
        "learning_goals": [
            "Je kunt je eigen signalen herkennen dat je over je grens gaat.",
            "Je kunt een grens vriendelijk en duidelijk aangeven, zonder de ander los te laten.",
            "Je kunt luisteren naar een zwaar verhaal zonder het zelf mee naar huis te dragen.",
            "Je kunt een eenvoudig persoonlijk plan maken om op te laden en steun te zoeken.",
        ],
        "sequential": False,
        "modules": [
            {
                "slug": "grenzen-opnieuw-verkennen",
                "title": "Je grenzen opnieuw verkennen",
                "pillar": "boundaries",
                "intro": (
                    "<p>Grenzen verschuiven. Wat een jaar geleden makkelijk ging, kan nu zwaar zijn, "
                    "bijvoorbeeld doordat je eigen gezondheid verandert of er thuis veel speelt. In "
                    "deze module kijk je opnieuw waar jouw grenzen nu liggen, en hoe je ze aangeeft "
                    "en bewaakt.</p>"
                ),
                "study_load_hours": 3,
                "lessons": [_C2_M1_L1, _C2_M1_L2, _C2_M1_L3],
            },
            {
                "slug": "luisteren-zonder-te-dragen",
                "title": "Luisteren zonder alles te dragen",
                "pillar": "listening",
                "intro": (
                    "<p>Goed luisteren betekent niet dat je alles wat je hoort zelf moet dragen. In "
                    "deze module fris je je luistervaardigheden op, met extra aandacht voor jezelf: "
                    "hoe blijf je betrokken zonder dat het verhaal van de ander het jouwe wordt?</p>"
                ),
                "study_load_hours": 2,
                "lessons": [_C2_M2_L1, _C2_M2_L2],
            },
        ],
    },
]


# ---------------------------------------------------------------------------
# Self-check (no imports, so the seed data stays dependency-free)
# ---------------------------------------------------------------------------

_ALLOWED_TAGS = frozenset({"p", "b", "i", "ul", "ol", "li"})
_TOP_LEVEL_TAGS = frozenset({"p", "ul", "ol"})
_IMAGE_KEYS = frozenset({"circle", "ear", "fence", "path"})
_PILLARS = frozenset({"experience", "listening", "boundaries"})
_BLOCK_TYPES = frozenset(
    {"heading", "paragraph", "image", "quote", "callout", "exercise", "knowledge_check"}
)
_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")

# Max lengths of the matching CMS fields (see training/blocks.py and courses/blocks.py).
_MAX_HEADING = 120
_MAX_TITLE = 150
_MAX_OPTION = 300
_MAX_ALT_CAPTION = 250
_MAX_ATTRIBUTION = 120
_MAX_SUMMARY = 250
_MAX_GOAL = 250


def _text(value, where: str, max_len: int | None = None) -> None:
    assert isinstance(value, str) and value.strip(), f"{where}: expected non-empty text"
    assert value == value.strip(), f"{where}: leading/trailing whitespace"
    assert "<" not in value and ">" not in value, f"{where}: plain text may not contain HTML"
    assert "lorem" not in value.lower(), f"{where}: placeholder text"
    if max_len is not None:
        assert len(value) <= max_len, f"{where}: longer than {max_len} characters"


def _rich_text(html, where: str) -> None:
    """Allowed tags only, no attributes, properly nested, top level is <p>/<ul>/<ol>."""
    assert isinstance(html, str) and html.strip(), f"{where}: expected non-empty rich text"
    assert "lorem" not in html.lower(), f"{where}: placeholder text"
    stack: list[str] = []
    pos = 0
    while True:
        start = html.find("<", pos)
        text_part = html[pos:] if start == -1 else html[pos:start]
        if text_part.strip():
            assert stack, f"{where}: text outside a block tag: {text_part[:40]!r}"
            assert ">" not in text_part, f"{where}: stray '>'"
        if start == -1:
            break
        end = html.find(">", start)
        assert end != -1, f"{where}: unclosed tag"
        tag = html[start + 1 : end]
        closing = tag.startswith("/")
        name = tag[1:] if closing else tag
        assert name in _ALLOWED_TAGS, f"{where}: tag <{tag}> not allowed"
        if closing:
            assert stack and stack[-1] == name, f"{where}: mismatched </{name}>"
            stack.pop()
        else:
            if not stack:
                assert name in _TOP_LEVEL_TAGS, f"{where}: <{name}> at top level"
            if name == "li":
                assert stack and stack[-1] in ("ul", "ol"), f"{where}: <li> outside a list"
            if name in ("ul", "ol"):
                assert not stack or stack[-1] == "li", f"{where}: list inside <{stack[-1]}>"
            if name == "p":
                assert not stack, f"{where}: nested <p>"
            stack.append(name)
        pos = end + 1
    assert not stack, f"{where}: unclosed <{stack[-1]}>"


def _slug(value, where: str) -> None:
    assert isinstance(value, str) and value, f"{where}: missing slug"
    assert set(value) <= _SLUG_CHARS, f"{where}: slug {value!r} must be lowercase ascii/digits/hyphens"
    assert not value.startswith("-") and not value.endswith("-"), f"{where}: slug {value!r}"
    assert "--" not in value, f"{where}: slug {value!r} has a double hyphen"


def _keys(d, required: set[str], where: str) -> None:
    assert isinstance(d, dict), f"{where}: expected a dict"
    missing = required - d.keys()
    extra = d.keys() - required
    assert not missing, f"{where}: missing keys {sorted(missing)}"
    assert not extra, f"{where}: unexpected keys {sorted(extra)}"


def _block(block, where: str) -> str:
    assert isinstance(block, tuple) and len(block) == 2, f"{where}: block must be a (type, value) tuple"
    kind, value = block
    assert kind in _BLOCK_TYPES, f"{where}: unknown block type {kind!r}"
    where = f"{where} [{kind}]"
    if kind == "heading":
        _keys(value, {"text", "level"}, where)
        _text(value["text"], where, _MAX_HEADING)
        assert value["level"] in ("h2", "h3"), f"{where}: level must be h2 or h3"
    elif kind == "paragraph":
        _rich_text(value, where)
    elif kind == "image":
        _keys(value, {"image", "alt_text", "caption"}, where)
        assert value["image"] in _IMAGE_KEYS, f"{where}: unknown image key {value['image']!r}"
        _text(value["alt_text"], f"{where} alt_text", _MAX_ALT_CAPTION)
        assert len(value["alt_text"].split()) >= 5, f"{where}: alt_text too short to be meaningful"
        assert isinstance(value["caption"], str), f"{where}: caption must be a string"
        if value["caption"]:
            _text(value["caption"], f"{where} caption", _MAX_ALT_CAPTION)
    elif kind == "quote":
        _keys(value, {"text", "attribution"}, where)
        _text(value["text"], f"{where} text")
        assert isinstance(value["attribution"], str), f"{where}: attribution must be a string"
        if value["attribution"]:
            _text(value["attribution"], f"{where} attribution", _MAX_ATTRIBUTION)
    elif kind == "callout":
        _keys(value, {"kind", "title", "text"}, where)
        assert value["kind"] in ("tip", "attention"), f"{where}: kind must be tip or attention"
        _text(value["title"], f"{where} title", _MAX_HEADING)
        _rich_text(value["text"], f"{where} text")
    elif kind == "exercise":
        _keys(value, {"title", "scenario", "instruction"}, where)
        _text(value["title"], f"{where} title", _MAX_TITLE)
        _rich_text(value["scenario"], f"{where} scenario")
        _rich_text(value["instruction"], f"{where} instruction")
    elif kind == "knowledge_check":
        _keys(value, {"question", "options"}, where)
        _text(value["question"], f"{where} question", _MAX_OPTION)
        options = value["options"]
        assert isinstance(options, list) and 3 <= len(options) <= 4, f"{where}: 3-4 options"
        for j, option in enumerate(options):
            _keys(option, {"text", "is_correct", "feedback"}, f"{where} option {j}")
            _text(option["text"], f"{where} option {j} text", _MAX_OPTION)
            assert isinstance(option["is_correct"], bool), f"{where} option {j}: is_correct must be bool"
            _text(option["feedback"], f"{where} option {j} feedback")
        assert any(o["is_correct"] for o in options), f"{where}: no correct option"
        texts = [o["text"] for o in options]
        assert len(set(texts)) == len(texts), f"{where}: duplicate option text"
    return kind


def _lesson(lesson, where: str) -> list[str]:
    _keys(lesson, {"slug", "title", "summary", "duration_minutes", "body"}, where)
    _slug(lesson["slug"], where)
    _text(lesson["title"], f"{where} title", 255)
    _text(lesson["summary"], f"{where} summary", _MAX_SUMMARY)
    duration = lesson["duration_minutes"]
    assert isinstance(duration, int) and not isinstance(duration, bool) and duration > 0, (
        f"{where}: duration_minutes must be a positive int"
    )
    body = lesson["body"]
    assert isinstance(body, list) and 6 <= len(body) <= 12, f"{where}: body needs 6-12 blocks"
    kinds = [_block(block, f"{where} block {i}") for i, block in enumerate(body)]
    assert kinds[0] == "heading" and body[0][1]["level"] == "h2", f"{where}: must open with an h2"
    seen_h2 = False
    for kind, value in body:
        if kind == "heading":
            if value["level"] == "h2":
                seen_h2 = True
            else:
                assert seen_h2, f"{where}: h3 before any h2"
    assert kinds.count("paragraph") >= 2, f"{where}: needs several paragraphs of real content"
    return kinds


def _course(course, where: str, strict: bool) -> None:
    _keys(
        course,
        {
            "slug", "title", "intro", "study_load_hours", "target_audience",
            "learning_goals", "sequential", "modules",
        },
        where,
    )
    _slug(course["slug"], where)
    _text(course["title"], f"{where} title", 255)
    _rich_text(course["intro"], f"{where} intro")
    _text(course["target_audience"], f"{where} target_audience")
    assert isinstance(course["sequential"], bool), f"{where}: sequential must be bool"
    goals = course["learning_goals"]
    assert isinstance(goals, list) and 4 <= len(goals) <= 6, f"{where}: 4-6 learning goals"
    for g, goal in enumerate(goals):
        _text(goal, f"{where} goal {g}", _MAX_GOAL)
        assert goal.startswith("Je kunt "), f"{where} goal {g}: should start with 'Je kunt'"
    hours = course["study_load_hours"]
    assert isinstance(hours, int) and not isinstance(hours, bool) and hours > 0, f"{where}: hours"

    modules = course["modules"]
    assert isinstance(modules, list) and modules, f"{where}: no modules"
    module_slugs = [m.get("slug") for m in modules]
    assert len(set(module_slugs)) == len(module_slugs), f"{where}: duplicate module slugs"
    total = 0
    course_kinds: list[str] = []
    for m, module in enumerate(modules):
        mwhere = f"{where} > module {module.get('slug', m)}"
        _keys(module, {"slug", "title", "pillar", "intro", "study_load_hours", "lessons"}, mwhere)
        _slug(module["slug"], mwhere)
        _text(module["title"], f"{mwhere} title", 255)
        assert module["pillar"] in _PILLARS, f"{mwhere}: unknown pillar {module['pillar']!r}"
        _rich_text(module["intro"], f"{mwhere} intro")
        mhours = module["study_load_hours"]
        assert isinstance(mhours, int) and not isinstance(mhours, bool) and mhours > 0, (
            f"{mwhere}: study_load_hours must be a positive int"
        )
        total += mhours
        lessons = module["lessons"]
        assert isinstance(lessons, list) and lessons, f"{mwhere}: no lessons"
        lesson_slugs = [lesson.get("slug") for lesson in lessons]
        assert len(set(lesson_slugs)) == len(lesson_slugs), f"{mwhere}: duplicate lesson slugs"
        module_kinds: list[str] = []
        for lesson in lessons:
            module_kinds += _lesson(lesson, f"{mwhere} > lesson {lesson.get('slug')}")
        if strict:
            assert 3 <= len(lessons) <= 4, f"{mwhere}: needs 3 or 4 lessons"
            for needed in ("knowledge_check", "image", "exercise"):
                assert needed in module_kinds, f"{mwhere}: needs at least one {needed}"
        else:
            assert 2 <= len(lessons) <= 3, f"{mwhere}: needs 2 or 3 lessons"
        course_kinds += module_kinds
    assert total == hours, f"{where}: study_load_hours {hours} != sum of modules {total}"
    for needed in ("knowledge_check", "image"):
        assert needed in course_kinds, f"{where}: needs at least one {needed}"


def validate(courses=COURSES) -> None:
    """Assert that ``courses`` follows the demo-content schema; raise AssertionError if not."""
    assert isinstance(courses, list) and len(courses) == 2, "expected exactly two courses"
    slugs = [c.get("slug") for c in courses]
    assert len(set(slugs)) == len(slugs), "duplicate course slugs"

    basis, refresher = courses
    assert basis["title"] == "Basiscursus gespreksbegeleiding lotgenotencontact"
    assert basis["sequential"] is True, "the basic course must be sequential"
    assert [m["pillar"] for m in basis["modules"]] == ["experience", "listening", "boundaries"], (
        "the basic course needs one module per pillar, in order"
    )
    _course(basis, f"course {basis['slug']}", strict=True)

    assert refresher["sequential"] is False, "the refresher is not sequential"
    pillars = [m["pillar"] for m in refresher["modules"]]
    assert 1 <= len(pillars) <= 2, "the refresher has 1 or 2 modules"
    assert pillars[0] == "boundaries", "the refresher starts with a boundaries module"
    assert all(p in ("boundaries", "listening") for p in pillars), "refresher pillars"
    assert pillars.count("listening") <= 1, "at most one listening module in the refresher"
    _course(refresher, f"course {refresher['slug']}", strict=False)


if __name__ == "__main__":
    validate()
    print("ok")
