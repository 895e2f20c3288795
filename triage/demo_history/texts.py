"""What the demo teams tell residents and what demo residents answer. Written for this project; no real texts."""

from __future__ import annotations

CONTACT = {
    "complex": (
        "We hebben uw melding bekeken. Dit vraagt wat uitzoekwerk; we laten u weten wat we gaan doen.",
        "Een collega komt ter plaatse kijken. Daarna hoort u van ons hoe we dit aanpakken.",
        "We hebben uw melding doorgezet naar de beheerder en houden u op de hoogte.",
        "Dank voor uw melding. We onderzoeken de situatie en komen bij u terug met een plan.",
    ),
    "maatwerk": (
        "We hebben u vandaag gebeld over uw melding en samen afgesproken hoe we verder gaan.",
        "Een medewerker heeft contact met u gehad. We pakken dit samen met u op.",
        "We hebben u gesproken en begrijpen hoe vervelend dit is. We komen langs om te kijken.",
        "Telefonisch contact gehad; we houden u persoonlijk op de hoogte.",
    ),
}

DONE = {
    "simple": (
        "Opgelost. Bedankt voor uw melding!",
        "We hebben het probleem verholpen.",
        "De melding is afgehandeld: het is weer in orde.",
        "Het is opgeruimd. Dank voor het doorgeven.",
        "Gerepareerd. Bedankt dat u dit meldde.",
    ),
    "complex": (
        "Na onderzoek hebben we maatregelen genomen. We sluiten uw melding.",
        "Het werk is uitgevoerd. Bedankt voor uw geduld.",
        "We hebben dit met de beheerder opgelost. De melding is afgehandeld.",
        "We hebben een structurele oplossing ingepland en sluiten deze melding.",
    ),
    "maatwerk": (
        "Zoals afgesproken is het opgelost. Neem gerust contact op als er nog iets is.",
        "We hebben het samen met u afgerond. Dank voor het gesprek.",
        "Het is geregeld. We bellen u over een paar weken nog even na.",
    ),
}

CANCELLED = (
    "We sluiten uw melding: dit valt niet onder de gemeente. We hebben het doorgegeven aan de eigenaar.",
    "We konden op de aangegeven plek niets vinden en sluiten de melding.",
    "Dit is al eerder gemeld en wordt opgepakt. We sluiten deze melding.",
    "Dit hoort bij een ander loket; u vindt de juiste weg op onze website.",
)

REOPEN = (
    "U bent niet tevreden over de afhandeling. We kijken er opnieuw naar.",
    "We openen uw melding opnieuw en komen nog een keer kijken.",
)

DONE_AGAIN = (
    "We zijn opnieuw gaan kijken en hebben het nu opgelost.",
    "Bij de tweede controle hebben we het alsnog verholpen.",
)

NEGATIVE_FEEDBACK = (
    "Het is nog steeds niet opgelost.",
    "Er is niemand geweest, alles ziet er hetzelfde uit.",
    "Dit heeft veel te lang geduurd.",
    "Maar half gedaan, de rest ligt er nog.",
    "Ik kreeg geen uitleg waarom het zo is afgehandeld.",
    "Na een paar dagen was het alweer net zo erg.",
    "Melding afgesloten zonder dat er iets gebeurd is.",
    "",
)

POSITIVE_FEEDBACK = ("", "", "", "Snel opgelost, dank u wel!", "Prima geregeld.", "Bedankt voor de snelle actie.")

PROPOSAL_REASON = "Demovoorstel: hoort bij de gegenereerde demogeschiedenis, niet bij een echt classificatiemodel"
