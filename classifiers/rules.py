"""Explicit queue rules from data/triage_rules.json, so triage follows the policy before many labels exist.

Three kinds of rule: `text` (a pattern in the report's words), `nearby_same_category` (earlier reports of
the proposed category within 50 m in 30 days) and `reporter_volume` (reports by the same person in 90
days). A category's default queue is a rule too, given by the taxonomy.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from classifiers.inputs import ReportInput
from classifiers.reasons import Reason
from classifiers.text import strip_accents

QUEUES = ("simple", "complex", "maatwerk")


@dataclass(frozen=True)
class Rule:
    id: str
    queue: str
    kind: str
    reason: str
    confidence: float = 0.9
    patterns: tuple[str, ...] = ()
    min_count: int = 0

    def __post_init__(self) -> None:
        if self.queue not in QUEUES:
            raise ValueError(f"rule {self.id}: unknown queue {self.queue!r}")
        if self.kind not in ("text", "nearby_same_category", "reporter_volume"):
            raise ValueError(f"rule {self.id}: unknown kind {self.kind!r}")
        for pattern in self.patterns:
            re.compile(pattern)
        either(self.patterns)  # the patterns together, as `fires` searches them
        if self.kind != "text" and self.min_count < 1:
            raise ValueError(f"rule {self.id}: a {self.kind} rule needs min_count of at least 1")

    def fires(self, report: ReportInput, category: str | None, plain_text: str) -> bool:
        if self.kind == "text":
            return bool(self.patterns) and either(self.patterns).search(plain_text) is not None
        if self.kind == "nearby_same_category":
            return category is not None and report.nearby_50m_30d.get(category, 0) >= self.min_count
        return report.reporter_reports_90d >= self.min_count


@functools.cache
def either(patterns: tuple[str, ...]) -> re.Pattern:
    """A rule's patterns as one expression, compiled once: one search instead of one per pattern (and a look
    in re's cache each time) was a sixth of a single queue proposal's time."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


@dataclass(frozen=True)
class RuleFiring:
    rule_id: str
    queue: str
    confidence: float
    reason: Reason


def plain(text: str) -> str:
    """Lower case without accents, digits kept (an age or "3e keer" matters to the rules)."""
    return " ".join(strip_accents((text or "")[:5000].lower()).split())


class RuleSet:
    def __init__(
        self,
        rules: list[Rule],
        category_queues: dict[str, str] | None = None,
        min_escalation: dict[str, float] | None = None,
    ) -> None:
        self.rules = rules
        self.category_queues = dict(category_queues or {})
        self.min_escalation = dict(min_escalation or {})

    @classmethod
    def from_file(cls, path: Path, category_queues: dict[str, str] | None = None) -> RuleSet:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        rules = [Rule(**{**row, "patterns": tuple(row.get("patterns", ()))}) for row in data["rules"]]
        return cls(rules, category_queues, data.get("model_min_confidence_to_escalate"))

    def fired(self, report: ReportInput, category: str | None) -> list[RuleFiring]:
        text = plain(report.text)
        firings = [
            RuleFiring(
                rule.id, rule.queue, rule.confidence, Reason("rule", rule.reason, rule.confidence, {"rule": rule.id})
            )
            for rule in self.rules
            if rule.fires(report, category, text)
        ]
        default = self.category_queues.get(category or "")
        if default and default != "simple":
            reason = Reason(
                "rule", f"De categorie ‘{category}’ hoort standaard bij {default}", 0.7, {"rule": "category-default"}
            )
            firings.append(RuleFiring("category-default", default, 0.7, reason))
        return firings
