"""Queue-model candidates judged on later reports inside the benchmark's training fold (issue 14).

Rolling origin (classifiers.queue_validation): for each month from August to November 2024, train on every
labelled report created before the month, enriched rows included, and propose for the month's random and
first-400 reports; pooled, 595 reports and 70 maatwerk (rounds one and two: September to November, 440 and
41). Nothing created from 2024-12-01 (the benchmark's test fold) is read. A candidate is a set of module settings,
put in place for its run and taken back after.

    PYTHONPATH=. python tests/benchmarks/validate_queue.py [--only NAME,NAME] [--out validate-queue.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from classifiers import queue, queue_training, signals  # noqa: E402
from classifiers.datasets import read_dataset  # noqa: E402
from classifiers.queue_validation import Dated, pooled_summary, validate  # noqa: E402
from classifiers.thresholds import safe_queue_thresholds  # noqa: E402
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
    args = parser.parse_args()
    rows, rules = training_rows(), product_rules()
    origins = [datetime.fromisoformat(o).replace(tzinfo=UTC) for o in args.origins.split(",") if o] or ORIGINS
    names = [n for n in args.only.split(",") if n] or list(CANDIDATES)
    results = {}
    for name in names:
        started = time.perf_counter()
        with settings(CANDIDATES[name]):
            results[name] = validate(rows, lambda ex: queue_training.train_queue(ex, rules)[0], origins, SPLIT)
        results[name]["seconds"] = round(time.perf_counter() - started, 1)
        pooled = results[name]["pooled"]
        print(f"{name:28} {json.dumps(pooled)} {results[name]['seconds']}s", flush=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print("\ncandidate                    macroF1  mw-recall  mw-as-simple  log-loss")
    for name, f1, recall, as_simple, loss in pooled_summary(results):
        print(f"{name:28} {f1:7.4f} {recall:10.4f} {as_simple:13d} {loss:9.4f}")


if __name__ == "__main__":
    main()
