"""Queue-model candidates judged on later reports inside the benchmark's training fold (issue 14).

Rolling origin (classifiers.queue_validation): for each month from August to November 2024, train on every
labelled report created before the month, enriched rows included, and propose for the month's random and
first-400 reports; pooled, 595 reports and 70 maatwerk (rounds one and two: September to November, 440 and
41). Nothing created from 2024-12-01 (the benchmark's test fold) is read. A candidate is a set of module settings,
put in place for its run and taken back after.

    PYTHONPATH=. python tests/benchmarks/validate_queue.py [--only NAME,NAME] [--out validate-queue.json]
    PYTHONPATH=. python tests/benchmarks/validate_queue.py --thresholds   # THRESHOLD_RULES, per month

Rounds five and six (TRAINERS) are trainers of their own: the labellers' reasons as aspect features, a blend
with a model on the policy features alone. Selection rule, written down before their figures were read (after
the three blends' only): adopt a candidate over "chosen" only if its pooled macro-F1 is at least 0.010 higher,
its maatwerk recall at most 0.015 (one report) lower, its log-loss at most 0.005 higher, and its macro-F1 higher
in at least three of the four months; of the threshold rules, the one routing the largest pooled share among
those whose routed reports are at least 95% right in every month (a month routing nothing passes), adopted only
if the product's rule fails that.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from classifiers import queue, queue_training, signals, thresholds  # noqa: E402
from classifiers.calibration import Calibration  # noqa: E402
from classifiers.datasets import read_dataset  # noqa: E402
from classifiers.features import ReportVectorizer  # noqa: E402
from classifiers.proposal import QueueProposal  # noqa: E402
from classifiers.queue import class_scores, least_costly  # noqa: E402
from classifiers.queue_validation import Dated, Trainer, pooled_summary, rolling_splits, validate  # noqa: E402
from classifiers.text import normalise  # noqa: E402
from classifiers.thresholds import routed_figures, safe_queue_thresholds  # noqa: E402
from tests.benchmarks.bench_classifier import SHARED, SPLIT, queue_records  # noqa: E402
from triage.proposals import product_rules  # noqa: E402

# Round one and two validated September to November (440 reports, 41 maatwerk); August was added for round
# three (595 reports, 70 maatwerk): one maatwerk report moved the recall by 0.024 and candidates by 0.02 macro-F1.
ORIGINS = [datetime(2024, month, 1, tzinfo=UTC) for month in (8, 9, 10, 11)]

# More wording of the policy's signs, written from the maatwerk reports created before the first origin
# (June to August 2024) that no sign caught: the validation months were not read to write them.
MORE_WORDING = {
    "repeated_reporting": (
        r"\b(meerdere|meedere|diverse|verschillende) (keren|malen|meldingen)\b",
        r"\bnog maar eens\b|\ben nog (een|maar)\b.{0,20}\bmelding",
        r"\bmelding\w* (gedaan )?(onder|met) (nummer|nr)\b|\baanvulling op (de |mijn |onze )?melding\b",
        r"\b(vorige|afgelopen) (keer|week|maand|jaar)\b.{0,40}\b(gemeld|melding|gedaan|gebeurd)",
        r"\bik blijf (dit|het) melden\b|\bna (mijn|onze|de) (laatste |vorige )?meldingen?\b",
    ),
    "handling_complaint": (
        r"\b(veranderd|verandert) (er )?(niks|niets)\b|\ber (veranderd|verandert) (niks|niets)\b",
        r"\b(weinig|niks|niets) (aan )?(gedaan|gebeurd)\b",
        r"\b(al )?(op )?aangesproken\b|\bhelpt (niet|niks|niets)\b",
        r"\bnooit (een )?(reactie|antwoord)\b|\b(geen|nooit) (reactie|antwoord) (op )?(gekregen|ontvangen)\b",
        r"\bafgedaan\b|\bonbeschoft\w*",
    ),
    "neighbour_conflict": (r"\b(huisnummer|huisnr) ?\d{1,3}\b|\b(van|op) (nummer|nr) \d{1,3}\b|\bbewoners van\b",),
    "distress": (r"\b(irriteer|irritant|irritatie)\w*",),
}
SIGNS_PLUS = {sign: patterns + MORE_WORDING.get(sign, ()) for sign, patterns in signals.SIGNS.items()}

# name -> {(module, attribute): value}, each on top of BEFORE (the product before this choice: C 3, the enriched
# weight chosen among 0.25, 0.5 and 1 by cross-validation, rules dropped when that raised its macro-F1);
# "chosen" is the product as it is now (C 1, enriched weight 0.5, every rule kept), "r4 C=1 enriched=0.5 every
# rule" again. The "two kinds of sign" candidates of rounds one to three (commit dface46) went with their switch
# in the product: they helped beside some settings and hurt beside others on the validation months.
CANDIDATES: dict[str, dict[tuple[object, str], object]] = {
    "before": {},
    "C=1": {(queue, "QUEUE_C"): 1.0},
    "C=10": {(queue, "QUEUE_C"): 10.0},
    "policy_weight=0.5": {(queue, "POLICY_WEIGHT"): 0.5},
    "policy_weight=2": {(queue, "POLICY_WEIGHT"): 2.0},
    "chars=3-5": {(queue, "CHAR_NGRAMS"): (3, 5)},
    "enriched=1.0 only": {(queue_training, "ENRICHED_WEIGHTS"): (1.0,)},
    "enriched=0.25 only": {(queue_training, "ENRICHED_WEIGHTS"): (0.25,)},
    "missed=3/4 only": {(queue_training, "MAATWERK_MISSED"): ((3.0, 4.0),)},
    "missed grid + 5/8": {(queue_training, "MAATWERK_MISSED"): ((2.0, 3.0), (3.0, 4.0), (4.0, 6.0), (5.0, 8.0))},
    "recall floor 0.90": {(queue_training, "MAATWERK_RECALL_FLOOR"): 0.90},
    "signs+": {(signals, "SIGNS"): SIGNS_PLUS},
    "signs+ policy_weight=2": {(signals, "SIGNS"): SIGNS_PLUS, (queue, "POLICY_WEIGHT"): 2.0},
    "C=0.5": {(queue, "QUEUE_C"): 0.5},
    "C=1 enriched=0.25": {(queue, "QUEUE_C"): 1.0, (queue_training, "ENRICHED_WEIGHTS"): (0.25,)},
    "C=1 enriched=0.5": {(queue, "QUEUE_C"): 1.0, (queue_training, "ENRICHED_WEIGHTS"): (0.5,)},
    "C=1 enriched=0.25 signs+": {
        (queue, "QUEUE_C"): 1.0,
        (queue_training, "ENRICHED_WEIGHTS"): (0.25,),
        (signals, "SIGNS"): SIGNS_PLUS,
    },
    "threshold target 0.97": {(queue_training, "safe_queue_thresholds"): partial(safe_queue_thresholds, target=0.97)},
}


# Round two: the settings that helped alone (C, the enriched weight, the wording), together, with the log-loss.
for c in (0.5, 1.0, 2.0):
    for weight in (0.25, 0.5):
        for wording in ("", " signs+"):
            CANDIDATES[f"grid C={c} enriched={weight}{wording}"] = {
                (queue, "QUEUE_C"): c,
                (queue_training, "ENRICHED_WEIGHTS"): (weight,),
                **({(signals, "SIGNS"): SIGNS_PLUS} if wording else {}),
            }
# Round three, on four origins: the contenders of round two and what might add to the best of them.
BEST_OF_TWO = {(queue, "QUEUE_C"): 2.0, (queue_training, "ENRICHED_WEIGHTS"): (0.25,)}
CANDIDATES.update(
    {
        "r3 C=3 enriched=0.25": {(queue_training, "ENRICHED_WEIGHTS"): (0.25,)},
        "r3 C=3 enriched=0.5": {(queue_training, "ENRICHED_WEIGHTS"): (0.5,)},
        "r3 C=2 enriched=0.25 signs+": {**BEST_OF_TWO, (signals, "SIGNS"): SIGNS_PLUS},
        "r3 C=2 enriched=0.25 policy_weight=2": {**BEST_OF_TWO, (queue, "POLICY_WEIGHT"): 2.0},
        "r3 C=2 enriched=0.25 chars 20k": {**BEST_OF_TWO, (queue, "MAX_CHAR_FEATURES"): 20_000},
        "r3 C=2 enriched=0.25 every rule": {**BEST_OF_TWO, (queue_training, "SELECT_RULES"): False},
        "r3 C=2 enriched=0.1": {**BEST_OF_TWO, (queue_training, "ENRICHED_WEIGHTS"): (0.1,)},
    }
)
# Round four: is keeping every rule better beside other settings too?
EVERY_RULE = {(queue_training, "SELECT_RULES"): False}
CANDIDATES.update(
    {
        "r4 before every rule": EVERY_RULE,
        "r4 C=3 enriched=0.5 every rule": {**EVERY_RULE, (queue_training, "ENRICHED_WEIGHTS"): (0.5,)},
        "r4 C=1 enriched=0.5 every rule": {
            **EVERY_RULE,
            (queue, "QUEUE_C"): 1.0,
            (queue_training, "ENRICHED_WEIGHTS"): (0.5,),
        },
        "r4 C=2 enriched=0.25 policy_weight=2 every rule": {
            **EVERY_RULE,
            **BEST_OF_TWO,
            (queue, "POLICY_WEIGHT"): 2.0,
        },
    }
)

BEFORE = {
    (queue, "QUEUE_C"): 3.0,
    (queue_training, "ENRICHED_WEIGHTS"): (0.25, 0.5, 1.0),
    (queue_training, "SELECT_RULES"): True,
}
CANDIDATES = {name: {**BEFORE, **patches} for name, patches in CANDIDATES.items()} | {"chosen": {}}


# Round five (issue 14, second helper): three ideas not tried before, each a trainer of its own rather than a
# module setting, as each needs code the product does not have. Judged on the same four months.
#
# (1) The labellers' reasons as a training signal. Every labelled row carries a reason, the double and enriched
# files two (one per labeller). A reason names what decided the queue ("earlier reports ignored", "asks to be
# called"); REASON_TAGS read those aspects of the policy from the (English) reasons. Per aspect a logistic
# regression learns to see it in the report's own text (word and character tf-idf), and its probability becomes a
# policy feature `aspect=<tag>` of the queue model: at proposal time only the report exists, and the aspect
# models read only the report. Training rows get the probability of a 5-fold model that did not see them, so the
# queue model learns how far the aspect models can be trusted on unseen text. The tags were written from the
# policy's list of signs before any run, not from the validation months.
REASON_TAGS = {
    "earlier_reports": r"earlier|again|third|fourth|umpteenth|repeat|twice|times|second report|reported before|still",
    "handling": r"nothing (done|happen)|no (reaction|response|answer|feedback|result)|ignored|never|promised|complain"
    r"|handl|closed|without (result|action)|unresolved|not (solved|done|fixed)",
    "contact": r"contact|call|phone|visit|speak|hear back|feedback|talk",
    "distress": r"angry|anger|furious|despair|distress|fed up|frustrat|upset|desperate|fear|afraid|scared",
    "vulnerable": r"elderly|disabled|wheelchair|\bill\b|sick|medical|vulnerable|mobility|walker|rollator|blind|pregnan",
    "neighbour": r"neighbour",
    "social": r"confused|homeless|hoard|neglect|social|addict|drug|sleeping",
    "recurring_place": r"recurring|nearby|within 50|structural",
    "safety": r"danger|unsafe|safety|risk|fall",
    "enforcement": r"enforcement|permit|police|illegal|investigat|inspect|research",
}
COMPILED_TAGS = {tag: re.compile(pattern) for tag, pattern in REASON_TAGS.items()}
LABEL_FILES = ("queue_labels_dev.jsonl", "queue_labels_dev_double.jsonl", "queue_labels_dev_enriched.jsonl")


def reasons_by_text() -> dict[str, str]:
    """Each labelled text's reasons (both labellers' where there are two), lower case, by normalised text."""
    found: dict[str, str] = {}
    for name in LABEL_FILES:
        for line in (SHARED / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = normalise(row.get("text") or "")
                found[key] = " ".join((found.get(key, ""), row.get("reason") or "", row.get("reason_b") or "")).lower()
    return found


def aspects_of(reason: str) -> dict[str, int]:
    return {tag: int(bool(pattern.search(reason))) for tag, pattern in COMPILED_TAGS.items()}


class AspectModels:
    """Per aspect of REASON_TAGS, a logistic regression from the report's text; out-of-fold for training rows."""

    def __init__(self, examples, reasons: dict[str, str], weight: float, folds: int = 5) -> None:
        self.weight = weight
        texts = [normalise(e.report.text) for e in examples]
        known = [i for i, t in enumerate(texts) if t in reasons]
        self.vectorizer = ReportVectorizer(use_context=False, max_char_features=queue.MAX_CHAR_FEATURES)
        X = self.vectorizer.fit_transform([examples[i].report for i in known])
        tags = {tag: np.array([aspects_of(reasons[texts[i]])[tag] for i in known]) for tag in REASON_TAGS}
        tags = {tag: y for tag, y in tags.items() if MIN_ASPECT <= y.sum() <= len(y) - MIN_ASPECT}
        self.models = {tag: LogisticRegression(C=ASPECT_C, max_iter=2000).fit(X, y) for tag, y in tags.items()}
        self.out_of_fold: dict[str, dict[str, float]] = {texts[i]: {} for i in known}
        for train, test in KFold(folds, shuffle=True, random_state=1).split(known):
            for tag, y in tags.items():
                if 0 < y[train].sum() < len(train):
                    p = LogisticRegression(C=ASPECT_C, max_iter=2000).fit(X[train], y[train]).predict_proba(X[test])
                    for row, value in zip(test, p[:, 1], strict=True):
                        self.out_of_fold[texts[known[row]]][tag] = float(value)

    def values(self, report) -> dict[str, float]:
        key = normalise(report.text)
        probs = self.out_of_fold.get(key)
        if probs is None:
            X = self.vectorizer.transform([report])
            probs = {tag: float(m.predict_proba(X)[0, 1]) for tag, m in self.models.items()}
        return {f"aspect={tag}": self.weight * p for tag, p in probs.items()}


MIN_ASPECT, ASPECT_C = 8, 4.0


def aspect_trainer(rules, weight: float, then: Callable | None = None) -> Trainer:
    """Aspect features in place while `then` (the product's train_queue, or another trainer) trains and proposes."""
    reasons, original = reasons_by_text(), queue.QueueClassifier.policy_values
    then = then or (lambda examples: queue_training.train_queue(examples, rules)[0])

    def train(examples):
        aspects = AspectModels([e for e in examples if e.queue], reasons, weight)

        def policy_values(self, report, category, firings=None):
            return {**original(self, report, category, firings), **aspects.values(report)}

        queue.QueueClassifier.policy_values = policy_values
        try:
            classifier = then(examples)
        finally:
            queue.QueueClassifier.policy_values = original
        return WithAspects(classifier, policy_values)

    return train


class WithAspects:
    """A trained queue classifier that proposes with its aspect features in place."""

    def __init__(self, classifier, policy_values) -> None:
        self.classifier, self.policy_values, self.labels = classifier, policy_values, classifier.labels

    def _with(self, method, *args, **kwargs):
        original = queue.QueueClassifier.policy_values
        queue.QueueClassifier.policy_values = self.policy_values
        try:
            return getattr(self.classifier, method)(*args, **kwargs)
        finally:
            queue.QueueClassifier.policy_values = original

    def propose(self, reports, categories, explain=True):
        return self._with("propose", reports, categories, explain=explain)

    def probabilities(self, reports, categories):
        return self._with("probabilities", reports, categories)


# (2) The text model blended with a model on the policy features alone (signs, shape, place, reporter, rules,
# category, channel: no words), which may hold better when the topics change with the seasons. Both are
# calibrated on the same cross-validation folds inside training; the mix of their calibrated probabilities
# (weight `w` on the policy model) decides the queue by the product's costs, and the thresholds are chosen on
# the mix's held-out proposals by the product's rule. `w` among BLEND_WEIGHTS, chosen on validation.
BLEND_WEIGHTS = (0.15, 0.3, 0.5)


class Blended:
    def __init__(self, classifier, policy_model, policy_vectorizer, calibration, weight, thresholds) -> None:
        self.classifier, self.labels = classifier, classifier.labels
        self.policy_model, self.policy_vectorizer, self.calibration = policy_model, policy_vectorizer, calibration
        self.weight, self.thresholds = weight, thresholds
        self.floor = min(thresholds.values(), default=1.0)

    def probabilities(self, reports, categories):
        text = self.classifier.probabilities(reports, categories)
        rows = [self.classifier.policy_values(r, c) for r, c in zip(reports, categories, strict=True)]
        policy = self.calibration.probabilities(class_scores(self.policy_model, self.policy_vectorizer.transform(rows)))
        return (1.0 - self.weight) * text + self.weight * policy

    def propose(self, reports, categories, explain=True):
        proposals = []
        for probs in self.probabilities(reports, categories):
            chosen = least_costly(self.labels, probs, self.classifier.costs)
            queue_, confidence = self.labels[chosen], float(probs[chosen])
            threshold = max(self.floor, self.thresholds.get(queue_, float("inf")))
            likeliest = int(np.argmax(probs))
            proposals.append(
                QueueProposal(
                    queue_,
                    confidence,
                    self.labels[likeliest],
                    float(probs[likeliest]),
                    needs_person=confidence < threshold,
                )
            )
        return proposals


def policy_fit(rows, queues, weights):
    vectorizer = DictVectorizer(dtype=np.float32)
    X = vectorizer.fit_transform(rows)
    return vectorizer, queue.fit_model(X, queues, weights, queue.QUEUE_C)


def blend_trainer(rules, weight: float) -> Trainer:
    def train(examples):
        examples = [e for e in examples if e.queue]
        seen: dict[str, object] = {}
        with captured(seen):
            classifier = queue_training.train_queue(examples, rules)[0]
        held, folds = seen["scored"], seen["folds"]
        rows = [classifier.policy_values(e.report, e.category) for e in examples]
        queues = np.array([e.queue for e in examples])
        weights = queue.training_weights(examples, classifier.enriched_weight)
        scores = []
        for fold in folds:
            vectorizer, model = policy_fit([rows[i] for i in fold.train], queues[fold.train], weights[fold.train])
            found = class_scores(model, vectorizer.transform([rows[i] for i in fold.test]))
            scores.append(queue_training._aligned(found, [str(c) for c in model.classes_], held.classes))
        calibration = Calibration.fit(np.vstack(scores), held.truth, held.classes)
        mixed = (1.0 - weight) * held.probs + weight * calibration.probabilities(np.vstack(scores))
        chosen = [least_costly(held.classes, p, classifier.costs) for p in mixed]
        proposed = [held.classes[c] for c in chosen]
        confidence = [float(p[c]) for p, c in zip(mixed, chosen, strict=True)]
        thresholds = safe_queue_thresholds(held.truth, proposed, confidence, classifier.costs)
        vectorizer, model = policy_fit(rows, queues, weights)
        return Blended(classifier, model, vectorizer, calibration, weight, thresholds)

    return train


@contextlib.contextmanager
def captured(seen: dict):
    """train_queue's cross-validation folds and its last held-out probabilities (those its thresholds use)."""
    folds_for, scored = queue_training.folds_for, queue_training.scored

    def keep_folds(*args, **kwargs):
        seen["folds"] = folds_for(*args, **kwargs)
        return seen["folds"]

    def keep_scored(*args, **kwargs):
        seen["scored"] = scored(*args, **kwargs)
        return seen["scored"]

    queue_training.folds_for, queue_training.scored = keep_folds, keep_scored
    try:
        yield
    finally:
        queue_training.folds_for, queue_training.scored = folds_for, scored


# (3) A stricter threshold rule. Validation found the product's rule (lowest threshold from which the held-out
# cost-weighted error rate, plus one error for caution, stays within 5%, from 20 routed up) routing 89% and 88%
# right in September and October. Each rule below maps training's held-out proposals to thresholds per queue; a
# rule is judged on the proposals of the same trained classifiers (thresholds never change the proposed queue),
# so one run of the product trainer judges them all: `--thresholds`.
def margin_rule(errors: float, least: int = thresholds.MIN_ROUTED, step: float = 0.0):
    """The rule before THRESHOLD_STEP (one cautious error, 20 routed at the least) with `errors` extra errors for
    caution, `least` routed at the least, raised by `step` (0.05 is the product's rule now)."""

    def rule(truth, proposed, confidence, costs):
        original = thresholds.costly_error_rate, thresholds.MIN_ROUTED, thresholds.THRESHOLD_STEP
        thresholds.costly_error_rate = lambda routed, q, c: (
            (sum(c.get(t, {}).get(q, 1.0) for t in routed if t != q) + errors) / len(routed) if routed else math.inf
        )
        thresholds.MIN_ROUTED, thresholds.THRESHOLD_STEP = least, 0.0
        try:
            chosen = safe_queue_thresholds(truth, proposed, confidence, costs)
        finally:
            thresholds.costly_error_rate, thresholds.MIN_ROUTED, thresholds.THRESHOLD_STEP = original
        return {q: t + step for q, t in chosen.items()}

    return rule


def only_simple(rule):
    """Only the simple queue routes alone: a complex or maatwerk report always waits for a person."""

    def wrapped(*args):
        return {q: t if q == "simple" else math.inf for q, t in rule(*args).items()}

    return wrapped


def at_least(floor: float, rule):
    """The rule's thresholds, none below `floor`: calibrated odds of 0.9 claim 90% right, whatever CV found."""

    def wrapped(*args):
        return {q: max(floor, t) for q, t in rule(*args).items()}

    return wrapped


def lower_bound_rule(z: float, target: float = thresholds.SAFE_ACCURACY):
    """Per queue the lowest threshold of the grid at which the Wilson lower bound (z) of the cost-weighted share
    right among the routed held-out proposals reaches `target`, scanning every threshold (no stop at the first
    that fails: with few routed, the strictest thresholds fail on chance)."""

    def rule(truth, proposed, confidence, costs):
        chosen = {}
        for q in sorted(set(proposed)):
            chosen[q] = math.inf
            for threshold in thresholds.THRESHOLD_GRID:
                routed = [t for t, p, c in zip(truth, proposed, confidence, strict=True) if p == q and c >= threshold]
                if routed:
                    n = len(routed)
                    wrong = min(n, sum(costs.get(t, {}).get(q, 1.0) for t in routed if t != q))
                    right = (n - wrong) / n
                    centre = right + z * z / (2 * n)
                    spread = z * math.sqrt(right * (1 - right) / n + z * z / (4 * n * n))
                    if (centre - spread) / (1 + z * z / n) >= target:
                        chosen[q] = threshold
                        break
        return chosen

    return rule


THRESHOLD_RULES = {
    "before (1 error, 20 routed)": margin_rule(1.0),
    "2 errors": margin_rule(2.0),
    "3 errors": margin_rule(3.0),
    "1 error, 40 routed": margin_rule(1.0, least=40),
    "2 errors, 40 routed": margin_rule(2.0, least=40),
    "1 error +0.05 (the product now)": margin_rule(1.0, step=0.05),
    "1 error +0.10": margin_rule(1.0, step=0.10),
    "simple only, 1 error": only_simple(margin_rule(1.0)),
    "simple only, 2 errors": only_simple(margin_rule(2.0)),
    "before, at least 0.90": at_least(0.90, margin_rule(1.0)),
    "before, at least 0.93": at_least(0.93, margin_rule(1.0)),
    "before, at least 0.95": at_least(0.95, margin_rule(1.0)),
    "Wilson z=1.0": lower_bound_rule(1.0),
    "Wilson z=1.64": lower_bound_rule(1.64),
}


def threshold_study(rows, rules, origins) -> dict:
    """Per origin the product trainer's held-out proposals and the month's proposals; per rule what it routes."""
    months = []
    for taught, held in rolling_splits(rows, origins, SPLIT):
        seen: dict[str, object] = {}
        with captured(seen):
            classifier = queue_training.train_queue(taught, rules)[0]
        inner = queue_training.decided(seen["scored"], classifier.costs)
        found = classifier.propose([e.report for e in held], [e.category for e in held], explain=False)
        months.append((inner, classifier.costs, [e.queue for e in held], found))
    results = {}
    for name, rule in THRESHOLD_RULES.items():
        per_month, truth, proposed, routes = [], [], [], []
        for inner, costs, answers, found in months:
            chosen = rule(inner.truth, inner.proposed, inner.confidence, costs)
            floor = min(chosen.values(), default=1.0)
            routed = [p.confidence >= max(floor, chosen.get(p.queue, math.inf)) for p in found]
            per_month.append(routed_figures(answers, [p.queue for p in found], routed))
            truth, proposed, routes = truth + answers, proposed + [p.queue for p in found], routes + routed
        results[name] = {"pooled": routed_figures(truth, proposed, routes), "per_month": per_month}
        months_text = " ".join(f"{m['routed']:3d}/{m['accuracy_routed'] or 0:.3f}" for m in per_month)
        pooled = results[name]["pooled"]
        print(f"{name:30} routed {pooled['share_routed']:.3f} at {pooled['accuracy_routed'] or 0:.3f}  {months_text}")
    return results


TRAINERS: dict[str, Callable] = {
    **{f"r5 aspects weight={w}": partial(aspect_trainer, weight=w) for w in (0.5, 1.0, 2.0)},
    **{f"r5 blend policy-only w={w}": partial(blend_trainer, weight=w) for w in BLEND_WEIGHTS},
    # Round six: aspects weigh more (their log-loss fell with the weight), and aspects beside the best blend.
    **{f"r6 aspects weight={w}": partial(aspect_trainer, weight=w) for w in (3.0, 4.0)},
    "r6 aspects weight=2.0 blend w=0.15": lambda rules: aspect_trainer(rules, 2.0, blend_trainer(rules, 0.15)),
}


@contextlib.contextmanager
def settings(patches: dict[tuple[object, str], object]):
    before = {key: getattr(*key) for key in patches}
    try:
        for (module, name), value in patches.items():
            setattr(module, name, value)
        if (signals, "SIGNS") in patches:
            signals.COMPILED = signals.compile_signs(signals.SIGNS)
        yield
    finally:
        for (module, name), value in before.items():
            setattr(module, name, value)
        if (signals, "SIGNS") in patches:
            signals.COMPILED = signals.compile_signs(signals.SIGNS)


def training_rows() -> list[Dated]:
    """The benchmark's training fold (created before its cut-off) with created times; nothing later."""
    katwijk = read_dataset(SHARED / "katwijk" / "reports_with_text_2024-06_2025-02.csv", "katwijk").records
    by_id = {r.id: r for r in katwijk}
    return [Dated(r.created, r.example) for r in queue_records(by_id) if r.created < SPLIT]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="Comma-separated candidate names (default: all).")
    parser.add_argument("--out", default="validate-queue.json")
    parser.add_argument("--origins", default="", help="Comma-separated first days of months (default: Aug-Nov 2024).")
    parser.add_argument("--thresholds", action="store_true", help="Judge THRESHOLD_RULES on the product trainer.")
    args = parser.parse_args()
    rows, rules = training_rows(), product_rules()
    origins = [datetime.fromisoformat(o).replace(tzinfo=UTC) for o in args.origins.split(",") if o] or ORIGINS
    if args.thresholds:
        Path(args.out).write_text(json.dumps(threshold_study(rows, rules, origins), indent=2))
        return
    names = [n for n in args.only.split(",") if n] or list(CANDIDATES) + list(TRAINERS)
    results = {}
    for name in names:
        started = time.perf_counter()
        with settings(CANDIDATES.get(name, {})):
            train = TRAINERS[name](rules) if name in TRAINERS else lambda ex: queue_training.train_queue(ex, rules)[0]
            results[name] = validate(rows, train, origins, SPLIT)
        results[name]["seconds"] = round(time.perf_counter() - started, 1)
        pooled = results[name]["pooled"]
        print(f"{name:28} {json.dumps(pooled)} {results[name]['seconds']}s", flush=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print("\ncandidate                    macroF1  mw-recall  mw-as-simple  log-loss")
    for name, f1, recall, as_simple, loss in pooled_summary(results):
        print(f"{name:28} {f1:7.4f} {recall:10.4f} {as_simple:13d} {loss:9.4f}")


if __name__ == "__main__":
    main()
