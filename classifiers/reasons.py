"""Reasons a triage officer understands: which words, places, earlier reports and rules decided a proposal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from classifiers.stop_words import is_meaningful_term

TEXT_TERMS_SHOWN = 5


@dataclass(frozen=True)
class Reason:
    """`kind` is text, location, category, reporter, channel, rule or fallback; `text` is Dutch for the officer
    (the stored fallback); `details` holds the sentence's translation key and values."""

    kind: str
    text: str
    weight: float = 0.0
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def reasons_from_features(contributions: list[tuple[str, float]]) -> list[Reason]:
    """Turn the strongest features of a decision into sentences, one per kind of signal.

    `details["key"]` names the sentence for the translations (`reason.<key>`); the other details are its
    values: a category or area as the classifier knows it, which the product replaces by its name.
    """
    words = [(name[5:], w) for name, w in contributions if name.startswith("word:") and is_meaningful_term(name[5:])]
    words = words[:TEXT_TERMS_SHOWN]
    reasons = []
    if words:
        terms = [term for term, _ in words]
        listed = ", ".join(f"‘{term}’" for term in terms)
        reasons.append(
            Reason(
                "text",
                f"Woorden in de tekst: {listed}",
                round(sum(w for _, w in words), 3),
                _said("words", terms=terms),
            )
        )
    for name, weight in contributions:
        reason = _context_reason(name, weight)
        if reason:
            reasons.append(reason)
    return reasons[: TEXT_TERMS_SHOWN + 3]


def _said(key: str, **values) -> dict:
    return {"key": key, **values}


def _context_reason(name: str, weight: float) -> Reason | None:
    if weight < 0.05:
        return None
    key, _, value = name.partition("=")
    if key in ("near50", "near250"):
        return _nearby_reason(key, value, weight)
    if key == "open":
        return Reason(
            "location", f"Er staat al een open melding ‘{value}’ vlakbij", weight, _said("open", category=value)
        )
    if key == "area":
        return Reason("location", f"Plek: {value}", weight, _said("area", area=value))
    if key == "category":
        return Reason("category", f"Categorie: {value}", weight, _said("category", category=value))
    if key == "channel":
        return Reason("channel", f"Binnengekomen via {value}", weight, _said("channel", channel=value))
    if key == "reporter_90d" and value not in ("0", "1"):
        text = f"Deze melder deed {value} of meer meldingen in 90 dagen"
        return Reason("reporter", text, weight, _said("reporter", count=value))
    return None


def _nearby_reason(key: str, value: str, weight: float) -> Reason:
    metres = 50 if key == "near50" else 250
    if value == "all":
        return Reason("location", f"Eerdere meldingen binnen {metres} m", weight, _said("nearby_all", metres=metres))
    text = f"Eerdere meldingen ‘{value}’ binnen {metres} m in de laatste 30 dagen"
    return Reason("location", text, weight, _said("nearby", category=value, metres=metres))
