"""Whether an artifact's confidence threshold may route reports without a person.

A threshold is the lowest confidence at which automatically routed reports were right at least 95 times in
100 (evaluation.py; for the queue one per queue, weighted by what a wrong queue costs: `safe_queue_thresholds`).
Chosen on the synthetic demo corpus that says nothing about real reports (there it is often 0.0, and every
report would skip the inbox). So a threshold routes only once it was chosen on real decisions,
imported history or officers' decisions, and enough of them; until then every proposal waits for a person.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

DEMO, HISTORY, DECISIONS = "demo", "history", "decisions"
ORIGINS = (DEMO, HISTORY, DECISIONS)
MIN_REAL_DECISIONS = 200
NEVER_ROUTES = math.inf  # no confidence reaches it: every proposal waits for a person


def threshold_basis(origins: Iterable[str]) -> dict:
    """Where the examples a threshold was chosen on came from: `chosen_on` and the count per origin."""
    counts = Counter(origins)
    found = {origin: counts[origin] for origin in ORIGINS}
    real = found[HISTORY] + found[DECISIONS]
    chosen_on = DEMO if real <= found[DEMO] else max((HISTORY, DECISIONS), key=found.__getitem__)
    return {"chosen_on": chosen_on, "counts": found}


def chosen_on_real_decisions(metadata: dict) -> bool:
    """An artifact without a basis (made before it was recorded) counts as chosen on the demo corpus."""
    basis = metadata.get("threshold_basis") or {}
    counts = basis.get("counts", {})
    real = counts.get(HISTORY, 0) + counts.get(DECISIONS, 0)
    return basis.get("chosen_on") in (HISTORY, DECISIONS) and real >= MIN_REAL_DECISIONS


def routing_threshold(metadata: dict, learnt: float, configured: float | None) -> float:
    """The setting wins; else the learnt threshold if real decisions chose it; else nothing routes alone."""
    if configured is not None:
        return configured
    return learnt if chosen_on_real_decisions(metadata) else NEVER_ROUTES


SAFE_ACCURACY = 0.95  # of the reports routed without a person, at least this share must be right
MIN_ROUTED = 20  # fewer held-out proposals above a threshold say nothing about it
THRESHOLD_GRID = [round(0.5 + 0.01 * step, 2) for step in range(50)]
# How far above the threshold cross-validation found safe a queue's threshold is set. Shuffled folds mix the
# months; on the months after their training (rolling-origin validation inside the benchmark's training fold,
# August to November 2024, tests/benchmarks/validate_queue.py --thresholds) the unraised thresholds routed 13.8%
# of the reports at 95.1% right pooled, but 89% (8/9) and 88% (15/17) right in September and October. Of the
# stricter rules tried (two or three cautious errors, 40 routed at the least, a floor of 0.90/0.93/0.95, a
# Wilson lower bound, only simple routing, a step of 0.05 or 0.10), a step of 0.05 routed the most among those
# right at least 95% of the time in every month: 0.3%. Safety first, as the policy asks; the share it costs is
# reported beside it.
THRESHOLD_STEP = 0.05


def costly_error_rate(truth: Sequence[str], queue: str, costs: dict[str, dict[str, float]]) -> float:
    """Errors among reports routed to `queue`, each weighted by its cost, plus one for caution, per report.

    The extra error is a margin for chance: twenty routed reports without a mistake are not yet proof of 95%."""
    weighted = sum(costs.get(t, {}).get(queue, 1.0) for t in truth if t != queue)
    return (weighted + 1.0) / len(truth) if len(truth) else math.inf


def safe_queue_thresholds(
    truth: Sequence[str],
    proposed: Sequence[str],
    confidence: Sequence[float],
    costs: dict[str, dict[str, float]],
    target: float = SAFE_ACCURACY,
) -> dict[str, float]:
    """Per queue, the lowest threshold from which up every stricter one keeps the costly error rate within
    1 - target on held-out proposals, raised by THRESHOLD_STEP; a queue that never gets there never routes alone
    (`NEVER_ROUTES`).

    Chosen for safety, not automation: as the cost-weighted rate is at least the plain error rate, the routed
    reports are right at least `target` of the time on the reports it was chosen on."""
    chosen = {}
    for queue in sorted(set(proposed)):
        chosen[queue] = NEVER_ROUTES
        for threshold in reversed(THRESHOLD_GRID):
            routed = [t for t, p, c in zip(truth, proposed, confidence, strict=True) if p == queue and c >= threshold]
            if len(routed) < MIN_ROUTED:
                continue  # too few to judge: a lower threshold may gather enough
            if costly_error_rate(routed, queue, costs) > 1.0 - target:
                break
            chosen[queue] = threshold
        chosen[queue] = raised(chosen[queue])
    return chosen


def raised(threshold: float, step: float | None = None) -> float:
    """A threshold `step` (THRESHOLD_STEP) stricter; one that reaches 1.0 never routes (no calibrated confidence
    is surer)."""
    stricter = round(threshold + (THRESHOLD_STEP if step is None else step), 2)
    return stricter if stricter < 1.0 else NEVER_ROUTES


CATEGORY_MARGIN_TARGET = 0.96  # the category threshold aims a point above 95%: drift since training costs some
# Up to 0.999: a calibrated category model reaches 96% right only among its surest proposals, above 0.99.
FINE_GRID = THRESHOLD_GRID + [round(0.99 + 0.001 * step, 3) for step in range(1, 10)]


def safe_threshold(
    truth: Sequence[str],
    predicted: Sequence[str],
    confidence: Sequence[float],
    target: float = CATEGORY_MARGIN_TARGET,
) -> float:
    """The lowest threshold of FINE_GRID from which up every stricter one keeps the routed proposals right
    at least `target` of the time on held-out reports, counting one extra error for caution (as
    `costly_error_rate`); `NEVER_ROUTES` when none does.

    The earlier choice took the first of a few thresholds 0.05 apart that reached 95% and fell back to 0.95
    when none did: on later reports its routed proposals were right 94% of the time."""
    chosen = NEVER_ROUTES
    pairs = list(zip(truth, predicted, confidence, strict=True))
    enough = max(MIN_ROUTED, math.ceil(1.0 / (1.0 - target) - 1e-9))  # fewer fail on the cautious error alone
    for threshold in reversed(FINE_GRID):
        routed = [t == p for t, p, c in pairs if c >= threshold]
        if len(routed) < enough:
            continue
        if (len(routed) - sum(routed) + 1.0) / len(routed) > 1.0 - target:
            break
        chosen = threshold
    return chosen


def routed_figures(truth: Sequence[str], proposed: Sequence[str], routes: Sequence[bool]) -> dict:
    """The share routed without a person and how often those were right: the two figures always shown together."""
    routed = [t == p for t, p, r in zip(truth, proposed, routes, strict=True) if r]
    return {
        "share_routed": len(routed) / len(truth) if len(truth) else 0.0,
        "accuracy_routed": sum(routed) / len(routed) if routed else None,
        "routed": len(routed),
    }
