"""Reasons a triage officer understands: which words, places, earlier reports and rules decided a proposal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

TEXT_TERMS_SHOWN = 5


@dataclass(frozen=True)
class Reason:
    """`kind` is text, location, reporter, channel, rule or fallback; `text` is Dutch for the officer."""

    kind: str
    text: str
    weight: float = 0.0
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def reasons_from_features(contributions: list[tuple[str, float]]) -> list[Reason]:
    """Turn the strongest features of a decision into sentences, one per kind of signal."""
    words = [(name[5:], w) for name, w in contributions if name.startswith("word:")][:TEXT_TERMS_SHOWN]
    reasons = []
    if words:
        listed = ", ".join(f"‘{term}’" for term, _ in words)
        reasons.append(
            Reason(
                "text",
                f"Woorden in de tekst: {listed}",
                round(sum(w for _, w in words), 3),
                {"terms": [term for term, _ in words]},
            )
        )
    for name, weight in contributions:
        reason = _context_reason(name, weight)
        if reason:
            reasons.append(reason)
    return reasons[: TEXT_TERMS_SHOWN + 3]


def _context_reason(name: str, weight: float) -> Reason | None:
    if weight < 0.05:
        return None
    key, _, value = name.partition("=")
    if key == "near50":
        return Reason("location", f"Eerdere meldingen ‘{value}’ binnen 50 m in de laatste 30 dagen", weight)
    if key == "near250":
        return Reason("location", f"Eerdere meldingen ‘{value}’ binnen 250 m in de laatste 30 dagen", weight)
    if key == "open":
        return Reason("location", f"Er staat al een open melding ‘{value}’ vlakbij", weight)
    if key == "area":
        return Reason("location", f"Plek: {value}", weight)
    if key == "channel":
        return Reason("channel", f"Binnengekomen via {value}", weight)
    if key == "reporter_90d" and value not in ("0", "1"):
        return Reason("reporter", f"Deze melder deed {value} of meer meldingen in 90 dagen", weight)
    return None
