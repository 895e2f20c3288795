"""Dutch text normalisation that survives how residents type: case, accents, repeated letters, digits."""

from __future__ import annotations

import re
import unicodedata

_REPEATS = re.compile(r"(\w)\1{2,}")
_NUMBERS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
MAX_CHARACTERS = 5000  # a 20,000-character report is read as its first 5,000 characters
MIN_LETTERS = 10  # "hallo", "test" or "zie foto" say nothing about what is wrong, wherever they are sent from


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Lower case without accents; 'heeeel' becomes 'heel', numbers become '0', punctuation a space."""
    text = strip_accents((text or "")[:MAX_CHARACTERS].lower())
    text = _REPEATS.sub(r"\1\1", text)
    text = _NUMBERS.sub("0", text)
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def has_words(text: str) -> bool:
    """Whether there is anything to read: emoji, digits or punctuation alone are not enough."""
    return any(ch.isalpha() for ch in normalise(text))


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in normalise(text))


def carries_meaning(text: str) -> bool:
    """Whether a text is long enough to say what is wrong; a shorter one always waits for a person."""
    return letters(text) >= MIN_LETTERS
