# ruff: noqa: E501  (phrase tables: one phrase per line, however long)
"""Phrase tables for the DEMO training corpus (see build_demo_corpus.py and DEMO_CORPUS.md).

Every sentence in this file was written for this project. None of it is copied, translated or paraphrased
from real residents' reports. Placeholders, filled in per report so that one text stays consistent:
{addr} an address ("Zijlweg 12", "de hoek Dreef / Wagenweg"), {street}, {street2}, {nr}, {nr2} (a neighbour's
house number), {park} (a park, with article), {when} ("al een week"), {time} ("rond half twaalf 's avonds"),
{pole} (a lamp post number).

CATEGORIES maps an ACTIVE subcategory slug of data/haarlem/categories.json to a table:
  w      relative frequency (the generator turns it into a count, at least 8)
  quick  terse app quick-pick texts
  core   one sentence that states the problem (the heart of every Dutch text)
  more   optional follow-up details
  en     English versions (about 4% of the corpus)
  cx     category-specific complex signals, "text || reason"
  mw     category-specific maatwerk signals, "text || reason"
  k, m   generic complex / maatwerk signal kinds that fit (default: MAIN_KINDS of the main category)
  vuln   which kind of vulnerable-resident phrase fits: obstacle, dark, health, general
  why    reason when the category's default queue (complex or maatwerk) decides
  months months in which the report is seasonal (created time is drawn from them)
"""

# fmt: off
# --- places ------------------------------------------------------------------------------------------------

STREETS = [
    "Grote Houtstraat", "Kleine Houtstraat", "Kleverparkweg", "Rijksstraatweg", "Zijlweg", "Amsterdamstraat",
    "Spaarndamseweg", "Schoterweg", "Zijlstraat", "Barteljorisstraat", "Gedempte Oude Gracht", "Wagenweg",
    "Dreef", "Kruisweg", "Leidsevaart", "Amsterdamsevaart", "Verspronckweg", "Oranjeboomstraat",
    "Generaal Cronjéstraat", "Jan Gijzenkade", "Vondelweg", "Planetenlaan", "Europaweg", "Schipholweg",
    "Prins Bernhardlaan", "Amerikaweg", "Westelijke Randweg", "Delftlaan", "Bakenessergracht", "Lange Herenvest",
    "Zaanenlaan", "Pijlslaan", "Rustenburgerlaan", "Koningstraat", "Tempeliersstraat", "Nassaulaan",
    "Wilhelminastraat", "Botermarkt", "Grote Markt", "Anegang",
]
PARKS = [
    "het Kenaupark", "het Florapark", "de Haarlemmerhout", "het Reinaldapark", "het Westerhoutpark",
    "Schoteroog", "het Schoterbos", "het Kleverpark",
]
WHEN = [
    "sinds gisteren", "al een week", "al drie dagen", "sinds het weekend", "sinds vanochtend", "al sinds vorige maand",
    "al een paar dagen", "al twee weken", "sinds vrijdag", "al ruim een week", "sinds maandag",
]
TIMES = [
    "rond half twaalf 's avonds", "om 2 uur 's nachts", "tussen 7 en 8 uur 's ochtends", "elke avond na tienen",
    "in het weekend tot diep in de nacht", "rond etenstijd", "om 6 uur 's ochtends", "'s middags na schooltijd",
]

# --- text frames -------------------------------------------------------------------------------------------

OPENERS = [
    "Goedemorgen,", "Hallo,", "Beste gemeente,", "Hoi,", "Ik wil graag iets melden.", "Goedenavond.",
    "Graag uw aandacht voor het volgende.", "Hallo gemeente,", "Dag,", "Even een melding:",
]
CLOSERS = [
    "Alvast bedankt!", "Bvd", "Groet", "Graag actie.", "Dank u wel.", "mvg", "Hopelijk kan dit snel opgelost worden.",
    "Bedankt alvast", "Gr.", "Graag zo snel mogelijk.", "Dank!",
]
CONTEXT = [
    "Ik woon hier nu een jaar of tien.", "Het viel me vanochtend op toen ik naar mijn werk fietste.",
    "De buren hebben het ook gezien.", "Ik loop hier elke dag met de hond langs.",
    "Ik weet niet of ik hiervoor bij de gemeente moet zijn, maar ik probeer het maar.",
    "Het is verder een fijne buurt, daarom jammer.", "Ik kwam er gisteravond langs op weg naar huis.",
    "Een buurtgenoot vroeg of ik het wilde melden.", "Het gaat om de kant van de straat met de even nummers.",
]
LETTER_GREETINGS = ["Geachte heer/mevrouw,", "Beste medewerker van de gemeente,", "Geachte gemeente Haarlem,"]
LETTER_INTROS = [
    "Via deze weg wil ik het volgende onder uw aandacht brengen.", "Ik schrijf u omdat ik een probleem wil melden.",
    "Graag meld ik u het volgende.", "Ik woon sinds een paar jaar in deze straat en wil iets melden.",
]
LETTER_CLOSERS = [
    "Met vriendelijke groet,\nEen bewoner van de {street}", "Met vriendelijke groet", "Vriendelijke groeten,",
    "Ik hoor graag van u.\nMet vriendelijke groet", "Bij voorbaat dank.\nHoogachtend",
]
PHONE_FRAMES = [
    "Melder belt: {core}", "Telefonische melding. {core}", "Mw belt ivm {quick} bij {addr}.",
    "Dhr belt ivm {quick}, locatie {addr}.", "Tel: {core}", "Melder geeft telefonisch door: {core}",
    "Mevrouw belt over {quick} ter hoogte van {addr}.",
]
PHONE_SIGNAL_PREFIX = ["Melder geeft aan: ", "Mw zegt: ", "Dhr: ", "Melder: ", ""]
PHOTO_NOTES = ["Zie foto.", "zie foto", "Foto bijgevoegd.", "Zie de foto's."]
REPEAT_NOTES = [
    "Alweer.", "Hier ook weer.", "Is er nog steeds.", "Staat er nu weer.", "Ook door de buren gemeld denk ik.",
    "Ik zag dat de buren er ook een melding van maakten.", "weer hetzelfde als vorige week",
]
BUNDLE_JOINS = ["Verder ", "En ook: ", "Daarnaast ", "Oh en ", "Wat ik ook nog wil melden: ", "Tweede punt: "]
EN_BUNDLE_JOINS = ["Also, ", "And another thing: ", "Besides that, "]
# texts that on their own do not reveal the category (a realistic share of reports)
VAGUE = [
    "Zie foto", "graag even naar kijken", "Dit kan echt niet zo", "ligt hier al dagen", "kapot",
    "Wat een troep weer", "Kunnen jullie hier iets aan doen?", "Zie bijlage. Bvd", "Al een week zo",
]

# fmt: on

# --- generic signals -----------------------------------------------------------------------------------------
# complex (C) and maatwerk (M) kinds; each line is "text || reason"

COMPLEX_SIGNALS = {
    "safety": """
        Dit is echt gevaarlijk, hier lopen elke dag kinderen langs naar school. || Safety risk: children pass here daily
        Er is vorige week al iemand gevallen, graag actie voordat het echt misgaat. || Safety risk: someone already fell here
        Levensgevaarlijk zo, zeker in het donker. || Safety risk called life-threatening
        Ik ben er zelf bijna over gestruikeld, dit gaat een keer fout. || Safety risk: trip hazard
        Fietsers moeten er nu omheen en de rijbaan op, echt een gevaarlijke situatie. || Safety risk for cyclists swerving into traffic
        Er kan zo een ongeluk gebeuren. || Safety risk: accident waiting to happen
    """,
    "recurring": """
        Dit is niet de eerste keer, het gebeurt hier eigenlijk elke week. || Recurring problem at this spot: structural cause needs investigation
        Het is al maanden zo en het wordt steeds erger. || Long-standing, worsening problem
        Dit komt hier steeds terug, er moet echt een structurele oplossing komen. || Structural, recurring problem; asks for a structural solution
        Elk weekend hetzelfde verhaal op deze plek. || Recurring problem every weekend at this place
        Na een paar dagen is het weer precies hetzelfde, alleen opruimen helpt dus niet. || Recurring: the standard action does not solve it
        Dit speelt al sinds vorig jaar. || Long-standing problem at one place
    """,
    "permit": """
        Ik vraag me af of hier wel een vergunning voor is. || Asks for a permit check
        Volgens mij mag dit helemaal niet, kan handhaving dit controleren? || Asks for enforcement research
        Kunnen jullie uitzoeken wie dit doet en daarop handhaven? || Enforcement research requested: find who causes it
        Er hangt nergens een vergunning, klopt dit wel? || Permit check needed
    """,
    "traffic": """
        Door de hoek zie je als fietser niks aankomen, er gaat hier een keer iemand onder een auto. || Dangerous traffic situation: no view at the corner
        Kinderen moeten hier oversteken naar school en automobilisten zien ze niet. || Dangerous traffic situation for schoolchildren crossing
        Er gebeuren hier bijna dagelijks bijna-ongelukken. || Dangerous traffic situation: near-accidents almost daily
    """,
}

MAATWERK_SIGNALS = {
    "vuln_obstacle": """
        Mijn moeder zit in een rolstoel en kan er niet langs, ze moet nu de weg op. || Wheelchair user cannot pass: vulnerable resident directly affected
        Ik ben 84 en loop met een rollator, zo kom ik mijn huis bijna niet uit. || Elderly resident with walker cannot get out of the house
        Ik heb een scootmobiel en kan nu niet meer bij mijn voordeur komen. || Mobility-scooter user cannot reach own door
        Mijn man is slechtziend en is er vanochtend tegenaan gelopen. || Visually impaired resident walked into it
        Ik ben 79 en slecht ter been, ik durf er niet langs. || Elderly resident with walking problems directly affected
    """,
    "vuln_dark": """
        Ik ben 81 en woon alleen, ik durf 's avonds niet meer over straat. || Elderly resident afraid to go out in the dark
        Mijn dochter is slechtziend en ziet in het donker de stoeprand niet. || Visually impaired resident affected by the dark
        Ik loop slecht en ben al eens gevallen, in het donker is dit voor mij echt onmogelijk. || Resident with walking problems directly affected
    """,
    "vuln_health": """
        Ik ben ernstig ziek en heb rust nodig, maar hier word ik gek van. || Seriously ill resident directly affected
        Mijn zoontje heeft astma en we kunnen de ramen niet meer open. || Child with asthma directly affected
        Ik heb hartproblemen en moet stress vermijden, maar dit houdt maar niet op. || Resident with heart condition under stress
        Ik herstel van een operatie en kan nergens heen, dit is voor mij echt zwaar. || Recovering patient directly affected
    """,
    "vuln_general": """
        Ik ben 86 en kan dit zelf echt niet meer oplossen. || Elderly resident (86) cannot solve this alone
        Mijn vader is dementerend en woont hier alleen, hij raakt hier erg van in de war. || Resident with dementia affected
        Ik zit in een rolstoel en ben voor alles afhankelijk van anderen, ik weet niet hoe ik dit moet regelen. || Disabled resident needs help
    """,
    "distress": """
        Ik weet echt niet meer wat ik moet doen. || Resident in despair
        Ik slaap al weken slecht hierdoor en zit er helemaal doorheen. || Resident exhausted and in distress
        Ik voel me niet meer veilig in mijn eigen straat. || Resident feels unsafe at home: distress
        Ik ben ten einde raad. || Resident at wit's end
        Ik zit hier echt van te huilen, het is te veel. || Resident in clear distress
    """,
    "anger": """
        Ik ben het SPUUGZAT!!! || Angry reporter: needs a personal answer
        Dit is toch belachelijk, waar betalen we eigenlijk belasting voor?! || Angry reporter questioning what taxes pay for
        Echt diep triest dat dit gewoon kan in deze stad. || Frustrated, angry reporter
        Als hier niet snel iets gebeurt stap ik naar de krant. || Angry reporter threatening to go to the press
        Ik ben er zo klaar mee!! || Angry reporter
        Schandalig gewoon. || Angry reporter
    """,
    "neighbour": """
        Het is de buurman van nummer {nr2} die dit doet, als ik er iets van zeg begint hij te schelden. || Neighbour conflict: verbal aggression
        We hebben hier al maanden ruzie over met de bovenburen en praten lukt niet meer. || Long-running neighbour conflict
        De buren doen het expres om mij te pesten. || Neighbour conflict: reporter feels targeted
        Ik durf de buurvrouw er niet meer op aan te spreken, de vorige keer werd ze heel agressief. || Neighbour conflict: reporter afraid of neighbour
    """,
    "complaint": """
        Dit is al de derde keer dat ik dit meld. || Complaint: third report, earlier ones not resolved
        Niemand reageert op mijn meldingen. || Complaint: no response from the municipality
        Vorige keer werd mijn melding gewoon afgesloten maar er is NIKS gedaan. || Complaint: earlier report closed without action
        Weer niks gedaan. || Complaint about lack of action on earlier reports
        Ik heb al twee keer gebeld en hoor steeds dat het wordt opgepakt, maar er gebeurt niets. || Complaint about handling of earlier calls
        Er werd beloofd dat het binnen een week gemaakt zou worden. Dat is nu een maand geleden. || Complaint: municipality did not keep its promise
        Voor de zoveelste keer... || Complaint: reported many times before
    """,
    "callback": """
        Bel me alstublieft terug. || Explicit request to be called back
        Ik wil graag dat er iemand langskomt om het met eigen ogen te zien. || Explicit request for a visit
        Kunt u mij even bellen? Ik heb liever persoonlijk contact. || Explicit request to be called
        Graag telefonisch contact, mijn nummer staat bij de melding. || Asks for contact by phone
        Kan er iemand bij mij langs komen? || Explicit request for a visit
    """,
    "social": """
        Er slaapt al een paar nachten iemand in het portiek hiernaast, hij ziet er slecht uit. || Homeless person seen: social problem
        De meneer van nummer {nr2} lijkt het niet meer alleen te redden, zijn tuin en stoep liggen vol spullen. || Possible hoarding or neglected resident
        Er loopt hier al dagen een oudere vrouw rond die de weg kwijt lijkt, ze zoekt in de containers. || Confused person seen in public space
        De bewoner van nummer {nr2} verzamelt alles van straat, het balkon staat vol en het stinkt. || Hoarding suspected
    """,
}

EN_SIGNALS = {
    "safety": """
        This is really dangerous, someone is going to get hurt. || Safety risk
        Kids walk past here to school every day. || Safety risk: children pass here daily
    """,
    "recurring": """
        This keeps happening every week at this spot. || Recurring problem at this spot
        It has been like this for months. || Long-standing problem
    """,
    "complaint": """
        This is the third time I am reporting this!! || Complaint: third report, earlier ones not resolved
        Nobody ever responds to my reports. || Complaint: no response from the municipality
    """,
    "callback": """
        Please call me back. || Explicit request to be called back
        Could someone come and have a look with me? || Explicit request for a visit
    """,
    "vuln_obstacle": """
        My mother is in a wheelchair and cannot get past. || Wheelchair user cannot pass: vulnerable resident directly affected
    """,
    "vuln_general": """
        I am 82 and live alone, I really can't deal with this. || Elderly resident (82) directly affected
    """,
    "anger": """
        Absolutely ridiculous!!! || Angry reporter
    """,
}

# generic kinds per main category (a category can override with k= / m=)
MAIN_KINDS = {
    "afval": ("recurring bundle permit", "anger complaint callback neighbour social"),
    "schoon": ("recurring bundle", "anger complaint callback"),
    "openbaar-groen-en-water": ("recurring bundle", "anger complaint callback"),
    "wegen-verkeer-straatmeubilair": ("safety recurring bundle", "anger complaint callback"),
    "overlast-in-de-openbare-ruimte": ("recurring permit bundle", "anger complaint callback neighbour distress"),
    "overlast-bedrijven-en-horeca": ("recurring permit", "anger complaint callback distress"),
    "overlast-van-dieren": ("recurring", "anger complaint callback distress"),
    "overlast-van-en-door-personen-of-groepen": ("recurring", "distress complaint callback anger"),
    "overlast-op-het-water": ("recurring", "anger complaint callback"),
    "civiele-constructies": ("safety", "anger complaint callback"),
    "wonen": ("recurring", "distress complaint callback neighbour"),
    "ondermijning": ("", "distress callback"),
    "overig": ("bundle", "anger complaint callback"),
}
MAIN_WHY = {
    "afval": "Hazardous or enforcement-related waste: needs investigation",
    "civiele-constructies": "Damage to a civil structure: needs a structural inspection",
    "ondermijning": "Suspected crime: needs investigation with partners",
    "openbaar-groen-en-water": "Tree or green issue that needs an expert inspection or decision",
    "overlast-bedrijven-en-horeca": "Nuisance from a business: needs investigation and possibly enforcement",
    "overlast-in-de-openbare-ruimte": "Nuisance in public space: needs investigation of cause or owner",
    "overlast-op-het-water": "Nuisance on the water: needs nautical supervision",
    "overlast-van-dieren": "Animal nuisance or vermin: needs pest or fauna control assessment",
    "overlast-van-en-door-personen-of-groepen": "Nuisance by persons: needs a tailored, personal approach",
    "wegen-verkeer-straatmeubilair": "Traffic or sewer issue: needs inspection or a decision",
    "wonen": "Housing issue: needs research by the housing team",
}

# --- categories ----------------------------------------------------------------------------------------------

CATEGORIES = {
    # ---------------------------------------------------------------- afval
    "container-is-vol": dict(
        w=140,
        quick="""Container vol / container vol! / Restafval container vol / Vuilcontainer zit vol /
                 Ondergrondse container vol / Container vol, zakken ernaast / Container zit weer vol""",
        core="""
            De container voor restafval bij {addr} is vol.
            Container op de {street} zit {when} helemaal vol, er kan niks meer in.
            De ondergrondse container bij {addr} is vol, mensen zetten hun zakken er nu naast.
            Restafvalcontainer {street} vol. Graag legen.
            Ik kan mijn vuilniszak niet kwijt, de container bij {addr} is tot de rand gevuld.
            Bij {addr} is de container weer vol en de klep gaat niet meer dicht.
            Container vol bij de {street}, het stinkt enorm met dit warme weer.
            De vuilcontainer tegenover {addr} puilt uit.
        """,
        more="""
            Er zitten al meeuwen in de zakken te pikken.
            De zakken liggen tot op het fietspad.
            Het stinkt erg.
            Graag zo snel mogelijk legen.
            Ook de container ernaast is bijna vol.
        """,
        cx="""
            Kan er niet een extra container bij komen? Er zijn hier veel nieuwe woningen bij gekomen. || Request for an extra container: new facility needs a decision
            Elke week is deze container op zaterdag al vol, hij moet vaker geleegd worden of er moet er een bij. || Recurring overflow: capacity needs a decision
        """,
        en="""
            The general waste container at {addr} is full.
            Container on {street} completely full, bags are piling up next to it.
        """,
        m="anger complaint callback neighbour social vuln_obstacle",
    ),
    "huisafval": dict(
        w=140,
        quick="""Vuilniszakken naast container / Zakken op straat / Bijplaatsing / Afval naast container /
                 vuilniszak op stoep / Huisvuil niet opgehaald""",
        core="""
            Naast de container bij {addr} staan weer allemaal vuilniszakken.
            Er liggen {when} vuilniszakken op de stoep bij {addr}.
            Bij de containers op de {street} zijn zakken neergezet en de meeuwen hebben ze opengetrokken.
            Iemand heeft drie volle zakken huisafval bij {addr} achtergelaten.
            Bijplaatsing bij de container op de {street}, het afval ligt over de hele stoep.
            Onze vuilniszakken zijn niet opgehaald, ze liggen nog steeds bij {addr}.
            Bij {addr} liggen vuilniszakken tegen de gevel, er zitten maden in.
            Vuilniszakken naast ondergrondse container {street} {nr}. Stinkt.
        """,
        more="""
            Dat trekt meeuwen en katten aan.
            De inhoud waait over straat.
            Het ligt half op het fietspad.
            Graag opruimen.
            De container zelf is trouwens niet eens vol.
        """,
        en="""
            Rubbish bags have been dumped next to the container at {addr}.
            Bin bags all over the pavement on {street}, seagulls ripped them open.
        """,
        m="anger complaint callback neighbour social vuln_obstacle",
    ),
    "grofvuil": dict(
        w=125,
        quick="""Grofvuil / Bank op straat / Matras op de stoep / grofvuil op stoep / Oude kast bij container /
                 Grofvuil gedumpt""",
        core="""
            Er staat een oude bank op de stoep bij {addr}.
            Iemand heeft een matras en een kast bij de container op de {street} gezet, ze staan er {when}.
            Bij {addr} ligt een berg grofvuil: stoelen, een tafel en een kapotte kast.
            Naast de containers op de {street} staan een bed en een matras.
            Er staan een kapotte bureaustoel en een vloerkleed bij {addr}.
            Op de hoek van de {street} is een halve inboedel gedumpt.
            Matras in de bosjes bij {park}.
            Er staat {when} een oud bankstel op het trottoir bij {addr}.
        """,
        more="""
            De stoep is bijna versperd.
            Het is nat geworden door de regen en begint te stinken.
            Volgens mij is het grofvuil niet aangemeld bij de ophaaldienst.
            Kinderen springen erop en eraf.
        """,
        cx="""
            Er staat ook een kast met glazen deuren die elk moment kan omvallen, kinderen spelen er omheen. || Safety risk: unstable furniture where children play
        """,
        en="""
            Someone dumped an old sofa on the pavement at {addr}.
            A mattress and a wardrobe have been left by the container on {street}.
        """,
        m="anger complaint callback neighbour social vuln_obstacle",
    ),
    "bruin-en-witgoed": dict(
        w=20,
        quick="Koelkast op straat / Wasmachine bij container / oude tv op de stoep",
        core="""
            Er staat een oude koelkast op de stoep bij {addr}.
            Iemand heeft een wasmachine naast de container op de {street} gezet.
            Bij {addr} staan {when} een magnetron en een kapotte tv.
            Droger en stofzuiger gedumpt bij de ondergrondse containers op de {street}.
        """,
        more="Hij staat er al sinds het weekend. / Het ding staat half op het fietspad.",
        cx="""
            Er staat ook een vriezer met de deur open, daar kan zo een kind in klimmen. || Safety risk: open freezer a child could climb into
        """,
        en="Someone left an old fridge on the pavement at {addr}.",
        m="anger complaint callback neighbour vuln_obstacle",
    ),
    "container-glas-vol": dict(
        w=35,
        quick="Glasbak vol / Glascontainer vol / glasbak zit propvol / Glas vol",
        core="""
            De glasbak bij {addr} zit helemaal vol.
            Glascontainer {street} vol, er staan al flessen naast.
            De glasbak op de {street} is {when} vol, ik kan mijn flessen nergens kwijt.
            Na het weekend is de glasbak bij {addr} weer tot de rand gevuld.
            Glasbak vol bij de supermarkt op de {street}, overal lege flessen eromheen.
        """,
        more="Er liggen nu ook scherven op de stoep. / Graag legen. / Mensen zetten dozen met flessen ernaast.",
        en="The bottle bank at {addr} is full.",
    ),
    "container-glas-kapot": dict(
        w=12,
        quick="Glasbak kapot / glasbak klep zit vast / Glascontainer gaat niet open",
        core="""
            De glasbak op {addr} gaat niet meer open, de klep zit vast.
            De inwerpopening van de glascontainer bij {addr} is kapot, er liggen scherven omheen.
            De glasbak aan de {street} staat scheef en de trommel draait niet.
            Bij de glasbak op de {street} is het luik eraf gebroken.
        """,
        more="Mensen zetten de flessen er nu maar naast. / Overal glasscherven.",
        en="The bottle bank at {addr} is broken, the flap is stuck.",
    ),
    "container-is-kapot": dict(
        w=30,
        quick="Container kapot / Klep container kapot / Container gaat niet open / pasje werkt niet bij container",
        core="""
            De restafvalcontainer bij {addr} gaat niet meer open met mijn pasje.
            De klep van de container op de {street} is kapot en blijft openstaan.
            De ondergrondse container bij {addr} is kapot, de trommel draait niet.
            Container {street} {nr} zit vast, ik krijg mijn zak er niet in.
            De pasjeslezer van de container bij {addr} knippert rood en de klep blijft dicht.
        """,
        more="Daardoor zetten mensen hun zakken ernaast. / Ik heb het met twee pasjes geprobeerd. / Er komen nu meeuwen op af.",
        cx="""
            De zware klep valt zomaar dicht, mijn dochter kreeg bijna haar vingers ertussen. || Safety risk: heavy container flap slams shut
        """,
        en="The waste container at {addr} won't open with my card.",
    ),
    "container-voor-papier-is-vol": dict(
        w=55,
        quick="Papiercontainer vol / Papier vol / Karton container vol / Oud papier bak vol",
        core="""
            De papiercontainer bij {addr} is vol.
            Papierbak op de {street} zit propvol met dozen.
            Er staan allemaal kartonnen dozen naast de papiercontainer bij {addr}, want hij is vol.
            De container voor oud papier bij {addr} is {when} vol.
            Papiercontainer {street} vol, er waait karton over de straat.
        """,
        more="Als het gaat regenen wordt het één grote papierpap. / Veel mensen vouwen de dozen niet plat.",
        en="The paper recycling container at {addr} is full.",
    ),
    "container-voor-papier-is-stuk": dict(
        w=15,
        quick="Papiercontainer kapot / papierbak klep kapot",
        core="""
            De papiercontainer bij {addr} is kapot, de klep is eraf.
            De inwerpopening van de papierbak op de {street} is verbogen, er past geen doos meer in.
            De container voor papier en karton bij {addr} staat helemaal scheef.
            Papiercontainer {street}: het slot is opengebroken.
        """,
        more="Het karton waait nu over straat.",
        en="The paper container at {addr} is broken.",
    ),
    "container-voor-plastic-afval-is-vol": dict(
        w=48,
        quick="Plastic container vol / PMD vol / plastic bak vol / Container plastic vol",
        core="""
            De container voor plastic afval bij {addr} is vol.
            Plasticcontainer op de {street} zit {when} vol.
            De PMD-container bij {addr} is vol, er liggen zakken met plastic naast.
            Plastic bak {street} vol, alles waait weg.
            Ik kan mijn plastic nergens kwijt, de container bij {addr} is vol.
        """,
        more="Graag legen. / De zakjes waaien de sloot in.",
        en="The plastic waste container at {addr} is full.",
    ),
    "container-voor-plastic-afval-is-kapot": dict(
        w=15,
        quick="Plastic container kapot / PMD container kapot",
        core="""
            De plasticcontainer bij {addr} is kapot.
            De klep van de container voor plastic op de {street} zit vast.
            PMD-container {street} gaat niet meer open.
            De bak voor plastic afval bij {addr} heeft een grote scheur.
        """,
        en="The plastic recycling container at {addr} is broken.",
    ),
    "puin-sloopafval": dict(
        w=20,
        quick="Puin op straat / Bouwafval / sloopafval gedumpt",
        core="""
            Er ligt een berg puin op de stoep bij {addr}.
            Iemand heeft zakken met bouwafval bij de container op de {street} gezet.
            Bij {addr} ligt {when} een stapel tegels en stenen van een verbouwing.
            Er zijn oude kozijnen met spijkers erin gedumpt bij {addr}.
            Puinzakken en gipsplaten naast de container op de {street}.
        """,
        more="Er steken spijkers uit. / De aannemer van de verbouwing hiernaast ruimt niks op.",
        en="Someone dumped bags of rubble next to the container on {street}.",
        k="recurring bundle permit safety",
        m="anger complaint callback neighbour vuln_obstacle",
    ),
    "kerstbomen": dict(
        w=15,
        months=(1,),
        quick="Kerstboom niet opgehaald / Kerstbomen op straat",
        core="""
            Bij {addr} liggen nog drie kerstbomen, die zijn niet opgehaald.
            Er ligt een kerstboom midden op de stoep van de {street}.
            De kerstbomen bij de verzamelplek op de {street} liggen er nog steeds.
            Iemand heeft zijn kerstboom in het plantsoen bij {addr} gegooid.
        """,
        en="Christmas trees at {addr} have not been collected.",
    ),
    "overig-afval": dict(
        w=12,
        core="""
            Er staat een winkelwagen vol afval bij {addr}.
            Bij de ingang van {park} ligt een hoop tuinafval.
            Er staan {when} twee lege verfblikken op de stoep bij {addr}.
            Tuinafval en takken gedumpt bij {addr}.
            Er liggen piepschuim en verpakkingen van een verhuizing bij {addr}.
        """,
        en="Garden waste has been dumped at {addr}.",
    ),
    "handhaving-op-afval": dict(
        w=15,
        why="Asks for enforcement on waste: needs investigation",
        core="""
            Bewoners van {addr} zetten hun zakken steeds op dinsdag al buiten, graag handhaving.
            Het restaurant op de {street} zet elke avond zijn afval naast de container voor bewoners.
            Er wordt bij {addr} structureel afval gedumpt, er zit vast een adres in de zakken.
            Kan handhaving eens controleren wie bij de container op de {street} steeds zijn vuilnis ernaast zet?
            Iemand van {addr} gooit elke week zijn grofvuil bij de container, ik heb het zien gebeuren.
        """,
        more="Ik heb een foto van het kenteken van het busje. / Het gebeurt meestal 's avonds laat.",
        en="Please enforce: the shop on {street} keeps leaving its waste next to the residents' container.",
    ),
    "asbest-accu": dict(
        w=8,
        why="Asbestos or battery: hazardous waste needs specialist removal",
        quick="Asbest op straat / Oude accu op de stoep",
        core="""
            Er liggen golfplaten op de stoep bij {addr}, ik denk dat er asbest in zit.
            Bij de containers op de {street} staat een oude auto-accu, er lekt iets uit.
            Er staat {when} een stapel oude dakplaten bij {addr}, volgens mij asbest.
            Naast de glasbak op de {street} ligt een accu van een scooter.
            Er liggen kapotte asbestplaten in het groen achter {addr}, kinderen spelen daar.
        """,
        more="Ik durf het niet aan te raken. / De platen zijn gebroken en brokkelen af.",
        en="Broken roof sheets that look like asbestos have been dumped at {addr}.",
    ),
    # ---------------------------------------------------------------- schoon
    "veegzwerfvuil": dict(
        w=125,
        quick="Zwerfvuil / Veel afval op straat / troep op straat / Zwerfafval / Blikjes en plastic in de berm",
        core="""
            Er ligt heel veel zwerfvuil op de stoep bij {addr}.
            Het plein bij {park} ligt vol met blikjes en patatbakjes.
            In de bosjes langs de {street} ligt ontzettend veel plastic.
            Na het weekend ligt de {street} weer vol met afval.
            Rond het bankje bij {addr} liggen peuken, flesjes en lachgaspatronen.
            De stoep voor de snackbar op de {street} ligt vol met verpakkingen.
            Glasscherven op het fietspad bij {addr}.
            Zwerfafval in de berm van de {street}, ligt er {when}.
            Op het terrasje bij het café op de {street} ligt na het weekend overal rommel.
        """,
        more="Kan er iemand komen vegen? / Het waait zo de sloot in. / Graag opruimen, het ziet er niet uit.",
        en="""
            Lots of litter on the pavement at {addr}.
            Broken glass on the cycle path on {street}.
        """,
        m="anger complaint callback neighbour",
        k="recurring bundle safety",
    ),
    "prullenbak-vol": dict(
        w=92,
        quick="Prullenbak vol / Afvalbak vol / prullenbak puilt uit",
        core="""
            De prullenbak bij {addr} is vol en het afval ligt ernaast.
            Afvalbak bij de bushalte op de {street} puilt uit.
            De prullenbakken in {park} zijn allemaal vol.
            De prullenbak bij het speeltuintje op {addr} zit vol met hondenpoepzakjes.
            Prullenbak {street} vol, kraaien halen alles eruit.
            De afvalbak bij het bankje aan de {street} is {when} niet geleegd.
        """,
        cx="""
            Er zou hier eigenlijk een tweede prullenbak moeten komen, deze is elke dag vol. || Request for an extra litter bin: new facility needs a decision
        """,
        en="The litter bin at {addr} is overflowing.",
    ),
    "uitwerpselen": dict(
        w=95,
        quick="Hondenpoep / Veel hondenpoep / hondenpoep op stoep / Poep op de stoep",
        core="""
            De stoep bij {addr} ligt vol met hondenpoep.
            Op het grasveld bij {addr} ligt overal hondenpoep, terwijl kinderen daar spelen.
            Iemand laat zijn hond elke ochtend op de stoep van de {street} poepen en ruimt het niet op.
            Hondenpoep bij de ingang van de school op de {street}.
            Ik ben deze week al twee keer in de hondenpoep gestapt op de {street}.
            In de zandbak van {park} ligt poep.
        """,
        more="Het is echt smerig. / Graag een keer schoonmaken.",
        cx="""
            Kan hier geen hondenpoepbak of een bordje komen? || Request for a dog-waste bin or sign: new facility needs a decision
        """,
        en="The pavement at {addr} is covered in dog poo.",
        m="anger complaint callback neighbour",
    ),
    "graffitiwildplak": dict(
        w=95,
        quick="Graffiti / Graffiti op muur / Tags op de gevel / Posters geplakt / wildplak",
        core="""
            Er staat {when} graffiti op de muur bij {addr}.
            De elektriciteitskast op de {street} zit helemaal onder de tags.
            Op het bushokje bij {addr} zijn posters geplakt.
            Graffiti op de brug bij de {street}, grote zwarte letters.
            De geluidswal langs de {street} is beklad.
            Iemand heeft stickers en affiches over het verkeersbord bij {addr} geplakt.
            Er staat een scheldwoord op de gevel van {addr}, in grote letters.
        """,
        more="Graag verwijderen. / Niet leuk voor de kinderen die hier langslopen.",
        en="Fresh graffiti on the wall at {addr}.",
    ),
    "onkruid-verharding": dict(
        w=25,
        months=(4, 5, 6, 7, 8, 9, 10),
        quick="Onkruid tussen tegels / Onkruid op stoep",
        core="""
            Tussen de stoeptegels van de {street} groeit overal onkruid.
            Het onkruid op de stoep bij {addr} is kniehoog.
            Langs de goot van de {street} staat het vol met gras en onkruid.
            Het pleintje bij {addr} is groen van het onkruid.
        """,
        en="Weeds growing everywhere between the paving on {street}.",
    ),
    "gladheid-winterdienst": dict(
        w=12,
        months=(1, 2),
        quick="Glad / Niet gestrooid / spekglad",
        core="""
            Het fietspad langs de {street} is spiegelglad en er is niet gestrooid.
            De stoep bij {addr} is één ijsbaan.
            Er is op de {street} niet gestrooid, auto's glijden weg.
            De brug bij de {street} is spekglad.
        """,
        cx="Er zijn vanochtend al twee fietsers onderuitgegaan. || Safety risk: cyclists already fell",
        en="The cycle path on {street} is icy and has not been gritted.",
        k="safety recurring",
        m="anger complaint callback vuln_obstacle",
    ),
    "gladheid-bladeren": dict(
        w=10,
        months=(1, 10),
        core="""
            Het fietspad langs {park} ligt vol natte bladeren, echt glad.
            Op de stoep van de {street} ligt een dikke laag blad, ik gleed bijna uit.
            De bladeren zijn niet geveegd bij {addr}, het is een glijbaan.
        """,
        en="Wet leaves make the cycle path near {park} very slippery.",
        k="safety",
    ),
    "gladheid-olie": dict(
        w=8,
        core="""
            Er ligt een grote olievlek op de {street} bij {addr}, scooters glijden weg.
            Op de rotonde bij de {street} is olie gelekt, het is spiegelglad.
            Een bus heeft diesel verloren op de {street}, het hele wegdek glimt.
        """,
        en="Oil spill on the road at {addr}, very slippery.",
        k="safety",
    ),
    "drijfvuil-bevaarbaar-water": dict(
        w=8,
        core="""
            In het Spaarne ter hoogte van de {street} drijven een hoop plastic en een fiets.
            Er drijft een groot stuk piepschuim in de gracht bij {addr}.
            In de Leidsevaart drijven flessen en zakken bij de brug.
        """,
        en="Plastic and bottles floating in the canal near {addr}.",
    ),
    "drijfvuil-niet-bevaarbaar-water": dict(
        w=10,
        core="""
            In de vijver in {park} drijven flessen en plastic zakken.
            De sloot achter {addr} ligt vol met afval.
            In het water bij {park} drijven een winkelwagentje en veel plastic.
        """,
        en="Rubbish floating in the pond in {park}.",
    ),
    # ---------------------------------------------------------------- groen
    "snoeien": dict(
        w=92,
        quick="Snoeien / Heg over de stoep / Struiken snoeien / takken over fietspad",
        core="""
            De struiken bij {addr} groeien helemaal over de stoep.
            Takken hangen over het fietspad langs de {street}, je krijgt ze in je gezicht.
            De heg bij {addr} is zo breed dat je er met een kinderwagen niet meer langs kunt.
            Het verkeersbord bij {addr} is niet meer te zien door de takken.
            De struiken rond het speeltuintje bij {addr} zijn veel te hoog geworden.
            De beplanting langs de {street} is zo hoog dat de lantaarnpaal niks meer verlicht.
        """,
        more="Graag snoeien. / Het is al weken zo. / Vooral 's avonds vervelend.",
        cx="""
            Op de hoek van de {street} zie je door de hoge struiken het verkeer niet aankomen, levensgevaarlijk voor fietsers. || Dangerous traffic situation: overgrown corner blocks the view
        """,
        en="Bushes at {addr} are overgrowing the pavement.",
        m="anger complaint callback neighbour vuln_obstacle",
    ),
    "maaien-snoeien": dict(
        w=25,
        months=(4, 5, 6, 7, 8, 9),
        quick="Gras maaien / Gras te hoog",
        core="""
            Het gras op het veldje bij {addr} is erg hoog, graag maaien.
            De berm langs de {street} is al weken niet gemaaid.
            Het grasveld in {park} staat kniehoog, de kinderen kunnen er niet meer voetballen.
            Er is gemaaid bij {addr} maar al het gras is blijven liggen.
        """,
        en="The grass on the field at {addr} needs mowing.",
    ),
    "beplanting": dict(
        w=15,
        core="""
            De struiken in het perkje bij {addr} zijn helemaal kapotgetrapt.
            Het plantsoen aan de {street} is verwaarloosd, de planten zijn dood.
            Er zijn kort geleden nieuwe plantjes in de bak bij {addr} gezet maar ze zijn allemaal uitgedroogd.
            Iemand heeft de rozen in het perk op de {street} eruit getrokken.
        """,
        en="The shrubs in the flower bed at {addr} have been trampled.",
    ),
    "onkruid": dict(
        w=12,
        months=(4, 5, 6, 7, 8, 9, 10),
        core="""
            In het perk bij {addr} staat meer onkruid dan planten.
            Het plantsoen op de {street} is overwoekerd door brandnetels.
            Het onkruid in de boomspiegels op de {street} staat hoog.
        """,
        en="The flower bed at {addr} is full of weeds.",
    ),
    "overig-groen-en-water": dict(
        w=10,
        core="""
            Het hek rond de vijver in {park} is kapot.
            De waterpartij bij {addr} stinkt en het water is groen.
            Er ligt een boomstronk midden op het gras bij {addr}.
            Er staat een grote plas op het grasveld bij {addr} die niet wegzakt.
        """,
        en="The pond in {park} is green and smells.",
    ),
    "boom-overig": dict(
        w=15,
        core="""
            Er hangt een grote tak laag over het fietspad bij {addr}.
            De boom voor {addr} laat heel veel plakkerig sap vallen op de auto's.
            De boomwortels bij {addr} duwen de stoep omhoog.
            Er ligt een afgebroken tak op de stoep bij {addr}.
            Iemand heeft een fiets aan de boom vastgezet en de schors is beschadigd.
        """,
        en="A broken branch is lying on the pavement at {addr}.",
        k="safety recurring",
    ),
    "boom-afval": dict(
        w=8,
        core="""
            In de boom bij {addr} hangt een hoop plastic.
            Rond de boom op de {street} ligt afval en iemand heeft er een tas in gehangen.
            Er zitten een vlieger en een hoop touw in de boom bij {park}.
        """,
        en="There is plastic stuck in the tree at {addr}.",
    ),
    "boom": dict(
        w=10,
        why="Dead tree: needs an inspection and a felling decision",
        core="""
            De boom voor {addr} is dood, er zit geen blad meer aan.
            Bij {addr} staat een boom die het hele jaar al kaal is.
            De lindeboom op de {street} lijkt dood, de schors valt eraf.
        """,
        en="The tree in front of {addr} looks dead.",
    ),
    "boom-noodkap": dict(
        w=8,
        why="Tree may fall: urgent safety assessment",
        core="""
            De boom bij {addr} hangt helemaal scheef over de weg, hij kan zo omvallen.
            Na de storm staat de boom op de {street} los in de grond, de wortels komen omhoog.
            Er zit een grote scheur in de stam van de boom bij {addr}.
        """,
        en="The tree at {addr} is leaning over the road and could fall.",
    ),
    "boom-stormschade": dict(
        w=15,
        months=(1, 2, 3, 10),
        why="Storm damage to a tree: safety assessment",
        core="""
            Door de storm is een grote tak afgebroken en die ligt op de {street}.
            Bij {addr} is een boom omgewaaid, hij ligt over de stoep.
            Er hangt na de storm een tak half los in de boom voor {addr}.
            Een boom in {park} is omgevallen en ligt over het pad.
        """,
        en="The storm brought down a tree at {addr}, it's blocking the pavement.",
    ),
    "boom-verzoek-inspectie": dict(
        w=15,
        why="Asks for a tree inspection",
        core="""
            Wil iemand naar de boom voor {addr} kijken? Er zitten zwammen aan de stam.
            De boom bij {addr} kraakt bij elke windvlaag, ik vertrouw het niet.
            Kan de gemeente de bomen op de {street} controleren? Er vallen steeds dikke takken uit.
            De populier achter {addr} hangt steeds schever, graag een keer laten inspecteren.
        """,
        en="Could someone inspect the tree at {addr}? There is fungus on the trunk.",
    ),
    "boomziekten-en-plagen": dict(
        w=8,
        why="Tree disease or pest: specialist assessment",
        core="""
            De kastanjes op de {street} hebben midden in de zomer bruine bladeren, volgens mij zijn ze ziek.
            Er zit een soort witte schimmel op de boom bij {addr}.
            De esdoorn bij {addr} zit onder de luizen en alles plakt.
        """,
        en="The chestnut trees on {street} look diseased.",
    ),
    "boom-aanvraag-plaatsing": dict(
        w=8,
        why="Request for a new tree: needs a decision",
        core="""
            Kan er in de {street} een boom geplant worden? De straat is helemaal versteend.
            Bij {addr} is vorig jaar een boom weggehaald, komt daar nog een nieuwe?
            Wij willen als buurt graag een paar bomen op het pleintje bij {addr}.
            Is het mogelijk om voor {addr} een boom terug te plaatsen? Er is alleen nog een lege boomspiegel.
        """,
        en="Could a tree be planted in the empty tree pit at {addr}?",
    ),
    "boom-illegale-kap": dict(
        w=8,
        why="Possible illegal felling: needs a permit check",
        core="""
            Op dit moment wordt bij {addr} een grote boom omgezaagd, mag dat wel?
            De buren van {addr} hebben in het weekend een boom gekapt, ik zie nergens een vergunning.
            In de tuin bij {addr} zijn vorige week drie grote bomen weggehaald.
        """,
        en="Someone is cutting down a big tree at {addr} right now, is there a permit?",
    ),
    "eikenprocessierups": dict(
        w=10,
        months=(5, 6, 7),
        why="Oak processionary caterpillar: health risk, specialist removal",
        core="""
            In de eik bij {addr} zitten nesten van de eikenprocessierups.
            Ik zie processierupsen in de bomen bij het speeltuintje in {park}.
            Mijn kind heeft jeuk en uitslag na het spelen bij de eiken op de {street}, ik zag rupsennesten.
        """,
        en="Oak processionary caterpillar nests in the oak at {addr}.",
    ),
    "japanse-duizendknoop": dict(
        w=8,
        why="Invasive knotweed: specialist treatment",
        core="""
            Langs de sloot bij {addr} groeit Japanse duizendknoop.
            In het plantsoen aan de {street} staat volgens mij Japanse duizendknoop, het groeit door de tegels heen.
            Japanse duizendknoop in de berm bij {park}.
        """,
        en="Japanese knotweed growing along the ditch near {addr}.",
    ),
    # ---------------------------------------------------------------- wegen, verkeer, straatmeubilair
    "lantaarnpaal-straatverlichting": dict(
        w=190,
        quick="""Lantaarnpaal kapot / Straatlamp uit / lamp doet het niet / Lantaarnpaal knippert /
                 Straatverlichting defect / Lamp brandt overdag / Paal {pole} kapot""",
        core="""
            De lantaarnpaal voor {addr} doet het niet.
            Straatlantaarn op de {street} ter hoogte van nr {nr} is {when} uit.
            De lamp bij {addr} knippert de hele avond.
            Op de {street} doen drie lantaarnpalen het niet, het is aardedonker.
            De straatverlichting bij {addr} brandt overdag ook.
            Lantaarnpaal bij het fietspad in {park} is kapot.
            De lantaarnpaal bij {addr} is aangereden en staat scheef.
            Lamp kapot bij {addr}, het nummer op de paal is {pole}.
            Voor {addr} is het {when} donker, de lamp doet het niet.
        """,
        more="""
            Het is 's avonds echt donker.
            Dat voelt onveilig als je alleen naar huis loopt.
            Graag snel repareren.
            De lamp ernaast doet het wel.
        """,
        cx="""
            De kap hangt los en er steken draden uit de paal. || Safety risk: damaged lamp post with loose wires
            In het steegje naast {addr} is helemaal geen verlichting, kan daar een lamp bij? || Request for a new street light: needs a decision
        """,
        en="""
            The street light in front of {addr} is out.
            Street lamp on {street} keeps flickering all night.
        """,
        k="safety recurring bundle",
        m="anger complaint callback vuln_dark",
    ),
    "onderhoud-stoep-straat-en-fietspad": dict(
        w=160,
        quick="Losse tegel / Gat in de weg / Stoeptegel los / Kuil in de straat / Scheve tegels / Gat in de stoep",
        core="""
            Er ligt een losse stoeptegel voor {addr}.
            Er zit een diep gat in het wegdek van de {street} ter hoogte van nr {nr}.
            De stoep bij {addr} ligt bol en scheef, er blijft steeds water staan.
            Op de {street} zitten kuilen in de weg, de auto's moeten er omheen.
            De klinkers bij {addr} liggen los en klapperen als er een auto overheen rijdt.
            Een tegel steekt een paar centimeter omhoog op de stoep bij {addr}.
            Bij de oversteekplaats op de {street} ontbreken een paar stenen.
            Gat in de stoep bij {addr} na werkzaamheden, niet netjes dichtgemaakt.
            Kuilen in de {street}, is {when} zo.
        """,
        more="Graag even herstellen. / Vooral in het donker zie je het niet. / Er staat nu een plas water in.",
        cx="""
            Er zit een holte onder de stoep bij {addr} en het zakt steeds verder weg, volgens mij is er iets met het riool. || Possible subsidence or sinkhole: needs inspection
            De hele straat is verzakt, de tegels liggen overal scheef en bij regen staat alles blank. || Subsidence across the street: structural problem needs inspection
        """,
        en="""
            Loose paving slab in front of {addr}.
            There's a big pothole in the road on {street}.
        """,
        k="safety recurring bundle",
        m="anger complaint callback vuln_obstacle",
    ),
    "onderhoud-fietspad": dict(
        w=25,
        core="""
            Op het fietspad langs de {street} zit een diep gat.
            Boomwortels duwen het fietspad bij {addr} omhoog, je vliegt er bijna overheen.
            Het fietspad bij {addr} ligt vol losse tegels.
            Er zit een grote scheur in het asfalt van het fietspad op de {street}.
        """,
        en="There is a deep pothole in the cycle path on {street}.",
    ),
    "straatmeubilair": dict(
        w=92,
        quick="Bank kapot / Paaltje omver / Hek kapot / Bankje stuk",
        core="""
            Het bankje bij {addr} is kapot, er ontbreken latten.
            Een paaltje op de {street} is omver gereden en ligt op de stoep.
            Het hekje langs het water bij {addr} is stuk.
            Bij de bushalte op de {street} is de bank vernield.
            De zitbank in {park} is beklad en een poot is gebroken.
            Het afzethek bij de {street} hangt los.
        """,
        cx="""
            Kan hier een bankje bij komen? Veel ouderen lopen hier en kunnen nergens even zitten. || Request for a new bench: needs a decision
        """,
        en="The bench at {addr} is broken, slats are missing.",
    ),
    "prullenbakkapot": dict(
        w=48,
        quick="Prullenbak kapot / Afvalbak stuk",
        core="""
            De prullenbak bij {addr} is kapot, de bodem is eruit.
            De afvalbak bij de bushalte op de {street} is losgetrokken.
            Iemand heeft de prullenbak op de {street} in de fik gestoken.
            De klep van de prullenbak bij {addr} is eraf.
            De prullenbak bij het bankje in {park} hangt scheef aan de paal.
        """,
        en="The litter bin at {addr} is broken.",
    ),
    "fietsrek-nietje": dict(
        w=15,
        core="""
            Het fietsnietje bij {addr} staat los.
            In het fietsenrek op de {street} zijn drie beugels kapot.
            Het fietsrek bij {addr} is omgereden en ligt op de stoep.
        """,
        cx="""
            Kan hier een extra fietsenrek komen? Alles staat nu op de stoep. || Request for a new bike rack: needs a decision
        """,
        en="The bike rack at {addr} is broken.",
    ),
    "speelplaats": dict(
        w=25,
        core="""
            De schommel in de speeltuin bij {addr} is kapot.
            Het klimrek op het speelpleintje aan de {street} staat los.
            De wip in de speeltuin op de {street} is gebroken.
            In de zandbak bij {addr} ligt glas.
            Het hek van de speeltuin in {park} gaat niet meer dicht.
        """,
        cx="""
            Bij de glijbaan steekt een scherpe spijker uit, mijn kind heeft zich al opengehaald. || Safety risk: sharp nail on play equipment, child injured
            Er wonen hier veel jonge gezinnen maar er is geen speelplek in de buurt, kan die er komen? || Request for a new playground: needs a decision
        """,
        en="The swing in the playground at {addr} is broken.",
    ),
    "sportvoorziening": dict(
        w=8,
        core="""
            Het net van het voetbaldoel op het trapveldje bij {addr} is kapot.
            De basketbalring op de {street} hangt los.
            De fitnesstoestellen in {park} zijn beschadigd.
        """,
        en="The basketball hoop on {street} is hanging loose.",
    ),
    "verkeerslicht": dict(
        w=20,
        core="""
            Het verkeerslicht op het kruispunt {street}/{street2} doet het niet.
            Het voetgangerslicht bij {addr} springt niet op groen.
            Het stoplicht op de {street} staat voor fietsers eindeloos op rood.
            De drukknop van het voetgangerslicht bij {addr} werkt niet.
        """,
        cx="""
            Het verkeerslicht is helemaal uit en iedereen rijdt zomaar door, levensgevaarlijk. || Dangerous traffic situation: traffic lights out at a junction
        """,
        en="The traffic lights at the junction of {street} and {street2} are not working.",
        k="traffic recurring",
    ),
    "verkeersbord-verkeersafzetting": dict(
        w=18,
        core="""
            Het stopbord op de hoek van de {street} is omgereden.
            Het verkeersbord bij {addr} is gedraaid en wijst de verkeerde kant op.
            Het bord eenrichtingsverkeer op de {street} is weg.
            Verkeersbord bij {addr} hangt scheef aan de paal.
        """,
        en="The stop sign on the corner of {street} has been knocked over.",
        k="traffic recurring",
    ),
    "oplaadpunt": dict(
        w=15,
        core="""
            De laadpaal bij {addr} geeft een foutmelding.
            Laadpunt {street} laadt niet, het lampje blijft rood.
            Bij de laadpaal op de {street} hangt het klepje los.
        """,
        en="The EV charger at {addr} is not working.",
    ),
    "parkeerautomaten": dict(
        w=12,
        core="""
            De parkeerautomaat bij {addr} accepteert geen pinpas.
            Het scherm van de parkeerautomaat op de {street} is zwart.
            Parkeerautomaat {street} is kapot, ik kan geen kaartje kopen.
        """,
        en="The parking meter at {addr} does not accept cards.",
        k="bundle",
    ),
    "autom-verzinkbare-palen": dict(
        w=8,
        core="""
            De verzinkbare paal bij {addr} gaat niet meer omlaag.
            De beweegbare paal op de {street} staat steeds omhoog, de vuilniswagen kan er niet langs.
            De paal bij de ingang van de {street} zakt niet met mijn pasje.
        """,
        en="The retractable bollard at {addr} is stuck up.",
    ),
    "bewegwijzering": dict(
        w=8,
        core="""
            Het bord naar het station op de {street} wijst de verkeerde kant op.
            De wegwijzer bij de rotonde op de {street} is omgewaaid.
            Het straatnaambord van de {street} is onleesbaar.
        """,
        en="The sign to the station on {street} points the wrong way.",
        k="bundle",
    ),
    "overig-wegen-verkeer-straatmeubilair": dict(
        w=12,
        core="""
            In het bushokje bij {addr} is een ruit kapot, overal glas.
            Het hek langs de gracht bij {addr} is kapot en hangt scheef.
            De drempel op de {street} is zo hoog dat auto's met de bodem erover schrapen.
            De spiegel op de hoek van de {street} is kapot.
        """,
        en="The glass of the bus shelter at {addr} is smashed.",
    ),
    "put-riool-kapot": dict(
        w=15,
        why="Broken drain or sewer: needs inspection",
        core="""
            Het putdeksel op de {street} ligt los en klappert.
            Het rooster van de kolk bij {addr} is kapot, er zit een gat.
            Bij {addr} is de rioolput ingezakt.
        """,
        en="The drain cover on {street} is loose.",
    ),
    "put-riolering-verstopt": dict(
        w=30,
        why="Blocked drain or sewer: needs inspection",
        core="""
            De straatkolk bij {addr} is verstopt, na elke bui staat het water op straat.
            Na de regen staat de {street} blank, de putten lopen niet door.
            Bij {addr} komt rioolwater omhoog uit de put, het stinkt.
            De kolken in de {street} zitten vol met blad.
            Het water loopt bij de huizen op {addr} bijna naar binnen, de put is verstopt.
        """,
        en="The drain at {addr} is blocked, the street floods after every shower.",
        m="anger complaint callback vuln_general",
    ),
    "verkeersoverlast": dict(
        w=25,
        why="Traffic nuisance: needs traffic research",
        core="""
            Er wordt op de {street} veel te hard gereden.
            Vrachtwagens rijden dwars door de {street} terwijl dat niet mag.
            Sluipverkeer in de {street}, {time} staat het bumper aan bumper.
            Scooters rijden over het trottoir van de {street}.
        """,
        en="Cars speed on {street} all the time.",
        k="traffic recurring",
        m="anger complaint callback distress",
    ),
    "verkeerssituaties": dict(
        w=30,
        why="Dangerous traffic situation or road layout: needs assessment by a traffic engineer",
        core="""
            De oversteekplaats bij {addr} is erg onoverzichtelijk.
            Bij de rotonde op de {street} wordt fietsers steeds de voorrang ontnomen.
            Kan er op de {street} een drempel komen? Er wordt veel te hard gereden.
            Het kruispunt {street}/{street2} is gevaarlijk, auto's zien de fietsers niet.
            Kinderen steken bij {addr} over naar school, maar er is geen zebrapad.
        """,
        en="The crossing at {addr} is dangerous, drivers don't see cyclists.",
        k="traffic",
    ),
    "omleiding-belijning-verkeer": dict(
        w=8,
        why="Road markings or diversion: needs a traffic assessment",
        core="""
            De strepen op de weg bij de rotonde op de {street} zijn bijna weg.
            De omleiding bij de {street} is onduidelijk, iedereen rijdt verkeerd.
            Het zebrapad bij {addr} is helemaal vervaagd.
        """,
        en="The road markings at the roundabout on {street} have almost worn away.",
    ),
    "tijdelijke-verkeersmaatregelen": dict(
        w=10,
        why="Temporary traffic measures: coordination with the contractor",
        core="""
            De hekken van de werkzaamheden op de {street} zijn omgewaaid en liggen op de weg.
            Bij {addr} staat al weken een afzetting maar er wordt niet gewerkt.
            Het omleidingsbord bij de {street} staat midden op het fietspad.
        """,
        en="The barriers from the roadworks on {street} have blown over onto the road.",
        m="anger complaint callback vuln_obstacle",
    ),
    # ---------------------------------------------------------------- overlast in de openbare ruimte
    "parkeeroverlast": dict(
        w=112,
        quick="Auto op stoep / Fout geparkeerd / Parkeeroverlast / auto op fietspad / Auto op invalidenplek",
        core="""
            Er staat een auto half op de stoep bij {addr}, je kunt er niet langs.
            Elke ochtend staan er busjes op het fietspad van de {street}.
            Bij {addr} wordt steeds dubbel geparkeerd.
            Er staat een auto voor mijn uitrit op {addr}, ik kan er niet uit.
            Op de invalidenparkeerplaats bij {addr} staat een auto zonder kaart.
            Auto's parkeren op de stoep van de {street} bij de school.
            Een bestelbus staat {when} op het trottoir bij {addr}.
            Auto staat al dagen geparkeerd in het laad- en losvak op de {street}.
        """,
        more="Kan er een handhaver langskomen? / Het kenteken staat op de foto. / Dit gebeurt vooral {time}.",
        cx="""
            Er zijn hier gewoon te weinig parkeerplaatsen, kan er niet een extra vak bij komen? || Request for new parking places: needs a decision
        """,
        en="A car is parked on the pavement at {addr}, pedestrians can't pass.",
        k="traffic recurring permit",
        m="anger complaint callback neighbour vuln_obstacle",
    ),
    "stank-geluidsoverlast": dict(
        w=92,
        why="Noise or smell nuisance: the source needs to be investigated",
        quick="Geluidsoverlast / Herrie / Lawaai op straat / Stank op straat",
        core="""
            Er is elke nacht lawaai op straat bij {addr}.
            Op de {street} stinkt het {when} naar riool.
            Een alarm bij {addr} gaat al uren af.
            Bladblazers op de {street} {time}, niet normaal.
            Iemand op de {street} laat steeds zijn motor lang en hard draaien.
            Er hangt een brandlucht bij {addr}, ik weet niet waar het vandaan komt.
            Geluidsoverlast bij {addr} door een luide speaker buiten.
            Er staat een aggregaat bij {addr} te ronken, ook 's nachts.
        """,
        more="Het gaat door tot laat in de nacht. / Andere bewoners horen het ook.",
        en="There is loud noise in the street at {addr} every night.",
        k="recurring bundle",
        m="anger complaint callback neighbour distress vuln_health",
    ),
    "fietswrak": dict(
        w=35,
        quick="Fietswrak / Weesfiets / kapotte fiets in rek / Fietswrak in rek",
        core="""
            In het fietsenrek bij {addr} staat al maanden een fiets zonder zadel en wielen.
            Er hangt een fietswrak aan het hek bij de {street}.
            Een fiets met twee lekke banden en veel roest staat {when} bij {addr}.
            In de stalling bij {park} staan meerdere fietswrakken.
            Een kapotte fiets ligt in de bosjes bij {addr}.
        """,
        en="A wrecked bike has been locked to the rack at {addr} for months.",
        m="anger complaint callback",
    ),
    "auto-scooter-bromfietswrak": dict(
        w=15,
        why="Possible vehicle wreck: owner and enforcement need to be investigated",
        core="""
            Er staat al maanden een auto zonder kentekenplaten bij {addr}.
            Bij {addr} staat een scooter zonder wielen tegen een paal.
            Een kapotte brommer ligt {when} in de berm bij de {street}.
            De auto op de {street} bij nr {nr} heeft lekke banden en een kapotte ruit, hij staat er al sinds de zomer.
        """,
        en="A car without number plates has been parked at {addr} for months.",
    ),
    "bouw-sloopoverlast": dict(
        w=20,
        why="Construction nuisance: permit check and possible enforcement",
        core="""
            De bouwvakkers bij {addr} beginnen al om 6 uur 's ochtends met slopen.
            Door de sloop op de {street} zit alles onder het stof.
            Bij {addr} wordt geheid, ons hele huis trilt.
            De bouwplaats op de {street} maakt ook in het weekend herrie.
            Vrachtwagens van de bouw bij {addr} blokkeren elke ochtend de straat.
        """,
        en="Construction at {addr} starts at 6 am, very noisy.",
        m="anger complaint callback distress vuln_health",
    ),
    "hinderlijk-geplaatst-object": dict(
        w=15,
        why="Obstruction in public space: permit check needed",
        core="""
            Er staat al weken een bouwcontainer op de stoep bij {addr}.
            Een steiger bij {addr} blokkeert de hele stoep.
            Iemand heeft een aanhanger al maanden op de parkeerplaats bij {addr} gezet.
            Bij {addr} staan bloembakken van de buren op de stoep, je kunt er niet langs.
            Een bouwkeet op de {street} staat half op het fietspad.
        """,
        en="A skip has been on the pavement at {addr} for weeks.",
        m="anger complaint callback neighbour vuln_obstacle",
    ),
    "lozing-dumping-bodemverontreiniging": dict(
        w=8,
        why="Possible pollution: needs environmental investigation",
        core="""
            Iemand heeft vaten met een vieze vloeistof in de berm bij {addr} leeggegooid.
            Bij het bedrijf op de {street} wordt iets in het riool geloosd, het stinkt naar chemicaliën.
            In de sloot bij {addr} zit een olieachtige laag en er drijven dode vissen.
        """,
        en="Someone emptied drums of liquid into the verge at {addr}.",
    ),
    "markten": dict(
        w=8,
        why="Market nuisance: enforcement and coordination with the market team",
        core="""
            Na de markt op de {street} blijft er heel veel afval liggen.
            De marktkramen op de {street} staan voor de ingang van onze portiek.
            De marktlui beginnen om 5 uur 's ochtends met opbouwen en maken enorm veel lawaai.
        """,
        en="After the market on {street} a lot of rubbish is left behind.",
    ),
    "overig-openbare-ruimte": dict(
        w=10,
        core="""
            Iemand heeft een bank uit het park naar de {street} gesleept.
            Er staan een leeg kledingrek en dozen van een winkel op de stoep bij {addr}.
            Er staat al dagen een reclametent op het pleintje bij {addr}.
            Er liggen lachgascilinders in de bosjes bij {addr}.
        """,
        en="Someone has left a clothing rack and boxes on the pavement at {addr}.",
    ),
    "wegsleep": dict(
        w=10,
        core="""
            Er staat een auto midden op de busbaan van de {street}, de bus kan er niet langs.
            Een busje blokkeert de inrit van de parkeergarage bij {addr}.
            Een auto staat op de verzinkbare palen bij {addr}, niemand kan er meer in of uit.
            Auto staat dwars over het fietspad bij {addr}, al de hele dag.
        """,
        en="A car is blocking the bus lane on {street}, it needs to be towed.",
    ),
    # ---------------------------------------------------------------- bedrijven en horeca
    "geluidsoverlast-muziek": dict(
        w=20,
        why="Loud music from a business: needs enforcement research",
        core="""
            Het café op de {street} draait elke vrijdag tot diep in de nacht keiharde muziek.
            Bij {addr} staat de muziek van de bar {time} nog veel te hard.
            De bassen van de club aan de {street} dreunen door tot in mijn slaapkamer.
            Het restaurant bij {addr} heeft de deuren open en de muziek staat loeihard.
            Weer een feest in het zaaltje op de {street}, muziek tot 3 uur.
        """,
        en="The bar on {street} plays loud music until 3 am.",
        m="anger complaint callback distress vuln_health",
    ),
    "geluidsoverlast-installaties": dict(
        w=10,
        why="Noise from an installation: needs measurement and enforcement",
        core="""
            De koelinstallatie van de supermarkt op de {street} bromt dag en nacht.
            De afzuiging van het restaurant bij {addr} maakt tot 2 uur 's nachts herrie.
            Op het dak van {addr} staat een warmtepomp die constant zoemt.
            De compressor van de bakkerij op de {street} begint elke nacht om 4 uur te draaien.
        """,
        en="The cooling unit of the supermarket on {street} hums day and night.",
        m="anger complaint callback distress vuln_health",
    ),
    "overlast-door-bezoekers-niet-op-terras": dict(
        w=10,
        why="Nuisance by visitors of a business: needs enforcement research",
        core="""
            Bezoekers van het café op de {street} staan na sluitingstijd nog lang op straat te schreeuwen.
            Rokers van de kroeg bij {addr} staan elke avond voor onze deur.
            Gasten van het restaurant bij {addr} zetten hun fietsen voor onze deur en zijn luidruchtig.
        """,
        en="Guests of the pub on {street} stand outside shouting after closing time.",
    ),
    "overlast-terrassen": dict(
        w=10,
        months=(4, 5, 6, 7, 8, 9),
        why="Terrace nuisance: needs a permit check",
        core="""
            Het terras van het café bij {addr} staat veel verder op de stoep dan mag.
            Het terras op de {street} is tot na middernacht open en erg luidruchtig.
            Door het terras bij {addr} kom je met een kinderwagen niet meer over de stoep.
        """,
        en="The café terrace at {addr} takes up the whole pavement.",
    ),
    "overig-horecabedrijven": dict(
        w=8,
        why="Nuisance from a business: needs investigation",
        core="""
            Het bezorgrestaurant op de {street} laat scooters op de stoep staan met draaiende motor.
            De snackbar bij {addr} zet zijn afvalvaten op de stoep.
            Leveranciers van de winkel op de {street} laden en lossen elke ochtend midden op het fietspad.
        """,
        en="Delivery scooters from the restaurant on {street} block the pavement.",
    ),
    "stankoverlast": dict(
        w=8,
        why="Smell from a business: the source needs to be investigated",
        core="""
            De frituur van de snackbar op de {street} stinkt de hele straat uit.
            Uit het bedrijf bij {addr} komt een chemische lucht.
            Er hangt elke avond een sterke rooklucht van het restaurant bij {addr}.
        """,
        en="A chemical smell comes from the business at {addr}.",
        m="anger complaint callback vuln_health",
    ),
    # ---------------------------------------------------------------- dieren
    "dode-dieren": dict(
        w=15,
        core="""
            Er ligt een dode kat op de {street} ter hoogte van nr {nr}.
            Dode duif op de stoep bij {addr}.
            In de sloot bij {addr} drijft een dode eend.
            Op het fietspad langs de {street} ligt een doodgereden vos.
            Er ligt een dode rat bij de container op {addr}.
        """,
        en="A dead cat is lying on the road at {addr}.",
        k="bundle",
        m="anger complaint callback",
    ),
    "ratten": dict(
        w=15,
        why="Rats in public space: vermin needs pest control",
        core="""
            Ik zie steeds ratten bij de containers op de {street}.
            Rond het speeltuintje bij {addr} lopen 's avonds ratten.
            Bij {addr} lopen ratten over de stoep, ze komen uit de bosjes.
            In de groenstrook langs de {street} zitten overal rattenholen.
        """,
        en="I keep seeing rats near the containers on {street}.",
    ),
    "ratten-in-en-rond-woning": dict(
        w=10,
        why="Rats around a home: vermin needs pest control",
        core="""
            Er zitten ratten in onze tuin op {addr}, ze komen onder de schutting door.
            We horen ratten in de kruipruimte van {addr}.
            Ratten in de achtertuinen van de {street}, ze hebben een gang gegraven onder het terras.
        """,
        en="There are rats in our garden at {addr}.",
        m="anger complaint callback distress neighbour vuln_health",
    ),
    "meeuwen": dict(
        w=15,
        why="Gull nuisance: needs structural measures",
        core="""
            De meeuwen pikken elke nacht de vuilniszakken open bij {addr}.
            Op het dak van {addr} broeden meeuwen, ze maken vanaf 4 uur 's ochtends een enorm kabaal.
            Meeuwen duiken naar mensen bij de bakker op de {street}.
            Door de meeuwen ligt het afval van de containers op de {street} over de hele straat.
        """,
        en="Gulls rip open the rubbish bags at {addr} every night.",
    ),
    "duiven": dict(
        w=10,
        why="Pigeon nuisance: needs a pest control assessment",
        core="""
            Duiven nestelen onder het viaduct bij de {street}, de stoep ligt vol poep.
            Iemand op {addr} voert elke dag de duiven, er zitten er honderden.
            Duivenpoep overal op de bankjes bij {park}.
        """,
        en="Pigeons nesting under the bridge on {street}, droppings everywhere.",
        m="anger complaint callback neighbour",
    ),
    "ganzen": dict(
        w=8,
        why="Geese nuisance: needs fauna management",
        core="""
            Op het grasveld in {park} zitten tientallen ganzen, alles ligt vol poep.
            De ganzen bij de vijver bij {addr} vallen kinderen aan.
            Ganzen lopen steeds over de {street}, auto's moeten hard remmen.
        """,
        en="Dozens of geese on the field in {park}, droppings everywhere.",
    ),
    "wespen": dict(
        w=10,
        months=(6, 7, 8, 9),
        core="""
            In de prullenbak bij {addr} zit een wespennest.
            Wespennest in de lantaarnpaal op de {street}.
            In de boom bij het speeltuintje in {park} hangt een groot wespennest.
        """,
        en="Wasp nest in the litter bin at {addr}.",
    ),
    "overig-dieren": dict(
        w=8,
        core="""
            Er zit al dagen een verdwaalde kat in de bosjes bij {addr}.
            Er zwemt een eend met een plastic ring om zijn nek in de gracht bij {addr}.
            Er is een zwerm bijen neergestreken in de boom bij {addr}.
        """,
        en="A swarm of bees has settled in the tree at {addr}.",
    ),
    # ---------------------------------------------------------------- personen en groepen (default maatwerk)
    "jongerenoverlast": dict(
        w=25,
        core="""
            Een groep jongeren hangt elke avond bij {addr} en maakt herrie.
            Jongeren op scooters scheuren {time} over het pleintje bij {addr}.
            Bij het speeltuintje in {park} zitten jongeren te blowen en ze laten lachgas achter.
            Hangjongeren bij de snackbar op de {street} schelden mensen uit.
            Er wordt tegen onze gevel op {addr} gevoetbald tot na elf uur.
        """,
        en="A group of teenagers hangs around at {addr} every night making noise.",
    ),
    "drank-en-drugsoverlast": dict(
        w=15,
        core="""
            In {park} wordt elke avond gedeald.
            Bij {addr} staan mannen te drinken en ze laten overal blikjes achter.
            In het portiek van {addr} worden drugs gebruikt, er liggen naalden.
            Een groep op het bankje aan de {street} drinkt de hele dag en valt voorbijgangers lastig.
        """,
        en="People are drinking and dealing near {addr} every evening.",
    ),
    "daklozen-bedelen": dict(
        w=15,
        core="""
            Er slaapt al een paar nachten een man in het portiek bij {addr}.
            Bij de supermarkt op de {street} wordt elke dag gebedeld, mensen worden aangesproken.
            Onder de brug bij de {street} ligt iemand in een slaapzak, het wordt erg koud vannacht.
            Een vrouw slaapt al dagen op een bankje in {park}, ze lijkt verward.
        """,
        en="A man has been sleeping in the doorway at {addr} for several nights.",
    ),
    "overige-overlast-door-personen": dict(
        w=10,
        core="""
            Iemand op de {street} spreekt voorbijgangers steeds agressief aan.
            Een man loopt al dagen in de {street} tegen iedereen te schreeuwen.
            Er staat elke dag iemand met een luidspreker te preken bij {addr}.
        """,
        en="A man has been shouting at passers-by on {street} for days.",
    ),
    "overlast-door-afsteken-vuurwerk": dict(
        w=12,
        months=(1, 10),
        core="""
            Er wordt al weken elke avond zwaar vuurwerk afgestoken bij {addr}.
            Jongeren gooien vuurwerk naar voorbijgangers op de {street}.
            Om 2 uur 's nachts ging er een zware knaller af bij {addr}, mijn hele huis schudde.
        """,
        en="Heavy fireworks are set off at {addr} every evening.",
    ),
    "wildplassen-poepen-overgeven": dict(
        w=10,
        core="""
            In het steegje naast {addr} wordt elk weekend geplast, het stinkt vreselijk.
            Na het uitgaan wordt er tegen onze voordeur op de {street} geplast.
            Iemand heeft tegen de gevel van {addr} overgegeven.
        """,
        en="People urinate in the alley next to {addr} every weekend.",
    ),
    "overlast-van-taxis-bussen-en-fietstaxis": dict(
        w=8,
        why="Taxi or coach nuisance: needs enforcement and coordination",
        core="""
            Taxi's staan op de {street} de hele avond met draaiende motor te wachten.
            Touringcars parkeren op de {street} en blokkeren de straat.
            Fietstaxi's staan op de stoep bij {addr}.
        """,
        en="Taxis wait on {street} with their engines running all evening.",
        m="anger complaint callback",
    ),
    # ---------------------------------------------------------------- water
    "overlast-op-het-water-snel-varen": dict(
        w=8,
        months=(5, 6, 7, 8, 9),
        why="Speeding boat: nautical supervision",
        core="""
            Op het Spaarne ter hoogte van de {street} varen speedboten veel te hard.
            Een sloep vaart met hoge snelheid door de gracht bij {addr}, de golven slaan tegen de kade.
            Elke zomeravond racen waterscooters langs {park}.
        """,
        en="Speedboats racing on the Spaarne near {street}.",
    ),
    "overlast-op-het-water-geluid": dict(
        w=8,
        months=(5, 6, 7, 8, 9),
        why="Noise from a boat: nautical supervision",
        core="""
            Een partyboot vaart met keiharde muziek door de Bakenessergracht.
            Bij {addr} ligt een boot waar elke avond feest is, tot laat in de nacht.
            Rondvaartboot met versterker en schreeuwende mensen op het Spaarne, {time}.
        """,
        en="A party boat with very loud music sailing past {addr}.",
    ),
    "overlast-op-het-water-gezonken-boot": dict(
        w=8,
        why="Sunken boat: removal needs investigation of the owner",
        core="""
            Bij {addr} ligt een gezonken sloep half onder water.
            In de Leidsevaart bij de {street} ligt al weken een half gezonken bootje.
            Er steekt een boeg uit het water bij {park}, volgens mij een wrak.
        """,
        en="A half-sunken boat has been lying in the water at {addr} for weeks.",
    ),
    "olie-op-het-water": dict(
        w=8,
        why="Oil on the water: pollution needs investigation",
        core="""
            Er drijft een olievlek in de gracht bij {addr}.
            Op het water bij de {street} ligt een regenboogkleurige laag, het ruikt naar diesel.
            Bij de steigers bij {park} zie ik olie op het water.
        """,
        en="There's an oil slick on the canal at {addr}.",
    ),
    # ---------------------------------------------------------------- civiele constructies
    "bruggen": dict(
        w=8,
        why="Bridge damage: needs a structural inspection",
        core="""
            De leuning van de brug bij de {street} zit los.
            Er zitten gaten in het wegdek van de brug bij {addr}.
            Op de voetbrug bij {park} zijn planken verrot.
        """,
        en="The railing on the bridge by {street} is loose.",
    ),
    "brug-bediening": dict(
        w=8,
        why="Bridge operation fault: coordination with the bridge operators",
        core="""
            De brug bij de {street} gaat niet meer dicht, het verkeer staat vast.
            De ophaalbrug bij {addr} blijft al een half uur openstaan.
            Boten wachten al lang bij de brug op de {street}, hij gaat niet open.
        """,
        en="The drawbridge at {street} is stuck open.",
    ),
    "kades": dict(
        w=8,
        why="Quay damage: needs a structural inspection",
        core="""
            In de kademuur bij {addr} zit een grote scheur.
            Er zijn stenen uit de kade gevallen bij de {street}.
            De kade bij {addr} lijkt te verzakken, de stoep helt naar het water.
        """,
        en="There is a large crack in the quay wall at {addr}.",
    ),
    "oevers": dict(
        w=8,
        why="Damaged bank: needs inspection",
        core="""
            De oever langs de sloot bij {addr} brokkelt af.
            De beschoeiing langs {park} is verrot, de grond zakt in het water.
            Bij {addr} is een stuk oever weggeslagen.
        """,
        en="The bank of the ditch at {addr} is crumbling away.",
    ),
    "watergangen": dict(
        w=8,
        why="Water level or waterway problem: needs investigation",
        core="""
            De sloot achter {addr} staat bijna droog en het stinkt.
            Het water in de vaart bij de {street} staat heel hoog, het loopt bijna over de kant.
            De duiker in de sloot bij {park} is verstopt.
        """,
        en="The ditch behind {addr} has almost dried up and smells.",
    ),
    # ---------------------------------------------------------------- ondermijning, wonen, overig
    "vermoeden": dict(
        w=8,
        why="Suspected crime: needs investigation with partners",
        core="""
            In het pand bij {addr} komen dag en nacht mensen kort langs, ik vermoed drugshandel.
            De winkel op de {street} heeft nooit klanten maar blijft gewoon open, heel vreemd.
            Bij {addr} zijn de ramen afgeplakt en het ruikt er naar hennep.
        """,
        en="People come and go day and night at {addr}, I suspect drug dealing.",
    ),
    "woningkwaliteit": dict(
        w=8,
        why="Housing quality: needs an inspection",
        core="""
            De woning boven ons op {addr} lekt al maanden, het water loopt door ons plafond.
            In de flat aan de {street} zit overal schimmel, de verhuurder doet niks.
            Van de galerij bij {addr} vallen stukken beton.
        """,
        en="The flat above us at {addr} has been leaking for months.",
        m="distress complaint callback vuln_general",
    ),
    "leegstand": dict(
        w=8,
        why="Vacant building: needs research",
        core="""
            Het pand op {addr} staat al jaren leeg en verloedert.
            De winkel op de {street} staat al twee jaar leeg, er wordt ingebroken.
            Het huis op {addr} is dichtgetimmerd en staat al lang leeg.
        """,
        en="The building at {addr} has been empty for years.",
    ),
    "vakantieverhuur": dict(
        w=8,
        why="Suspected illegal holiday rental: needs enforcement research",
        core="""
            Op {addr} komen elke week andere toeristen met koffers.
            De bovenwoning aan de {street} wordt volgens mij via internet aan toeristen verhuurd.
            Bij {addr} hangt een sleutelkastje naast de deur en er zijn steeds andere gasten.
        """,
        en="Different tourists with suitcases arrive at {addr} every week.",
    ),
    "overig": dict(
        w=15,
        core="""
            Ik weet niet waar dit onder valt, maar er staat al weken een tent op het grasveld bij {addr}.
            Er staat een oude reclamezuil op de {street} die nergens meer voor gebruikt wordt.
            Het mededelingenbord bij {park} is al maanden leeg en vies.
            Er staat al een week een winkelwagen van de supermarkt in de {street}.
            Er hangt een losse kabel langs de gevel van {addr}.
        """,
        en="Not sure where this belongs: a shopping trolley has been left on {street} for a week.",
    ),
    "overige-dienstverlening": dict(
        w=10,
        core="""
            Ik heb een nieuwe parkeervergunning aangevraagd maar nog niets ontvangen.
            Mijn afvalpas werkt niet meer, hoe kom ik aan een nieuwe?
            Ik wil graag weten wanneer het grofvuil in de {street} wordt opgehaald.
            Ik heb een vraag over de werkzaamheden op de {street}: hoe lang gaat dit nog duren?
        """,
        en="My waste card stopped working, how do I get a new one?",
    ),
}

# categories whose problems are concrete enough to be mentioned second in a bundled report
BUNDLE_FRIENDLY = [
    "lantaarnpaal-straatverlichting",
    "onderhoud-stoep-straat-en-fietspad",
    "container-is-vol",
    "huisafval",
    "grofvuil",
    "veegzwerfvuil",
    "uitwerpselen",
    "snoeien",
    "graffitiwildplak",
    "parkeeroverlast",
    "straatmeubilair",
    "prullenbak-vol",
    "fietswrak",
    "put-riolering-verstopt",
    "onkruid-verharding",
]
# categories that get clusters of repeated reports at one place
CLUSTER_FRIENDLY = [
    "container-is-vol",
    "huisafval",
    "grofvuil",
    "lantaarnpaal-straatverlichting",
    "onderhoud-stoep-straat-en-fietspad",
    "parkeeroverlast",
    "stank-geluidsoverlast",
    "veegzwerfvuil",
    "uitwerpselen",
    "graffitiwildplak",
    "container-voor-papier-is-vol",
    "prullenbak-vol",
    "jongerenoverlast",
    "snoeien",
    "put-riolering-verstopt",
    "container-voor-plastic-afval-is-vol",
]
