"""Text normalisation and the feature rows a report becomes, including reports residents really send."""

from __future__ import annotations

import math

import pytest

from classifiers.features import ReportVectorizer, context_values, meta_tokens, tfidf
from classifiers.inputs import ReportInput
from classifiers.text import MAX_CHARACTERS, has_words, normalise

TRAINING_TEXTS = [
    "De lantaarnpaal voor mijn huis brandt niet",
    "Lantaarnpaal kapot bij de speeltuin",
    "De straatverlichting in onze straat brandt niet meer",
    "Er ligt een losse stoeptegel op de stoep",
    "Losse stoeptegel bij de bushalte, iemand struikelde",
    "Kuil in de weg bij de rotonde",
    "De container is vol en er staan zakken naast",
    "Container vol, zakken naast de container",
    "Zwerfafval in de berm langs het fietspad",
    "Hondenpoep op de stoep bij de school",
]


@pytest.fixture(scope="module")
def training_reports() -> list[ReportInput]:
    channels = ["web", "app", "phone", "email"]
    return [
        ReportInput(
            text=text,
            channel=channels[i % len(channels)],
            has_photos=i % 2 == 0,
            areas=(f"wijk:WK{i % 3}",),
            hour=8 + i,
            weekday=i % 7,
            nearby_50m_30d={"afval": i % 3},
            nearby_250m_30d={"afval": i % 4, "wegen": 1},
            nearest_open_m={"afval": 20.0 * i},
            reporter_reports_90d=i % 6,
        )
        for i, text in enumerate(TRAINING_TEXTS)
    ]


@pytest.fixture(scope="module")
def vectorizer(training_reports) -> ReportVectorizer:
    vectorizer = ReportVectorizer()
    vectorizer.fit_transform(training_reports)
    return vectorizer


# normalise()


def test_normalise_lowers_case():
    assert normalise("LANTAARNPAAL Kapot") == "lantaarnpaal kapot"


def test_normalise_removes_accents():
    assert normalise("Café één financiële ruïne") == "cafe een financiele ruine"


def test_normalise_shortens_letters_repeated_three_or_more_times_to_two():
    assert normalise("heeeeeel vies") == "heel vies"
    assert normalise("straat") == "straat"  # a real double letter stays


def test_normalise_turns_every_number_into_zero():
    assert normalise("Nr 12 en paal 3456") == "nr 0 en paal 0"


def test_normalise_turns_punctuation_into_single_spaces():
    assert normalise("paal,kapot!!! (bij nr. 5)  ...") == "paal kapot bij nr 0"


def test_normalise_drops_emoji():
    assert normalise("kapot 🙂🙂 echt") == "kapot echt"


def test_normalise_reads_only_the_first_characters_of_a_20000_character_text():
    words = [f"woord{chr(97 + i % 26)}" for i in range(4000)]
    text = " ".join(words)[:20_000]
    assert len(text) == 20_000

    result = normalise(text)

    assert len(result) <= MAX_CHARACTERS
    assert result == normalise(text[:MAX_CHARACTERS])
    assert result != normalise(text[MAX_CHARACTERS:])


def test_normalise_of_nothing_is_empty():
    assert normalise("") == ""
    assert normalise(None) == ""


# has_words()


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂🙂", "12345", "!!! ???", "06-12345678"])
def test_text_without_letters_has_no_words(text):
    assert has_words(text) is False


@pytest.mark.parametrize("text", ["kapot 🙂", "3e keer", "a", "Éénrichtingsverkeer"])
def test_text_with_letters_has_words(text):
    assert has_words(text) is True


# ReportVectorizer


@pytest.mark.parametrize(
    "text",
    [
        "",
        "🙂🙂🙂",
        "lantaarnpaal kapot " * 1200,  # over 20,000 characters
        "The street light in front of my house is broken",
    ],
    ids=["empty", "emoji-only", "20000-characters", "english"],
)
def test_vectorizer_gives_one_row_for_an_awkward_report(vectorizer, text):
    row = vectorizer.transform([ReportInput(text=text, channel="web")])

    assert row.shape == (1, len(vectorizer.feature_names()))


def test_vectorizer_gives_one_row_for_a_report_without_location_or_context(vectorizer):
    row = vectorizer.transform([ReportInput(text="De lantaarnpaal brandt niet")])

    assert row.shape == (1, len(vectorizer.feature_names()))
    names = vectorizer.feature_names()
    present = {names[i] for i in row.indices}
    assert "word:lantaarnpaal" in present
    assert not any(name.startswith(("area=", "near250=", "open=")) for name in present)


def test_vectorizer_gives_one_row_per_report_in_a_batch(vectorizer):
    reports = [ReportInput(text=""), ReportInput(text="🙂"), ReportInput(text="container vol")]

    assert vectorizer.transform(reports).shape[0] == 3


def test_empty_text_has_no_text_features_but_keeps_its_context(vectorizer):
    names = vectorizer.feature_names()
    row = vectorizer.transform([ReportInput(text="", channel="web", nearby_50m_30d={"afval": 2})])

    present = {names[i] for i in row.indices}
    assert not any(name.startswith(("word:", "chars:")) for name in present)
    assert {"channel=web", "near50=afval"} <= present


def test_vectorizer_reads_a_very_long_report_as_its_first_characters(vectorizer):
    long_text = "De lantaarnpaal brandt niet. " + "container vol " * 1500
    assert len(long_text) > 20_000

    full = vectorizer.transform([ReportInput(text=long_text)])
    start = vectorizer.transform([ReportInput(text=long_text[:MAX_CHARACTERS])])

    assert (full != start).nnz == 0


def test_vectorizer_without_context_uses_text_features_only(training_reports):
    vectorizer = ReportVectorizer(use_context=False)
    matrix = vectorizer.fit_transform(training_reports)

    names = vectorizer.feature_names()
    assert matrix.shape == (len(training_reports), len(names))
    assert all(name.startswith(("word:", "chars:")) for name in names)


def test_vectorizer_keeps_words_seen_at_least_twice(vectorizer):
    names = set(vectorizer.feature_names())

    assert "word:lantaarnpaal" in names
    assert "word:speeltuin" not in names  # seen once: min_df=2


def test_the_quick_tfidf_rows_are_sklearns_rows(vectorizer):
    texts = [normalise(t) for t in TRAINING_TEXTS + ["", "lantaarnpaal lantaarnpaal kapot", "qqq zzz"]]
    for part in (vectorizer.words, vectorizer.chars):
        quick, checked = tfidf(part, texts), part.transform(texts)
        assert quick.shape == checked.shape and abs(quick - checked).max() < 1e-6


# meta_tokens() and context_values()


def test_meta_tokens_describe_channel_photos_areas_time_and_reporter():
    report = ReportInput(
        text="x",
        channel="web",
        has_photos=True,
        areas=("wijk:WK039201", "street:grote markt"),
        hour=14,
        weekday=2,
        reporter_reports_90d=7,
    )

    assert meta_tokens(report) == {
        "channel=web": 1.0,
        "photos=1": 1.0,
        "area=wijk:WK039201": 1.0,
        "area=street:grote markt": 1.0,
        "hour=4": 1.0,
        "weekday=2": 1.0,
        "reporter_90d=5": 1.0,  # capped at 5
    }


def test_meta_tokens_of_a_bare_report_say_unknown_channel_and_no_time():
    assert meta_tokens(ReportInput(text="x")) == {"channel=unknown": 1.0, "photos=0": 1.0, "reporter_90d=0": 1.0}


def test_context_values_count_earlier_reports_nearby_by_category():
    report = ReportInput(
        text="x",
        nearby_50m_30d={"afval": 2, "schoon": 0},
        nearby_250m_30d={"afval": 5},
        nearest_open_m={"afval": 0.0, "wegen": 100.0, "schoon": 600.0},
    )

    values = context_values(report)

    assert values == pytest.approx(
        {
            "near50=afval": math.log1p(2),
            "near250=afval": math.log1p(5),
            "open=afval": 1.0,
            "open=wegen": math.exp(-1),
            "near50=all": math.log1p(2),
        }
    )
    assert "near50=schoon" not in values  # zero counts say nothing
    assert "open=schoon" not in values  # an open report 600 m away is not nearby


def test_context_values_of_a_report_without_context_is_only_the_zero_total():
    assert context_values(ReportInput(text="x")) == {"near50=all": 0.0}
