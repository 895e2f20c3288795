"""The queue model's policy features, its costed choice, calibration, rule selection and safe thresholds.

Small examples written here (no real reports), so these run in CI in seconds.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from classifiers import queue_training
from classifiers.calibration import Calibration
from classifiers.inputs import LabelledReport, ReportInput
from classifiers.queue import (
    COSTS,
    ENRICHED_WEIGHT,
    ENRICHED_WEIGHTS,
    MAATWERK_MISSED,
    QUEUE_C,
    QueueClassifier,
    class_scores,
    costs_missing_maatwerk,
    fit_model,
    least_costly,
)
from classifiers.queue_training import MAATWERK_RECALL_FLOOR, folds_for, rule_ids_of, train_queue
from classifiers.rules import RuleSet, plain
from classifiers.signals import place_and_reporter, shape_of, signs_in
from classifiers.thresholds import (
    NEVER_ROUTES,
    THRESHOLD_STEP,
    costly_error_rate,
    raised,
    routed_figures,
    safe_queue_thresholds,
    safe_threshold,
)
from triage.proposals.sources import product_rules

LABELS = ["complex", "maatwerk", "simple"]


@pytest.mark.parametrize(
    "text, sign",
    [
        ("Graag reactie, de bak is weer niet geleegd", "contact_request"),
        ("Hoor graag van u hoe dit verder gaat", "contact_request"),
        ("Mevrouw heeft al een paar keer gebeld over de container", "repeated_reporting"),
        ("Zoals al eerder gemeld ligt de tegel nog los", "repeated_reporting"),
        ("Wanneer wordt er eindelijk iets aan gedaan?", "handling_complaint"),
        ("Ik vind de boete onterecht, er staat geen bord", "handling_complaint"),
        ("Dit is echt schandalig, wij zijn het zat", "distress"),
        ("Meneer is gevallen over de losse tegel bij het seniorencomplex", "vulnerability"),
        ("Met mijn rollator kom ik niet langs de auto", "vulnerability"),
        ("De buurman zet zijn afval steeds bij onze deur", "neighbour_conflict"),
        ("Er slaapt een verwarde man op een bankje", "social_problem"),
        ("Dhr meldt afval naast de bakken. Graag een telefonische terugkoppeling.", "contact_request"),
        ("Meneer wilde iemand spreken over het onderhoud van het groen", "contact_request"),
        ("Ik ben het nu echt zat, iedere dag hetzelfde", "distress"),
        ("Er staat weer een auto voor de deur!!", "distress"),
        ("Er slaapt iemand in een tentje in de bosjes", "social_problem"),
        ("Een man met een slaapzak zoekt eten in de prullenbak", "social_problem"),
        ("Mijn moeder is slecht ter been en kan niet langs de stoep", "vulnerability"),
        ("Het is een rommeltje bij de gemeente, er wordt geen onderhoud gepleegd", "handling_complaint"),
        ("Gisteren beloofden jullie te bekeuren, we zullen zien", "handling_complaint"),
        ("De container is vermist, graag zo spoedig mogelijk reactie", "contact_request"),
        ("Ik ga iedere week dezelfde melding maken totdat jullie het legen", "repeated_reporting"),
        ("Kijk terug in vorige fixies, ook vorig jaar", "repeated_reporting"),
        ("Mijn vader kan de trap niet meer op nu de leuning weg is", "vulnerability"),
    ],
)
def test_a_sign_of_the_policy_is_found_in_its_usual_wording(text, sign):
    assert f"sign={sign}" in signs_in(plain(text))


def test_an_ordinary_report_shows_no_sign_of_a_demanding_need():
    assert signs_in(plain("De lantaarnpaal brandt niet")) == {}


def test_the_count_of_a_sign_is_dampened():
    once, thrice = signs_in(plain("schandalig")), signs_in(plain("schandalig, schandalig, schandalig"))
    assert (
        thrice["sign=distress"] == pytest.approx(math.log1p(3)) and thrice["sign=distress"] < 3 * once["sign=distress"]
    )


def test_shouting_and_exclamations_are_measured_not_judged():
    shape = shape_of("HELP!!! DIT KAN NIET")
    assert shape["shape=exclamations"] > 0 and shape["shape=capitals"] > 0


def test_recurrence_at_the_place_counts_only_the_proposed_category():
    report = ReportInput(text="tegel los", nearby_50m_30d={"wegen": 3, "afval": 1}, reporter_reports_90d=6)
    values = place_and_reporter(report, "wegen")
    assert values["place=third_or_later"] == 1.0 and values["reporter=many"] == 1.0
    assert place_and_reporter(report, "groen")["place=same_category_50m"] == 0.0


def test_rules_are_features_only_when_kept():
    rules = product_rules()
    report = ReportInput(text="Kunt u mij terugbellen over de tegel?")
    every = QueueClassifier(rules).policy_values(report, "wegen")
    none_kept = QueueClassifier(rules, rule_ids=()).policy_values(report, "wegen")
    assert every["rule=asks-for-contact"] == 1.0
    assert not any(name.startswith("rule=") for name in none_kept)


def test_the_costed_choice_sends_an_uncertain_maatwerk_to_maatwerk():
    probs = np.array([0.1, 0.35, 0.55])  # simple is likeliest, but missing maatwerk costs three times as much
    assert LABELS[least_costly(LABELS, probs)] == "maatwerk"


def test_the_costed_choice_keeps_a_clear_simple_simple():
    assert LABELS[least_costly(LABELS, np.array([0.05, 0.05, 0.9]))] == "simple"


def test_missing_maatwerk_costs_most():
    assert COSTS["maatwerk"]["simple"] == max(cost for row in COSTS.values() for cost in row.values())


def test_calibration_learns_a_temperature_that_tames_overconfident_scores():
    rng = np.random.default_rng(1)
    truth = rng.integers(0, 3, 600)
    scores = rng.normal(0, 1, (600, 3))
    scores[np.arange(600), truth] += 1.0
    scores *= 8  # far too sure of itself
    calibration = Calibration.fit(scores, np.array(LABELS)[truth], LABELS)
    confidence = calibration.probabilities(scores).max(axis=1)
    right = calibration.probabilities(scores).argmax(axis=1) == truth
    assert calibration.temperature > 2
    assert abs(confidence.mean() - right.mean()) < 0.05


def test_calibration_bias_puts_back_the_share_of_a_class_the_scores_overrate():
    truth = np.array(["simple"] * 90 + ["maatwerk"] * 10)
    scores = np.zeros((100, 2))
    scores[:, 0] = 1.0  # every score prefers maatwerk, as after training on an enriched sample
    calibration = Calibration.fit(scores, truth, ["maatwerk", "simple"])
    assert calibration.probabilities(scores)[0, 0] == pytest.approx(0.1, abs=0.03)


def proposals(right: int, wrong_truth: list[str], queue: str = "simple", confidence: float = 0.9):
    truth = [queue] * right + wrong_truth
    return truth, [queue] * len(truth), [confidence] * len(truth)


def test_a_threshold_routes_when_the_costed_errors_stay_within_five_percent():
    truth, proposed, confidence = proposals(99, ["complex"])
    assert safe_queue_thresholds(truth, proposed, confidence, COSTS)["simple"] <= 0.9


def test_a_missed_maatwerk_weighs_more_than_an_ordinary_error_in_the_threshold():
    one_complex = proposals(59, ["complex"])
    one_maatwerk = proposals(59, ["maatwerk"])
    assert safe_queue_thresholds(*one_complex, COSTS)["simple"] <= 0.9
    assert safe_queue_thresholds(*one_maatwerk, COSTS)["simple"] == NEVER_ROUTES


def test_too_few_proposals_never_route_alone():
    truth, proposed, confidence = proposals(15, [])
    assert safe_queue_thresholds(truth, proposed, confidence, COSTS) == {"simple": NEVER_ROUTES}


def test_the_threshold_is_the_lowest_from_which_every_stricter_one_is_safe():
    sure = proposals(40, [], confidence=0.95)
    unsure = proposals(20, ["complex"] * 6, confidence=0.6)
    truth, proposed, confidence = (a + b for a, b in zip(sure, unsure, strict=True))
    threshold = safe_queue_thresholds(truth, proposed, confidence, COSTS)["simple"]
    assert 0.6 < threshold <= 0.95


def test_routed_reports_are_right_at_least_the_target_share_whenever_a_threshold_is_chosen():
    rng = np.random.default_rng(3)
    truth = list(rng.choice(["simple", "complex", "maatwerk"], 2000, p=[0.5, 0.4, 0.1]))
    confidence = list(rng.uniform(0.4, 1.0, 2000))
    proposed = [t if rng.uniform() < c else "simple" for t, c in zip(truth, confidence, strict=True)]
    chosen = safe_queue_thresholds(truth, proposed, confidence, COSTS)
    routes = [c >= chosen[p] for p, c in zip(proposed, confidence, strict=True)]
    figures = routed_figures(truth, proposed, routes)
    assert figures["routed"] > 0 and figures["accuracy_routed"] >= 0.95


def test_a_queue_threshold_is_set_a_step_above_the_one_cross_validation_found_safe():
    sure = proposals(40, [], confidence=0.95)
    unsure = proposals(20, ["complex"] * 6, confidence=0.6)
    truth, proposed, confidence = (a + b for a, b in zip(sure, unsure, strict=True))
    # Safe from 0.61 up (the unsure reports start at 0.6): routed only from 0.61 + THRESHOLD_STEP.
    assert safe_queue_thresholds(truth, proposed, confidence, COSTS)["simple"] == pytest.approx(0.61 + THRESHOLD_STEP)


def test_a_threshold_raised_to_one_or_above_never_routes():
    assert raised(0.9, 0.05) == pytest.approx(0.95)
    assert raised(0.96, 0.05) == NEVER_ROUTES
    assert raised(NEVER_ROUTES) == NEVER_ROUTES
    sure = proposals(20, [], confidence=0.995)
    wrong = proposals(0, ["complex"] * 5, confidence=0.985)
    truth, proposed, confidence = (a + b for a, b in zip(sure, wrong, strict=True))  # safe only at 0.99
    assert safe_queue_thresholds(truth, proposed, confidence, COSTS)["simple"] == NEVER_ROUTES


def test_costly_error_rate_adds_one_error_for_caution():
    assert costly_error_rate(["simple"] * 20, "simple", COSTS) == pytest.approx(0.05)


def labelled(text, queue, category="wegen", training_only=False):
    return LabelledReport(
        ReportInput(text=text, channel="web"), category=category, queue=queue, training_only=training_only
    )


SIMPLE = ["De lamp brandt niet", "Losse tegel op de stoep", "Prullenbak is vol", "Graffiti op de muur"]
COMPLEX = ["Verzakte weg, er ontstaat een gat", "Boom dreigt om te vallen", "Wateroverlast in de straat"]
MAATWERK = ["Ik ben boos, niemand reageert, bel mij terug", "Mijn moeder in een rolstoel kan niet naar buiten"]


@pytest.fixture(scope="module")
def small_examples():
    examples = []
    for n in range(12):
        examples += [labelled(f"{t} nummer {n}", "simple") for t in SIMPLE]
        examples += [labelled(f"{t} bij huis {n}", "complex") for t in COMPLEX]
        examples += [labelled(f"{t} adres {n}", "maatwerk") for t in MAATWERK]
    examples += [labelled(f"{MAATWERK[0]} enriched {n}", "maatwerk", training_only=True) for n in range(30)]
    return examples


@pytest.fixture(scope="module")
def trained_small(small_examples):
    return train_queue(small_examples, RuleSet([], {}))


def test_training_only_reports_teach_but_are_never_scored(trained_small, small_examples):
    _, metrics = trained_small
    assert metrics["n"] == sum(not e.training_only for e in small_examples)
    assert metrics["training_only"] == 30


def test_training_records_each_queue_threshold_and_the_routed_share(trained_small):
    classifier, metrics = trained_small
    assert set(metrics["queue_thresholds"]) <= {"simple", "complex", "maatwerk"}
    assert classifier.queue_thresholds == metrics["queue_thresholds"]
    assert 0.0 <= metrics["routed"]["share_routed"] <= 1.0


def test_a_maatwerk_proposal_below_its_threshold_waits_for_a_person_and_above_it_routes(trained_small):
    classifier, _ = trained_small
    report = ReportInput(text=MAATWERK[0])
    (first,) = classifier.propose([report], ["wegen"])
    assert first.queue == "maatwerk"
    classifier.threshold = 0.0
    classifier.queue_thresholds = {"maatwerk": first.confidence + 1e-9, "simple": 0.0, "complex": 0.0}
    assert classifier.propose([report], ["wegen"])[0].needs_person
    classifier.queue_thresholds["maatwerk"] = first.confidence - 1e-9
    assert not classifier.propose([report], ["wegen"])[0].needs_person


def test_a_queue_without_a_threshold_never_routes_alone(trained_small):
    classifier, _ = trained_small
    classifier.threshold, classifier.queue_thresholds = 0.0, {}
    (proposal,) = classifier.propose([ReportInput(text=SIMPLE[0])], ["wegen"])
    assert proposal.needs_person


def test_every_rule_stays_a_feature_the_model_weighs(small_examples):
    rules = product_rules()
    classifier, metrics = train_queue(small_examples, rules)
    assert not queue_training.SELECT_RULES  # chosen on later reports inside training (queue_training)
    assert metrics["rules_kept"] == rule_ids_of(rules) and metrics["rule_effects"] == {}
    assert classifier.rule_ids == tuple(rule_ids_of(rules))


def test_with_selection_on_a_rule_is_dropped_only_if_leaving_it_out_raises_the_held_out_score(
    small_examples, monkeypatch
):
    monkeypatch.setattr(queue_training, "SELECT_RULES", True)
    rules = product_rules()
    _, metrics = train_queue(small_examples, rules)
    assert set(metrics["rule_effects"]) == {r.id for r in rules.rules} | {"category-default"}
    assert metrics["rules_kept"] == [r for r, effect in metrics["rule_effects"].items() if effect >= 0]


def test_the_enriched_sample_weighs_less_than_reports_drawn_at_random_and_is_not_chosen_by_shuffled_cv():
    assert ENRICHED_WEIGHTS == (ENRICHED_WEIGHT,) and 0 < ENRICHED_WEIGHT < 1.0
    assert QUEUE_C == 1.0


def test_a_fold_with_a_rule_column_left_out_is_what_a_classifier_without_that_rule_builds(small_examples):
    rules = product_rules()
    examples = small_examples + [labelled(f"Ik ben boos, bel mij terug over tegel {n}", "maatwerk") for n in range(5)]
    fold = folds_for(examples, rules)[0]
    taught = [examples[k] for k in fold.train]
    without = QueueClassifier(rules, rule_ids=[r for r in rule_ids_of(rules) if r != "asks-for-contact"])
    rows = without._rows([e.report for e in taught], [e.category for e in taught], fit=True)
    dropped = fold.X_train[:, fold.columns_without({"asks-for-contact"})]
    assert "asks-for-contact" in fold.rule_columns
    assert dropped.shape == rows.shape and abs(dropped - rows).max() == 0


def test_a_fit_that_starts_from_nearby_coefficients_reaches_the_same_model(small_examples):
    fold = folds_for(small_examples, product_rules())[0]
    cold = fit_model(fold.X_train, fold.queues, fold.weights(0.5))
    nudged = (cold.coef_ * 0.5, cold.intercept_ * 0.5)
    warm = fit_model(fold.X_train, fold.queues, fold.weights(0.5), start=nudged)
    cold_scores, warm_scores = class_scores(cold, fold.X_test), class_scores(warm, fold.X_test)
    assert np.allclose(cold_scores, warm_scores, atol=0.02)  # the solver's tolerance, not another optimum
    assert (cold_scores.argmax(axis=1) == warm_scores.argmax(axis=1)).all()
    again = fit_model(fold.X_train, fold.queues, fold.weights(0.5), start=(cold.coef_, cold.intercept_))
    assert again.n_iter_[0] < cold.n_iter_[0] / 2  # started at the optimum: a few steps, not a new search


def test_the_setting_is_the_best_macro_f1_among_those_that_find_enough_maatwerk_in_cross_validation(small_examples):
    classifier, metrics = train_queue(small_examples, RuleSet([], {}))
    tried = metrics["settings_tried"]
    assert len(tried) == len(ENRICHED_WEIGHTS) * len(MAATWERK_MISSED)  # the sample has enriched rows
    enough = {name: f for name, f in tried.items() if f["maatwerk_recall"] >= MAATWERK_RECALL_FLOOR}
    chosen = f"enriched {metrics['enriched_weight']}, maatwerk missed "
    chosen += f"{metrics['costs']['maatwerk']['complex']}/{metrics['costs']['maatwerk']['simple']}"
    assert tried[chosen]["macro_f1"] == max(f["macro_f1"] for f in (enough or tried).values())
    assert classifier.costs == metrics["costs"] and classifier.enriched_weight == metrics["enriched_weight"]


def test_a_dearer_missed_maatwerk_turns_an_uncertain_proposal_to_maatwerk():
    probs = np.array([0.3, 0.1, 0.6])  # complex, maatwerk, simple
    assert LABELS[least_costly(LABELS, probs, costs_missing_maatwerk(2.0, 2.0))] == "simple"
    assert LABELS[least_costly(LABELS, probs, costs_missing_maatwerk(4.0, 6.0))] == "maatwerk"
    assert costs_missing_maatwerk(4.0, 6.0)["complex"] == COSTS["complex"]


def test_with_two_queues_in_the_labels_both_get_a_probability():
    examples = [LabelledReport(ReportInput(text=f"lamp {i} kapot"), "wegen", queue="simple") for i in range(6)]
    examples += [LabelledReport(ReportInput(text=f"bel mij {i} terug"), "wegen", queue="maatwerk") for i in range(6)]
    classifier = QueueClassifier(product_rules()).fit(examples)
    probs = classifier.probabilities([ReportInput(text="bel mij terug")], ["wegen"])
    assert probs.shape == (1, 2) and classifier.labels[int(np.argmax(probs[0]))] == "maatwerk"


def test_the_category_threshold_keeps_a_margin_above_ninety_five_percent():
    # 100 proposals at 0.99 all right, then 100 at 0.8 of which 8 wrong: 96% right from 0.8 up, short of the
    # margin once the cautious extra error is counted, so only the thresholds above 0.8 may route alone.
    truth = ["a"] * 100 + ["a"] * 92 + ["b"] * 8
    predicted = ["a"] * 200
    confidence = [0.99] * 100 + [0.8] * 100
    assert safe_threshold(truth, predicted, confidence) == 0.81
    assert safe_threshold(truth, predicted, confidence, target=0.95) == 0.5


def test_a_category_threshold_never_routes_when_no_confidence_is_safe_enough():
    truth, predicted = ["a", "b"] * 50, ["a"] * 100
    assert safe_threshold(truth, predicted, [0.99] * 100) == NEVER_ROUTES


def test_category_proposals_routed_at_the_chosen_threshold_are_right_at_least_the_target_share():
    rng = np.random.default_rng(3)
    confidence = rng.uniform(0.3, 1.0, 3000)
    right = rng.uniform(0, 1, 3000) < confidence
    predicted = ["a"] * 3000
    truth = ["a" if r else "b" for r in right]
    threshold = safe_threshold(truth, predicted, confidence)
    routed = right[confidence >= threshold]
    assert len(routed) >= 20 and routed.mean() >= 0.96


def test_a_category_threshold_may_lie_above_ninety_nine_percent():
    truth = ["a"] * 100 + ["a", "b"] * 50
    confidence = [0.9995] * 100 + [0.9945] * 100
    assert safe_threshold(truth, ["a"] * 200, confidence) == 0.995
