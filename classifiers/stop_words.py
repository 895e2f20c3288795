"""Function words in Dutch and English: they carry no meaning for an officer, so no reason shows them.

The classifier may still weigh them ("op de" often precedes a place); an explanation names only words that
say what is wrong. Negations ("niet", "geen") stay out of this list: "brandt niet" is the defect.
"""

_LISTED = """
    aan al alle alles als alsof ben bij bijna daar daarom dan dat de deze die dit doch doen door dus
    een eens en er ga gaan gaat had heb hebben heeft hem hen het hier hij hoe hun ik in is ja je jij
    jou jullie kan kon kun kunnen maar me meer men met mij mijn moet moeten na naar nog nu of om onder
    ons onze ook op over te tegen ten ter tot u uit uw van veel voor want waren was wat we wel werd
    wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zou zouden
    a an and are as at be been but by for from had has have he her his i if in into is it its me my of
    on or our she so that the their them there they this to too us was we were what when which who
    will with you your
    """
STOP_WORDS = frozenset(_LISTED.split())


def is_meaningful_term(term: str) -> bool:
    """A term worth showing: no function word, no lone number or letter in it."""
    tokens = term.split()
    return bool(tokens) and all(len(t) > 1 and t not in STOP_WORDS and not t.isdigit() for t in tokens)
