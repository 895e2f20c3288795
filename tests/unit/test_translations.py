import re

from web.i18n import LANGUAGES, catalogue

PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_language_has_the_same_messages():
    dutch = set(catalogue("nl"))
    for language in LANGUAGES:
        assert set(catalogue(language)) == dutch, language


def test_translations_use_the_same_placeholders():
    for key, dutch in catalogue("nl").items():
        assert set(PLACEHOLDER.findall(catalogue("en")[key])) == set(PLACEHOLDER.findall(dutch)), key


def test_every_refusal_code_has_a_message():
    import pathlib

    sources = "".join(p.read_text() for p in pathlib.Path("triage").rglob("*.py") if p.name != "photo_store.py")
    codes = set(
        re.findall(
            r'"((?:description|location|location_text|photos?|email|phone|contact_consent)\.[a-z_]+)"',
            sources,
        )
    )
    assert codes, "no refusal codes found"
    assert codes <= set(catalogue("nl")), codes - set(catalogue("nl"))
