"""Whether an artifact's confidence threshold may route reports without a person.

A threshold is the lowest confidence at which automatically routed reports were right 9 times in 10
(evaluation.py). Chosen on the synthetic demo corpus that says nothing about real reports (there it is often
0.0, and every report would skip the inbox). So a threshold routes only once it was chosen on real decisions,
imported history or officers' decisions, and enough of them; until then every proposal waits for a person.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

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
