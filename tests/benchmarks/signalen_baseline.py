"""Signalen's published classification method, re-implemented from its description, for comparison only.

Lower case, non-word characters to spaces, Dutch Snowball stemming and stop words, word counts with TF and
no IDF, L2 normalisation, L1-regularised logistic regression (one-vs-rest).
"""

from __future__ import annotations

import re

import snowballstemmer
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

# Snowball's Dutch stop list (as shipped with NLTK).
DUTCH_STOPWORDS = set(
    [
        "de",
        "en",
        "van",
        "ik",
        "te",
        "dat",
        "die",
        "in",
        "een",
        "hij",
        "het",
        "niet",
        "zijn",
        "is",
        "was",
        "op",
        "aan",
        "met",
        "als",
        "voor",
        "had",
        "er",
        "maar",
        "om",
        "hem",
        "dan",
        "zou",
        "of",
        "wat",
        "mijn",
        "men",
        "dit",
        "zo",
        "door",
        "over",
        "ze",
        "zich",
        "bij",
        "ook",
        "tot",
        "je",
        "mij",
        "uit",
        "der",
        "daar",
        "haar",
        "naar",
        "heb",
        "hoe",
        "heeft",
        "hebben",
        "deze",
        "u",
        "want",
        "nog",
        "zal",
        "me",
        "zij",
        "nu",
        "ge",
        "geen",
        "omdat",
        "iets",
        "worden",
        "toch",
        "al",
        "waren",
        "veel",
        "meer",
        "doen",
        "toen",
        "moet",
        "ben",
        "zonder",
        "kan",
        "hun",
        "dus",
        "alles",
        "onder",
        "ja",
        "eens",
        "hier",
        "wie",
        "werd",
        "altijd",
        "doch",
        "wordt",
        "wezen",
        "kunnen",
        "ons",
        "zelf",
        "tegen",
        "na",
        "reeds",
        "wil",
        "kon",
        "niets",
        "uw",
        "iemand",
        "geweest",
        "andere",
    ]
)
_stemmer = snowballstemmer.stemmer("dutch")


def preprocess(text: str) -> str:
    words = re.sub(r"\W+", " ", text.lower()).split()
    return " ".join(_stemmer.stemWord(w) for w in words if w not in DUTCH_STOPWORDS)


def signalen_pipeline():
    return make_pipeline(
        CountVectorizer(preprocessor=preprocess),
        Normalizer(norm="l2"),
        OneVsRestClassifier(LogisticRegression(l1_ratio=1.0, solver="liblinear", C=1.0)),
    )
