"""`make bench-classifier`: the classifiers measured on real reports (../shared/data), honestly.

Time-ordered: train on reports created before 2024-12-01, test on 2024-12-01 .. 2025-02-28; nothing is chosen
by looking at the test fold (rules, calibration and thresholds come from cross-validation inside training).
Queue: the three agreed label files (enriched rows only in training), (a) the majority class, (b) a plain
word-and-character tf-idf logistic regression, (c) the policy rules alone, (d) today's model before issue 14,
(e) the new model; each with accuracy, macro-F1, F1 per class and the automation curve, and (e) at its
default thresholds: the share routed without a person and how often those were right.
Category: Katwijk texts deduplicated; (a) the majority class, (b) Signalen's method, (e) ours with all context,
with its routed share at the default threshold; the test fold's categories that never occur in training (a
winter category, in a fold trained on June to November) and, beside the headline macro-F1, the macro-F1 over the
categories training had. Speed, size and memory of both. Writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

import joblib  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import f1_score  # noqa: E402
from sklearn.pipeline import FeatureUnion, make_pipeline  # noqa: E402

from classifiers.category import CategoryClassifier  # noqa: E402
from classifiers.datasets import read_dataset  # noqa: E402
from classifiers.evaluation import evaluate  # noqa: E402
from classifiers.inputs import ConfiguredCategory  # noqa: E402
from classifiers.proposal import QUEUE_ORDER  # noqa: E402
from classifiers.rules import RuleSet  # noqa: E402
from classifiers.text import normalise  # noqa: E402
from classifiers.thresholds import routed_figures  # noqa: E402
from classifiers.training import train_category, train_queue  # noqa: E402
from tests.benchmarks.previous_queue import QueueClassifier as PreviousQueueClassifier  # noqa: E402
from tests.benchmarks.signalen_baseline import signalen_pipeline  # noqa: E402
from triage.proposals import product_rules  # noqa: E402

SPLIT = datetime(2024, 12, 1, tzinfo=UTC)
END = datetime(2025, 3, 1, tzinfo=UTC)
# Signalen sub-categories (../shared/data/signalen_taxonomy.json) whose names say clearly what one of the
# municipality's main categories is about: configuration a municipality has before its first report, not texts.
SIGNALEN_NAMES = {
    "Gladheidsbestrijding": ["Gladheid winterdienst"],
    "Meeuwen": ["Meeuwen"],
    "Ongedierte": ["Ratten", "Ratten – in en rond een woning", "Wespen"],
    "Vuurwerkoverlast": ["Overlast door afsteken vuurwerk", "Vuurwerkoverlast"],
    "Speelvoorzieningen": ["Speelplaats"],
    "Straatverlichting": ["Straatverlichting", "Verlichting netstoring"],
    "Parkeren": ["Parkeeroverlast"],
    "Riolering en water": ["Put / Riool kapot", "Put / riolering verstopt"],
    "Openbaar groen": ["Beplanting", "Maaien", "Snoeien", "Onkruid in het groen"],
    "Zwerfafval": ["Veeg- / zwerfvuil", "Prullenbak is vol"],
    "Huisafval": ["Container is vol", "Container is kapot", "Grofvuil"],
    "Straatmeubilair en verkeersborden": ["Straatmeubilair", "Verkeersbord / verkeersafzetting", "Fietsrek / nietje"],
    "Technische storingen en parkeermeters": ["Parkeerautomaten", "Verkeerslicht"],
    "Wegen, straten en verkeer": ["Onderhoud stoep, straat en fietspad", "Verkeerssituaties"],
    "Overlast en handhaving": ["Fietswrak", "Jongerenoverlast", "Hinderlijk geplaatst object"],
}
QUEUE_FILES = ("queue_labels_dev.jsonl", "queue_labels_dev_double.jsonl", "queue_labels_dev_enriched.jsonl")


def summary(result: dict, seconds: float | None = None) -> dict:
    out = {"accuracy": round(result["accuracy"], 4), "macro_f1": round(result["macro_f1"], 4), "n": result["n"]}
    if seconds is not None:
        out["train_seconds"] = round(seconds, 1)
    return out


def time_split(records):
    seen, train, test = set(), [], []
    for record in sorted(records, key=lambda r: r.created):
        key = normalise(record.example.report.text)
        if key in seen or not record.example.category:
            continue
        seen.add(key)
        if record.created < SPLIT:
            train.append(record.example)
        elif record.created < END:
            test.append(record.example)
    return train, test


def configured_categories(records) -> list[ConfiguredCategory]:
    """The municipality's categories as configured: every main category name in the file with its sub-category
    names (the label space of both folds, never a report's text), and the clearly matching Signalen names."""
    subs: dict[str, set[str]] = {}
    for record in records:
        if record.example.category:
            subs.setdefault(record.example.category, set()).update(filter(None, [record.example.subcategory]))
    return [
        ConfiguredCategory(main, (main, *sorted(names), *SIGNALEN_NAMES.get(main, [])))
        for main, names in sorted(subs.items())
    ]


def category_benchmark(records) -> dict:
    train, test = time_split(records)
    truth = [e.category for e in test]
    majority = Counter(e.category for e in train).most_common(1)[0][0]
    results = {
        "train_size": len(train),
        "test_size": len(test),
        "a_majority": summary(evaluate(truth, [majority] * len(test), [1.0] * len(test))),
    }
    started = time.perf_counter()
    baseline = signalen_pipeline().fit([e.report.text for e in train], [e.category for e in train])
    seconds = time.perf_counter() - started
    predicted = baseline.predict([e.report.text for e in test])
    results["b_signalen"] = summary(evaluate(truth, predicted, [1.0] * len(test)), seconds)
    started = time.perf_counter()
    # its threshold chosen on the part of training held out to calibrate
    classifier, _ = train_category(train, configured=configured_categories(records))
    seconds = time.perf_counter() - started
    proposals = classifier.propose([e.report for e in test], explain=False)
    predicted = [p.category for p in proposals]
    learnt = {e.category for e in train}
    results["known_by_name_only"] = sorted(classifier.known_by_name_only)
    results["test_categories_never_in_training"] = {c: n for c, n in Counter(truth).items() if c not in learnt}
    results["e_ours_text_all_context"] = {
        **summary(evaluate(truth, predicted, [p.confidence for p in proposals]), seconds),
        "macro_f1_over_categories_in_training": round(
            float(f1_score(truth, predicted, labels=sorted(set(truth) & learnt), average="macro", zero_division=0)), 4
        ),
        "at_default_threshold": {
            **routed_figures(truth, predicted, [not p.needs_person for p in proposals]),
            "threshold": classifier.threshold,
        },
    }
    return results


def rules_only(rules: RuleSet, example) -> str:
    fired = [f.queue for f in rules.fired(example.report, example.category)]
    return max(["simple", *fired], key=QUEUE_ORDER.__getitem__)


def full(result: dict, seconds: float | None = None) -> dict:
    """Accuracy, macro-F1, F1 per class and the automation curve: what every queue method is shown with."""
    return {
        **summary(result, seconds),
        "f1_per_class": {label: round(scores["f1"], 4) for label, scores in result["per_class"].items()},
        "recall_per_class": {label: round(scores["recall"], 4) for label, scores in result["per_class"].items()},
        "expected_calibration_error": round(result["expected_calibration_error"], 4),
        "automation_curve": [
            {k: (round(v, 4) if isinstance(v, float) else v) for k, v in point.items()}
            for point in result["automation_curve"]
        ],
    }


def queue_records(katwijk_by_id: dict) -> list:
    """The three agreed label files, each row given its report's created time (the split is by time)."""
    records = []
    for name in QUEUE_FILES:
        for record in read_dataset(SHARED / name, "queue-labels").records:
            report = katwijk_by_id.get(record.id)
            if report is not None and report.created is not None:
                records.append(replace(record, created=report.created))
    return records


def queue_split(records):
    """Train: every labelled report created before the cut-off. Test: later ones drawn at random (or the first
    400), with texts seen in training or earlier in the test fold left out."""
    train = [r.example for r in records if r.created < SPLIT]
    seen, test = {normalise(e.report.text) for e in train}, []
    for record in sorted(records, key=lambda r: r.created):
        key = normalise(record.example.report.text)
        if SPLIT <= record.created < END and not record.example.training_only and key not in seen:
            seen.add(key)
            test.append(record.example)
    return train, test


def plain_baseline():
    """The plain word-and-character tf-idf logistic regression the issue measures against."""
    words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    return make_pipeline(FeatureUnion([("words", words), ("chars", chars)]), LogisticRegression(max_iter=3000))


def queue_benchmark(katwijk_by_id: dict) -> dict:
    train, test = queue_split(queue_records(katwijk_by_id))
    rules = product_rules()
    truth = [e.queue for e in test]
    majority = Counter(e.queue for e in train if not e.training_only).most_common(1)[0][0]
    results = {
        "split": f"train: created before {SPLIT:%Y-%m-%d}; test: {SPLIT:%Y-%m-%d} to {END:%Y-%m-%d} (exclusive), "
        "random and first-400 rows only, texts unique",
        "train_size": len(train),
        "train_enriched": sum(e.training_only for e in train),
        "test_size": len(test),
        "train_per_queue": dict(Counter(e.queue for e in train)),
        "test_per_queue": dict(Counter(truth)),
        "a_majority": full(evaluate(truth, [majority] * len(test), [1.0] * len(test))),
    }
    texts = [normalise(e.report.text) for e in test]
    started = time.perf_counter()
    baseline = plain_baseline().fit([normalise(e.report.text) for e in train], [e.queue for e in train])
    seconds = time.perf_counter() - started
    probs = baseline.predict_proba(texts)
    predicted = baseline.classes_[probs.argmax(axis=1)]
    results["b_plain_tfidf_logistic"] = full(evaluate(truth, predicted, probs.max(axis=1)), seconds)
    results["c_rules_only"] = full(evaluate(truth, [rules_only(rules, e) for e in test], [1.0] * len(test)))
    started = time.perf_counter()
    previous = PreviousQueueClassifier(rules).fit(train)
    seconds = time.perf_counter() - started
    proposals = previous.propose([e.report for e in test], [e.category for e in test], explain=False)
    results["d_todays_model"] = full(
        evaluate(truth, [p.queue for p in proposals], [p.confidence for p in proposals]), seconds
    )
    results["e_new_model"] = new_queue_model(train, test, rules)
    return results


def new_queue_model(train, test, rules) -> dict:
    """The product's training on the training fold alone; rules, calibration and thresholds chosen inside it."""
    started = time.perf_counter()
    classifier, metrics = train_queue(train, rules)
    seconds = time.perf_counter() - started
    proposals = classifier.propose([e.report for e in test], [e.category for e in test], explain=False)
    truth = [e.queue for e in test]
    result = full(evaluate(truth, [p.queue for p in proposals], [p.confidence for p in proposals]), seconds)
    routed = routed_figures(truth, [p.queue for p in proposals], [not p.needs_person for p in proposals])
    result.update(
        at_default_thresholds={**routed, "queue_thresholds": classifier.queue_thresholds},
        cross_validated_in_training=summary(metrics),
        rules_kept=metrics["rules_kept"],
        rule_effects_on_cv_macro_f1=metrics["rule_effects"],
        costs=metrics["costs"],
        enriched_weight=metrics["enriched_weight"],
        settings_tried_in_training=metrics["settings_tried"],
    )
    maatwerk_threshold = classifier.threshold_for("maatwerk")
    result["maatwerk_proposals_below_threshold_wait"] = all(
        p.needs_person for p in proposals if p.queue == "maatwerk" and p.confidence < maatwerk_threshold
    )
    return result


def queue_speed(katwijk_by_id: dict) -> dict:
    """Training on every label (as `triage train --format queue-labels` on ALL.jsonl) and one proposal's time."""
    examples = [r.example for r in queue_records(katwijk_by_id)]
    started = time.perf_counter()
    classifier, _ = train_queue(examples, product_rules())
    seconds = time.perf_counter() - started
    timings = []
    for example in examples[:300]:
        started = time.perf_counter()
        classifier.propose([example.report], [example.category])
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "train_size": len(examples),
        "train_seconds": round(seconds, 1),
        "single_proposal_ms_p50": round(statistics.median(timings), 3),
    }


def rss_with_artifact(path: Path) -> dict:
    """Resident memory (MB) of a fresh process that loads the artifact and makes one proposal.

    Read from /proc (VmRSS now, VmHWM at peak): ru_maxrss of a child on Linux starts from its parent's size.
    """
    code = (
        "import joblib,sys; from classifiers.inputs import ReportInput; "
        "c=joblib.load(sys.argv[1]); c.propose([ReportInput(text='lamp kapot')]); "
        "s=open('/proc/self/status').read(); kb=lambda k: int(s.split(k + ':')[1].split()[0]) / 1024; "
        "print(kb('VmRSS'), kb('VmHWM'))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    rss, peak = (round(float(value), 1) for value in output.stdout.split())
    return {"rss_mb": rss, "peak_mb": peak}


def speed_benchmark(records) -> dict:
    examples = [r.example for r in records if r.example.category]
    started = time.perf_counter()
    classifier = CategoryClassifier(use_context=True).fit(examples, configured_categories(records))
    train_seconds = time.perf_counter() - started
    reports = [e.report for e in examples]
    single, plain = [], []
    for report in reports[:500]:
        started = time.perf_counter()
        classifier.propose([report])
        single.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        classifier.propose([report], explain=False)
        plain.append((time.perf_counter() - started) * 1000)
    batch = reports[:5000]
    started = time.perf_counter()
    classifier.propose(batch, explain=False)
    per_second = len(batch) / (time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "artifact.joblib"
        joblib.dump(classifier, path, compress=3)
        size_mb = path.stat().st_size / 1e6
        rss = rss_with_artifact(path)
    return {
        "train_size": len(examples),
        "train_seconds": round(train_seconds, 1),
        "single_prediction_ms_p50": round(statistics.median(single), 3),
        "single_prediction_ms_p95": round(sorted(single)[int(0.95 * len(single)) - 1], 3),
        "batch_reports_per_second": round(per_second),
        "artifact_mb": round(size_mb, 2),
        "process_rss_mb_with_artifact": rss,
        "single_prediction_without_reasons_ms_p50": round(statistics.median(plain), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-classifier.json")
    parser.add_argument("--queue-only", action="store_true", help="Only the queue table (a quicker run).")
    parser.add_argument("--category-only", action="store_true", help="Only the category figures and speed.")
    args = parser.parse_args()
    katwijk = SHARED / "katwijk" / "reports_with_text_2024-06_2025-02.csv"
    if not katwijk.exists():
        print(f"SKIPPED: the real reports are not here ({katwijk}); nothing was measured.")
        return
    records = read_dataset(katwijk, "katwijk").records
    by_id = {r.id: r for r in records}
    results = {"data": str(katwijk.name)}
    if not args.category_only:
        results["queue"] = queue_benchmark(by_id)
        print_table(results["queue"])
    if args.queue_only:
        Path(args.out).write_text(json.dumps(results, indent=2, default=str))  # the exact figures of the table
        return
    results["category"] = category_benchmark(records)
    results["speed"] = {"category": speed_benchmark(records)}
    if not args.category_only:
        results["speed"]["queue"] = queue_speed(by_id)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(json.dumps({k: v for k, v in results.items() if k != "queue"}, indent=2))


def print_table(queue: dict) -> None:
    """The queue methods side by side, as the issue's closing note shows them."""
    print(queue["split"])
    print(f"train {queue['train_size']} ({queue['train_enriched']} enriched) {queue['train_per_queue']}")
    print(f"test {queue['test_size']} {queue['test_per_queue']}")
    print(f"{'method':28} {'acc':>6} {'macroF1':>8} {'simple':>7} {'complex':>8} {'maatwerk':>9} {'mw-recall':>9}")
    for name in ("a_majority", "b_plain_tfidf_logistic", "c_rules_only", "d_todays_model", "e_new_model"):
        row, f1 = queue[name], queue[name]["f1_per_class"]
        recall = row["recall_per_class"].get("maatwerk", 0)
        print(
            f"{name:28} {row['accuracy']:6.3f} {row['macro_f1']:8.3f} {f1.get('simple', 0):7.3f} "
            f"{f1.get('complex', 0):8.3f} {f1.get('maatwerk', 0):9.3f} {recall:9.3f}"
        )
    print("new model at its default thresholds:", queue["e_new_model"]["at_default_thresholds"])
    print("rules kept:", queue["e_new_model"]["rules_kept"])


if __name__ == "__main__":
    main()
