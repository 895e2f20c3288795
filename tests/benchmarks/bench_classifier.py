"""`make bench-classifier`: the classifiers measured on real reports (../shared/data), honestly.

Category: train on Katwijk reports created before 2024-12-01, test on 2024-12-01 .. 2025-02-28, texts
deduplicated; compare (a) the majority class, (b) Signalen's method, (c) ours on text only, (d) ours on text
and location (areas, earlier reports nearby), (e) ours on text and all context (also channel and time).
Queue: 5-fold cross-validation on queue_labels_dev.jsonl, against the policy rules alone.
Speed and size of the product's configuration (e) trained on all reports. Writes JSON.
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

from classifiers.category import CategoryClassifier  # noqa: E402
from classifiers.datasets import read_dataset  # noqa: E402
from classifiers.evaluation import evaluate  # noqa: E402
from classifiers.proposal import QUEUE_ORDER  # noqa: E402
from classifiers.rules import RuleSet  # noqa: E402
from classifiers.text import normalise  # noqa: E402
from classifiers.training import train_queue  # noqa: E402
from tests.benchmarks.signalen_baseline import signalen_pipeline  # noqa: E402

SPLIT = datetime(2024, 12, 1, tzinfo=UTC)
END = datetime(2025, 3, 1, tzinfo=UTC)


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


def location_only(example):
    """Keep the text and the place; drop channel and time, for variant (d)."""
    return replace(example, report=replace(example.report, channel="", hour=None, weekday=None))


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
    variants = {
        "c_ours_text": (False, lambda e: e),
        "d_ours_text_location": (True, location_only),
        "e_ours_text_all_context": (True, lambda e: e),
    }
    for name, (use_context, shape) in variants.items():
        started = time.perf_counter()
        classifier = CategoryClassifier(use_context=use_context).fit([shape(e) for e in train])
        seconds = time.perf_counter() - started
        proposals = classifier.propose([shape(e).report for e in test], explain=False)
        results[name] = summary(
            evaluate(truth, [p.category for p in proposals], [p.confidence for p in proposals]), seconds
        )
    return results


def rules_only(rules: RuleSet, example) -> str:
    fired = [f.queue for f in rules.fired(example.report, example.category)]
    return max(["simple", *fired], key=QUEUE_ORDER.__getitem__)


def queue_benchmark() -> dict:
    examples = read_dataset(SHARED / "queue_labels_dev.jsonl", "queue-labels").examples
    rules = RuleSet.from_file(ROOT / "data" / "triage_rules.json")
    truth = [e.queue for e in examples]
    _, metrics = train_queue(examples, rules)
    floor = evaluate(truth, [rules_only(rules, e) for e in examples], [1.0] * len(examples))
    per_class = {label: round(scores["f1"], 4) for label, scores in metrics["per_class"].items()}
    return {
        "n": len(examples),
        "rules_only": summary(floor),
        "ours_5fold": {
            **summary(metrics),
            "f1_per_class": per_class,
            "expected_calibration_error": round(metrics["expected_calibration_error"], 4),
            "suggested_threshold": metrics["suggested_threshold"],
        },
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
    classifier = CategoryClassifier(use_context=True).fit(examples)
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
    args = parser.parse_args()
    katwijk = SHARED / "katwijk" / "reports_with_text_2024-06_2025-02.csv"
    if not katwijk.exists():
        print(f"SKIPPED: the real reports are not here ({katwijk}); nothing was measured.")
        return
    records = read_dataset(katwijk, "katwijk").records
    results = {
        "data": str(katwijk.name),
        "category": category_benchmark(records),
        "queue": queue_benchmark(),
        "speed": speed_benchmark(records),
    }
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
