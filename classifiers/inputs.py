"""What a classifier is told about a report: plain values gathered by triage/ (or by a file reader)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportInput:
    """A report and its context at the moment it came in.

    `nearby_50m_30d` counts earlier reports within 50 m in the last 30 days per category; `nearby_250m_30d`
    the same within 250 m; `nearest_open_m` is the distance in metres to the nearest open report of each
    category. `areas` are area names or codes such as "wijk:WK039201" or "street:grote markt".
    """

    text: str
    channel: str = ""
    has_photos: bool = False
    areas: tuple[str, ...] = ()
    hour: int | None = None
    weekday: int | None = None
    nearby_50m_30d: dict[str, int] = field(default_factory=dict)
    nearby_250m_30d: dict[str, int] = field(default_factory=dict)
    nearest_open_m: dict[str, float] = field(default_factory=dict)
    reporter_reports_90d: int = 0


@dataclass(frozen=True)
class LabelledReport:
    """A report with the labels a person gave it; `subcategory` and `queue` may be unknown.

    `training_only`: the report was picked for its label (an enriched sample), so its class shares are not
    those of real inflow; it may teach a classifier but never count in a threshold or a held-out score."""

    report: ReportInput
    category: str | None = None
    subcategory: str | None = None
    queue: str | None = None
    training_only: bool = False


@dataclass(frozen=True)
class ConfiguredCategory:
    """A main category the municipality configured, with the words it is known by before any report arrives:
    its name, its sub-categories' names and the descriptions residents read. `name` is the label training
    examples carry for it."""

    name: str
    texts: tuple[str, ...] = ()
