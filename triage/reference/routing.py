"""Which team owns a report and which queue it goes to at least: the routing rules and the category's own settings.

The order, most specific first (the first that applies decides; shown on /beheer/routering and in docs):

1. a rule for the report's buurt and its sub category;
2. a rule for the report's wijk and its sub category;
3. a rule for the buurt and the main category;
4. a rule for the wijk and the main category;
5. the sub category's own owning team and default queue (a main category's fills what the sub leaves empty);
6. nothing: no owning team, and the queue is the classifier's or the officer's alone.

A rule always wins over a category's own settings, so an administrator who adds a rule sees it take effect. The
queue a rule or category gives is a floor, never a ceiling: TRIAGE_POLICY.md decides by the most demanding need, so
a proposal the classifier puts in maatwerk (a vulnerable resident) stays maatwerk under a rule that says simple.

Why in reference: the rules join areas and categories (both reference data), and the features that route (proposals,
inbox, norms) come after reference in the import order, so all of them can call `routing_for`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Area, Category, Queue, Report, ReportRouting, RoutingRule, Team


@enum.unique
class Step(enum.StrEnum):
    """Which level of the order decided; stored on ReportRouting, so the values never change."""

    BUURT_SUB = "buurt_sub"
    WIJK_SUB = "wijk_sub"
    BUURT_MAIN = "buurt_main"
    WIJK_MAIN = "wijk_main"
    CATEGORY = "category"
    NONE = "none"


@dataclass(frozen=True)
class RuleTarget:
    rule_id: int
    team_id: int
    queue: Queue


RuleBook = dict[tuple[int, int], RuleTarget]  # (area id, category id) -> where the rule sends the report


@dataclass(frozen=True)
class Routing:
    team_id: int | None
    queue: Queue | None  # the least demanding queue the report may go to
    step: Step
    rule_id: int | None = None


def rule_book(session: Session) -> RuleBook:
    """Every rule, read once: the preview evaluates a month of reports against it without a query per report."""
    rules = session.scalars(select(RoutingRule))
    return {(r.area_id, r.category_id): RuleTarget(r.id, r.team_id, r.queue) for r in rules}


def decide(book: RuleBook, category: Category | None, buurt_id: int | None, wijk_id: int | None) -> Routing:
    """The routing of the documented order, from plain lookups: no database access beyond loaded categories."""
    if category is None:
        return Routing(None, None, Step.NONE)
    main = category.parent or category
    sub = category if category.parent is not None else None
    levels = [(buurt_id, sub, Step.BUURT_SUB), (wijk_id, sub, Step.WIJK_SUB)]
    levels += [(buurt_id, main, Step.BUURT_MAIN), (wijk_id, main, Step.WIJK_MAIN)]
    for area_id, level, step in levels:
        target = book.get((area_id, level.id)) if area_id and level else None
        if target is not None:
            return Routing(target.team_id, target.queue, step, target.rule_id)
    return _category_settings(sub, main)


def _category_settings(sub: Category | None, main: Category) -> Routing:
    team_id = (sub.team_id if sub else None) or main.team_id
    queue = (sub.default_queue if sub else None) or main.default_queue
    if team_id is None and queue is None:
        return Routing(None, None, Step.NONE)
    return Routing(team_id, queue, Step.CATEGORY)


def routing_for(session: Session, category: Category | None, buurt_id: int | None, wijk_id: int | None) -> Routing:
    return decide(rule_book(session), category, buurt_id, wijk_id)


_RANKS = {queue: queue.rank for queue in Queue}  # read per report in the preview: a month is thousands of them


def most_demanding(proposed: Queue | None, floor: Queue | None) -> Queue | None:
    """The policy's order: maatwerk over complex over simple. No proposal stays no proposal: a person decides."""
    if proposed is None or floor is None:
        return proposed
    return floor if _RANKS[floor] > _RANKS[proposed] else proposed


def record_routing(session: Session, report: Report, now: datetime) -> ReportRouting:
    """Write down the owning team the report gets as it enters its queue, and which rule gave it."""
    routing = routing_for(session, report.category, report.buurt_id, report.wijk_id)
    record = session.get(ReportRouting, report.id) or ReportRouting(report_id=report.id)
    record.team_id, record.queue, record.rule_id = routing.team_id, report.queue, routing.rule_id
    record.step, record.at = routing.step.value, now
    session.add(record)
    session.flush()
    return record


@dataclass(frozen=True)
class RoutingShown:
    """What a report page says about its routing: the team, and the rule in words (None: a category setting)."""

    team: str | None
    step: str
    rule_area: str | None
    rule_category: str | None
    rule_removed: bool


def routing_shown(session: Session, report_id: int, proposed: dict | None = None) -> RoutingShown | None:
    """The routing a report got when it entered its queue; before that, the one its proposal applied (`proposed`,
    the proposal's reasons["routing"]), so an officer sees which rule raised a queue before accepting it."""
    record = session.get(ReportRouting, report_id)
    if record is not None:
        team = session.get(Team, record.team_id) if record.team_id else None
        return _shown(session, team.name if team else None, record.step, record.rule_id)
    if proposed and proposed.get("step"):
        return _shown(session, None, proposed["step"], proposed.get("rule"))
    return None


def _shown(session: Session, team: str | None, step: str, rule_id: int | None) -> RoutingShown:
    rule = session.get(RoutingRule, rule_id) if rule_id else None
    return RoutingShown(
        team,
        step,
        _area_name(rule.area) if rule else None,
        category_path(rule.category) if rule else None,
        rule_id is not None and rule is None,
    )


def _area_name(area: Area) -> str:
    return f"{area.name} ({area.kind.value})"


def category_path(category: Category) -> str:
    """ "Afval › Container is vol": a sub category's name says little without its main category."""
    return f"{category.parent.name} › {category.name}" if category.parent else category.name
