"""The policy's signs of a demanding report, as features the queue classifier weighs (TRIAGE_POLICY.md).

The rules in data/triage_rules.json once overrode the model; here each sign of the policy is a feature: the
model learns from the labels how much it counts, and one sign alone no longer decides. The patterns read the
text in lower case without accents (`classifiers.rules.plain`).
"""

from __future__ import annotations

import math
import re

from classifiers.inputs import ReportInput

SIGNS: dict[str, tuple[str, ...]] = {
    "contact_request": (
        r"\b(bel|belt|bellen|terugbellen|gebeld|opbellen)\b",
        r"\bgraag (een )?(reactie|antwoord|terugkoppeling|contact|bericht)\b",
        r"\b(hoor|horen|hoort|verneem|vernemen) (graag|het graag|snel)\b",
        r"\b(contact|afspraak|langskomen|langs komen|bezoek)\b",
        r"\b(please call|call me|get back to me)\b",
        r"\b(telefonisch\w*|terugbel\w*|spreken|gesprek|persoonlijk)\b",
        r"\b(terugkoppeling|reactie|antwoord) (graag|gewenst|verwacht)\b",
        r"\bgraag\b.{0,25}\b(reactie|antwoord|terugkoppeling|contact|bericht)\b",  # "graag zo spoedig mogelijk reactie"
        r"\b(spoedig|snel) (een )?(reactie|antwoord)\b",
    ),
    "repeated_reporting": (
        r"\b(al|reeds|eerder|meerdere|vaker|herhaaldelijk|nogmaals|opnieuw|wederom|alweer)\b.{0,30}\b(gemeld|melding|meldingen|gebeld|geklaagd|doorgegeven)",
        r"\b(derde|vierde|vijfde|zoveelste|tigste|\d+e|\d+ ?x|\d+ keer) (keer|maal|melding)?",
        r"\bmelding ?(nummer|nr)\b",
        r"\b(al|reeds) (een paar|meerdere|vaak|diverse) (keer|keren|malen)\b",
        r"\bnogmaals\b|\bweer opnieuw\b|\bzoals (al )?eerder\b",
        r"\b(dezelfde|zelfde) melding\b|\b(vorige|eerdere) (melding|meldingen|fixi)\w*",
        r"\b(iedere|elke) (week|dag|keer)\b.{0,40}\bmeld",
    ),
    "handling_complaint": (
        r"\bniemand (reageert|doet|komt)\b",
        r"\b(nooit|niks|niets|geen) (meer )?(gehoord|gedaan|gebeurd|reactie|antwoord)\b",
        r"\b(wordt|werd|is) (er )?(niets|niks|nooit) (aan )?gedaan\b",
        r"\bwanneer (wordt|gaat|komt|gebeurt) .{0,30}(iets|eindelijk|echt)\b",
        r"\bhoe lang (nog|moet|duurt)\b|\bduurt (veel )?te lang\b",
        r"\b(beloofd|toegezegd|onterecht|boete|bekeurd|klacht)\w*",
        r"\bde gemeente (weet|doet|neemt|reageert)\b",
        r"\bnog steeds (niet|niets|geen)\b|\bafgehandeld\b",
        r"\b(geen|niet|nooit) (meer )?(onderhoud|gehandhaafd|opgeruimd|opgelost|gerepareerd|teruggebeld)\b",
        r"\b(weer|alweer|opnieuw|nogmaals) (niet|niets|geen)\b|\b(we|wij|ik) (zullen|gaan) (het )?zien\b",
        r"\bgemeente\b.{0,40}\b(rommeltje|schande|faalt|niets|niks|nooit)\b",
    ),
    "distress": (
        r"\b(ten einde raad|wanhopig|radeloos|de maat is vol|het zat|klaar mee|niet normaal)\b",
        r"\b(schandalig|belachelijk|bizar|absurd|toppunt|onacceptabel|diep triest|boos|woedend|kwaad)\w*",
        r"\b(bang|angst|doodsbang|spoed|dringend|urgent)\w*",
        r"\b(ik|wij|we) (kan|kunnen|word|worden) (het |er )?(niet meer|gek)\b",
        r"\bin vredesnaam\b|\bgodsnaam\b",
        r"\b(ben|zijn|is) (het )?(nu )?(echt |helemaal |goed )?(zat|beu)\b|\bspuugzat|\bgenoeg van\b|\bgek van\b",
        r"\b(frustr|ergernis|verschrikkelijk)\w*|!{2,}|\?{2,}",
    ),
    "vulnerability": (
        r"\b(rolstoel|rollator|scootmobiel|invalide|gehandicapt|slechtziend|blind|mindervalide)\w*",
        r"\b(bejaard|hoogbejaard|dement|senior|oudere|ouderen|zwanger)\w*",
        r"\b(ziek|ziekte|patient|chemo|kanker|handicap|medisch|zuurstof|hartpatient)\w*",
        r"\b(gevallen|valt|gestruikeld|gewond)\b",
        r"\b(kan|kunnen|kom|komen) (mijn|de|haar|zijn|ons) (deur|huis|woning|garage|oprit) niet\b",
        r"\b(8|9)\d ?(jaar|jarige)\b",
        r"\b(bejaarden|verzorgingshuis|zorgcentrum|thuiszorg|mantelzorg)\w*",
        r"\bslecht ter been\b|\bkan niet (goed )?lopen\b|\bbeperking\w*",
        r"\btrap(pen)?\b.{0,30}\bniet\b|\bniet\b.{0,30}\btrap(pen)?\b",  # the policy: "cannot use the stairs"
    ),
    "neighbour_conflict": (
        r"\b(buurman|buurvrouw|buren|achterburen|bovenburen|onderburen|benedenburen)\b",
        r"\bruzie\w*|\bbedreig\w*|\bintimid\w*|\bscheld\w*",
        r"\b(nummer|nr|huisnummer) \d+\b.{0,40}\b(laat|zet|gooit|parkeert|doet)\b",
    ),
    "social_problem": (
        r"\b(verward|dakloos|dakloze|zwerver|zwerft|verwaarloosd|vervuild huis|verzamelwoede|eenzaam)\w*",
        r"\b(slaapt|slapen|overnacht|woont) .{0,30}\b(buiten|straat|portiek|bankje|tent|auto)\b",
        r"\b(drugs|dealen|dealer|alcohol|dronken|junk)\w*",
        r"\btent\w*\b.{0,40}\b(slaap|slaapt|bosjes|woont)|\b(slaap|slaapt|slapen)\w* .{0,30}\btent\w*",
        r"\b(slaapzak|bedel|zwerv|psychisch|hulpbehoevend)\w*",
    ),
    "person_named": (
        r"\b(mevrouw|mevr|mw|meneer|mijnheer|dhr|mr|melder|bewoonster|bewoner)\b",
        r"\b(mijn|onze) (man|vrouw|zoon|dochter|moeder|vader|kinderen|kind)\b",
    ),
    "question_to_municipality": (
        r"\b(waarom|wanneer|hoe kan het|wat gaat|wie is)\b",
        r"\?",
    ),
}


def compile_signs(signs: dict[str, tuple[str, ...]]) -> dict[str, re.Pattern]:
    """Each sign's patterns as one expression, compiled once."""
    return {sign: re.compile("|".join(f"(?:{p})" for p in patterns)) for sign, patterns in signs.items()}


COMPILED = compile_signs(SIGNS)


def signs_in(plain_text: str) -> dict[str, float]:
    """How often each sign occurs, dampened: three angry sentences say more than one, not three times more."""
    found = {}
    for sign, pattern in COMPILED.items():
        count = sum(1 for _ in pattern.finditer(plain_text))
        if count:
            found[f"sign={sign}"] = math.log1p(count)
    return found


def shape_of(text: str) -> dict[str, float]:
    """How the text is written: its length, exclamation marks, shouting, first person."""
    words = text.split()
    capitals = sum(1 for w in words if len(w) > 2 and w.isupper())
    return {
        "shape=length": math.log1p(len(words)) / 5,
        "shape=exclamations": math.log1p(text.count("!")),
        "shape=capitals": math.log1p(capitals),
    }


def place_and_reporter(report: ReportInput, category: str | None) -> dict[str, float]:
    """Recurrence at the place (same category within 50 m in 30 days) and the reporter's volume in 90 days."""
    same = report.nearby_50m_30d.get(category or "", 0)
    return {
        "place=same_category_50m": math.log1p(same),
        "place=third_or_later": float(same >= 2),
        "reporter=reports_90d": math.log1p(report.reporter_reports_90d),
        "reporter=many": float(report.reporter_reports_90d >= 5),
    }
