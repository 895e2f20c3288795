"""Which thresholds may route without a person, and which words a reason may show an officer."""

import math

from classifiers.reasons import reasons_from_features
from classifiers.stop_words import is_meaningful_term
from classifiers.text import carries_meaning
from classifiers.thresholds import MIN_REAL_DECISIONS, chosen_on_real_decisions, routing_threshold, threshold_basis


def test_threshold_chosen_on_the_demo_corpus_never_routes():
    metadata = {"threshold_basis": threshold_basis(["demo"] * 2000)}

    assert metadata["threshold_basis"] == {"chosen_on": "demo", "counts": {"demo": 2000, "history": 0, "decisions": 0}}
    assert routing_threshold(metadata, 0.0, None) == math.inf


def test_artifact_without_a_recorded_basis_never_routes():
    assert routing_threshold({}, 0.35, None) == math.inf


def test_threshold_chosen_on_enough_officers_decisions_routes():
    metadata = {"threshold_basis": threshold_basis(["decisions"] * MIN_REAL_DECISIONS + ["demo"] * 10)}

    assert chosen_on_real_decisions(metadata)
    assert routing_threshold(metadata, 0.6, None) == 0.6


def test_too_few_real_decisions_do_not_make_a_threshold_trusted():
    metadata = {"threshold_basis": threshold_basis(["history"] * (MIN_REAL_DECISIONS - 1))}

    assert metadata["threshold_basis"]["chosen_on"] == "history"
    assert routing_threshold(metadata, 0.6, None) == math.inf


def test_mostly_demo_examples_count_as_demo():
    assert threshold_basis(["demo"] * 500 + ["history"] * 300)["chosen_on"] == "demo"


def test_configured_threshold_wins_over_the_basis():
    assert routing_threshold({}, 0.0, 0.8) == 0.8


def test_short_texts_do_not_carry_meaning():
    assert not carries_meaning("hallo")
    assert not carries_meaning("test 123 !!!")
    assert carries_meaning("lantaarnpaal kapot")


def test_function_words_and_numbers_are_not_shown_as_reasons():
    for term in ("is", "het", "op de", "de lamp", "0", "a"):
        assert not is_meaningful_term(term), term
    assert is_meaningful_term("brandt niet")


def test_reasons_leave_out_function_words_and_say_which_category_they_mean():
    reasons = reasons_from_features(
        [("word:op de", 2.0), ("word:lamp", 1.5), ("near50=afval", 0.8), ("near50=all", 0.4), ("area=wijk:WK1", 0.3)]
    )

    assert reasons[0].details == {"key": "words", "terms": ["lamp"]}
    assert [r.details["key"] for r in reasons[1:]] == ["nearby", "nearby_all", "area"]
    assert reasons[1].details["category"] == "afval"
    assert "all" not in reasons[2].text


def _labelled(count: int, origin: str):
    from classifiers.inputs import LabelledReport, ReportInput

    return [(LabelledReport(ReportInput(text=f"{origin} melding {i}"), "afval"), origin) for i in range(count)]


def test_retraining_chooses_the_threshold_on_held_out_real_decisions_once_there_are_enough():
    from triage.proposals.learning import in_holdout, retrain_threshold_origin

    labelled = _labelled(3000, "demo") + _labelled(2000, "decisions")
    train = [(e, o) for e, o in labelled if not in_holdout(e)]

    origin = retrain_threshold_origin(train, labelled)

    assert len(origin.held_out) >= MIN_REAL_DECISIONS
    assert {o for _, o in origin.held_out} == {"decisions"}


def test_retraining_with_few_real_decisions_keeps_the_demo_basis():
    from triage.proposals.learning import in_holdout, retrain_threshold_origin

    labelled = _labelled(3000, "demo") + _labelled(300, "history")
    train = [(e, o) for e, o in labelled if not in_holdout(e)]

    origin = retrain_threshold_origin(train, labelled)

    assert not origin.held_out
    assert threshold_basis(origin.origins)["chosen_on"] == "demo"


def test_workers_read_the_threshold_settings_like_the_app():
    from triage.proposals.classifying import thresholds_from_environment

    assert thresholds_from_environment({"CATEGORY_THRESHOLD": "0.7", "QUEUE_THRESHOLD": ""}) == {
        "category": 0.7,
        "queue": None,
    }
